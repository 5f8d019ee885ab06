import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Dialogue } from '@gfmd/contracts';
import type { AuthUser } from '@gfmd/api-auth';
import { DialogueChange, DialogueHooks, DialoguesRepository, toDialogue } from '@gfmd/api-dialogues';
import { AuditService, conflict, domainRule, inTransaction, notFound, msg, msgPlural } from '@gfmd/api-platform';
import { ReminderRound } from '@gfmd/api-registrations';
import { SpacesService } from '@gfmd/api-spaces';
import { DataSource } from 'typeorm';
import { AgendaMailService } from './agenda-mail.service';
import { AgendaRepository } from './agenda.repository';
import { AgendaRules, spaceInfos } from './agenda-rules.service';

const CLOSED = ['cancelled', 'concluded'];

/** A dialogue's times as the agenda sees them: moving it with its whole agenda, and keeping items inside it. */
@Injectable()
export class AgendaShiftService {
  constructor(
    private readonly repo: AgendaRepository,
    private readonly rules: AgendaRules,
    private readonly spaces: SpacesService,
    private readonly dialoguesRepo: DialoguesRepository,
    private readonly mail: AgendaMailService,
    private readonly hooks: DialogueHooks,
    private readonly reminders: ReminderRound,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Moves a dialogue by `byMinutes` with its whole agenda (each item's SEQUENCE bumped), its
   * registration window and its pending reminders, in one transaction under the dialogue row
   * lock; the clash rules and the agenda's bounds are checked on the result, and every confirmed
   * participant gets one agenda_update email with the new .ics (same UIDs).
   */
  async shift(dialogueId: string, byMinutes: number, user: AuthUser): Promise<Dialogue> {
    const byMs = byMinutes * 60_000;
    const move = (d: Date | null) => (d ? new Date(d.getTime() + byMs) : null);
    const saved = await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const before = await this.dialoguesRepo.lockDialogue(dialogueId);
      if (!before) throw notFound('Dialogue');
      if (CLOSED.includes(before.status)) {
        throw domainRule('dialogue-closed', msg('agenda.notMovable', { status: before.status }));
      }
      await this.repo.shiftAll(dialogueId, byMs);
      const after = await this.dialoguesRepo.saveDialogue({
        ...before,
        startsAt: move(before.startsAt) as Date,
        endsAt: move(before.endsAt) as Date,
        registrationOpensAt: move(before.registrationOpensAt),
        registrationClosesAt: move(before.registrationClosesAt),
      });
      // The rules still hold on the moved agenda (a uniform move keeps them; checked all the same).
      const items = await this.repo.list(dialogueId);
      for (const item of items) await this.rules.assertNoClash(after, item);
      const outside = await this.repo.countOutside(dialogueId, after.startsAt, after.endsAt);
      if (outside) {
        throw domainRule('agenda-outside-dialogue', msg('agenda.shiftOutside', { count: outside }));
      }
      await this.repo.checkConstraintsNow().catch((error: unknown) => {
        if ((error as { code?: string }).code === '23P01') {
          throw conflict('agenda-overlap', msg('agenda.shiftOverlap'));
        }
        throw error;
      });
      await this.hooks.emit({ before, after, afterCommit });
      await this.reminders.followShift(dialogueId, before.startsAt, byMs);
      await this.mail.dialogueShifted(afterCommit, {
        dialogue: after,
        spaces: spaceInfos(await this.spaces.listRecords(after.id)),
        items: await this.repo.list(after.id),
      });
      await this.audit.record({
        actorUserId: user.id,
        action: 'dialogue.shifted',
        entityType: 'dialogue',
        entityId: dialogueId,
        dialogueId,
        details: { byMinutes },
      });
      return after;
    });
    return toDialogue(saved, (await this.dialoguesRepo.findSession(saved.informalSessionId)) ?? undefined);
  }

  /** Refuses a dialogue change that would leave agenda items outside its new start and end. */
  async assertItemsInside(change: DialogueChange): Promise<void> {
    const { before, after } = change;
    if (before.startsAt.getTime() === after.startsAt.getTime() && before.endsAt.getTime() === after.endsAt.getTime())
      return;
    const outside = await this.repo.countOutside(after.id, after.startsAt, after.endsAt);
    if (outside) {
      throw domainRule('agenda-outside-dialogue', msgPlural(outside, 'agenda.outsideNewTimes'));
    }
  }
}
