import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormRecord, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  ATTENDANCE_MODES,
  LANGUAGES,
  STAKEHOLDER_GROUPS,
  type Answer,
  type AttendanceMode,
  type Dialogue,
  type Language,
  type Question,
  type ReaderLanguage,
  type RegistrationCreated,
  type Space,
  type StaffCreateRegistrationRequest,
  type StakeholderGroup,
} from '@gfmd/contracts';
import { RegisterStore } from '@gfmd/web-registrations-data-access';
import {
  PersonFieldsComponent,
  QuestionFieldsComponent,
  answersOf,
  syncAnswerControls,
} from '@gfmd/web-registrations-ui';
import { FieldErrorPipe, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { CountryFieldComponent } from '@gfmd/web-shared-ui/country-field';
import { emailValidators } from '@gfmd/web-shared-ui/email';
import { applyProblemToForm } from '@gfmd/web-shared-util-http';
import { ContentLangDirective, I18n, LabelPipe, TranslatePipe, contentIn } from '@gfmd/web-shared-util-i18n';
import { submitState } from '@gfmd/web-shared-util-state';

export interface StaffRegisterDialogData {
  /** `languages`: where question labels and space names fall back when not written in the page's language. */
  dialogue: Pick<Dialogue, 'id' | 'format'> & Partial<Pick<Dialogue, 'languages'>>;
  spaces: Space[];
}

/** What the dialog closes with once the person is registered (undefined when cancelled). */
export interface StaffRegisterDialogResult {
  created: RegistrationCreated;
  name: string;
}

/**
 * "Add a participant": an organizer registers someone with the public form's fields, without
 * the consent box (it is the participant's). No approval step: the person is confirmed when a
 * seat is free, else put on the waiting list, and gets the usual email with their manage link.
 */
@Component({
  selector: 'gfmd-staff-register-dialog',
  imports: [
    ReactiveFormsModule,
    PersonFieldsComponent,
    QuestionFieldsComponent,
    CountryFieldComponent,
    MatButton,
    MatCheckbox,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatRadioGroup,
    MatRadioButton,
    ProblemAlertComponent,
    FieldErrorPipe,
    TranslatePipe,
    LabelPipe,
    ContentLangDirective,
  ],
  providers: [RegisterStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0 1rem;
    }
    .full {
      grid-column: 1 / -1;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 1rem;
    }
    legend {
      font-weight: 600;
      margin-bottom: 0.5rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
    }
    .attendance-error {
      color: var(--mat-sys-error);
    }
    ul {
      list-style: none;
      padding: 0;
      margin: 0;
    }
  `,
  template: `
    <h2 mat-dialog-title>{{ 'registrations.addDialog.title' | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="gfmd-muted" id="staff-register-note">{{ 'registrations.addDialog.note' | t }}</p>
        <gfmd-problem-alert [problem]="problem()" [unmatched]="unmatched()" />
        <div class="grid">
          <mat-form-field class="full">
            <mat-label>{{ 'register.email' | t }}</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="off" required />
            <mat-error>{{ form.controls.email | fieldError }}</mat-error>
          </mat-form-field>
          <gfmd-person-fields [controls]="form.controls" />
          <mat-form-field>
            <mat-label>{{ 'register.group' | t }}</mat-label>
            <mat-select formControlName="stakeholderGroup" required>
              @for (group of groups; track group) {
                <mat-option [value]="group">{{ group | label: 'group' }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.stakeholderGroup | fieldError }}</mat-error>
          </mat-form-field>
          <gfmd-country-field [control]="form.controls.country" />
        </div>
        <fieldset>
          <legend id="staff-language-label">{{ 'register.language' | t }}</legend>
          <mat-radio-group formControlName="preferredLanguage" aria-labelledby="staff-language-label" class="row">
            @for (language of languages; track language) {
              <mat-radio-button [value]="language">{{ language | label: 'language' }}</mat-radio-button>
            }
          </mat-radio-group>
        </fieldset>
        @if (data.dialogue.format === 'hybrid') {
          <fieldset>
            <legend id="staff-attendance-label">{{ 'attendance.question' | t }}</legend>
            <mat-radio-group formControlName="attendance" aria-labelledby="staff-attendance-label" class="row" required>
              @for (mode of attendanceModes; track mode) {
                <mat-radio-button [value]="mode">
                  {{ (mode === 'online' ? 'attendance.online' : 'attendance.in_person') | t }}
                </mat-radio-button>
              }
            </mat-radio-group>
            @if (form.controls.attendance.touched && form.controls.attendance.invalid) {
              <p class="attendance-error" role="alert">{{ form.controls.attendance | fieldError }}</p>
            }
          </fieldset>
        }
        @if (asked().length) {
          <fieldset>
            <legend>{{ 'question.legend' | t }}</legend>
            <gfmd-question-fields
              [questions]="asked()"
              [controls]="form.controls.answers"
              [language]="i18n.language()"
              [languages]="contentLanguages"
              idPrefix="staff-question-"
            />
          </fieldset>
        }
        @if (data.spaces.length) {
          <fieldset>
            <legend>{{ 'register.spaces' | t }}</legend>
            <ul>
              @for (space of data.spaces; track space.id) {
                <li>
                  <mat-checkbox
                    [checked]="form.controls.spaceIds.value.includes(space.id)"
                    (change)="toggleSpace(space.id, $event.checked)"
                  >
                    @let name = spaceName(space);
                    <span [gfmdContentLang]="name.lang">{{ name.text }}</span>
                  </mat-checkbox>
                </li>
              }
            </ul>
          </fieldset>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ (busy() ? 'register.sending' : 'registrations.addDialog.submit') | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class StaffRegisterDialogComponent {
  protected readonly data = inject<StaffRegisterDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<StaffRegisterDialogComponent, StaffRegisterDialogResult>>(MatDialogRef);
  private readonly registration = inject(RegisterStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly i18n = inject(I18n);
  protected readonly groups = STAKEHOLDER_GROUPS;
  protected readonly languages = LANGUAGES;
  protected readonly attendanceModes = ATTENDANCE_MODES;
  /** The dialogue's content languages, the first the source: the fallback order of what organizers wrote. */
  protected readonly contentLanguages: readonly ReaderLanguage[] = this.data.dialogue.languages ?? [];
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    email: ['', emailValidators],
    title: ['', Validators.maxLength(40)],
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    organization: ['', [Validators.required, Validators.maxLength(150)]],
    jobTitle: ['', Validators.maxLength(200)],
    stakeholderGroup: this.fb.control<StakeholderGroup | ''>('', Validators.required),
    country: ['', Validators.required],
    preferredLanguage: this.fb.control<Language>(this.i18n.contractLanguage(), Validators.required),
    spaceIds: this.fb.control<string[]>([]),
    attendance: this.fb.control<AttendanceMode | ''>(
      '',
      this.data.dialogue.format === 'hybrid' ? Validators.required : null,
    ),
    answers: new FormRecord<FormControl<Answer>>({}),
  });
  private readonly questions = signal<Question[]>([]);
  protected readonly asked = signal<Question[]>([]);
  private readonly group = toSignal(this.form.controls.stakeholderGroup.valueChanges, { initialValue: '' as const });
  private readonly submission = submitState();
  protected readonly busy = this.submission.submitting;
  protected readonly problem = this.submission.problem;
  protected readonly unmatched = signal<string[]>([]);

  constructor() {
    void this.registration.questions(this.data.dialogue.id).then((qs) => this.questions.set(qs));
    effect(() => {
      const questions = this.questions();
      const group = this.group();
      untracked(() => this.asked.set(syncAnswerControls(this.form.controls.answers, questions, group)));
    });
  }

  /** A space's name in the page's language, else the dialogue's languages in order (as the public form). */
  protected spaceName(space: Space): { text: string; lang: ReaderLanguage | null } {
    return contentIn(space, 'name', this.i18n.language(), this.contentLanguages);
  }

  protected toggleSpace(id: string, checked: boolean): void {
    const rest = this.form.controls.spaceIds.value.filter((x) => x !== id);
    this.form.controls.spaceIds.setValue(checked ? [...rest, id] : rest);
  }

  protected async submit(): Promise<void> {
    this.unmatched.set([]);
    if (!this.submission.begin(this.form, this.host.nativeElement)) return;
    const v = this.form.getRawValue();
    if (!v.stakeholderGroup) return;
    const body: StaffCreateRegistrationRequest = {
      email: v.email.trim(),
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      organization: v.organization.trim(),
      stakeholderGroup: v.stakeholderGroup,
      country: v.country,
      preferredLanguage: v.preferredLanguage,
      spaceIds: v.spaceIds,
      ...(v.title.trim() ? { title: v.title.trim() } : {}),
      ...(v.jobTitle.trim() ? { jobTitle: v.jobTitle.trim() } : {}),
      ...(this.data.dialogue.format === 'hybrid' && v.attendance ? { attendance: v.attendance } : {}),
      ...(this.asked().length ? { answers: answersOf(this.form.controls.answers, this.asked()) } : {}),
    };
    const outcome = await this.submission.run(() => this.registration.registerByStaff(this.data.dialogue.id, body));
    if (outcome.ok) {
      this.ref.close({ created: outcome.value, name: `${body.firstName} ${body.lastName}` });
      return;
    }
    this.unmatched.set(applyProblemToForm(this.form, outcome.problem));
    if (outcome.problem.status === 409 && !outcome.problem.errors?.length) {
      this.form.controls.email.setErrors({ server: this.i18n.t('register.duplicate') });
      this.form.controls.email.markAsTouched();
    }
    setTimeout(() => {
      const alert = this.host.nativeElement.querySelector<HTMLElement>('gfmd-problem-alert [role=alert]');
      alert?.setAttribute('tabindex', '-1');
      alert?.focus();
    });
  }
}
