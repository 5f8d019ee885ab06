import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { ProcessStore } from '@gfmd/web-dialogues-data-access/processes';
import { EmptyStateComponent, FieldErrorPipe, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { applyProblemToForm } from '@gfmd/web-shared-util-http';
import { submitState } from '@gfmd/web-shared-util-state';
import { dayEnd, dayStart } from './process-form.util';

/** /console/processes: every process (consultation cycle) and a form to start a new one. */
@Component({
  selector: 'gfmd-process-list-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    EmptyStateComponent,
    LoadingStateComponent,
    ProblemAlertComponent,
    FieldErrorPipe,
    TranslatePipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'process.listTitle' | t }}</h1>
    <p class="gfmd-muted">{{ 'process.listIntro' | t }}</p>
    <gfmd-problem-alert [problem]="store.problem()" [retryable]="true" (retry)="store.loadList()" />
    @if (store.loading() && !store.processes().length) {
      <gfmd-loading-state />
    } @else if (store.processes().length) {
      <ul class="process-list">
        @for (p of store.processes(); track p.id) {
          <li>
            <a [routerLink]="['/console/processes', p.id]">{{ p.title }}</a>
            <span class="gfmd-muted">
              · {{ p.startsAt | localDate: 'date' : 'UTC' }} – {{ lastDay(p.endsAt) | localDate: 'date' : 'UTC' }} ·
              {{ 'process.counts' | t: { phases: p.phases.length, milestones: p.milestones.length } }}</span
            >
          </li>
        }
      </ul>
    } @else {
      <gfmd-empty-state [message]="'process.none' | t" />
    }

    <h2 id="new-process">{{ 'process.new' | t }}</h2>
    <gfmd-problem-alert [problem]="problem()" [unmatched]="unmatched()" />
    <form [formGroup]="form" (ngSubmit)="create()" novalidate aria-labelledby="new-process">
      <div class="gfmd-form-grid">
        <mat-form-field>
          <mat-label>{{ 'process.title' | t }}</mat-label>
          <input matInput formControlName="title" required />
          <mat-error>{{ form.controls.title | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'process.slug' | t }}</mat-label>
          <input matInput formControlName="slug" required autocomplete="off" />
          <mat-hint>{{ 'process.slugHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.slug | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'process.firstDay' | t }}</mat-label>
          <input matInput type="date" formControlName="startsAt" required />
          <mat-error>{{ form.controls.startsAt | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'process.lastDay' | t }}</mat-label>
          <input matInput type="date" formControlName="endsAt" required />
          <mat-error>{{ form.controls.endsAt | fieldError }}</mat-error>
        </mat-form-field>
      </div>
      <div class="gfmd-actions">
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ (busy() ? 'common.saving' : 'process.create') | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .process-list {
      padding-inline-start: 1.25rem;
      line-height: 1.8;
    }
  `,
})
export class ProcessListPage {
  protected readonly store = inject(ProcessStore);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(300)]],
    slug: ['', [Validators.required, Validators.maxLength(80), Validators.pattern(/^[a-z0-9]+(-[a-z0-9]+)*$/)]],
    startsAt: ['', Validators.required],
    endsAt: ['', Validators.required],
  });
  private readonly submission = submitState();
  protected readonly busy = this.submission.submitting;
  protected readonly problem = this.submission.problem;
  protected readonly unmatched = signal<string[]>([]);

  constructor() {
    void this.store.loadList();
  }

  /** The last day a range covers (its end is the next day's 00:00Z). */
  protected lastDay(iso: string): string {
    return new Date(Date.parse(iso) - 1).toISOString();
  }

  protected async create(): Promise<void> {
    this.unmatched.set([]);
    const v = this.form.getRawValue();
    // Days compare as text; the last day may equal the first (a one-day process).
    if (v.startsAt && v.endsAt && v.endsAt < v.startsAt) {
      this.form.controls.endsAt.setErrors({ endBeforeStart: true });
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const outcome = await this.submission.run(() =>
      this.store.createProcess({
        title: v.title.trim(),
        slug: v.slug.trim(),
        startsAt: dayStart(v.startsAt),
        endsAt: dayEnd(v.endsAt),
      }),
    );
    if (outcome.ok) {
      await this.router.navigate(['/console/processes', outcome.value.id]);
    } else {
      this.unmatched.set(applyProblemToForm(this.form, outcome.problem));
    }
  }
}
