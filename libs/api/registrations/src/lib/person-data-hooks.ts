import { Injectable } from '@nestjs/common';

/**
 * Personal data another domain holds about an email address (a delegation's focal point), so
 * that the person's export and erasure (ParticipantsService) reach it without this domain
 * depending on that one. Both run with the address normalised; erase runs in the erasure's
 * transaction and answers how many records it scrubbed.
 */
export interface PersonDataSource {
  /** The key of its records in the export and of its count in the erasure's answer. */
  name: string;
  export(emailNormalized: string): Promise<unknown[]>;
  erase(emailNormalized: string): Promise<number>;
}

@Injectable()
export class PersonDataHooks {
  private readonly sources: PersonDataSource[] = [];

  register(source: PersonDataSource): void {
    this.sources.push(source);
  }

  get all(): readonly PersonDataSource[] {
    return this.sources;
  }
}
