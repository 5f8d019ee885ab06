import { Injectable } from '@nestjs/common';
import type { EmailKind } from '@gfmd/contracts';
import { OutboundEmailEntity, type StoredAttachment } from '@gfmd/api-mail';
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

  async rewrite(
    manager: EntityManager,
    id: string,
    body: { subject: string; html: string; text: string; attachments: StoredAttachment[] },
  ): Promise<void> {
    await manager.getRepository(OutboundEmailEntity).update({ id }, { ...body, updatedAt: new Date() });
  }
}
