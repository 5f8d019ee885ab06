import { DestroyRef, ElementRef, Injectable, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { ProblemDetails, ReaderLanguage, Registration } from '@gfmd/contracts';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import {
  type ActionOptions,
  type RegistrationAction,
  RegistrationsTableStore,
  type SpaceRequestAction,
  pendingSpaceRequests,
} from '@gfmd/web-registrations-data-access';
import { DeclineDialogComponent, type DeclineDialogData, type DeclineDialogResult } from '@gfmd/web-registrations-ui';
import { ConfirmService } from '@gfmd/web-shared-ui/confirm';
import { type ContentMessage, I18n, contentIn, contentMessage } from '@gfmd/web-shared-util-i18n';
import { firstValueFrom } from 'rxjs';

/** How long Undo stays offered after a decline (the API allows a little longer, see DECLINE_UNDO_MS). */
export const UNDO_VISIBLE_MS = 10_000;

const PROBLEM_BASE = 'https://gfmd-dialogues.org/problems/';

/** The messages that name a person and a space. */
type SpaceMessageKey = 'approvals.declineMessage' | `approvals.done.${'approved' | 'waitlisted' | 'declined'}`;

export function fullName(r: Registration): string {
  return `${r.firstName} ${r.lastName}`;
}

/**
 * The decisions of the registrations list and what the page says after each: check in, approve,
 * decline (asks first, since an email goes out, then offers Undo for a few seconds), and a seat's
 * approval or decline for a space; the status message (a space's name in it marked with its
 * language when it is a fallback) and the API's refusal. Provided by the page: after an action the
 * focus stays on the person's row or card (or on Undo), never on the page.
 */
@Injectable()
export class RegistrationDecisions {
  private readonly i18n = inject(I18n);
  private readonly confirm = inject(ConfirmService);
  private readonly dialogs = inject(MatDialog);
  private readonly dialogue = inject(DialogueStore);
  private readonly store = inject(RegistrationsTableStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly undoTimers = new Map<string, ReturnType<typeof setTimeout>>();

  /** What the last action did (the page's status message). */
  readonly message = signal<ContentMessage>('');
  readonly actionProblem = signal<ProblemDetails | null>(null);
  /** Registrations just declined whose decline may still be undone. */
  readonly undoable = signal<ReadonlySet<string>>(new Set());
  /** The refusal was "the dialogue is full": offer to raise the capacity (organizers). */
  readonly dialogueFull = computed(() => this.actionProblem()?.type === `${PROBLEM_BASE}dialogue-full`);
  private readonly spacesById = computed(() => new Map(this.dialogue.spaces().map((s) => [s.id, s])));

  /** Seat requests waiting for a space's approval ("Approve for <space>"). */
  readonly pendingSpaces = pendingSpaceRequests;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.undoTimers.forEach((t) => clearTimeout(t)));
  }

  canApprove(r: Registration): boolean {
    return r.status === 'pending' || r.status === 'waitlisted';
  }

  canDecline(r: Registration): boolean {
    return r.status === 'pending' || r.status === 'waitlisted' || r.status === 'confirmed';
  }

  canCheckIn(r: Registration): boolean {
    return r.status === 'confirmed' && !r.checkedInAt;
  }

  /** `spaceId`: a coordinator's own space, which the actions apply to. */
  async checkIn(r: Registration, spaceId: string | undefined): Promise<void> {
    await this.act('checkIn', r, spaceId);
    this.focusRow(r.id);
  }

  async approve(r: Registration, spaceId: string | undefined): Promise<void> {
    await this.act('approve', r, spaceId);
    this.focusRow(r.id);
  }

  /** Asks first (an email goes to the person, with the optional reason); then offers Undo for a few seconds. */
  async decline(r: Registration, spaceId: string | undefined): Promise<void> {
    const ref = this.dialogs.open<DeclineDialogComponent, DeclineDialogData, DeclineDialogResult>(
      DeclineDialogComponent,
      { data: { name: fullName(r), email: r.email }, role: 'alertdialog', maxWidth: '95vw', width: '32rem' },
    );
    const answer = await firstValueFrom(ref.afterClosed());
    if (!answer) {
      return; // the dialog gives the focus back to the Decline button
    }
    const undoUntil = await this.act('decline', r, spaceId, { reason: answer.reason });
    if (undoUntil) {
      this.offerUndo(r.id);
      this.focus('undo', r.id);
    } else {
      this.focusRow(r.id);
    }
  }

  async undo(r: Registration, spaceId: string | undefined): Promise<void> {
    this.endUndo(r.id);
    await this.act('undoDecline', r, spaceId);
    this.focusRow(r.id);
  }

  /** Approves or declines one space request (declining asks first: the person is emailed). */
  async actOnSpace(action: SpaceRequestAction, registration: Registration, spaceId: string): Promise<void> {
    const name = fullName(registration);
    if (
      action === 'declineSpace' &&
      !(await this.confirm.ask({
        title: this.i18n.t('approvals.declineTitle', { name }),
        message: this.spaceMessage('approvals.declineMessage', name, spaceId),
        confirm: this.i18n.t('registrations.decline'),
        cancel: this.i18n.t('common.cancel'),
        destructive: true,
      }))
    ) {
      return;
    }
    this.actionProblem.set(null);
    this.message.set('');
    const result = await this.store.act(action, registration, spaceId);
    if (!result.ok) {
      this.actionProblem.set(result.problem);
      return;
    }
    const seat = this.store
      .rows()
      .find((r) => r.id === registration.id)
      ?.spaces.find((s) => s.spaceId === spaceId);
    const key =
      seat?.status === 'confirmed'
        ? 'approvals.done.approved'
        : seat?.status === 'waitlisted'
          ? 'approvals.done.waitlisted'
          : 'approvals.done.declined';
    this.message.set(this.spaceMessage(key, name, spaceId));
  }

  /** A space's name in the page's language, else the dialogue's languages in order (with the language it is in). */
  spaceLabel(spaceId: string): { text: string; lang: ReaderLanguage | null } {
    const space = this.spacesById().get(spaceId);
    return space
      ? contentIn(space, 'name', this.i18n.language(), this.dialogue.dialogue()?.languages ?? [])
      : { text: spaceId, lang: null };
  }

  /**
   * "Approve for <space>" (or decline) in three parts: the space's name in its own element, so a
   * name shown in a fallback language is marked with `lang` inside the sentence of the interface.
   */
  spaceAction(
    key: 'registrations.approveFor' | 'registrations.declineFor',
    spaceId: string,
  ): { before: string; name: { text: string; lang: ReaderLanguage | null }; after: string } {
    const slot = '\u0000';
    const [before = '', after = ''] = this.i18n.t(key, { space: slot }).split(slot);
    return { before, name: this.spaceLabel(spaceId), after };
  }

  /** A message naming the person and the space, the space's name in its own language (a confirmation, the status). */
  private spaceMessage(key: SpaceMessageKey, name: string, spaceId: string): ContentMessage {
    return contentMessage(this.i18n, key, { name }, { param: 'space', ...this.spaceLabel(spaceId) });
  }

  /** Runs an action and says how it went; answers the decline's undo time, if any. */
  private async act(
    action: RegistrationAction,
    registration: Registration,
    spaceId: string | undefined,
    options: ActionOptions = {},
  ) {
    this.actionProblem.set(null);
    this.message.set('');
    const result = await this.store.act(action, registration, spaceId, options);
    if (!result.ok) {
      this.actionProblem.set(result.problem);
      return null;
    }
    const name = fullName(registration);
    const undoable = action === 'decline' && result.undoUntil;
    this.message.set(this.i18n.t(undoable ? 'registrations.declinedUndo' : `registrations.done.${action}`, { name }));
    return result.undoUntil;
  }

  private offerUndo(id: string): void {
    this.undoable.update((s) => new Set([...s, id]));
    clearTimeout(this.undoTimers.get(id));
    this.undoTimers.set(
      id,
      setTimeout(() => {
        const hadFocus = this.find('undo', id) === document.activeElement;
        this.endUndo(id);
        if (hadFocus) this.focusRow(id);
      }, UNDO_VISIBLE_MS),
    );
  }

  private endUndo(id: string): void {
    clearTimeout(this.undoTimers.get(id));
    this.undoTimers.delete(id);
    this.undoable.update((s) => new Set([...s].filter((x) => x !== id)));
  }

  /** After the next render: the person's row (or card), which takes focus programmatically. */
  private focusRow(id: string): void {
    this.focus('row', id);
  }

  /** After the next render: the Undo button or the row/card of a registration (the row when Undo is gone). */
  private focus(what: 'undo' | 'row', id: string): void {
    afterNextRender(() => (this.find(what, id) ?? this.find('row', id))?.focus(), { injector: this.injector });
  }

  /** Ids are the API's UUIDs: safe inside a quoted attribute selector. */
  private find(what: 'undo' | 'row', id: string): HTMLElement | null {
    const attr = what === 'undo' ? 'data-undo' : 'data-registration';
    return this.host.nativeElement.querySelector<HTMLElement>(`[${attr}="${id.replace(/["\\]/g, '')}"]`);
  }
}
