import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import {
  FormControl,
  FormGroupDirective,
  FormRecord,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  DELEGATE_ROLES,
  LANGUAGES,
  type Answer,
  type Delegate,
  type DelegateRequest,
  type DelegateRole,
  type FocalPointView,
  type Language,
  type ProblemDetails,
  type Question,
} from '@gfmd/contracts';
import { RegistrationsApi } from '@gfmd/web-registrations-data-access';
import { QuestionFieldsComponent, answersOf, syncAnswerControls } from '@gfmd/web-registrations-ui';
import { FieldErrorPipe, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { ConfirmService } from '@gfmd/web-shared-ui/confirm';
import { CountryFieldComponent } from '@gfmd/web-shared-ui/country-field';
import { applyProblemToForm, toProblem } from '@gfmd/web-shared-util-http';
import { ContentLangDirective, I18n, LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { loadResource } from '@gfmd/web-shared-util-state';
import { firstValueFrom } from 'rxjs';
import { FocalPointApi } from './delegations.api';

/**
 * The focal point's page, reached by the private link of their email (no account): the
 * delegation's seats, its delegates and their statuses; name a delegate, replace one by another
 * (the seat is kept), withdraw one (the seat comes back). Phone first: one column.
 */
@Component({
  selector: 'gfmd-focal-point-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatButton,
    CountryFieldComponent,
    QuestionFieldsComponent,
    LoadingStateComponent,
    ProblemAlertComponent,
    FieldErrorPipe,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
    ContentLangDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      max-width: 40rem;
      margin: 0 auto;
      padding: 0 1rem 2rem;
    }
    .delegates {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.75rem;
    }
    .delegate {
      border: 1px solid var(--gfmd-border, #d9e2ec);
      border-radius: 4px;
      padding: 0.75rem;
    }
    .delegate p {
      margin: 0.25rem 0;
    }
    .fields {
      display: grid;
      gap: 0.25rem;
    }
    .gfmd-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
  template: `
    @if (loading() && !view()) {
      <h1>{{ 'delegation.pageTitle' | t }}</h1>
      <gfmd-loading-state />
    } @else if (loadProblem(); as p) {
      <h1>{{ 'delegation.pageTitle' | t }}</h1>
      @if (p.status === 404) {
        <p class="gfmd-alert gfmd-alert--error" role="alert">{{ 'delegation.unknownLink' | t }}</p>
      } @else {
        <gfmd-problem-alert [problem]="p" />
      }
    }
    @if (view(); as v) {
      <h1 tabindex="-1">{{ 'delegation.title' | t: { name: v.delegation.name } }}</h1>
      <p class="lead">
        <strong [gfmdContentLang]="v.dialogue.titleLang">{{ v.dialogue.title }}</strong><br />
        {{ v.dialogue.startsAt | localDate: 'dateTime' : v.dialogue.timeZone }} · {{ v.dialogue.venue }}
      </p>
      <p role="status">
        {{ 'delegation.seats' | t: { used: v.delegation.used, seats: v.delegation.seats } }}
      </p>
      <p role="status" class="gfmd-visually-hidden">{{ message() }}</p>
      @if (message()) {
        <p class="gfmd-alert gfmd-alert--ok" aria-hidden="true">{{ message() }}</p>
      }
      <gfmd-problem-alert [problem]="problem()" [unmatched]="unmatched()" />

      <section aria-labelledby="delegates-heading">
        <h2 id="delegates-heading">{{ 'delegation.delegates' | t }}</h2>
        @if (!v.delegates.length) {
          <p>{{ 'delegation.none' | t }}</p>
        }
        <ul class="delegates">
          @for (d of v.delegates; track d.registrationId) {
            <li class="delegate" [attr.data-delegate]="d.email">
              <p>
                <strong>{{ d.firstName }} {{ d.lastName }}</strong> · {{ d.role | label: 'delegateRole' }}
              </p>
              <p class="gfmd-muted">{{ d.email }}</p>
              <p>
                <span class="gfmd-chip" [class.gfmd-chip--ok]="d.status === 'confirmed'">{{
                  d.status | label: 'registrationStatus'
                }}</span>
              </p>
              @if (d.status === 'confirmed') {
                <div class="gfmd-actions">
                  <button mat-stroked-button type="button" (click)="startReplace(d)">
                    {{ 'delegation.replace' | t }}
                    <span class="gfmd-visually-hidden">{{ d.firstName }} {{ d.lastName }}</span>
                  </button>
                  <button mat-stroked-button type="button" (click)="withdraw(d)">
                    {{ 'delegation.withdraw' | t }}
                    <span class="gfmd-visually-hidden">{{ d.firstName }} {{ d.lastName }}</span>
                  </button>
                </div>
              }
            </li>
          }
        </ul>
      </section>

      @if (replacing() || v.delegation.used < v.delegation.seats) {
        <section aria-labelledby="name-heading">
          <h2 id="name-heading">
            @if (replacing(); as r) {
              {{ 'delegation.replaceHeading' | t: { name: r.firstName + ' ' + r.lastName } }}
            } @else {
              {{ 'delegation.nameHeading' | t }}
            }
          </h2>
          <form class="fields" [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field>
              <mat-label>{{ 'register.firstName' | t }}</mat-label>
              <input matInput name="firstName" formControlName="firstName" required autocomplete="off" />
              <mat-error>{{ form.controls.firstName | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'register.lastName' | t }}</mat-label>
              <input matInput name="lastName" formControlName="lastName" required autocomplete="off" />
              <mat-error>{{ form.controls.lastName | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'register.email' | t }}</mat-label>
              <input matInput name="email" type="email" formControlName="email" required autocomplete="off" />
              <mat-error>{{ form.controls.email | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'delegation.role' | t }}</mat-label>
              <mat-select name="role" formControlName="role" required>
                @for (role of roles; track role) {
                  <mat-option [value]="role">{{ role | label: 'delegateRole' }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'register.organization' | t }}</mat-label>
              <input matInput name="organization" formControlName="organization" required />
              <mat-error>{{ form.controls.organization | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'register.jobTitle' | t }} ({{ 'common.optional' | t }})</mat-label>
              <input matInput name="jobTitle" formControlName="jobTitle" />
            </mat-form-field>
            <gfmd-country-field [control]="form.controls.country" />
            <mat-form-field>
              <mat-label>{{ 'register.language' | t }}</mat-label>
              <mat-select name="preferredLanguage" formControlName="preferredLanguage">
                @for (l of languages; track l) {
                  <mat-option [value]="l">{{ l | label: 'language' }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            @if (asked().length) {
              <gfmd-question-fields
                [questions]="asked()"
                [controls]="form.controls.answers"
                [language]="i18n.language()"
                [languages]="v.dialogue.languages"
                idPrefix="delegate-question-"
              />
            }
            <mat-checkbox formControlName="consent">{{ 'delegation.consent' | t }}</mat-checkbox>
            @if (form.controls.consent.touched && form.controls.consent.invalid) {
              <p class="gfmd-error" role="alert">{{ 'delegation.consentRequired' | t }}</p>
            }
            <div class="gfmd-actions">
              <button mat-flat-button type="submit" [disabled]="saving()">
                {{ (replacing() ? 'delegation.replaceSubmit' : 'delegation.nameSubmit') | t }}
              </button>
              @if (replacing()) {
                <button mat-stroked-button type="button" (click)="replacing.set(null)">
                  {{ 'common.cancel' | t }}
                </button>
              }
            </div>
          </form>
        </section>
      } @else {
        <p>{{ 'delegation.full' | t }}</p>
      }
    }
  `,
})
export class FocalPointPage {
  private readonly api = inject(FocalPointApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly confirm = inject(ConfirmService);
  protected readonly i18n = inject(I18n);
  private readonly registrations = inject(RegistrationsApi);
  /** The dialogue's own questions, and those asked of the delegation's group (each delegate answers them). */
  private questions: Question[] = [];
  protected readonly asked = signal<Question[]>([]);

  readonly token = input.required<string>();

  protected readonly roles = DELEGATE_ROLES;
  protected readonly languages = LANGUAGES;
  protected readonly view = signal<FocalPointView | null>(null);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly unmatched = signal<string[]>([]);
  protected readonly message = signal('');
  protected readonly replacing = signal<Delegate | null>(null);
  protected readonly current = computed(() => this.view()?.delegates.filter((d) => d.status === 'confirmed') ?? []);
  /** The form's directive: its "submitted" state is what makes Material show every empty field's error. */
  private readonly formDirective = viewChild(FormGroupDirective);

  protected readonly form = this.fb.group({
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    role: this.fb.control<DelegateRole>('delegate', Validators.required),
    organization: ['', [Validators.required, Validators.maxLength(150)]],
    jobTitle: ['', Validators.maxLength(200)],
    country: ['', Validators.required],
    preferredLanguage: this.fb.control<Language>('en', Validators.required),
    consent: [false, Validators.requiredTrue],
    answers: new FormRecord<FormControl<Answer>>({}),
  });

  constructor() {
    loadResource(this.token, (token) => this.load(token));
  }

  private async load(token: string): Promise<void> {
    this.loading.set(true);
    this.loadProblem.set(null);
    try {
      const view = await firstValueFrom(this.api.view(token));
      this.show(view);
      this.questions = await firstValueFrom(this.registrations.questions(view.dialogue.id)).catch(() => []);
      this.resetForm();
    } catch (error) {
      this.loadProblem.set(toProblem(error));
    } finally {
      this.loading.set(false);
    }
  }

  private show(view: FocalPointView): void {
    this.view.set(view);
  }

  private resetForm(): void {
    const v = this.view();
    // Through the directive once the form is shown: a plain reset after a submit left the form
    // "submitted", and the emptied fields of the next delegate all showed "This field is required".
    const value = {
      firstName: '',
      lastName: '',
      email: '',
      role: 'delegate' as DelegateRole,
      organization: v?.delegation.name ?? '',
      jobTitle: '',
      country: v?.delegation.country ?? '',
      preferredLanguage: this.i18n.language() as Language,
      consent: false,
    };
    const directive = this.formDirective();
    if (directive) directive.resetForm(value);
    else this.form.reset(value);
    this.asked.set(
      syncAnswerControls(this.form.controls.answers, this.questions, v?.delegation.stakeholderGroup, {}, true),
    );
  }

  protected startReplace(d: Delegate): void {
    this.replacing.set(d);
    this.form.patchValue({ role: d.role });
    setTimeout(() => document.getElementById('name-heading')?.scrollIntoView());
  }

  protected async submit(): Promise<void> {
    this.problem.set(null);
    this.unmatched.set([]);
    this.message.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const delegate: DelegateRequest = {
      email: v.email.trim(),
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      organization: v.organization.trim(),
      jobTitle: v.jobTitle.trim() || null,
      country: v.country,
      preferredLanguage: v.preferredLanguage,
      role: v.role,
      consent: true,
      ...(this.asked().length ? { answers: answersOf(this.form.controls.answers, this.asked()) } : {}),
    };
    const replacing = this.replacing();
    this.saving.set(true);
    try {
      this.show(
        await firstValueFrom(
          replacing
            ? this.api.replace(this.token(), replacing.registrationId, delegate)
            : this.api.add(this.token(), delegate),
        ),
      );
      this.message.set(
        this.i18n.t(replacing ? 'delegation.replaced' : 'delegation.named', { name: `${v.firstName} ${v.lastName}` }),
      );
      this.replacing.set(null);
      this.resetForm();
    } catch (error) {
      const problem = toProblem(error);
      this.problem.set(problem);
      this.unmatched.set(applyProblemToForm(this.form, problem));
    } finally {
      this.saving.set(false);
    }
  }

  protected async withdraw(d: Delegate): Promise<void> {
    const name = `${d.firstName} ${d.lastName}`;
    const ok = await this.confirm.ask({
      title: this.i18n.t('delegation.withdrawTitle'),
      message: this.i18n.t('delegation.withdrawMessage', { name }),
      confirm: this.i18n.t('delegation.withdraw'),
      cancel: this.i18n.t('common.cancel'),
      destructive: true,
    });
    if (!ok) return;
    this.problem.set(null);
    try {
      this.show(await firstValueFrom(this.api.withdraw(this.token(), d.registrationId)));
      this.message.set(this.i18n.t('delegation.withdrawn', { name }));
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }
}
