import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { DocumentsApi } from '@gfmd/web-documents-data-access';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';

/**
 * The emailed link of a written contribution: a button confirms the address (a POST, so a mail
 * scanner that follows links confirms nothing).
 */
@Component({
  selector: 'gfmd-contribution-confirm-page',
  imports: [MatButton, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'contribution.confirmTitle' | t }}</h1>
    @switch (state()) {
      @case ('done') {
        <p class="gfmd-alert gfmd-alert--info" role="status">{{ 'contribution.confirmed' | t }}</p>
        @if (dialogueId(); as id) {
          <p>
            <a [routerLink]="['/dialogues', id]">{{ 'dialogues.back' | t }}</a>
          </p>
        }
      }
      @case ('failed') {
        <p class="gfmd-alert gfmd-alert--error" role="alert">{{ 'contribution.confirmFailed' | t }}</p>
      }
      @default {
        <button mat-flat-button type="button" [disabled]="state() === 'busy'" (click)="confirm()">
          {{ 'contribution.confirmButton' | t }}
        </button>
      }
    }
  `,
})
export class ContributionConfirmPage {
  private readonly api = inject(DocumentsApi);
  readonly token = input.required<string>();
  protected readonly state = signal<'idle' | 'busy' | 'done' | 'failed'>('idle');
  protected readonly dialogueId = signal<string | null>(null);

  protected confirm() {
    this.state.set('busy');
    this.api.confirmContribution(this.token()).subscribe({
      next: (r) => {
        this.dialogueId.set(r.dialogueId);
        this.state.set('done');
      },
      error: () => this.state.set('failed'),
    });
  }
}
