import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gfmd/api-auth';
import { dialogueTemplateParams, OutboxService } from '@gfmd/api-mail';
import { AppConfig, domainRule, inTransaction, notFound } from '@gfmd/api-platform';
import { SpacesService } from '@gfmd/api-spaces';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RegistrationsRepository } from './registrations.repository';

/**
 * A coordinator (or an organizer) writes to the confirmed participants of one space. Each
 * recipient gets an outbox row in their language; nobody outside the space is reached.
 */
@Injectable()
export class SpaceMessagesService {
  constructor(
    private readonly spaces: SpacesService,
    private readonly repo: RegistrationsRepository,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async send(spaceId: string, message: string, sender: AuthUser): Promise<{ queued: number }> {
    const space = await this.spaces.assertCoordinatorOf(sender, spaceId);
    const dialogue = await this.repo.dialogue(undefined, space.dialogueId);
    if (!dialogue) throw notFound('Dialogue');
    if (dialogue.status === 'cancelled' || dialogue.status === 'draft') {
      throw domainRule('dialogue-not-open', `Messages cannot be sent for a ${dialogue.status} dialogue.`);
    }
    const recipients = await this.repo.confirmedInSpace(spaceId);
    if (!recipients.length) return { queued: 0 };
    const batch = randomUUID();
    const ids = await inTransaction(this.dataSource, (manager, afterCommit) =>
      this.outbox.write(
        manager,
        afterCommit,
        recipients.map((r) => ({
          kind: 'space_message' as const,
          to: r.email,
          language: r.preferredLanguage,
          idempotencyKey: `space_message:${batch}:${r.id}`,
          registrationId: r.id,
          dialogueId: dialogue.id,
          // A manage link of their own, minted when the email is sent (the template's button).
          links: 'manage' as const,
          params: {
            recipientName: [r.title, r.firstName, r.lastName].filter(Boolean).join(' '),
            ...dialogueTemplateParams(dialogue, r.preferredLanguage),
            dialogueTitle: `${dialogue.title} — ${space.name}`,
            senderName: sender.name,
            message,
            dialogueUrl: `${this.config.publicUrl}/dialogues/${dialogue.id}`,
          },
        })),
      ),
    );
    return { queued: ids.length };
  }
}
