import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { InvitationDeclineView, ProblemDetails } from '@gfmd/contracts';
import { LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { I18n, isLanguage, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { toProblem } from '@gfmd/web-shared-util-http';
import { loadResource } from '@gfmd/web-shared-util-state';
import { RegistrationsApi } from '@gfmd/web-registrations-data-access';
import { firstValueFrom } from 'rxjs';

/**
 * The page an invitation email's "decline" link opens (/invitations/decline/:token). Opening it
 * changes nothing (mail scanners follow links): the invitee confirms with the button, then sees
 * the result. An invitation already used or declined says so.
 */
@Component({
  selector: 'gfmd-invitation-decline-page',
  imports: [RouterLink, MatButton, MatAnchor, LoadingStateComponent, ProblemAlertComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="gfmd-medium">
      <h1 tabindex="-1">{{ 'decline.title' | t }}</h1>
      @if (view(); as v) {
        @switch (v.status) {
          @case ('declined') {
            <p class="gfmd-alert gfmd-alert--ok" role="status">{{ 'decline.done' | t: { title: v.dialogueTitle } }}</p>
          }
          @case ('registered') {
            <p class="gfmd-alert gfmd-alert--info">{{ 'decline.registered' | t }}</p>
          }
          @default {
            <p>{{ 'decline.ask' | t: { title: v.dialogueTitle } }}</p>
            <gfmd-problem-alert [problem]="problem()" />
            <div class="gfmd-actions">
              <button mat-flat-button type="button" (click)="decline()" [disabled]="busy()">
                {{ (busy() ? 'decline.sending' : 'decline.button') | t }}
              </button>
              <a
                mat-stroked-button
                [routerLink]="['/dialogues', v.dialogueId, 'register']"
                [queryParams]="{ invitation: token() }"
              >
                {{ 'decline.keep' | t }}
              </a>
            </div>
          }
        }
      } @else if (loading()) {
        <gfmd-loading-state />
      } @else if (problem()?.status === 404) {
        <p class="gfmd-alert gfmd-alert--error" role="alert">{{ 'decline.unknown' | t }}</p>
      } @else {
        <gfmd-problem-alert [problem]="problem()" [retryable]="true" (retry)="load(token())" />
      }
    </section>
  `,
})
export class InvitationDeclinePage {
  private readonly api = inject(RegistrationsApi);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly token = input.required<string>();

  protected readonly view = signal<InvitationDeclineView | null>(null);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    loadResource(this.token, (token) => this.load(token));
  }

  protected async load(token: string): Promise<void> {
    this.loading.set(true);
    this.problem.set(null);
    try {
      const view = await firstValueFrom(this.api.invitationDecline(token));
      // The page speaks the invitation's language, unless the reader chose one themselves.
      if (isLanguage(view.language)) await this.i18n.suggest(view.language);
      this.view.set(view);
    } catch (error) {
      this.view.set(null);
      this.problem.set(toProblem(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected async decline(): Promise<void> {
    const view = this.view();
    if (!view || this.busy()) {
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      await firstValueFrom(this.api.declineInvitation(this.token()));
      this.view.set({ ...view, status: 'declined' });
      setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('h1')?.focus());
    } catch (error) {
      const problem = toProblem(error);
      // 409: registered in the meantime.
      if (problem.status === 409) {
        this.view.set({ ...view, status: 'registered' });
      } else {
        this.problem.set(problem);
      }
    } finally {
      this.busy.set(false);
    }
  }
}
