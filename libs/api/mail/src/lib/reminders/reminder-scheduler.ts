import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Language } from '@gfmd/contracts';
import { type AfterCommit, AppConfig } from '@gfmd/api-platform';
import { DialogueChange, DialogueHooks } from '@gfmd/api-dialogues';
import type { EntityManager } from 'typeorm';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxService } from '../outbox/outbox.service';
import { MailQueue } from '../queue/mail-queue';
import { TemplateParams, TemplateRenderer } from '../templates/template-renderer';
import { dialogueTemplateParams } from '../templates/text.util';

const DAY = 86_400_000;

/** What a reminder needs of a registration. */
export interface ReminderRegistration {
  id: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  preferredLanguage: Language;
}

/** What a reminder needs of a dialogue (a DialogueRecord fits). */
export interface ReminderDialogue {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venue?: string | null;
  onlineUrl?: string | null;
  status?: string;
}

export const reminderKey = (registrationId: string) => `reminder:${registrationId}`;

/**
 * Reminders to confirmed participants REMINDER_DAYS_BEFORE days before their dialogue, exactly
 * once each (idempotency key `reminder:<registrationId>`), through the outbox with `send_after`.
 * A reminder weeks away is only a row; the outbox sweep releases it as a BullMQ delayed job when
 * its moment comes within the release horizon (and re-creates lost jobs), so a restart or a Redis
 * loss changes nothing and Redis never holds weeks of delayed jobs. Moves with the dialogue,
 * stops when the dialogue or the registration is cancelled.
 */
@Injectable()
export class ReminderScheduler implements OnModuleInit {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly repo: OutboxRepository,
    private readonly renderer: TemplateRenderer,
    private readonly queue: MailQueue,
    private readonly config: AppConfig,
    private readonly dialogueHooks: DialogueHooks,
  ) {}

  onModuleInit() {
    this.dialogueHooks.onChange((change) => this.onDialogueChange(change));
  }

  /** When the reminder of a dialogue starting at `startsAt` goes out. */
  sendTime(startsAt: Date): Date {
    return new Date(startsAt.getTime() - this.config.reminderDaysBefore * DAY);
  }

  /**
   * Call when a registration becomes confirmed (confirmed at once, approved, promoted), inside
   * that transaction. Idempotent. No reminder when its moment has passed already (the
   * confirmation has just told them) or the dialogue is cancelled. Returns the outbox id or null.
   */
  async scheduleFor(
    manager: EntityManager,
    afterCommit: AfterCommit,
    registration: ReminderRegistration,
    dialogue: ReminderDialogue,
    extra: { manageUrl?: string; spaces?: TemplateParams['spaces'] } = {},
  ): Promise<string | null> {
    const [id] = await this.scheduleMany(manager, afterCommit, dialogue, [{ registration, ...extra }]);
    return id ?? null;
  }

  /** scheduleFor for many registrations of one dialogue, in one insert. Returns the new outbox ids. */
  async scheduleMany(
    manager: EntityManager,
    afterCommit: AfterCommit,
    dialogue: ReminderDialogue,
    items: { registration: ReminderRegistration; manageUrl?: string; spaces?: TemplateParams['spaces'] }[],
  ): Promise<string[]> {
    const sendAfter = this.sendTime(dialogue.startsAt);
    if (!items.length || sendAfter.getTime() <= Date.now() || dialogue.status === 'cancelled') return [];
    return this.outbox.write(
      manager,
      afterCommit,
      items.map(({ registration, manageUrl, spaces }) => {
        const language = registration.preferredLanguage;
        const name = [registration.firstName, registration.lastName].filter(Boolean).join(' ');
        return {
          kind: 'reminder' as const,
          to: registration.email,
          language,
          idempotencyKey: reminderKey(registration.id),
          dialogueId: dialogue.id,
          registrationId: registration.id,
          sendAfter,
          params: {
            ...this.dialogueParams(dialogue, language),
            recipientName: name || undefined,
            manageUrl,
            spaces,
          },
        };
      }),
    );
  }

  /** Call when a registration is cancelled (or declined), inside that transaction. */
  async cancelFor(manager: EntityManager, afterCommit: AfterCommit, registrationId: string): Promise<void> {
    const rows = await this.repo.lockUnsent(manager, 'reminder', { registrationId });
    await this.repo.cancel(
      manager,
      rows.map((r) => r.id),
    );
    if (rows.length) afterCommit.add(() => this.queue.remove(rows.map((r) => r.id)));
  }

  /** DialogueHooks: cancelled → reminders cancelled; moved or renamed → re-rendered and rescheduled. */
  private async onDialogueChange({ before, after, manager, afterCommit }: DialogueChange): Promise<void> {
    if (after.status === 'cancelled' && before.status !== 'cancelled') {
      const rows = await this.repo.lockUnsent(manager, 'reminder', { dialogueId: after.id });
      await this.repo.cancel(
        manager,
        rows.map((r) => r.id),
      );
      if (rows.length) afterCommit.add(() => this.queue.remove(rows.map((r) => r.id)));
      return;
    }
    const moved =
      before.startsAt.getTime() !== after.startsAt.getTime() ||
      before.endsAt.getTime() !== after.endsAt.getTime() ||
      before.timeZone !== after.timeZone;
    const renamed =
      before.title !== after.title || before.venue !== after.venue || before.onlineUrl !== after.onlineUrl;
    if (!moved && !renamed) return;
    const rows = await this.repo.lockUnsent(manager, 'reminder', { dialogueId: after.id });
    if (!rows.length) return;
    if (after.startsAt.getTime() <= Date.now()) {
      await this.repo.cancel(
        manager,
        rows.map((r) => r.id),
      );
      afterCommit.add(() => this.queue.remove(rows.map((r) => r.id)));
      return;
    }
    const sendAfter = new Date(Math.max(this.sendTime(after.startsAt).getTime(), Date.now()));
    for (const row of rows) {
      const params: TemplateParams = { ...(row.params ?? {}), ...this.dialogueParams(after, row.language) };
      const subject = this.renderer.subject('reminder', row.language, params);
      await this.repo.reschedule(manager, row.id, { subject, params, sendAfter });
    }
    // Due soon: a job (delayed to the new moment) now. Due later: any job made for the old moment
    // goes, and the sweep releases the rows when the new one comes near.
    const dueSoon = this.outbox.dueSoon([{ id: '', sendAfter }]).length > 0;
    afterCommit.add(async () => {
      try {
        if (dueSoon) await this.queue.ensure(rows.map((r) => ({ id: r.id, sendAfter })));
        else await this.queue.remove(rows.map((r) => r.id));
      } catch (error) {
        this.logger.warn({ err: (error as Error).message }, 'reminder reschedule deferred to the outbox sweep');
      }
    });
  }

  private dialogueParams(dialogue: ReminderDialogue, language: Language): TemplateParams {
    return { ...dialogueTemplateParams(dialogue, language), daysBefore: this.config.reminderDaysBefore };
  }
}
