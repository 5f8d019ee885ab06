import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import {
  LANGUAGES,
  STAKEHOLDER_GROUPS,
  type Delegation,
  type ImportDelegationsResult,
  type Language,
  type ProblemDetails,
  type StakeholderGroup,
} from '@gfmd/contracts';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { FieldErrorPipe, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { applyProblemToForm, toProblem } from '@gfmd/web-shared-util-http';
import { I18n, LabelPipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { loadResource } from '@gfmd/web-shared-util-state';
import { firstValueFrom } from 'rxjs';
import { DelegationsApi } from './delegations.api';

/**
 * A dialogue's delegations in the console: seats held and named, a new delegation (its focal
 * point is emailed a private link), release of the unused seats (to the waiting list), and an
 * import from CSV with a check first.
 */
@Component({
  selector: 'gfmd-delegations-console-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    ProblemAlertComponent,
    FieldErrorPipe,
    TranslatePipe,
    LabelPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .fields {
      display: grid;
      gap: 0.25rem 1rem;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      padding: 0.5rem;
      border-bottom: 1px solid var(--gfmd-border, #d9e2ec);
    }
    textarea {
      font-family: monospace;
    }
    /* The CSV header is one long word: it breaks at any point rather than widen a phone's page. */
    .import-help {
      overflow-wrap: anywhere;
    }
    .wide {
      display: block;
      max-width: 48rem;
    }
    .gfmd-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
  template: `
    <h2 id="delegations-heading">{{ 'console.delegations' | t }}</h2>
    <p role="status" class="gfmd-visually-hidden">{{ message() }}</p>
    @if (message()) {
      <p class="gfmd-alert gfmd-alert--ok" aria-hidden="true">{{ message() }}</p>
    }
    <gfmd-problem-alert [problem]="problem()" [unmatched]="unmatched()" />
    @if (items().length) {
      <div class="table-wrap">
        <table aria-labelledby="delegations-heading">
          <thead>
            <tr>
              <th scope="col">{{ 'console.delegationName' | t }}</th>
              <th scope="col">{{ 'register.group' | t }}</th>
              <th scope="col">{{ 'console.delegationSeats' | t }}</th>
              <th scope="col">{{ 'console.delegationFocalPoint' | t }}</th>
              <th scope="col">
                <span class="gfmd-visually-hidden">{{ 'console.delegationActions' | t }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (d of items(); track d.id) {
              <tr>
                <td>
                  {{ d.name }}
                  @if (d.country) {
                    ({{ d.country }})
                  }
                </td>
                <td>{{ d.stakeholderGroup | label: 'group' }}</td>
                <td>{{ 'console.delegationUsed' | t: { used: d.used, seats: d.seats } }}</td>
                <td>{{ d.focalPointEmail }}</td>
                <td>
                  @if (d.used < d.seats) {
                    <button mat-stroked-button type="button" (click)="release(d)">
                      {{ 'console.delegationRelease' | t: { n: d.seats - d.used } }}
                      <span class="gfmd-visually-hidden">{{ d.name }}</span>
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    } @else {
      <p>{{ 'console.delegationsNone' | t }}</p>
    }

    <section aria-labelledby="new-delegation-heading">
      <h3 id="new-delegation-heading">{{ 'console.delegationNew' | t }}</h3>
      <form [formGroup]="form" (ngSubmit)="create()" novalidate>
        <div class="fields">
          <mat-form-field>
            <mat-label>{{ 'console.delegationName' | t }}</mat-label>
            <input matInput name="name" formControlName="name" required />
            <mat-error>{{ form.controls.name | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'register.group' | t }}</mat-label>
            <mat-select name="stakeholderGroup" formControlName="stakeholderGroup" required>
              @for (g of groups; track g) {
                <mat-option [value]="g">{{ g | label: 'group' }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'console.delegationCountry' | t }} ({{ 'common.optional' | t }})</mat-label>
            <input matInput name="country" formControlName="country" maxlength="2" />
            <mat-hint>{{ 'console.delegationCountryHint' | t }}</mat-hint>
            <mat-error>{{ form.controls.country | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'console.delegationSeats' | t }}</mat-label>
            <input matInput name="seats" type="number" min="1" formControlName="seats" required />
            <mat-error>{{ form.controls.seats | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'console.delegationFocalPoint' | t }}</mat-label>
            <input matInput name="focalPointEmail" type="email" formControlName="focalPointEmail" required />
            <mat-error>{{ form.controls.focalPointEmail | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'console.delegationLanguage' | t }}</mat-label>
            <mat-select name="focalPointLanguage" formControlName="focalPointLanguage">
              @for (l of languages; track l) {
                <mat-option [value]="l">{{ l | label: 'language' }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        <button mat-flat-button type="submit" [disabled]="saving()">{{ 'console.delegationCreate' | t }}</button>
      </form>
    </section>

    <section aria-labelledby="import-heading">
      <h3 id="import-heading">{{ 'console.delegationImport' | t }}</h3>
      <p class="import-help">{{ 'console.delegationImportHelp' | t }}</p>
      <mat-form-field class="wide">
        <mat-label>{{ 'console.delegationCsv' | t }}</mat-label>
        <textarea matInput name="csv" rows="6" [formControl]="csv"></textarea>
      </mat-form-field>
      @if (preview(); as p) {
        <p role="status">{{ 'console.delegationPreview' | t: { n: p.created, seats: p.seats } }}</p>
      }
      <div class="gfmd-actions">
        <button mat-stroked-button type="button" [disabled]="saving() || !csv.value" (click)="importCsv(true)">
          {{ 'console.delegationCheck' | t }}
        </button>
        <button mat-flat-button type="button" [disabled]="saving() || !preview()" (click)="importCsv(false)">
          {{ 'console.delegationImportButton' | t }}
        </button>
      </div>
    </section>
  `,
})
export class DelegationsConsolePage {
  private readonly api = inject(DelegationsApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly i18n = inject(I18n);
  private readonly dialogue = inject(DialogueStore);

  readonly id = input.required<string>();

  protected readonly groups = STAKEHOLDER_GROUPS;
  protected readonly languages = LANGUAGES;
  protected readonly items = signal<Delegation[]>([]);
  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly unmatched = signal<string[]>([]);
  protected readonly message = signal('');
  protected readonly preview = signal<ImportDelegationsResult | null>(null);
  protected readonly csv = this.fb.control('');
  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(150)]],
    stakeholderGroup: this.fb.control<StakeholderGroup>('government', Validators.required),
    country: ['', Validators.pattern(/^[A-Za-z]{2}$/)],
    seats: this.fb.control<number>(2, [Validators.required, Validators.min(1), Validators.max(500)]),
    focalPointEmail: ['', [Validators.required, Validators.email]],
    focalPointLanguage: this.fb.control<Language>('en'),
  });
  /**
   * The focal point's language unless the organizer chooses another: the dialogue's first
   * language that emails are written in, as the API's default (a French dialogue's focal point
   * gets a French email and an /fr/ link).
   */
  private readonly defaultLanguage = computed<Language>(
    () =>
      (this.dialogue.dialogue()?.languages ?? []).find((l): l is Language =>
        (LANGUAGES as readonly string[]).includes(l),
      ) ?? 'en',
  );

  constructor() {
    loadResource(this.id, (id) => this.load(id));
    this.csv.valueChanges.subscribe(() => this.preview.set(null));
    // The dialogue arrives after the form is made: preselect its language until the organizer picks one.
    effect(() => {
      const language = this.defaultLanguage();
      untracked(() => {
        const control = this.form.controls.focalPointLanguage;
        if (control.pristine) control.setValue(language);
      });
    });
  }

  private async load(id: string): Promise<void> {
    try {
      this.items.set((await firstValueFrom(this.api.list(id))).items);
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  protected async create(): Promise<void> {
    this.reset();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    await this.run(async () => {
      const d = await firstValueFrom(
        this.api.create(this.id(), {
          name: v.name.trim(),
          stakeholderGroup: v.stakeholderGroup,
          country: v.country.trim() || null,
          seats: Number(v.seats),
          focalPointEmail: v.focalPointEmail.trim(),
          focalPointLanguage: v.focalPointLanguage,
        }),
      );
      this.form.reset({ focalPointLanguage: this.defaultLanguage() });
      this.message.set(this.i18n.t('console.delegationCreated', { name: d.name }));
    }, true);
  }

  protected async release(d: Delegation): Promise<void> {
    this.reset();
    await this.run(async () => {
      const after = await firstValueFrom(this.api.release(d.id));
      this.message.set(this.i18n.t('console.delegationReleased', { name: d.name, n: d.seats - after.seats }));
    });
  }

  protected async importCsv(dryRun: boolean): Promise<void> {
    this.reset();
    await this.run(async () => {
      const result = await firstValueFrom(this.api.import(this.id(), { csv: this.csv.value, dryRun }));
      if (dryRun) {
        this.preview.set(result);
        return;
      }
      this.csv.setValue('');
      this.message.set(this.i18n.t('console.delegationImported', { n: result.created }));
    });
  }

  private reset(): void {
    this.problem.set(null);
    this.unmatched.set([]);
    this.message.set('');
  }

  private async run(action: () => Promise<void>, formProblems = false): Promise<void> {
    this.saving.set(true);
    try {
      await action();
      await this.load(this.id());
    } catch (error) {
      const problem = toProblem(error);
      this.problem.set(problem);
      if (formProblems) this.unmatched.set(applyProblemToForm(this.form, problem));
    } finally {
      this.saving.set(false);
    }
  }
}
