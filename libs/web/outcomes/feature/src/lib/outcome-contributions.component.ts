import { ChangeDetectionStrategy, Component, inject, input, linkedSignal, output, signal } from '@angular/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import type { ContributionView, ProblemDetails } from '@gfmd/contracts';
import { OutcomesApi } from '@gfmd/web-outcomes-data-access';
import { ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { toProblem } from '@gfmd/web-shared-util-http';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';

/**
 * In the outcome editor, under one saved recommendation: the accepted contributions it draws on
 * (rapporteurs and organizers). A change is saved at once; the published recommendation's page
 * lists them, and each contribution's page lists the recommendations that cite it.
 */
@Component({
  selector: 'gfmd-outcome-contributions',
  imports: [MatFormField, MatLabel, MatHint, MatSelect, MatOption, ProblemAlertComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    mat-form-field {
      width: 100%;
    }
  `,
  template: `
    <mat-form-field>
      <mat-label>{{ 'outcome.contributions' | t }}</mat-label>
      <mat-select multiple [value]="selected()" [disabled]="busy()" (valueChange)="save($event)">
        @for (c of contributions(); track c.id) {
          <mat-option [value]="c.id">{{ c.title }}{{ c.organization ? ' — ' + c.organization : '' }}</mat-option>
        }
      </mat-select>
      <mat-hint>{{ 'outcome.contributionsHint' | t }}</mat-hint>
    </mat-form-field>
    <p class="gfmd-visually-hidden" role="status">{{ saved() ? ('outcome.contributionsSaved' | t) : '' }}</p>
    <gfmd-problem-alert [problem]="problem()" />
  `,
})
export class OutcomeContributionsComponent {
  private readonly api = inject(OutcomesApi);

  readonly dialogueId = input.required<string>();
  readonly recommendationId = input.required<string>();
  /** the dialogue's accepted contributions */
  readonly contributions = input.required<readonly ContributionView[]>();
  /** the ids linked now */
  readonly linked = input<readonly string[]>([]);
  readonly changed = output<string[]>();

  protected readonly selected = linkedSignal(() => [...this.linked()]);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected save(ids: string[]) {
    const before = this.selected();
    this.selected.set(ids);
    this.busy.set(true);
    this.saved.set(false);
    this.problem.set(null);
    this.api.linkContributions(this.dialogueId(), this.recommendationId(), ids).subscribe({
      next: () => {
        this.busy.set(false);
        this.saved.set(true);
        this.changed.emit(ids);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.selected.set(before);
        this.problem.set(toProblem(e));
      },
    });
  }
}
