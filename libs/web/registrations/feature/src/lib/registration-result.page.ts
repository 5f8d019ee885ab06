import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { Location } from '@angular/common';
import { RouterLink } from '@angular/router';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '@gfmd/contracts';
import { agendaIcsUrl } from '@gfmd/web-dialogues-data-access';
import { LabelPipe, TranslatePipe, type TranslationKey } from '@gfmd/web-shared-util-i18n';
import type { RegistrationResultState } from './register.page';

const HEADLINES: Partial<Record<RegistrationStatus, TranslationKey>> = {
  confirmed: 'result.confirmed.title',
  waitlisted: 'result.waitlisted.title',
  pending: 'result.pending.title',
};
const NEXT_STEPS: Partial<Record<RegistrationStatus, TranslationKey>> = {
  confirmed: 'result.confirmed.next',
  waitlisted: 'result.waitlisted.next',
  pending: 'result.pending.next',
};

function isStatus(value: unknown): value is RegistrationStatus {
  return typeof value === 'string' && (REGISTRATION_STATUSES as readonly string[]).includes(value);
}

function isResultState(value: unknown): value is RegistrationResultState {
  return typeof value === 'object' && value !== null && 'status' in value && 'email' in value && 'spaces' in value;
}

/** After registering: confirmed, waitlisted or pending, and what happens next. */
@Component({
  selector: 'gfmd-registration-result-page',
  imports: [RouterLink, MatAnchor, TranslatePipe, LabelPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="gfmd-medium">
      <h1>{{ headline() | t }}</h1>
      <div
        class="gfmd-alert"
        [class.gfmd-alert--ok]="state() === 'confirmed'"
        [class.gfmd-alert--info]="state() !== 'confirmed'"
      >
        @if (waitlistPosition(); as position) {
          <p class="waitlist-position">
            <strong>{{ 'waitlist.position' | t: { position: position } }}</strong>
          </p>
        }
        <p>{{ nextSteps() | t: { email: email() } }}</p>
        <p>{{ 'result.manageLink' | t }}</p>
      </div>
      @if (spaces().length) {
        <h2>{{ 'result.spaces' | t }}</h2>
        <ul>
          @for (space of spaces(); track space.spaceId) {
            <li>
              {{ space.name }}: <strong>{{ space.status | label: 'registrationStatus' }}</strong>
            </li>
          }
        </ul>
      }
      <div class="gfmd-actions">
        <a mat-flat-button [routerLink]="['/dialogues', id()]">{{ 'result.backToDialogue' | t }}</a>
        <a mat-stroked-button [href]="icsUrl()" download>{{ 'dialogue.addToCalendar' | t }}</a>
      </div>
    </section>
  `,
})
export class RegistrationResultPage {
  private readonly navigationState: unknown = inject(Location).getState();

  readonly id = input.required<string>();
  /** ?status= fallback when the page is reloaded and the navigation state is gone */
  readonly status = input<string>();

  private readonly result = computed(() => {
    const state = this.navigationState;
    if (typeof state === 'object' && state !== null && 'registration' in state && isResultState(state.registration)) {
      return state.registration;
    }
    return undefined;
  });
  protected readonly state = computed<RegistrationStatus>(() => {
    const fromState = this.result()?.status;
    const status = fromState ?? this.status();
    return isStatus(status) ? status : 'pending';
  });
  protected readonly headline = computed<TranslationKey>(() => HEADLINES[this.state()] ?? 'result.other.title');
  protected readonly nextSteps = computed<TranslationKey>(() => NEXT_STEPS[this.state()] ?? 'result.other.next');
  protected readonly email = computed(() => this.result()?.email ?? '');
  protected readonly spaces = computed(() => this.result()?.spaces ?? []);
  protected readonly waitlistPosition = computed(() =>
    this.state() === 'waitlisted' ? (this.result()?.waitlistPosition ?? null) : null,
  );
  protected readonly icsUrl = computed(() => agendaIcsUrl(this.id()));
}
