import {
  ChangeDetectionStrategy,
  Component,
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
import { FormArray, FormControl, FormGroup, FormRecord, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import {
  QUESTION_TYPES,
  STAKEHOLDER_GROUPS,
  type Answer,
  type ContentTranslations,
  type Question,
  type QuestionType,
  type ReaderLanguage,
  type StakeholderGroup,
} from '@gfmd/contracts';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { RegistrationsApi } from '@gfmd/web-registrations-data-access';
import { QuestionFieldsComponent, syncAnswerControls } from '@gfmd/web-registrations-ui';
import { EmptyStateComponent, FieldErrorPipe, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { TranslationFieldsComponent, type TranslatedField } from '@gfmd/web-shared-ui/translation-fields';
import { I18n, LabelPipe, TranslatePipe, type TranslationKey } from '@gfmd/web-shared-util-i18n';
import { applyProblemToForm, toProblem } from '@gfmd/web-shared-util-http';
import { submitState } from '@gfmd/web-shared-util-state';
import { firstValueFrom } from 'rxjs';
import {
  LABEL_MAX_LENGTH,
  type QuestionGroup,
  applyLabelTranslations,
  freshName,
  isChoice,
  labelTranslations,
  optionField,
  optionGroup,
  questionGroup,
  questionsOf,
  toFormPaths,
  unlistedOf,
} from './questions-editor.util';

/**
 * The organizer's own registration questions of a dialogue: add, edit, reorder (buttons, so the
 * keyboard can do it), delete; labels and options in the dialogue's first language, and one tab per
 * other language of the dialogue with the labels it lacks marked (docs/i18n.md, "Registration
 * questions"); labels in a language the dialogue does not list are kept and named; required or not; for everyone or
 * some stakeholder groups. A live preview shows the form as a group sees it. Saved as a whole
 * (PUT /dialogues/:id/questions); answers already given stay as they were.
 */
@Component({
  selector: 'gfmd-questions-editor-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatButton,
    EmptyStateComponent,
    LoadingStateComponent,
    ProblemAlertComponent,
    QuestionFieldsComponent,
    TranslationFieldsComponent,
    FieldErrorPipe,
    TranslatePipe,
    LabelPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './questions-editor.page.scss',
  templateUrl: './questions-editor.page.html',
})
export class QuestionsEditorPage {
  private readonly api = inject(RegistrationsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(DialogueStore);

  protected readonly types = QUESTION_TYPES;
  protected readonly typeLabels: Record<QuestionType, TranslationKey> = {
    text: 'console.questions.typeText',
    long_text: 'console.questions.typeLongText',
    single_choice: 'console.questions.typeSingleChoice',
    multi_choice: 'console.questions.typeMultiChoice',
    checkbox: 'console.questions.typeCheckbox',
    date: 'console.questions.typeDate',
  };
  protected readonly groups = STAKEHOLDER_GROUPS;
  /** The dialogue's content languages, the source (its first) first. */
  protected readonly contentLanguages = computed<readonly ReaderLanguage[]>(() => {
    const languages = this.store.dialogue()?.languages;
    return languages?.length ? languages : ['en'];
  });
  protected readonly source = computed(() => this.contentLanguages()[0]);
  private readonly names = computed(() => new Intl.DisplayNames([this.i18n.language()], { type: 'language' }));

  protected readonly form = new FormGroup({ questions: new FormArray<QuestionGroup>([]) });
  protected readonly loaded = signal(false);
  protected readonly loadProblem = signal<ReturnType<typeof toProblem> | null>(null);
  private readonly submission = submitState();
  protected readonly busy = this.submission.submitting;
  protected readonly problem = this.submission.problem;
  protected readonly message = this.submission.done;
  protected readonly unmatched = signal<string[]>([]);
  /** What the screen reader hears after a move or a deletion. */
  protected readonly announcement = signal('');

  /** The preview: the form as a person of `previewGroup` sees it. */
  protected readonly previewGroup = new FormControl<StakeholderGroup | ''>('', { nonNullable: true });
  private readonly previewGroupValue = toSignal(this.previewGroup.valueChanges, { initialValue: '' as const });
  private readonly formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly previewControls = new FormRecord<FormControl<Answer>>({});
  protected readonly preview = computed<Question[]>(() => {
    this.formValue();
    const group = this.previewGroupValue();
    const questions = questionsOf(this.form.controls.questions).filter((q) => q.key);
    // Fresh controls each time: a changed type or option list needs a new control.
    return syncAnswerControls(this.previewControls, questions, group, {}, true);
  });

  /** Per question, what its translation tabs show: the source's words, the other languages', the fields. */
  protected readonly translations = computed(() => {
    this.formValue();
    const source = this.source();
    const languages = this.contentLanguages();
    const label = this.i18n.t('console.questions.label');
    return this.questions.getRawValue().map((q) => ({
      ...labelTranslations(q, source),
      fields: [
        { key: 'label', label, max: LABEL_MAX_LENGTH },
        ...(isChoice(q.type) ? q.options : []).map((_, j): TranslatedField => ({
          key: optionField(j),
          label: this.i18n.t('console.questions.option', { n: j + 1 }),
          max: LABEL_MAX_LENGTH,
        })),
      ],
      unlisted: unlistedOf(q, languages),
    }));
  });

  protected languageName(language: ReaderLanguage): string {
    return this.names().of(language) ?? language.toUpperCase();
  }

  protected languageNames(languages: readonly ReaderLanguage[]): string {
    return languages.map((l) => this.languageName(l)).join(', ');
  }

  protected translated(i: number, value: ContentTranslations): void {
    const q = this.questions.at(i);
    if (q) applyLabelTranslations(q, value, this.source());
  }

  protected get questions(): FormArray<QuestionGroup> {
    return this.form.controls.questions;
  }

  constructor() {
    effect(() => {
      const id = this.store.dialogue()?.id;
      if (id) untracked(() => void this.load(id));
    });
  }

  private async load(dialogueId: string): Promise<void> {
    try {
      this.reset(await firstValueFrom(this.api.questions(dialogueId)));
      this.loaded.set(true);
    } catch (error) {
      this.loadProblem.set(toProblem(error));
    }
  }

  private reset(questions: Question[]): void {
    this.questions.clear({ emitEvent: false });
    for (const q of questions) this.questions.push(questionGroup(q), { emitEvent: false });
    this.form.updateValueAndValidity();
    this.form.markAsPristine();
  }

  protected typeOf(i: number): QuestionType {
    return this.questions.at(i).controls.type.value;
  }

  protected isChoice(i: number): boolean {
    return isChoice(this.typeOf(i));
  }

  protected add(): void {
    const key = freshName(
      'question',
      this.questions.getRawValue().map((q) => q.key),
    );
    this.questions.push(questionGroup({ key, label: {}, type: 'text', required: false }));
    this.questions.markAsDirty();
    this.focusAfterRender(`#question-${this.questions.length - 1}-label-${this.source()}`);
  }

  /** A choice needs options: the first one comes with the type. */
  protected typeChanged(i: number): void {
    const q = this.questions.at(i);
    if (isChoice(q.controls.type.value) && !q.controls.options.length) this.addOption(i, false);
  }

  protected addOption(i: number, focus = true): void {
    const options = this.questions.at(i).controls.options;
    options.push(
      optionGroup(
        freshName(
          'option',
          options.getRawValue().map((o) => o.value),
        ),
      ),
    );
    options.markAsDirty();
    if (focus) this.focusAfterRender(`#question-${i}-option-${options.length - 1}-${this.source()}`);
  }

  protected removeOption(i: number, j: number): void {
    const options = this.questions.at(i).controls.options;
    options.removeAt(j);
    options.markAsDirty();
    this.announcement.set(this.i18n.t('console.questions.optionRemoved'));
    this.focusAfterRender(`#question-${i}-add-option`);
  }

  /** Moves a question up (-1) or down (+1); the focus follows it to its same button. */
  protected move(i: number, by: -1 | 1): void {
    const to = i + by;
    if (to < 0 || to >= this.questions.length) return;
    const q = this.questions.at(i);
    this.questions.removeAt(i, { emitEvent: false });
    this.questions.insert(to, q);
    this.questions.markAsDirty();
    this.announcement.set(this.i18n.t('console.questions.moved', { position: to + 1, count: this.questions.length }));
    const edge = (by < 0 && to === 0) || (by > 0 && to === this.questions.length - 1);
    const button = edge ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down';
    this.focusAfterRender(`#question-${to}-${button}`);
  }

  protected remove(i: number): void {
    this.questions.removeAt(i);
    this.questions.markAsDirty();
    this.announcement.set(this.i18n.t('console.questions.removed'));
    this.focusAfterRender(
      this.questions.length ? `#question-${Math.min(i, this.questions.length - 1)}-remove` : '#question-add',
    );
  }

  protected async save(): Promise<void> {
    this.unmatched.set([]);
    const dialogue = this.store.dialogue();
    if (!dialogue || !this.submission.begin(this.form, this.host.nativeElement)) return;
    const outcome = await this.submission.run(() =>
      firstValueFrom(this.api.putQuestions(dialogue.id, questionsOf(this.questions))),
    );
    if (outcome.ok) {
      this.reset(outcome.value);
      this.message.set(this.i18n.t('console.questions.saved', { count: outcome.value.length }));
    } else {
      this.unmatched.set(applyProblemToForm(this.form, toFormPaths(outcome.problem)));
    }
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
