import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { STAKEHOLDER_GROUPS, type ContributionView, type DocumentView, type ProblemDetails } from '@gfmd/contracts';
import { type ContributionWindow, DocumentsApi } from '@gfmd/web-documents-data-access';
import { ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { applyProblemToForm, toProblem } from '@gfmd/web-shared-util-http';
import { I18n, LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { DocumentListComponent } from './document-list.component';

/**
 * On the public dialogue page: its public documents, the accepted written contributions, and the
 * contribution form while contributions are open. Texts are shown as text (escaped), never as HTML.
 */
@Component({
  selector: 'gfmd-dialogue-documents',
  imports: [
    RouterLink,
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    ProblemAlertComponent,
    DocumentListComponent,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    form {
      display: grid;
      gap: 0 1rem;
      max-width: 40rem;
    }
    mat-form-field {
      width: 100%;
    }
    mat-checkbox {
      margin-bottom: 0.75rem;
    }
  `,
  template: `
    <h2 id="documents-heading">{{ 'documents.heading' | t }}</h2>
    <gfmd-document-list [documents]="documents()" />

    <h2 id="contributions-heading">{{ 'contribution.heading' | t }}</h2>
    @for (c of contributions(); track c.id) {
      <article [attr.aria-labelledby]="'contribution-' + c.id">
        <h3 [id]="'contribution-' + c.id">
          <a [routerLink]="['/contributions', c.id]">{{ c.title }}</a>
        </h3>
        <p class="gfmd-muted">
          {{ 'contribution.by' | t: { who: author(c) } }} · {{ c.stakeholderGroup | label: 'group' }}
        </p>
        <p class="text">{{ c.text }}</p>
      </article>
    } @empty {
      <p class="gfmd-muted">{{ 'contribution.none' | t }}</p>
    }

    @if (window()?.open) {
      <h3 id="contribution-form-heading">{{ 'contribution.formHeading' | t }}</h3>
      <p>{{ 'contribution.intro' | t: { date: (window()!.contributionsCloseAt | localDate: 'dateTime') } }}</p>
      @if (sent()) {
        <p class="gfmd-alert gfmd-alert--info" role="status">{{ 'contribution.sent' | t }}</p>
      } @else {
        <form [formGroup]="form" (ngSubmit)="submit()" aria-labelledby="contribution-form-heading" novalidate>
          <mat-form-field>
            <mat-label>{{ 'contribution.title' | t }}</mat-label>
            <input matInput formControlName="title" maxlength="200" required />
            <mat-error>{{ 'contribution.title' | t }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'contribution.text' | t }}</mat-label>
            <textarea matInput formControlName="text" rows="8" maxlength="20000" required></textarea>
            <mat-error>{{ 'contribution.text' | t }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'contribution.organization' | t }}</mat-label>
            <input matInput formControlName="organization" maxlength="200" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'contribution.group' | t }}</mat-label>
            <mat-select formControlName="stakeholderGroup" required>
              @for (g of groups; track g) {
                <mat-option [value]="g">{{ g | label: 'group' }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'contribution.name' | t }}</mat-label>
            <input matInput formControlName="name" autocomplete="name" maxlength="200" required />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'contribution.email' | t }}</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="email" required />
          </mat-form-field>
          <mat-checkbox formControlName="consentToPublish">{{ 'contribution.consentToPublish' | t }}</mat-checkbox>
          <mat-checkbox formControlName="consent" required>{{ 'contribution.consent' | t }}</mat-checkbox>
          <gfmd-problem-alert [problem]="problem()" />
          <div>
            <button mat-flat-button type="submit" [disabled]="busy()">{{ 'contribution.submit' | t }}</button>
          </div>
        </form>
      }
    }
  `,
})
export class DialogueDocumentsComponent {
  private readonly api = inject(DocumentsApi);
  private readonly i18n = inject(I18n);
  private readonly fb = inject(FormBuilder);

  readonly dialogueId = input.required<string>();

  protected readonly groups = STAKEHOLDER_GROUPS;
  protected readonly documents = signal<DocumentView[]>([]);
  /** The documents once loaded (the page shows those of agenda items beside them). */
  readonly loaded = output<DocumentView[]>();
  protected readonly contributions = signal<ContributionView[]>([]);
  protected readonly window = signal<ContributionWindow | null>(null);
  protected readonly sent = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly language = computed(() => this.i18n.language());

  protected readonly form = this.fb.nonNullable.group({
    title: ['', [Validators.required, Validators.minLength(3)]],
    text: ['', [Validators.required, Validators.minLength(20)]],
    organization: [''],
    stakeholderGroup: ['civil_society', Validators.required],
    name: ['', Validators.required],
    email: ['', [Validators.required, Validators.email]],
    consentToPublish: [false],
    consent: [false, Validators.requiredTrue],
  });

  constructor() {
    effect(() => {
      const id = this.dialogueId();
      this.api.listForDialogue(id).subscribe({
        next: (d) => {
          this.documents.set(d);
          this.loaded.emit(d);
        },
        error: () => undefined,
      });
      this.api.contributions(id).subscribe({ next: (c) => this.contributions.set(c), error: () => undefined });
      this.api.contributionWindow(id).subscribe({ next: (w) => this.window.set(w), error: () => undefined });
    });
  }

  protected author(c: ContributionView): string {
    return [c.name, c.organization].filter(Boolean).join(', ');
  }

  protected submit() {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .submitContribution(this.dialogueId(), {
        ...v,
        organization: v.organization.trim() || undefined,
        stakeholderGroup: v.stakeholderGroup as ContributionView['stakeholderGroup'],
        language: this.language(),
      })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.sent.set(true);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const problem = toProblem(error);
          applyProblemToForm(this.form, problem);
          this.problem.set(problem);
        },
      });
  }
}
