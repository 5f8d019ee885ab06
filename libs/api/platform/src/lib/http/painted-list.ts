import { dialoguesBySession, formatMessage, languagePath, type PublicShellWords } from '@gfmd/contracts';
import {
  availabilityChip,
  contentLang,
  escapeHtml,
  formatDate,
  INTL_LOCALES,
  leadTime,
  type PaintedDialogue,
  type PaintedTheme,
} from './painted-dialogue';

/** A dialogue of the public list as a visitor reads it from the API (GET /dialogues). */
export interface PaintedListDialogue extends PaintedDialogue {
  id: string;
  informalSessionId: string;
}

/** An informal session as the list shows it (GET /informal-sessions). */
export interface PaintedListSession {
  id: string;
  number: number;
  title: string;
  titleLang?: string;
  themeId?: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string;
}

/** What the painted list shows: every published dialogue, the sessions and themes, the filters of the URL. */
export interface PaintedDialogueList {
  dialogues: PaintedListDialogue[];
  sessions: PaintedListSession[];
  themes: PaintedTheme[];
  /** `?theme=` and `?session=` of the URL, when they name a theme or a session. */
  themeId?: string;
  informalSessionId?: string;
  /** The site's address, for the calendar feed's webcal:// link (the app writes its own host). */
  publicUrl: string;
}

/**
 * The public list of dialogues as the app draws it (DialogueListPage): the heading, the
 * introduction, the calendar feed's links, the filters, then each informal session with its
 * dialogues' cards, in the same groups and order (`dialoguesBySession` of @gfmd/contracts) and the
 * same words (PUBLIC_SHELL_WORDS), in plain HTML that works without the app: the links open the
 * dialogues, the filters are a form sent to this same page (the server paints the filtered list;
 * the app reads the same `?theme=&session=`). Styles: the app's own
 * classes for the list (`.gfmd-list-*`, `.gfmd-card*` in styles.scss) and `.gfmd-prerender*`.
 */
export function paintDialogueList(list: PaintedDialogueList, language: string, words: PublicShellWords): string {
  const locale = INTL_LOCALES[language] ?? language;
  const groups = dialoguesBySession(list.dialogues, list.sessions, {
    themeId: list.themeId,
    informalSessionId: list.informalSessionId,
  });
  const count = groups.reduce((n, g) => n + g.dialogues.length, 0);
  return (
    `<h1>${escapeHtml(words.dialoguesTitle)}</h1>` +
    `<p class="gfmd-prerender__intro">${escapeHtml(words.dialoguesIntro)}</p>` +
    feedLinks(list, language, words) +
    filters(list, language, words) +
    `<p class="gfmd-visually-hidden" role="status">${escapeHtml(formatMessage(words.dialoguesCount, { count }, locale))}</p>` +
    (groups.length
      ? groups
          .map((group, index) => {
            const s = group.session;
            const heading = s
              ? escapeHtml(formatMessage(words.sessionHeading, { number: s.number, title: s.title }, locale))
              : escapeHtml(words.noSession);
            return (
              `<section class="gfmd-list-session" aria-labelledby="session-${index}">` +
              `<h2 id="session-${index}">${heading}</h2>` +
              (s
                ? `<p class="gfmd-prerender__when gfmd-list-session__meta">${escapeHtml(
                    `${formatDate(s.startsAt, s.timeZone, language, 'date')} – ${formatDate(s.endsAt, s.timeZone, language, 'date')} · ${s.venue}`,
                  )}</p>`
                : '') +
              `<ul class="gfmd-cards">${group.dialogues.map((d) => card(d, language, words)).join('')}</ul>` +
              `</section>`
            );
          })
          .join('')
      : `<p class="gfmd-prerender__empty">${escapeHtml(words.dialoguesEmpty)}</p>`)
  );
}

/** One dialogue's card: title (a link), dates, format and venue, availability and lead time, summary, link. */
function card(d: PaintedListDialogue, language: string, words: PublicShellWords): string {
  const href = escapeHtml(languagePath(language, `/dialogues/${d.id}`));
  const titleLang = contentLang(d.titleLang, language);
  return (
    `<li class="gfmd-card">` +
    `<h3><a href="${href}"${titleLang}>${escapeHtml(d.title)}</a></h3>` +
    `<p class="card__when">${escapeHtml(
      `${formatDate(d.startsAt, d.timeZone, language, 'date')} – ${formatDate(d.endsAt, d.timeZone, language, 'date')}`,
    )}</p>` +
    `<p class="gfmd-muted">${escapeHtml(
      `${d.format ? (words.formats[d.format] ?? d.format) : ''}${d.format !== 'online' ? ` · ${d.venue}` : ''}`,
    )}</p>` +
    `<p class="gfmd-card__chips">${availabilityChip(d, language, words)}${leadTime(d.leadTimeDays, language, words)}</p>` +
    `<p class="gfmd-card__summary"${contentLang(d.summaryLang, language)}>${escapeHtml(d.summary)}</p>` +
    `<a class="gfmd-prerender__button" href="${href}">${escapeHtml(words.dialoguesView)}` +
    `<span class="gfmd-visually-hidden">: <span${titleLang}>${escapeHtml(d.title)}</span></span></a>` +
    `</li>`
  );
}

/** The calendar feed of the list (GET /feeds/dialogues.ics), filtered like it, to subscribe to or download. */
function feedLinks(list: PaintedDialogueList, language: string, words: PublicShellWords): string {
  const query = new URLSearchParams({ lang: language });
  if (list.themeId) query.set('theme', list.themeId);
  const path = `/api/v1/feeds/dialogues.ics?${query}`;
  let host = '';
  try {
    host = new URL(list.publicUrl).host;
  } catch {
    /* a relative link only */
  }
  return (
    `<p class="gfmd-list-feed">` +
    (host ? `<a href="${escapeHtml(`webcal://${host}${path}`)}">${escapeHtml(words.dialoguesSubscribe)}</a>` : '') +
    (host ? `<span aria-hidden="true"> · </span>` : '') +
    `<a href="${escapeHtml(path)}" download="gfmd-dialogues.ics">${escapeHtml(words.dialoguesSubscribeFile)}</a></p>`
  );
}

/**
 * The app's two filters as a form that works without it: two lists and a button, sent by GET to
 * this page (the app filters as soon as a list changes, and has no button).
 */
function filters(list: PaintedDialogueList, language: string, words: PublicShellWords): string {
  const locale = INTL_LOCALES[language] ?? language;
  const option = (value: string, label: string, selected: boolean, lang = '') =>
    `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}${lang}>${escapeHtml(label)}</option>`;
  const themes = list.themes.map((t) => option(t.id, `${t.code} · ${t.title}`, t.id === list.themeId)).join('');
  const sessions = [...list.sessions]
    .sort((a, b) => a.number - b.number)
    .map((s) =>
      option(
        s.id,
        `${formatMessage(words.dialoguesSessionShort, { number: s.number }, locale)} · ${s.title}`,
        s.id === list.informalSessionId,
      ),
    )
    .join('');
  return (
    `<form class="gfmd-prerender__filters" role="search" method="get" action="${escapeHtml(languagePath(language, '/dialogues'))}" aria-label="${escapeHtml(words.dialoguesFilters)}">` +
    `<label><span>${escapeHtml(words.dialoguesTheme)}</span><select name="theme">${option('', words.all, !list.themeId)}${themes}</select></label>` +
    `<label><span>${escapeHtml(words.dialoguesSession)}</span><select name="session">${option('', words.all, !list.informalSessionId)}${sessions}</select></label>` +
    `<button type="submit" class="gfmd-prerender__button">${escapeHtml(words.dialoguesFilters)}</button></form>`
  );
}
