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
import { RouterLink } from '@angular/router';
import { FormControl, FormRecord, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import {
  ATTENDANCE_MODES,
  LANGUAGES,
  type Answer,
  type AttendanceMode,
  type DocumentView,
  type Language,
  type ProblemDetails,
  type Question,
  type Space,
} from '@gfmd/contracts';
import { AgendaViewComponent } from '@gfmd/web-dialogues-ui/agenda-view';
import { CheckInCodeComponent } from '@gfmd/web-check-in-feature/check-in-code';
import { FieldErrorPipe, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { ConfirmService } from '@gfmd/web-shared-ui/confirm';
import {
  ContentLangDirective,
  I18n,
  LabelPipe,
  LocalDatePipe,
  TranslatePipe,
  contentMessage,
  type TranslationKey,
} from '@gfmd/web-shared-util-i18n';
import { applyProblemToForm } from '@gfmd/web-shared-util-http';
import { ManageStore, canChooseSpace, spaceEligibility } from '@gfmd/web-registrations-data-access';
import { loadResource } from '@gfmd/web-shared-util-state';
import { ManageDocumentsComponent } from '@gfmd/web-documents-feature/public';
import { itemDocumentLinks } from '@gfmd/web-documents-data-access';

/** What the cancel section says: leaving the waiting list, withdrawing a request, or giving up a seat. */
interface CancelTexts {
  heading: TranslationKey;
  explain: TranslationKey;
  button: TranslationKey;
  title: TranslationKey;
  message: TranslationKey;
  confirm: TranslationKey;
  keep: TranslationKey;
  done: TranslationKey;
}

const CANCEL_TEXTS: Record<'confirmed' | 'waitlisted' | 'pending', CancelTexts> = {
  confirmed: {
    heading: 'manage.cancelHeading',
    explain: 'manage.cancelExplain',
    button: 'manage.cancelButton',
    title: 'manage.cancelTitle',
    message: 'manage.cancelMessage',
    confirm: 'manage.cancelConfirm',
    keep: 'manage.cancelKeep',
    done: 'manage.cancelled',
  },
  waitlisted: {
    heading: 'manage.leaveHeading',
    explain: 'manage.leaveExplain',
    button: 'manage.leaveButton',
    title: 'manage.leaveTitle',
    message: 'manage.leaveMessage',
    confirm: 'manage.leaveConfirm',
    keep: 'manage.leaveKeep',
    done: 'manage.left',
  },
  pending: {
    heading: 'manage.withdrawHeading',
    explain: 'manage.withdrawExplain',
    button: 'manage.withdrawButton',
    title: 'manage.withdrawTitle',
    message: 'manage.withdrawMessage',
    confirm: 'manage.withdrawConfirm',
    keep: 'manage.withdrawKeep',
    done: 'manage.withdrawn',
  },
};

@Component({
  selector: 'gfmd-manage-page',
  imports: [
    RouterLink,
    CountryFieldComponent,
    ReactiveFormsModule,
    PersonFieldsComponent,
    QuestionFieldsComponent,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatRadioGroup,
    MatRadioButton,
    MatCheckbox,
    MatButton,
    MatAnchor,
    AgendaViewComponent,
    CheckInCodeComponent,
    LoadingStateComponent,
    ProblemAlertComponent,
    FieldErrorPipe,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
    ManageDocumentsComponent,
    ContentLangDirective,
  ],
  providers: [ManageStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './manage.page.scss',
  templateUrl: './manage.page.html',
})
export class ManagePage {
  private readonly confirm = inject(ConfirmService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(ManageStore);

  readonly token = input.required<string>();
  /** the participant's documents (as the documents section loaded them) */
  protected readonly documents = signal<DocumentView[]>([]);
  /** public and registrants' documents of agenda items, linked through the manage token beside each item */
  protected readonly itemDocuments = computed(() =>
    itemDocumentLinks(this.documents(), this.i18n.language(), this.token()),
  );

  protected readonly languages = LANGUAGES;
  protected readonly attendanceModes = ATTENDANCE_MODES;
  protected readonly form = this.fb.group({
    title: ['', Validators.maxLength(40)],
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    organization: ['', [Validators.required, Validators.maxLength(150)]],
    jobTitle: ['', Validators.maxLength(200)],
    country: ['', Validators.required],
    preferredLanguage: this.fb.control<Language>('en', Validators.required),
    accessibilityNeeds: ['', Validators.maxLength(2000)],
    spaceIds: this.fb.control<string[]>([]),
    /** Hybrid dialogues: how the person attends (a switch follows the seat rules). */
    attendance: this.fb.control<AttendanceMode | ''>(''),
    /** One control per question asked of the person's group. */
    answers: new FormRecord<FormControl<Answer>>({}),
  });
  /** The questions asked of this person (their answers are editable here). */
  protected readonly asked = signal<Question[]>([]);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly unmatched = signal<string[]>([]);
  protected readonly message = signal('');
  private readonly chosen = toSignal(this.form.controls.spaceIds.valueChanges, { initialValue: [] as string[] });

  /** The name the offline check-in pass shows. */
  protected readonly holderName = computed(() => {
    const r = this.store.registration();
    return r ? [r.title, r.firstName, r.lastName].filter(Boolean).join(' ') : null;
  });
  protected readonly spaceRows = computed(() => {
    const registration = this.store.registration();
    const chosen = new Set(this.chosen());
    const statuses = new Map((registration?.spaces ?? []).map((s) => [s.spaceId, s.status]));
    return this.store.spaces().map((space) => {
      const already = statuses.has(space.id);
      return {
        space,
        status: statuses.get(space.id),
        eligibility: spaceEligibility(space, registration?.stakeholderGroup ?? null, false),
        enabled: already || canChooseSpace(space, registration?.stakeholderGroup ?? null, false),
        checked: chosen.has(space.id),
      };
    });
  });

  protected readonly cancelTexts = computed<CancelTexts>(() => {
    const status = this.store.registration()?.status;
    return status === 'waitlisted' || status === 'pending' ? CANCEL_TEXTS[status] : CANCEL_TEXTS.confirmed;
  });
  /** Why the personal agenda is empty: no place any more, or no item for this person's places yet. */
  protected readonly agendaEmptyMessage = computed<TranslationKey>(() =>
    !this.store.isActive() ? 'manage.agendaCancelled' : this.store.hasAgenda() ? 'manage.agendaNone' : 'agenda.empty',
  );

  constructor() {
    loadResource(this.token, (token) => this.store.load(token));
    effect(() => {
      const r = this.store.registration();
      if (r) {
        untracked(() =>
          this.form.reset({
            title: r.title ?? '',
            firstName: r.firstName,
            lastName: r.lastName,
            organization: r.organization,
            jobTitle: r.jobTitle ?? '',
            country: r.country,
            preferredLanguage: r.preferredLanguage,
            accessibilityNeeds: r.accessibilityNeeds ?? '',
            spaceIds: r.spaces.filter((s) => s.status !== 'cancelled' && s.status !== 'declined').map((s) => s.spaceId),
            attendance: r.attendance ?? '',
          }),
        );
      }
    });
    effect(() => {
      const r = this.store.registration();
      const questions = this.store.questions();
      if (!r) return;
      untracked(() => {
        this.asked.set(
          syncAnswerControls(this.form.controls.answers, questions, r.stakeholderGroup, r.answers ?? {}, true),
        );
      });
    });
  }

  protected toggleSpace(space: Space, checked: boolean): void {
    const current = this.form.controls.spaceIds.value.filter((id) => id !== space.id);
    this.form.controls.spaceIds.setValue(checked ? [...current, space.id] : current);
    this.form.controls.spaceIds.markAsDirty();
  }

  protected async save(): Promise<void> {
    this.problem.set(null);
    this.unmatched.set([]);
    this.message.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      setTimeout(() =>
        this.host.nativeElement
          .querySelector<HTMLElement>(
            'form input.ng-invalid, form textarea.ng-invalid, form mat-radio-group.ng-invalid input',
          )
          ?.focus(),
      );
      return;
    }
    const v = this.form.getRawValue();
    const problem = await this.store.update({
      title: v.title.trim() || null,
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      organization: v.organization.trim(),
      jobTitle: v.jobTitle.trim() || null,
      country: v.country,
      preferredLanguage: v.preferredLanguage,
      accessibilityNeeds: v.accessibilityNeeds.trim() || null,
      spaceIds: v.spaceIds,
      ...(this.asked().length ? { answers: answersOf(this.form.controls.answers, this.asked()) } : {}),
      ...(v.attendance && v.attendance !== this.store.registration()?.attendance ? { attendance: v.attendance } : {}),
    });
    if (problem) {
      this.showProblem(problem);
    } else {
      this.message.set(this.i18n.t('manage.saved'));
    }
  }

  protected async cancelRegistration(): Promise<void> {
    const texts = this.cancelTexts();
    const d = this.store.dialogue();
    const confirmed = await this.confirm.ask({
      title: this.i18n.t(texts.title),
      // The dialogue's title may be a fallback (another language than the page's): marked.
      message: contentMessage(
        this.i18n,
        texts.message,
        {},
        { param: 'title', text: d?.title ?? '', lang: d?.titleLang ?? null },
      ),
      confirm: this.i18n.t(texts.confirm),
      cancel: this.i18n.t(texts.keep),
      destructive: true,
    });
    if (!confirmed) {
      return;
    }
    this.problem.set(null);
    const problem = await this.store.cancel();
    if (problem) {
      this.showProblem(problem);
      return;
    }
    this.message.set(this.i18n.t(texts.done));
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('h1')?.focus());
  }

  private showProblem(problem: ProblemDetails): void {
    this.problem.set(problem);
    this.unmatched.set(applyProblemToForm(this.form, problem));
  }
}
