import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChildren,
} from '@angular/core';
import {
  type FormGroup,
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { NgTemplateOutlet } from '@angular/common';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  MILESTONE_KINDS,
  PHASE_KINDS,
  READER_LANGUAGES,
  type InformalSession,
  type Milestone,
  type MilestoneKind,
  type Phase,
  type PhaseKind,
  type ReaderLanguage,
  type Theme,
} from '@gfmd/contracts';
import { ProcessStore } from '@gfmd/web-dialogues-data-access/processes';
import { TranslationFieldsComponent, type TranslatedField } from '@gfmd/web-shared-ui/translation-fields';
import { FieldErrorPipe, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { ConfirmService } from '@gfmd/web-shared-ui/confirm';
import { I18n, LocalDatePipe, TranslatePipe, contentMessage, type TranslationKey } from '@gfmd/web-shared-util-i18n';
import { fromZonedLocalInput, toZonedLocalInput } from '@gfmd/web-shared-util-time';
import { endAfterStart, timeZoneValidator } from './dialogue-form.util';
import { dayEnd, dayStart, toEndDate, toStartDate } from './process-form.util';
import { EditorSection as Section } from './editor-section.util';
import { SessionMovePanelComponent } from './session-move-panel.component';
import { ZoneFieldComponent } from './zone-field.component';
import type { SynthesisDue } from '@gfmd/contracts';
import { SynthesesApi } from '@gfmd/web-syntheses-data-access';
import { SynthesisDuesComponent } from '@gfmd/web-syntheses-feature';

/**
 * /console/processes/:id — a process and its calendar: details, phases, milestones, themes and
 * informal sessions. Times of milestones and sessions are typed on their venue's clock (zone
 * field as in the dialogue editor). After a session's dates change, the dialogues ahead of it
 * are listed with their new lead time, and the organizer keeps or moves each one
 * (SessionMovePanelComponent).
 */
@Component({
  selector: 'gfmd-process-editor-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    NgTemplateOutlet,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    SessionMovePanelComponent,
    LoadingStateComponent,
    SynthesisDuesComponent,
    ProblemAlertComponent,
    ZoneFieldComponent,
    TranslationFieldsComponent,
    FieldErrorPipe,
    TranslatePipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './process-editor.page.html',
  styleUrl: './process-editor.page.scss',
})
export class ProcessEditorPage {
  /** route parameter */
  readonly id = input.required<string>();

  protected readonly store = inject(ProcessStore);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly confirm = inject(ConfirmService);
  protected readonly i18n = inject(I18n);
  private readonly syntheses = inject(SynthesesApi);
  /** The due dates of the process's syntheses, each a link to its builder. */
  protected readonly dues = signal<SynthesisDue[]>([]);

  protected readonly phaseKinds = PHASE_KINDS;
  protected readonly milestoneKinds = MILESTONE_KINDS;
  protected readonly message = signal('');

  protected readonly details = new Section();
  protected readonly detailsForm = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(300)]],
    slug: ['', [Validators.required, Validators.maxLength(80), Validators.pattern(/^[a-z0-9]+(-[a-z0-9]+)*$/)]],
    code: ['', [Validators.required, Validators.pattern(/^[A-Z][A-Z0-9]{1,9}$/)]],
    startsAt: ['', Validators.required],
    endsAt: ['', Validators.required],
  });

  protected readonly phase = new Section();
  protected readonly phaseForm = this.fb.group({
    kind: this.fb.control<PhaseKind>('consultation', Validators.required),
    title: ['', [Validators.required, Validators.maxLength(300)]],
    startsAt: ['', Validators.required],
    endsAt: ['', Validators.required],
  });

  protected readonly milestone = new Section();
  protected readonly milestoneForm = this.fb.group(
    {
      kind: this.fb.control<MilestoneKind>('stocktaking_meeting', Validators.required),
      title: ['', [Validators.required, Validators.maxLength(300)]],
      timeZone: ['Europe/Zurich', [Validators.required, timeZoneValidator]],
      startsAt: ['', Validators.required],
      endsAt: [''],
      venue: ['', Validators.maxLength(300)],
    },
    { validators: [endAfterStart('startsAt', 'endsAt')] },
  );

  protected readonly theme = new Section();
  protected readonly themeForm = this.fb.group({
    code: ['', [Validators.required, Validators.maxLength(20), Validators.pattern(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)]],
    title: ['', [Validators.required, Validators.maxLength(500)]],
  });

  protected readonly session = new Section();
  protected readonly sessionForm = this.fb.group(
    {
      number: this.fb.control<number>(1, [Validators.required, Validators.min(1), Validators.max(1_000_000)]),
      title: ['', [Validators.required, Validators.maxLength(500)]],
      themeId: ['', Validators.required],
      timeZone: ['Europe/Zurich', [Validators.required, timeZoneValidator]],
      startsAt: ['', Validators.required],
      endsAt: ['', Validators.required],
      venue: ['', [Validators.required, Validators.maxLength(300)]],
    },
    { validators: [endAfterStart('startsAt', 'endsAt')] },
  );

  protected readonly themesById = computed(() => new Map(this.store.themes().map((t) => [t.id, t])));
  private readonly formDirectives = viewChildren(FormGroupDirective);

  // ── the records' words in other languages (docs/i18n.md; the source is English) ──────────
  /** The six content languages, English (the source) first. */
  protected readonly contentLanguages: readonly ReaderLanguage[] = [
    'en',
    ...READER_LANGUAGES.filter((l) => l !== 'en'),
  ];
  /** The translatable fields of each record, with the server's limits. */
  protected readonly translated = computed(() => {
    const title = (max: number): TranslatedField => ({ key: 'title', label: this.i18n.t('process.itemTitle'), max });
    const venue: TranslatedField = { key: 'venue', label: this.i18n.t('dialogue.venue'), max: 300 };
    return {
      process: [title(300)],
      phase: [title(300)],
      milestone: [title(300), venue],
      theme: [title(500)],
      session: [title(500), venue],
    };
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.load(id));
      this.syntheses.dues(id).subscribe({ next: (d) => this.dues.set(d), error: () => this.dues.set([]) });
    });
    effect(() => {
      const process = this.store.process();
      if (process) {
        untracked(() =>
          this.detailsForm.reset({
            title: process.title,
            slug: process.slug,
            code: process.code,
            startsAt: toStartDate(process.startsAt),
            endsAt: toEndDate(process.endsAt),
          }),
        );
        untracked(() => this.details.translations.open(process.translations));
        if (!this.session.editing()) {
          untracked(() => this.sessionForm.controls.number.setValue(this.store.sessions().length + 1));
        }
      }
    });
  }

  /** The last day a range covers (its end is the next day's 00:00Z). */
  protected lastDay(iso: string): string {
    return new Date(Date.parse(iso) - 1).toISOString();
  }

  protected phaseKindKey(kind: string): TranslationKey {
    return `process.phaseKind.${kind}` as TranslationKey;
  }
  protected milestoneKindKey(kind: string): TranslationKey {
    return `process.milestoneKind.${kind}` as TranslationKey;
  }

  // ── details ─────────────────────────────────────────────────────────────────────────────

  protected async saveDetails(): Promise<void> {
    const v = this.detailsForm.getRawValue();
    if (!this.checkDays(this.detailsForm, v.startsAt, v.endsAt)) return;
    await this.submit(this.details, this.detailsForm, async () => {
      await this.store.updateProcess({
        title: v.title.trim(),
        slug: v.slug.trim(),
        code: v.code.trim(),
        startsAt: dayStart(v.startsAt),
        endsAt: dayEnd(v.endsAt),
        translations: this.details.translations.toSend(this.contentLanguages, ['title']),
      });
    });
  }

  // ── phases ──────────────────────────────────────────────────────────────────────────────

  protected editPhase(p: Phase): void {
    this.phase.editing.set(p.id);
    this.phase.translations.open(p.translations);
    this.phaseForm.reset({
      kind: p.kind,
      title: p.title,
      startsAt: toStartDate(p.startsAt),
      endsAt: toEndDate(p.endsAt),
    });
  }

  protected async savePhase(): Promise<void> {
    const v = this.phaseForm.getRawValue();
    if (!this.checkDays(this.phaseForm, v.startsAt, v.endsAt)) return;
    await this.submit(this.phase, this.phaseForm, async () => {
      await this.store.savePhase(this.phase.editing(), {
        kind: v.kind,
        title: v.title.trim(),
        startsAt: dayStart(v.startsAt),
        endsAt: dayEnd(v.endsAt),
        translations: this.phase.translations.toSend(this.contentLanguages, ['title']),
      });
      this.resetPhase();
    });
  }

  protected resetPhase(): void {
    this.phase.editing.set(null);
    this.phase.translations.open();
    this.clear(this.phaseForm);
  }

  protected async deletePhase(p: Phase): Promise<void> {
    if (await this.confirmDelete(p.title)) {
      await this.submit(this.phase, this.phaseForm, () => this.store.deletePhase(p.id));
    }
  }

  // ── milestones ──────────────────────────────────────────────────────────────────────────

  protected editMilestone(m: Milestone): void {
    this.milestone.editing.set(m.id);
    this.milestone.translations.open(m.translations);
    this.milestoneForm.reset({
      kind: m.kind,
      title: m.title,
      timeZone: m.timeZone,
      startsAt: toZonedLocalInput(m.startsAt, m.timeZone),
      endsAt: toZonedLocalInput(m.endsAt, m.timeZone),
      venue: m.venue ?? '',
    });
  }

  protected async saveMilestone(): Promise<void> {
    if (!this.valid(this.milestoneForm)) return;
    const v = this.milestoneForm.getRawValue();
    await this.submit(this.milestone, this.milestoneForm, async () => {
      await this.store.saveMilestone(this.milestone.editing(), {
        kind: v.kind,
        title: v.title.trim(),
        timeZone: v.timeZone,
        startsAt: fromZonedLocalInput(v.startsAt, v.timeZone),
        endsAt: v.endsAt ? fromZonedLocalInput(v.endsAt, v.timeZone) : null,
        venue: v.venue.trim() || null,
        translations: this.milestone.translations.toSend(this.contentLanguages, ['title', 'venue']),
      });
      this.resetMilestone();
    });
  }

  protected resetMilestone(): void {
    this.milestone.editing.set(null);
    this.milestone.translations.open();
    this.clear(this.milestoneForm);
  }

  protected async deleteMilestone(m: Milestone): Promise<void> {
    if (await this.confirmDelete(m.title)) {
      await this.submit(this.milestone, this.milestoneForm, () => this.store.deleteMilestone(m.id));
    }
  }

  // ── themes ──────────────────────────────────────────────────────────────────────────────

  protected editTheme(t: Theme): void {
    this.theme.editing.set(t.id);
    this.theme.translations.open(t.translations);
    this.themeForm.reset({ code: t.code, title: t.title });
  }

  protected async saveTheme(): Promise<void> {
    if (!this.valid(this.themeForm)) return;
    const v = this.themeForm.getRawValue();
    const editing = this.theme.editing();
    await this.submit(this.theme, this.themeForm, async () => {
      await this.store.saveTheme(editing, {
        code: v.code.trim(),
        title: v.title.trim(),
        translations: this.theme.translations.toSend(this.contentLanguages, ['title']),
        ...(editing ? {} : { processId: this.id() }),
      });
      this.resetTheme();
    });
  }

  protected resetTheme(): void {
    this.theme.editing.set(null);
    this.theme.translations.open();
    this.clear(this.themeForm);
  }

  // ── informal sessions ───────────────────────────────────────────────────────────────────

  protected editSession(s: InformalSession): void {
    this.session.editing.set(s.id);
    this.session.translations.open(s.translations);
    this.sessionForm.reset({
      number: s.number,
      title: s.title,
      themeId: s.themeId,
      timeZone: s.timeZone,
      startsAt: toZonedLocalInput(s.startsAt, s.timeZone),
      endsAt: toZonedLocalInput(s.endsAt, s.timeZone),
      venue: s.venue,
    });
  }

  protected async saveSession(): Promise<void> {
    if (!this.valid(this.sessionForm)) return;
    const v = this.sessionForm.getRawValue();
    await this.submit(this.session, this.sessionForm, async () => {
      await this.store.saveSession(this.session.editing(), {
        number: Number(v.number),
        title: v.title.trim(),
        themeId: v.themeId,
        timeZone: v.timeZone,
        startsAt: fromZonedLocalInput(v.startsAt, v.timeZone),
        endsAt: fromZonedLocalInput(v.endsAt, v.timeZone),
        venue: v.venue.trim(),
        translations: this.session.translations.toSend(this.contentLanguages, ['title', 'venue']),
      });
      this.resetSession();
    });
  }

  protected resetSession(): void {
    this.session.editing.set(null);
    this.session.translations.open();
    this.clear(this.sessionForm, { number: this.store.sessions().length + 1 });
  }

  // ── shared ──────────────────────────────────────────────────────────────────────────────

  /**
   * Empties a form after a save, and its submitted flag too: else every required field of the
   * empty form shows "This field is required" at once (Material shows errors of submitted forms).
   */
  private clear(form: FormGroup, value?: Record<string, unknown>): void {
    const directive = this.formDirectives().find((d) => d.form === form);
    if (directive) {
      directive.resetForm(value);
    } else {
      form.reset(value);
    }
  }

  private valid(form: FormGroup): boolean {
    if (form.invalid) {
      form.markAllAsTouched();
      return false;
    }
    return true;
  }

  /** Whole-day ranges: the last day may equal the first. */
  private checkDays(form: FormGroup, first: string, last: string): boolean {
    if (first && last && last < first) {
      form.get('endsAt')?.setErrors({ endBeforeStart: true });
    }
    return this.valid(form);
  }

  private async submit(section: Section, form: FormGroup, work: () => Promise<unknown>): Promise<void> {
    section.unmatched.set([]);
    section.submission.problem.set(null);
    this.message.set('');
    const outcome = await section.submission.run(work);
    if (outcome.ok) {
      this.message.set(this.i18n.t('common.saved'));
    } else {
      section.fail(form, outcome.problem);
    }
  }

  /** `title`: the record's own words, in the source language (English), marked on a page in another. */
  private confirmDelete(title: string): Promise<boolean> {
    return this.confirm.ask({
      title: this.i18n.t('process.deleteTitle'),
      message: contentMessage(
        this.i18n,
        'process.deleteMessage',
        {},
        { param: 'title', text: title, lang: this.contentLanguages[0] },
      ),
      confirm: this.i18n.t('process.delete'),
      cancel: this.i18n.t('common.back'),
      destructive: true,
    });
  }
}
