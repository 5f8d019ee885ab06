import {
  DIALOGUE_TRANSLATED_FIELDS,
  type Dialogue,
  type DialogueAvailability,
  type InformalSession,
  type ReaderLanguage,
  type Theme,
  type TimelineDialogue,
} from '@gfmd/contracts';
import { contentView, domainRule, editableTranslations, localizeContent, msg } from '@gfmd/api-platform';
import type { DialogueRecord, DialoguesRepository, InformalSessionRecord, ThemeRecord } from './dialogues.repository';
import { leadTimeDays, schedulingWarnings } from './lead-time.util';

/** Records of dialogues, sessions and themes as the HTTP contract shows them. */

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Refuses unknown theme ids, naming the field. */
export async function assertThemes(repo: DialoguesRepository, ids: string[], field: string): Promise<void> {
  const missing = await repo.themesExist(ids);
  if (missing.length) {
    throw domainRule('unknown-theme', msg('dialogues.unknownTheme'), [
      { field, message: msg('dialogues.unknownTheme.field', { ids: missing.join(', ') }) },
    ]);
  }
}

export const toTheme = (t: ThemeRecord): Theme => ({
  id: t.id,
  code: t.code,
  ...contentView(t, ['title']),
  processId: t.processId,
});

export const toSession = (s: InformalSessionRecord): InformalSession => ({
  id: s.id,
  processId: s.processId,
  number: s.number,
  ...contentView(s, ['title', 'venue']),
  themeId: s.themeId,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  timeZone: s.timeZone,
});

/**
 * A dialogue as anonymous visitors see it: without its online link, which only confirmed
 * participants get (their manage page, their emails, their personal .ics).
 */
export function withoutOnlineLink(d: Dialogue): Dialogue {
  const { onlineUrl: _hidden, ...rest } = d;
  return rest;
}

/** The language a dialogue's own columns (and those of its spaces and agenda) are written in. */
export const sourceLanguageOf = (d: { languages?: readonly ReaderLanguage[] | null }): ReaderLanguage =>
  d.languages?.[0] ?? 'en';

/**
 * A dialogue's title and summary in the reader's language (else its first language), with
 * `titleLang` / `summaryLang`; `language` overrides the request's (emails, calendars).
 */
export function localizedDialogue(
  d: Pick<DialogueRecord, 'title' | 'summary' | 'translations' | 'languages'>,
  language?: ReaderLanguage,
) {
  return localizeContent(d, DIALOGUE_TRANSLATED_FIELDS, sourceLanguageOf(d), language);
}

/** Where and when a dialogue takes place, and what it feeds: the fields the timeline and the full dialogue share. */
const scheduleOf = (d: DialogueRecord) => ({
  informalSessionId: d.informalSessionId,
  themeIds: d.themeIds,
  startsAt: d.startsAt.toISOString(),
  endsAt: d.endsAt.toISOString(),
  timeZone: d.timeZone,
  venue: d.venue,
  format: d.format,
});

/**
 * A dialogue on a process's timeline: the fields the calendar draws, its title in the reader's
 * language, and its lead time to the session it feeds. Never the online link, the counts or the
 * translations (a process holds hundreds of dialogues).
 */
export function toTimelineDialogue(d: DialogueRecord, session?: InformalSessionRecord): TimelineDialogue {
  const content = localizeContent(d, ['title'] as const, sourceLanguageOf(d));
  return {
    id: d.id,
    title: content.title ?? '',
    titleLang: content.titleLang,
    ...scheduleOf(d),
    status: d.status,
    leadTimeDays: session ? leadTimeDays(d, session) : null,
  };
}

/**
 * A dialogue as the HTTP contract shows it, its content in the reader's language; `staff` adds
 * what its editors need (stored translations, missing fields per listed language, unlisted languages).
 */
export function toDialogue(d: DialogueRecord, session?: InformalSessionRecord, staff = false): Dialogue {
  const content = localizedDialogue(d);
  return {
    id: d.id,
    title: content.title ?? '',
    titleLang: content.titleLang,
    summary: content.summary ?? '',
    summaryLang: content.summaryLang,
    ...scheduleOf(d),
    onlineUrl: d.onlineUrl,
    capacity: d.capacity,
    ...(d.format === 'hybrid' ? { onlineCapacity: d.onlineCapacity ?? null } : {}),
    registrationOpensAt: iso(d.registrationOpensAt),
    registrationClosesAt: iso(d.registrationClosesAt),
    approvalRequired: d.approvalRequired,
    stakeholderQuotas: d.stakeholderQuotas,
    languages: d.languages,
    status: d.status,
    leadTimeDays: session ? leadTimeDays(d, session) : null,
    schedulingWarnings: session ? schedulingWarnings(d, session) : [],
    confirmedCount: d.confirmedCount,
    placesLeft: Math.max(0, d.capacity - d.confirmedCount),
    ...(d.format === 'hybrid'
      ? {
          onlineConfirmedCount: d.onlineConfirmedCount ?? 0,
          onlinePlacesLeft:
            d.onlineCapacity === null || d.onlineCapacity === undefined
              ? null
              : Math.max(0, d.onlineCapacity - (d.onlineConfirmedCount ?? 0)),
        }
      : {}),
    availability: availabilityOf(d, new Date()),
    ...(staff ? editableTranslations(d, DIALOGUE_TRANSLATED_FIELDS, d.languages ?? ['en']) : {}),
    createdAt: d.createdAt?.toISOString(),
    updatedAt: d.updatedAt?.toISOString(),
  };
}

/**
 * Whether registering now would get a place: `not_yet_open` before the window, `closed` when the
 * dialogue is not published or the window has closed, `full` when every place is taken (a new
 * registration joins the waiting list), otherwise `open`. Counts only, no personal data.
 */
export function availabilityOf(
  d: Pick<DialogueRecord, 'status' | 'registrationOpensAt' | 'registrationClosesAt' | 'capacity' | 'confirmedCount'> &
    Partial<Pick<DialogueRecord, 'format' | 'onlineCapacity' | 'onlineConfirmedCount'>>,
  now: Date,
): DialogueAvailability {
  if (d.status === 'draft') return 'not_yet_open';
  if (d.status !== 'published') return 'closed';
  if (d.registrationOpensAt && now < d.registrationOpensAt) return 'not_yet_open';
  if (d.registrationClosesAt && now >= d.registrationClosesAt) return 'closed';
  const inPersonFull = d.confirmedCount >= d.capacity;
  // A hybrid dialogue is full only when both modes are (online may be unlimited).
  if (d.format === 'hybrid' && inPersonFull)
    return d.onlineCapacity !== null &&
      d.onlineCapacity !== undefined &&
      (d.onlineConfirmedCount ?? 0) >= d.onlineCapacity
      ? 'full'
      : 'open';
  return inPersonFull ? 'full' : 'open';
}
