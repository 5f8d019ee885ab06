import type { ContentTranslations, Language, ReaderLanguage } from '@gfmd/contracts';
import { dateTimeFormat, localizeContent, zoneLabel } from '@gfmd/api-platform';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a value for HTML text and attribute positions. */
export const escapeHtml = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** One line of text: every control character (CR, LF, NUL, U+2028…) becomes a space. */
export const oneLine = (s: unknown): string =>
  String(s ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();

/** An http(s) URL fit for an href, or undefined (javascript:, data:, control characters…). */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007F-\u009F\u2028\u2029]/.test(value)) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A header value that can never start a new header: control characters removed, length capped. */
export const headerValue = (s: unknown, max = 900): string => oneLine(s).slice(0, max);

/** A header name as RFC 5322 allows (printable ASCII, no colon); anything else is refused. */
export const isHeaderName = (name: string): boolean => /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/.test(name);

/**
 * Intl locales of the email languages. Arabic: Gregorian calendar and Arabic-Indic digits (١٢٣),
 * as the web app writes them (docs/i18n.md, "Arabic and right to left").
 */
const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'ar-u-ca-gregory-nu-arab' };

/**
 * "Monday 8 May 2017, 10:00–16:00 (Europe/Zurich, GMT+2)" in the recipient's language, shown in the
 * dialogue's own time zone. For TemplateParams.dialogueWhen.
 */
export function formatDialogueWhen(startsAt: Date, endsAt: Date, timeZone: string, language: Language): string {
  const locale = LOCALES[language] ?? LOCALES.en;
  const day = dateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = dateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const sameDay = day.format(startsAt) === day.format(endsAt);
  const range = sameDay
    ? `${day.format(startsAt)}, ${time.format(startsAt)}–${time.format(endsAt)}`
    : `${day.format(startsAt)} ${time.format(startsAt)} – ${day.format(endsAt)} ${time.format(endsAt)}`;
  return `${range} (${zoneLabel(startsAt, timeZone)})`;
}

/**
 * The dialogue fields of an email's template parameters (dates in the dialogue's zone, the
 * reader's language; the title in the reader's language where the dialogue has it, else in its
 * first language: docs/i18n.md, "Content in several languages").
 */
export function dialogueTemplateParams(
  d: {
    title: string;
    languages?: readonly ReaderLanguage[] | null;
    translations?: ContentTranslations<'title'> | null;
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    venue?: string | null;
    onlineUrl?: string | null;
  },
  language: Language,
): { dialogueTitle: string; dialogueWhen: string; dialogueVenue?: string; onlineUrl?: string } {
  return {
    dialogueTitle: localizeContent(d, ['title'], d.languages?.[0] ?? 'en', language).title ?? d.title,
    dialogueWhen: formatDialogueWhen(d.startsAt, d.endsAt, d.timeZone, language),
    dialogueVenue: d.venue || undefined,
    onlineUrl: safeUrl(d.onlineUrl ?? undefined),
  };
}

/** dialogueTemplateParams of one dialogue, worked out once per language (for emails to many people). */
export function dialogueParamsByLanguage(d: Parameters<typeof dialogueTemplateParams>[0]) {
  const byLanguage = new Map<Language, ReturnType<typeof dialogueTemplateParams>>();
  return (language: Language): ReturnType<typeof dialogueTemplateParams> => {
    let params = byLanguage.get(language);
    if (!params) byLanguage.set(language, (params = dialogueTemplateParams(d, language)));
    return params;
  };
}
