import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  afterNextRender,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { ProblemDetails } from '@gfmd/contracts';
import { ProcessStore, type SessionMove } from '@gfmd/web-dialogues-data-access/processes';
import { LeadTimeComponent } from '@gfmd/web-dialogues-ui';
import { ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { I18n, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { submitState } from '@gfmd/web-shared-util-state';

/**
 * The dialogues ahead of a session whose dates just changed, with their new lead time: the
 * organizer keeps each one where it is or moves it by the same amount. A new list takes the
 * focus, so keyboard and screen reader users land on it.
 */
@Component({
  selector: 'gfmd-session-move-panel',
  imports: [RouterLink, MatButton, LeadTimeComponent, ProblemAlertComponent, TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session-move-panel.component.html',
  styleUrl: './session-move-panel.component.scss',
})
export class SessionMovePanelComponent {
  readonly move = input.required<SessionMove>();

  protected readonly store = inject(ProcessStore);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly submission = submitState();
  protected readonly moveProblem = signal<ProblemDetails | null>(null);
  protected readonly moving = signal<string | null>(null);
  private readonly movePanel = viewChild<ElementRef<HTMLElement>>('movePanel');
  /** The move the panel last took the focus for (once per move). */
  private announcedMove: unknown = null;

  constructor() {
    effect(() => {
      const move = this.move();
      if (move !== this.announcedMove && move.dialogues.every((d) => d.choice === 'pending')) {
        this.announcedMove = move;
        afterNextRender(() => this.movePanel()?.nativeElement.focus(), { injector: this.injector });
      }
    });
  }

  /** "+7 d 1 h" / "−1 d": how far "move by the same amount" shifts. */
  protected amount(minutes: number): string {
    const sign = minutes < 0 ? '−' : '+';
    let rest = Math.abs(minutes);
    const days = Math.floor(rest / 1440);
    rest -= days * 1440;
    const hours = Math.floor(rest / 60);
    const mins = rest - hours * 60;
    const parts = [
      days ? this.i18n.t('process.days', { n: days }) : '',
      hours ? this.i18n.t('process.hours', { n: hours }) : '',
      mins ? this.i18n.t('process.minutes', { n: mins }) : '',
    ].filter(Boolean);
    return `${sign}${parts.join(' ')}`;
  }

  protected keep(dialogueId: string): void {
    this.store.keep(dialogueId);
  }

  protected async shift(dialogueId: string): Promise<void> {
    this.moveProblem.set(null);
    this.moving.set(dialogueId);
    const outcome = await this.submission.run(() => this.store.shift(dialogueId));
    this.moving.set(null);
    if (!outcome.ok) this.moveProblem.set(outcome.problem);
  }
}
