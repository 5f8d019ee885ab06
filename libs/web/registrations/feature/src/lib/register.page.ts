import { CountryFieldComponent } from '@gfmd/web-shared-ui/country-field';
import {
  PersonFieldsComponent,
  QuestionFieldsComponent,
  answersOf,
  syncAnswerControls,
} from '@gfmd/web-registrations-ui';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormRecord, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  ATTENDANCE_MODES,
  LANGUAGES,
  STAKEHOLDER_GROUPS,
  type Answer,
  type AttendanceMode,
  type Question,
  type CreateRegistrationRequest,
  type Language,
  type Space,
  type StakeholderGroup,
} from '@gfmd/contracts';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { FieldErrorPipe, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { emailValidators } from '@gfmd/web-shared-ui/email';
import {
  ContentLangDirective,
  I18n,
  I18nTitleStrategy,
  LabelPipe,
  LocalDatePipe,
  TranslatePipe,
} from '@gfmd/web-shared-util-i18n';
import { applyProblemToForm } from '@gfmd/web-shared-util-http';
import { submitState } from '@gfmd/web-shared-util-state';
import {
  RegisterStore,
  canChooseSpace,
  invitationPrefillValues,
  spaceEligibility,
} from '@gfmd/web-registrations-data-access';
import { loadResource } from '@gfmd/web-shared-util-state';

export interface RegistrationResultState {
  status: string;
  email: string;
  /** when waitlisted: the place in the waiting list */
  waitlistPosition?: number | null;
  spaces: { spaceId: string; status: string; name: string }[];
}

@Component({
  selector: 'gfmd-register-page',
  imports: [
    CountryFieldComponent,
    ReactiveFormsModule,
    PersonFieldsComponent,
    QuestionFieldsComponent,
    RouterLink,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatRadioGroup,
    MatRadioButton,
    MatCheckbox,
    MatButton,
    LoadingStateComponent,
    ProblemAlertComponent,
    FieldErrorPipe,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
    ContentLangDirective,
  ],
  providers: [DialogueStore, RegisterStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './register.page.scss',
  templateUrl: './register.page.html',
})
export class RegisterPage {
  private readonly registration = inject(RegisterStore);
  private readonly router = inject(Router);
  private readonly titles = inject(I18nTitleStrategy);
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(DialogueStore);

  readonly id = input.required<string>();
  /** ?invitation=<token> from an invitation email */
  readonly invitation = input<string>();

  protected readonly groups = STAKEHOLDER_GROUPS;
  protected readonly languages = LANGUAGES;
  protected readonly attendanceModes = ATTENDANCE_MODES;
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly form = this.fb.group({
    email: ['', emailValidators],
    title: ['', Validators.maxLength(40)],
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    organization: ['', [Validators.required, Validators.maxLength(150)]],
    jobTitle: ['', Validators.maxLength(200)],
    stakeholderGroup: this.fb.control<StakeholderGroup | ''>('', Validators.required),
    country: ['', Validators.required],
    // The interface language where the API takes it (Arabic once the contracts list it: contractLanguage).
    preferredLanguage: this.fb.control<Language>(this.i18n.contractLanguage(), Validators.required),
    accessibilityNeeds: ['', Validators.maxLength(2000)],
    spaceIds: this.fb.control<string[]>([]),
    consent: [false, Validators.requiredTrue],
    invitationToken: ['', Validators.maxLength(200)],
    /** Hybrid dialogues: in person or online (required there). */
    attendance: this.fb.control<AttendanceMode | ''>(''),
    /** One control per question of the organizer asked of the chosen group. */
    answers: new FormRecord<FormControl<Answer>>({}),
  });
  /** The dialogue's own questions, and those asked of the chosen group (labels in the page's language). */
  private readonly questions = signal<Question[]>([]);
  protected readonly asked = signal<Question[]>([]);

  private readonly submission = submitState();
  protected readonly busy = this.submission.submitting;
  protected readonly problem = this.submission.problem;
  protected readonly unmatched = signal<string[]>([]);
  /** the address of the invitation of the link, once read (the email field is then locked) */
  protected readonly invitedEmail = signal('');
  private readonly group = toSignal(this.form.controls.stakeholderGroup.valueChanges, { initialValue: '' as const });
  private readonly token = toSignal(this.form.controls.invitationToken.valueChanges, { initialValue: '' });
  private readonly chosen = toSignal(this.form.controls.spaceIds.valueChanges, { initialValue: [] as string[] });

  protected readonly spaceRows = computed(() => {
    const group = this.group() || null;
    const hasInvitation = this.token().trim().length > 0;
    const chosen = new Set(this.chosen());
    return this.store.spaces().map((space) => ({
      space,
      eligibility: spaceEligibility(space, group, hasInvitation),
      enabled: canChooseSpace(space, group, hasInvitation),
      checked: chosen.has(space.id),
    }));
  });

  constructor() {
    loadResource(this.id, (id) => this.store.load(id));
    loadResource(this.id, async (id) => this.questions.set(await this.registration.questions(id)));
    // Only the questions asked of the chosen group are fields (and sent).
    effect(() => {
      const questions = this.questions();
      const group = this.group();
      untracked(() => this.asked.set(syncAnswerControls(this.form.controls.answers, questions, group)));
    });
    // A hybrid dialogue asks how the person attends.
    effect(() => {
      const hybrid = this.store.dialogue()?.format === 'hybrid';
      untracked(() => {
        const control = this.form.controls.attendance;
        control.setValidators(hybrid ? Validators.required : null);
        control.updateValueAndValidity({ emitEvent: false });
      });
    });
    effect(() => {
      const token = this.invitation();
      if (token) {
        untracked(() => {
          this.form.controls.invitationToken.setValue(token);
          void this.prefill(token);
        });
      }
    });
    effect(() => {
      const title = this.store.dialogue()?.title;
      untracked(() => this.titles.setDynamic(title ? `${this.i18n.t('title.register')}: ${title}` : undefined));
    });
    // A space that the newly chosen group may not enter is unticked.
    effect(() => {
      const rows = this.spaceRows();
      const allowed = rows.filter((r) => r.enabled).map((r) => r.space.id);
      const current = untracked(() => this.form.controls.spaceIds.value);
      const kept = current.filter((id) => allowed.includes(id));
      if (kept.length !== current.length) {
        untracked(() => this.form.controls.spaceIds.setValue(kept));
      }
    });
  }

  /**
   * Fills the form from the invitation of the link (fields not typed in yet) and locks the email:
   * the registration must use the invited address.
   */
  private async prefill(token: string): Promise<void> {
    const invitation = await this.registration.invitation(token);
    if (!invitation || invitation.dialogueId !== this.id() || token !== this.invitation()) {
      return;
    }
    const values = invitationPrefillValues(invitation);
    const controls = this.form.controls;
    controls.email.setValue(values.email);
    controls.email.disable();
    this.invitedEmail.set(values.email);
    for (const key of ['firstName', 'lastName'] as const) {
      const value = values[key];
      if (value && !controls[key].dirty) {
        controls[key].setValue(value);
      }
    }
    if (values.stakeholderGroup && !controls.stakeholderGroup.dirty) {
      controls.stakeholderGroup.setValue(values.stakeholderGroup);
    }
    if (!controls.preferredLanguage.dirty) {
      controls.preferredLanguage.setValue(values.preferredLanguage);
    }
    // The page speaks the invitation's language, unless the reader chose one themselves.
    if (values.preferredLanguage) await this.i18n.suggest(values.preferredLanguage);
  }

  protected allowedGroupsText(space: Space): string {
    const groups = space.allowedGroups?.length
      ? space.allowedGroups
      : space.coordinatingGroup
        ? [space.coordinatingGroup]
        : [];
    return groups.map((g) => this.i18n.label('group', g)).join(', ');
  }

  protected toggleSpace(space: Space, checked: boolean): void {
    const current = this.form.controls.spaceIds.value.filter((id) => id !== space.id);
    this.form.controls.spaceIds.setValue(checked ? [...current, space.id] : current);
    this.form.controls.spaceIds.markAsDirty();
  }

  protected async submit(): Promise<void> {
    this.problem.set(null);
    this.unmatched.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const dialogue = this.store.dialogue();
    if (!dialogue) {
      return;
    }
    const value = this.form.getRawValue();
    if (!value.stakeholderGroup || !value.consent) {
      return;
    }
    const body: CreateRegistrationRequest = {
      email: value.email.trim(),
      firstName: value.firstName.trim(),
      lastName: value.lastName.trim(),
      organization: value.organization.trim(),
      stakeholderGroup: value.stakeholderGroup,
      country: value.country,
      preferredLanguage: value.preferredLanguage,
      spaceIds: value.spaceIds,
      consent: true,
      ...(value.title.trim() ? { title: value.title.trim() } : {}),
      ...(value.jobTitle.trim() ? { jobTitle: value.jobTitle.trim() } : {}),
      ...(value.accessibilityNeeds.trim() ? { accessibilityNeeds: value.accessibilityNeeds.trim() } : {}),
      ...(value.invitationToken.trim() ? { invitationToken: value.invitationToken.trim() } : {}),
      ...(dialogue.format === 'hybrid' && value.attendance ? { attendance: value.attendance } : {}),
      ...(this.asked().length ? { answers: answersOf(this.form.controls.answers, this.asked()) } : {}),
    };
    const outcome = await this.submission.run(async () => {
      const result = await this.registration.register(dialogue.id, body);
      const names = this.store.spacesById();
      const state: RegistrationResultState = {
        status: result.status,
        email: body.email,
        waitlistPosition: result.waitlistPosition ?? null,
        spaces: result.spaces.map((s) => ({ ...s, name: names.get(s.spaceId)?.name ?? s.spaceId })),
      };
      await this.router.navigate(['/dialogues', dialogue.id, 'registered'], {
        queryParams: { status: result.status },
        state: { registration: state },
      });
    });
    if (!outcome.ok) {
      const problem = outcome.problem;
      this.unmatched.set(applyProblemToForm(this.form, problem));
      if (problem.status === 409 && !problem.errors?.length) {
        this.form.controls.email.setErrors({ server: this.i18n.t('register.duplicate') });
        this.form.controls.email.markAsTouched();
      }
      this.focusProblem();
    }
  }

  /** Sends keyboard focus to the first field that needs attention. */
  private focusFirstInvalid(): void {
    setTimeout(() =>
      this.host.nativeElement
        .querySelector<HTMLElement>(
          'input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid, mat-checkbox.ng-invalid input, mat-radio-group.ng-invalid input, [data-question].ng-invalid input',
        )
        ?.focus(),
    );
  }

  private focusProblem(): void {
    setTimeout(() => {
      const alert = this.host.nativeElement.querySelector<HTMLElement>('gfmd-problem-alert [role=alert]');
      alert?.setAttribute('tabindex', '-1');
      alert?.focus();
    });
  }
}
