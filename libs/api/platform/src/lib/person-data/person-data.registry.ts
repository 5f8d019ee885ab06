import { Injectable } from '@nestjs/common';

/**
 * Personal data a domain holds beyond registrations and invitations (e.g. written
 * contributions), for `GET /participants/export` and `DELETE /participants`: the domain that
 * owns the data registers a source; the participants service calls every source, the erasure
 * inside its own transaction (the current one of the async context).
 */
export interface PersonDataSource {
  /** The key of its part of the export (`contributions`). */
  name: string;
  export(normalizedEmail: string): Promise<unknown[]>;
  /** Erases (or anonymises) what it holds about the address; the number of records touched. */
  erase(normalizedEmail: string): Promise<number>;
}

@Injectable()
export class PersonDataRegistry {
  private readonly list: PersonDataSource[] = [];

  register(source: PersonDataSource): void {
    if (!this.list.some((s) => s.name === source.name)) this.list.push(source);
  }

  sources(): readonly PersonDataSource[] {
    return this.list;
  }
}
