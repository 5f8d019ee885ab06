import { Injectable } from '@nestjs/common';
import type { EmailKind } from '@gfmd/contracts';
import { OutboundEmailEntity, type StoredAttachment, type TemplateParams } from '@gfmd/api-mail';
import { EntityManager } from 'typeorm';

export interface PendingAgendaMail {
  id: string;
  kind: EmailKind;
  registrationId: string;
}

/**
 * The agenda's narrow window on the outbox: finding a participant's agenda email that has not
 * gone out yet, and rewriting its body so it carries the agenda's latest state (coalescing).
 * Inserting rows stays with OutboxService.
 */
@Injectable()
export class AgendaOutboxRepository {
  /**
   * Locks the newest unsent agenda email of each registration that may still be rewritten: a
   * personal agenda not yet picked up by the worker, or an update still inside its coalescing
   * window (send_after in the future). A row the worker has claimed (`sending`) or sent is left
   * alone; under READ COMMITTED the row lock re-checks the status after any wait.
   */
  async lockRewritable(manager: EntityManager, registrationIds: string[]): Promise<Map<string, PendingAgendaMail>> {
    const out = new Map<string, PendingAgendaMail>();
    if (!registrationIds.length) return out;
    const rows = await manager
      .getRepository(OutboundEmailEntity)
      .createQueryBuilder('o')
      .select(['o.id', 'o.kind', 'o.registrationId', 'o.createdAt'])
      .where('o.registration_id = ANY(:ids)', { ids: registrationIds })
      .andWhere(`o.kind IN ('agenda','agenda_update') AND o.status IN ('pending','queued')`)
      .andWhere(`(o.kind = 'agenda' OR o.send_after > now())`)
      .orderBy('o.created_at', 'DESC')
      .setLock('pessimistic_write')
      .getMany();
    for (const row of rows) {
      if (row.registrationId && !out.has(row.registrationId)) {
        out.set(row.registrationId, { id: row.id, kind: row.kind, registrationId: row.registrationId });
      }
    }
    return out;
  }

  /** New content for a row not sent yet: subject, parameters (the body is rendered from them when sent) and the .ics. */
  async rewrite(
    manager: EntityManager,
    id: string,
    content: { subject: string; params: TemplateParams; attachments: StoredAttachment[] },
  ): Promise<void> {
    await manager.query(
      `UPDATE outbound_emails SET subject = $2, params = $3::jsonb, attachments = $4::jsonb, html = NULL, text = NULL, updated_at = now()
        WHERE id = $1`,
      [id, content.subject, JSON.stringify(content.params), JSON.stringify(content.attachments)],
    );
  }
}
