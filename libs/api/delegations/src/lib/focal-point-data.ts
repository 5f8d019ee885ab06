import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonDataRegistry } from '@gfmd/api-platform';
import { DelegationsRepository } from './delegations.repository';

/**
 * A focal point's address is personal data: the person's export lists the delegations they run,
 * and their erasure replaces the address by a placeholder and ends their links (the delegation,
 * its seats and its delegates stay; the organizer names a new focal point).
 */
@Injectable()
export class FocalPointData implements OnModuleInit {
  constructor(
    private readonly hooks: PersonDataRegistry,
    private readonly repo: DelegationsRepository,
  ) {}

  onModuleInit() {
    this.hooks.register({
      name: 'delegations',
      export: async (email) =>
        (await this.repo.byFocalPoint(email)).map((d) => ({
          id: d.id,
          dialogueId: d.dialogueId,
          name: d.name,
          role: 'focal_point',
          focalPointEmail: d.focalPointEmail,
          focalPointLanguage: d.focalPointLanguage,
          createdAt: d.createdAt.toISOString(),
        })),
      erase: (email) => this.repo.eraseFocalPoint(email),
    });
  }
}
