import { Clipboard } from '@angular/cdk/clipboard';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  DIALOGUE_FORMATS,
  type DialogueStatus,
  READER_LANGUAGES,
  STAKEHOLDER_GROUPS,
  type ContentTranslations,
  type CreateDialogueRequest,
  type Dialogue,
  type DialogueFormat,
  type ProblemDetails,
  type ReaderLanguage,
  type StakeholderQuotas,
} from '@gfmd/contracts';
import { CatalogStore } from '@gfmd/web-dialogues-data-access';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { LeadTimeComponent } from '@gfmd/web-dialogues-ui';
import { FieldErrorPipe, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { ConfirmService } from '@gfmd/web-shared-ui/confirm';
import {
  TranslationFieldsComponent,
  translationsToSend,
  type TranslatedField,
} from '@gfmd/web-shared-ui/translation-fields';
import { I18n, LabelPipe, LocalDatePipe, TranslatePipe, contentMessage } from '@gfmd/web-shared-util-i18n';
import { applyProblemToForm } from '@gfmd/web-shared-util-http';
import { submitState } from '@gfmd/web-shared-util-state';
import { daysBetween, fromZonedLocalInput, toZonedLocalInput } from '@gfmd/web-shared-util-time';
import { endAfterStart, optionalUrl, timeZoneValidator } from './dialogue-form.util';
import { ZoneFieldComponent } from './zone-field.component';

/** Statuses in which visitors see the dialogue's public page. */
const PUBLIC_STATUSES: readonly DialogueStatus[] = ['published', 'registration_closed', 'concluded'];

/** Create (at /console/dialogues/new) or edit (inside the dialogue workspace) a dialogue. */
@Component({
  selector: 'gfmd-dialogue-editor-page',
  imports: [
    ReactiveFormsModule,
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
    LeadTimeComponent,
    ZoneFieldComponent,
    ProblemAlertComponent,
    FieldErrorPipe,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
    RouterLink,
    TranslationFieldsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './dialogue-editor.page.scss',
  templateUrl: './dialogue-editor.page.html',
})
export class DialogueEditorPage {
  private readonly router = inject(Router);
  private readonly confirm = inject(ConfirmService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly clipboard = inject(Clipboard);
  private readonly document = inject(DOCUMENT);
  protected readonly i18n = inject(I18n);
  protected readonly catalog = inject(CatalogStore);
  /** present when editing inside the dialogue workspace, absent when creating */
  protected readonly store = inject(DialogueStore, { optional: true });

  protected readonly formats = DIALOGUE_FORMATS;
  /** The six content languages a dialogue may list (docs/i18n.md, "Content in several languages"). */
  protected readonly languages = READER_LANGUAGES;
  protected readonly translatedFields = computed<TranslatedField[]>(() => [
    { key: 'title', label: this.i18n.t('editor.title'), max: 200 },
    { key: 'summary', label: this.i18n.t('editor.summary'), max: 10000, multiline: true },
  ]);
  protected readonly groups = STAKEHOLDER_GROUPS;

  protected readonly form = this.fb.group(
    {
      title: ['', [Validators.required, Validators.maxLength(200)]],
      summary: ['', [Validators.required, Validators.maxLength(5000)]],
      informalSessionId: ['', Validators.required],
      themeIds: this.fb.control<string[]>([]),
      timeZone: ['Europe/Zurich', [Validators.required, timeZoneValidator]],
      startsAt: ['', Validators.required],
      endsAt: ['', Validators.required],
      venue: ['', Validators.maxLength(300)],
      format: this.fb.control<DialogueFormat>('in_person', Validators.required),
      onlineUrl: ['', optionalUrl],
      capacity: this.fb.control<number>(100, [Validators.required, Validators.min(1), Validators.max(100000)]),
      /** Hybrid dialogues: the online seats (empty: unlimited). */
      onlineCapacity: this.fb.control<number | null>(null, [Validators.min(0), Validators.max(100000)]),
      registrationOpensAt: [''],
      registrationClosesAt: [''],
      approvalRequired: [false],
      /** Content languages, the first the source one (title and summary are written in it). */
      languages: this.fb.control<ReaderLanguage[]>(['en', 'fr', 'es']),
      /** Title and summary in each other language (the tabs); empty: not translated. */
      translations: this.fb.control<ContentTranslations>({}),
      quotas: this.fb.group(
        Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, this.fb.control<number | null>(null, Validators.min(0))])),
      ),
    },
    { validators: [endAfterStart('startsAt', 'endsAt'), endAfterStart('registrationOpensAt', 'registrationClosesAt')] },
  );

  private readonly submission = submitState();
  protected readonly busy = this.submission.submitting;
  protected readonly problem = this.submission.problem;
  protected readonly unmatched = signal<string[]>([]);
  protected readonly message = this.submission.done;

  protected readonly formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  /** The listed languages, the source first: one tab each. */
  protected readonly listed = computed(() => {
    const languages = this.formValue().languages ?? [];
    return languages.length ? languages : (['en'] as ReaderLanguage[]);
  });
  protected readonly source = computed(() => this.listed()[0]);
  /** The language's name in the page's language ("French", "français"…), from the browser. */
  protected readonly languageName = computed(() => {
    const names = new Intl.DisplayNames([this.i18n.language()], { type: 'language' });
    return (language: ReaderLanguage) => names.of(language) ?? language.toUpperCase();
  });
  protected unlistedNames(d: Dialogue): string {
    return (d.unlistedLanguages ?? []).map((l) => this.languageName()(l)).join(', ');
  }

  protected readonly dialogue = computed(() => this.store?.dialogue() ?? null);
  protected readonly isNew = computed(() => this.dialogue() === null);
  /**
   * The public page's address, to share, once visitors can see the dialogue: the address without a
   * language (`x-default`), so that each reader gets the page in their own language rather than in
   * the organizer's (docs/i18n.md, "Web addresses").
   */
  protected readonly publicUrl = computed(() => {
    const d = this.dialogue();
    if (!d || !PUBLIC_STATUSES.includes(d.status)) {
      return null;
    }
    return new URL(`dialogues/${d.id}`, this.document.baseURI).href;
  });

  /** Lead time previewed while typing (the server's value is shown once saved). */
  protected readonly previewLeadDays = computed(() => {
    const value = this.formValue();
    const session = this.catalog.sessionsById().get(value.informalSessionId ?? '');
    if (!session || !value.endsAt || !value.timeZone || this.form.controls.timeZone.invalid) {
      return null;
    }
    return daysBetween(fromZonedLocalInput(value.endsAt, value.timeZone), session.startsAt);
  });

  constructor() {
    void this.catalog.load();
    effect(() => {
      const d = this.dialogue();
      if (d) {
        untracked(() => this.fill(d));
      }
    });
  }

  protected toggleLanguage(language: ReaderLanguage, checked: boolean): void {
    const current = this.form.controls.languages.value.filter((l) => l !== language);
    // At least one language: the last one cannot be unchecked.
    this.form.controls.languages.setValue(checked ? [...current, language] : current.length ? current : [language]);
  }

  /** Makes a listed language the source (first); the others keep their order. */
  protected setSource(language: ReaderLanguage): void {
    const rest = this.form.controls.languages.value.filter((l) => l !== language);
    this.form.controls.languages.setValue([language, ...rest]);
  }

  protected async save(): Promise<void> {
    this.unmatched.set([]);
    if (!this.submission.begin(this.form, this.host.nativeElement)) {
      return;
    }
    const body = this.toInput();
    const existing = this.dialogue();
    const outcome = await this.submission.run(async () => {
      const saved = await this.catalog.saveDialogue(existing?.id ?? null, body);
      if (existing) {
        this.store?.setDialogue(saved);
        this.message.set(this.i18n.t('common.saved'));
        this.focusAfterRender('#dialogue-save');
      } else {
        await this.router.navigate(['/console/dialogues', saved.id]);
      }
    });
    if (!outcome.ok) {
      this.showProblem(outcome.problem);
    }
  }

  protected async publish(): Promise<void> {
    const d = this.dialogue();
    if (!d) {
      return;
    }
    await this.transition(() => this.catalog.publishDialogue(d.id), 'editor.published');
  }

  protected async closeRegistration(): Promise<void> {
    const d = this.dialogue();
    if (d) {
      await this.transition(() => this.catalog.closeRegistration(d.id), 'editor.registrationClosed');
    }
  }

  /** Publishing a dialogue whose registration was closed opens it again. */
  protected async reopenRegistration(): Promise<void> {
    const d = this.dialogue();
    if (d) {
      await this.transition(() => this.catalog.publishDialogue(d.id), 'editor.registrationReopened');
    }
  }

  protected copyLink(url: string): void {
    this.message.set('');
    this.message.set(this.i18n.t(this.clipboard.copy(url) ? 'editor.linkCopied' : 'editor.copyFailed'));
  }

  protected async cancelDialogue(): Promise<void> {
    const d = this.dialogue();
    if (!d) {
      return;
    }
    // The editor's own words (the dialogue's first language), marked when the page is in another.
    const title = { text: d.title, lang: d.languages?.[0] ?? 'en' };
    const ok = await this.confirm.ask({
      title: this.i18n.t('editor.cancelTitle'),
      message: contentMessage(this.i18n, 'editor.cancelMessage', {}, { param: 'title', ...title }),
      confirm: this.i18n.t('editor.cancelConfirm'),
      cancel: this.i18n.t('common.back'),
      destructive: true,
    });
    if (ok) {
      await this.transition(() => this.catalog.cancelDialogue(d.id), 'editor.cancelled');
    }
  }

  private async transition(
    call: () => Promise<Dialogue>,
    done: 'editor.published' | 'editor.cancelled' | 'editor.registrationClosed' | 'editor.registrationReopened',
  ): Promise<void> {
    this.submission.reset();
    const outcome = await this.submission.run(call);
    if (outcome.ok) {
      this.store?.setDialogue(outcome.value);
      this.message.set(this.i18n.t(done));
      // The button pressed may be gone (or was disabled while busy): the panel's heading keeps the focus.
      this.focusAfterRender('#status-heading');
    } else {
      this.showProblem(outcome.problem);
    }
  }

  /** Focus on an element of this page once it is rendered (not left on the body). */
  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }

  private showProblem(problem: ProblemDetails): void {
    this.problem.set(problem);
    this.unmatched.set(applyProblemToForm(this.form, problem));
  }

  private fill(d: Dialogue): void {
    const tz = d.timeZone;
    this.form.reset({
      title: d.title,
      summary: d.summary,
      informalSessionId: d.informalSessionId,
      themeIds: d.themeIds,
      timeZone: tz,
      startsAt: toZonedLocalInput(d.startsAt, tz),
      endsAt: toZonedLocalInput(d.endsAt, tz),
      venue: d.venue ?? '',
      format: d.format,
      onlineUrl: d.onlineUrl ?? '',
      capacity: d.capacity,
      onlineCapacity: d.onlineCapacity ?? null,
      registrationOpensAt: toZonedLocalInput(d.registrationOpensAt, tz),
      registrationClosesAt: toZonedLocalInput(d.registrationClosesAt, tz),
      approvalRequired: d.approvalRequired,
      languages: d.languages,
      translations: { ...d.translations },
      quotas: Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, d.stakeholderQuotas?.[g] ?? null])),
    });
  }

  private toInput(): CreateDialogueRequest {
    const v = this.form.getRawValue();
    const tz = v.timeZone;
    const quotas: StakeholderQuotas = {};
    for (const group of STAKEHOLDER_GROUPS) {
      const seats = v.quotas[group];
      if (seats !== null && seats !== undefined && `${seats}` !== '') {
        quotas[group] = Number(seats);
      }
    }
    return {
      title: v.title.trim(),
      summary: v.summary.trim(),
      informalSessionId: v.informalSessionId,
      themeIds: v.themeIds,
      timeZone: tz,
      startsAt: fromZonedLocalInput(v.startsAt, tz),
      endsAt: fromZonedLocalInput(v.endsAt, tz),
      venue: v.venue.trim(),
      format: v.format,
      onlineUrl: v.onlineUrl.trim() || null,
      capacity: Number(v.capacity),
      ...(v.format === 'hybrid'
        ? {
            onlineCapacity: v.onlineCapacity === null || `${v.onlineCapacity}` === '' ? null : Number(v.onlineCapacity),
          }
        : {}),
      registrationOpensAt: v.registrationOpensAt ? fromZonedLocalInput(v.registrationOpensAt, tz) : null,
      registrationClosesAt: v.registrationClosesAt ? fromZonedLocalInput(v.registrationClosesAt, tz) : null,
      approvalRequired: v.approvalRequired,
      languages: v.languages,
      // The listed languages other than the source; "" removes a translation (others are kept).
      translations: translationsToSend(v.translations, v.languages, ['title', 'summary']),
      stakeholderQuotas: Object.keys(quotas).length ? quotas : null,
    };
  }
}
