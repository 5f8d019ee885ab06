import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import {
  READER_LANGUAGES,
  type ContentTranslations,
  type LocalizedText,
  type ProblemDetails,
  type Question,
  type QuestionType,
  type ReaderLanguage,
  type StakeholderGroup,
} from '@gfmd/contracts';

/*
 * The question editor's form: one group per question (in order), one per option of a choice,
 * labels in the six languages (docs/i18n.md, "Registration questions"). The server's rules
 * (libs/api/questions, question-rules.util.ts) as validators; the server checks again and names
 * each refused field.
 */

export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const VALUE_PATTERN = /^[A-Za-z0-9_-]{1,60}$/;
export const LABEL_MAX_LENGTH = 300;

export type LabelGroup = FormGroup<Record<ReaderLanguage, FormControl<string>>>;
export type OptionGroup = FormGroup<{ value: FormControl<string>; label: LabelGroup }>;
export type QuestionGroup = FormGroup<{
  key: FormControl<string>;
  type: FormControl<QuestionType>;
  required: FormControl<boolean>;
  groups: FormControl<StakeholderGroup[]>;
  label: LabelGroup;
  options: FormArray<OptionGroup>;
}>;

export const isChoice = (type: QuestionType) => type === 'single_choice' || type === 'multi_choice';

/** At least one language filled in. */
function someLabel(group: LabelGroup) {
  return READER_LANGUAGES.some((l) => group.controls[l].value.trim()) ? null : { required: true };
}

export function labelGroup(label: LocalizedText = {}): LabelGroup {
  return new FormGroup(
    Object.fromEntries(
      READER_LANGUAGES.map((l) => [
        l,
        new FormControl(label[l] ?? '', { nonNullable: true, validators: Validators.maxLength(LABEL_MAX_LENGTH) }),
      ]),
    ) as Record<ReaderLanguage, FormControl<string>>,
    { validators: (g) => someLabel(g as LabelGroup) },
  );
}

export function optionGroup(value: string, label: LocalizedText = {}): OptionGroup {
  return new FormGroup({
    value: new FormControl(value, {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(VALUE_PATTERN)],
    }),
    label: labelGroup(label),
  });
}

export function questionGroup(q: Question): QuestionGroup {
  return new FormGroup({
    key: new FormControl(q.key, {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(KEY_PATTERN)],
    }),
    type: new FormControl<QuestionType>(q.type, { nonNullable: true }),
    required: new FormControl(q.required, { nonNullable: true }),
    groups: new FormControl<StakeholderGroup[]>(q.groups ?? [], { nonNullable: true }),
    label: labelGroup(q.label),
    options: new FormArray((q.options ?? []).map((o) => optionGroup(o.value, o.label))),
  });
}

/** A name not used yet: `<base>_<n>`. */
export function freshName(base: string, taken: string[]): string {
  for (let n = taken.length + 1; ; n++) if (!taken.includes(`${base}_${n}`)) return `${base}_${n}`;
}

const trimmed = (label: Record<ReaderLanguage, string>): LocalizedText =>
  Object.fromEntries(READER_LANGUAGES.filter((l) => label[l].trim()).map((l) => [l, label[l].trim()]));

/** The questions as PUT sends them (options only for choices, no empty group list). */
export function questionsOf(array: FormArray<QuestionGroup>): Question[] {
  return array.getRawValue().map((v) => ({
    key: v.key.trim(),
    label: trimmed(v.label),
    type: v.type,
    required: v.required,
    ...(isChoice(v.type)
      ? { options: v.options.map((o) => ({ value: o.value.trim(), label: trimmed(o.label) })) }
      : {}),
    ...(v.groups.length ? { groups: v.groups } : {}),
  }));
}

/** The server names fields as `questions[2].options[0].value`; the form's paths are `questions.2.options.0.value`. */
export function toFormPaths(problem: ProblemDetails): ProblemDetails {
  return {
    ...problem,
    errors: problem.errors?.map((e) => ({ ...e, field: e.field.replace(/\[(\d+)\]/g, '.$1') })),
  };
}

/** The key of an option's label among a question's translated fields. */
export const optionField = (j: number) => `option${j}`;

/**
 * A question's labels as the translation tabs take them (`TranslationFieldsComponent`): the source
 * language's words (`label`, `option0`…) and the other languages' as `translations`.
 */
export function labelTranslations(
  q: { label: Record<ReaderLanguage, string>; options: { label: Record<ReaderLanguage, string> }[] },
  source: ReaderLanguage,
): { sourceValues: Record<string, string>; value: ContentTranslations } {
  const sourceValues: Record<string, string> = { label: q.label[source] };
  q.options.forEach((o, j) => (sourceValues[optionField(j)] = o.label[source]));
  const value: ContentTranslations = {};
  for (const l of READER_LANGUAGES) {
    if (l === source) continue;
    const fields: Record<string, string> = {};
    if (q.label[l]) fields['label'] = q.label[l];
    q.options.forEach((o, j) => {
      if (o.label[l]) fields[optionField(j)] = o.label[l];
    });
    if (Object.keys(fields).length) value[l] = fields;
  }
  return { sourceValues, value };
}

/** Writes what the translation tabs emit back into a question's label controls. */
export function applyLabelTranslations(q: QuestionGroup, value: ContentTranslations, source: ReaderLanguage): void {
  for (const [l, fields] of Object.entries(value) as [ReaderLanguage, Record<string, string>][]) {
    if (l === source || !fields) continue;
    for (const [key, text] of Object.entries(fields)) {
      const control =
        key === 'label'
          ? q.controls.label.controls[l]
          : q.controls.options.at(Number(key.slice('option'.length)))?.controls.label.controls[l];
      if (control && control.value !== text) {
        control.setValue(text ?? '');
        control.markAsDirty();
      }
    }
  }
}

/** The languages a question's labels are written in that the dialogue does not list. */
export function unlistedOf(
  q: { label: Record<ReaderLanguage, string>; options: { label: Record<ReaderLanguage, string> }[] },
  languages: readonly ReaderLanguage[],
): ReaderLanguage[] {
  return READER_LANGUAGES.filter(
    (l) => !languages.includes(l) && [q.label, ...q.options.map((o) => o.label)].some((label) => label[l]?.trim()),
  );
}
