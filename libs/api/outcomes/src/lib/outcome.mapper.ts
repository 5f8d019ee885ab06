import {
  keyMessageField,
  READER_LANGUAGES,
  type ContentTranslations,
  type Outcome,
  type OutcomeTranslatedField,
  type ReaderLanguage,
  type Recommendation,
} from '@gfmd/contracts';
import { cleanTranslations, contentView, unlistedTranslations } from '@gfmd/api-platform';
import type { OutcomeRecord } from './outcomes.repository';

/** The working copy of a dialogue that has none yet: an empty draft at version 0. */
export function emptyOutcome(dialogueId: string): OutcomeRecord {
  return {
    dialogueId,
    summary: '',
    translations: {},
    keyMessages: [],
    rapporteurUserIds: [],
    recommendations: [],
    status: 'draft',
    version: 0,
    returnComment: null,
    submittedById: null,
    publishedVersion: null,
    publishedAt: null,
    dialogueNumber: null,
    referencePrefix: null,
    lastRecommendationNumber: 0,
  };
}

type RecommendationLike = Omit<Recommendation, 'id'> & { id?: string; recommendationId?: string };

export const toRecommendation = (r: RecommendationLike): Recommendation => ({
  id: r.id ?? r.recommendationId ?? '',
  reference: r.reference ?? null,
  text: r.text,
  kind: r.kind,
  themeIds: r.themeIds,
  addressedTo: r.addressedTo,
  spaceId: r.spaceId ?? null,
  translations: cleanTranslations(r.translations),
});

export function toOutcome(o: OutcomeRecord): Outcome {
  return {
    dialogueId: o.dialogueId,
    summary: o.summary,
    translations: cleanTranslations(o.translations),
    keyMessages: o.keyMessages,
    rapporteurUserIds: o.rapporteurUserIds,
    recommendations: o.recommendations.map(toRecommendation),
    status: o.status,
    version: o.version,
    returnComment: o.returnComment,
    publishedVersion: o.publishedVersion,
    publishedAt: o.publishedAt ? new Date(o.publishedAt).toISOString() : null,
  };
}

export const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
export const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The source language of an outcome, its recommendations and the syntheses quoting them: the
 * language their own columns are written in (docs/i18n.md, "Content in several languages"), the
 * dialogue's first language (`dialogues.languages[0]`; English for a dialogue without one). Every
 * read, the published outcome, the synthesis pages and documents and the missing-translation
 * lists of outcomes and recommendations go through this one function.
 */
export function contentSourceLanguage(dialogue?: { languages?: readonly string[] | null } | null): ReaderLanguage {
  const first = dialogue?.languages?.[0];
  return first && (READER_LANGUAGES as readonly string[]).includes(first) ? (first as ReaderLanguage) : 'en';
}

/**
 * The languages an outcome's editors are asked to fill: its dialogue's (`dialogues.languages`,
 * the source first), as spaces and the agenda do; English alone for a dialogue without any.
 */
export function contentLanguages(dialogue?: { languages?: readonly string[] | null } | null): ReaderLanguage[] {
  const listed = (dialogue?.languages ?? []).filter((l): l is ReaderLanguage =>
    (READER_LANGUAGES as readonly string[]).includes(l),
  );
  return listed.length ? listed : ['en'];
}

/**
 * What a staff read of the source adds beside `missingTranslations`: the languages translated
 * that the dialogue does not list (accepted and kept, marked for the editors, as dialogues and
 * spaces do). Nothing on a reader's read (`view` without `translations`).
 */
const unlisted = (view: { translations?: ContentTranslations<string> }, languages: readonly ReaderLanguage[]) =>
  view.translations ? { unlistedLanguages: unlistedTranslations(view.translations, languages) } : {};

/** A recommendation as a reader gets it: `text` in their language where translated, `textLang` (staff: translations, what each listed language lacks and the languages not listed). */
export const presentRecommendation = (
  r: Recommendation,
  source: ReaderLanguage,
  languages: readonly ReaderLanguage[] = [source],
): Recommendation => {
  const { translations: _stored, missingTranslations: _missing, unlistedLanguages: _unlisted, ...rest } = r;
  const view = contentView(r, ['text'], source, languages);
  return { ...rest, ...view, ...unlisted(view, languages) };
};

/**
 * The summary and the key messages of an outcome (or of a snapshot of it) as the reader gets
 * them: each in their language where translated, else in the source's words, with `summaryLang`
 * and `keyMessagesLang`; staff reads of the source add `translations`, `missingTranslations`
 * (the key messages by position: `keyMessages.0`…) and `unlistedLanguages`.
 */
export function presentSummary(
  o: { summary: string; keyMessages: string[]; translations?: ContentTranslations<OutcomeTranslatedField> | null },
  source: ReaderLanguage,
  languages: readonly ReaderLanguage[] = [source],
): Pick<
  Outcome,
  | 'summary'
  | 'summaryLang'
  | 'keyMessages'
  | 'keyMessagesLang'
  | 'translations'
  | 'missingTranslations'
  | 'unlistedLanguages'
> {
  const keys = o.keyMessages.map((_, i) => keyMessageField(i));
  const record: Record<string, string> = { summary: o.summary };
  o.keyMessages.forEach((m, i) => (record[keys[i]] = m));
  const view = contentView(
    { ...record, translations: o.translations ?? {} } as Record<OutcomeTranslatedField, string> & {
      translations: ContentTranslations<OutcomeTranslatedField>;
    },
    ['summary', ...keys] as OutcomeTranslatedField[],
    source,
    languages,
  ) as unknown as Record<string, unknown> & Pick<Outcome, 'translations' | 'missingTranslations'>;
  return {
    summary: view['summary'] as string,
    summaryLang: view['summaryLang'] as ReaderLanguage,
    keyMessages: keys.map((k) => view[k] as string),
    keyMessagesLang: keys.map((k) => view[`${k}Lang`] as ReaderLanguage),
    ...(view.translations
      ? {
          translations: view.translations,
          missingTranslations: view.missingTranslations,
          ...unlisted(view, languages),
        }
      : {}),
  };
}

/**
 * The working copy as a reader gets it (the stored snapshot keeps the record's own words and its
 * translations): in the dialogue's first language for its editors, with what each of the
 * dialogue's other languages lacks.
 */
export function presentOutcome(o: Outcome, dialogue?: { languages?: readonly string[] | null } | null): Outcome {
  const { translations: _stored, missingTranslations: _missing, unlistedLanguages: _unlisted, ...rest } = o;
  const source = contentSourceLanguage(dialogue);
  const languages = contentLanguages(dialogue);
  return {
    ...rest,
    ...presentSummary(o, source, languages),
    recommendations: o.recommendations.map((r) => presentRecommendation(r, source, languages)),
  };
}

/**
 * The translations of the key messages follow them when a client changes the list without
 * sending them (an API client unaware of translations): each one goes with the message of the
 * same words; a list of the same length keeps the rest by position. Translations of positions
 * past the end are dropped.
 */
export function followKeyMessages(
  translations: ContentTranslations<OutcomeTranslatedField>,
  before: readonly string[],
  after: readonly string[],
  sentKeyMessageTranslations: boolean,
): ContentTranslations<OutcomeTranslatedField> {
  const from = after.map((m, j) => {
    if (sentKeyMessageTranslations) return j;
    const same = before.indexOf(m);
    return same >= 0 ? same : before.length === after.length ? j : -1;
  });
  const out: ContentTranslations<OutcomeTranslatedField> = {};
  for (const [language, fields] of Object.entries(translations) as [ReaderLanguage, Record<string, string>][]) {
    const kept: Record<string, string> = {};
    for (const [field, text] of Object.entries(fields)) if (!field.startsWith('keyMessages.')) kept[field] = text;
    from.forEach((i, j) => {
      const text = i >= 0 ? fields[keyMessageField(i)] : undefined;
      if (text) kept[keyMessageField(j)] = text;
    });
    if (Object.keys(kept).length) out[language] = kept;
  }
  return out;
}
