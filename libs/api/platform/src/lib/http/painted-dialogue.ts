import {
  agendaByDay,
  type AgendaItemKind,
  type DialogueFormat,
  type PublicShellWords,
  RTL_LANGUAGES,
  type SpaceAccess,
  type SpaceKind,
  formatMessage,
  languagePath,
  leadTimeWording,
} from '@gfmd/contracts';
import { dateTimeFormat, gmtOffsetLabel, zoneLabel } from '../time.util';
import { withoutBidiControls } from '../text.util';

/** Intl locales, as the web app's (I18n: British English gives 24-hour times and day-month dates). */
export const INTL_LOCALES: Record<string, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'ar' };

/** The public dialogue as a visitor reads it from the API (the fields the painted page shows). */
export interface PaintedDialogue {
  title: string;
  titleLang?: string;
  summary: string;
  summaryLang?: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string;
  format?: DialogueFormat;
  onlineUrl?: string | null;
  languages: string[];
  themeIds?: string[];
  /** Days between the dialogue's end and its informal session's start (null: not known). */
  leadTimeDays?: number | null;
  capacity?: number;
  placesLeft?: number;
  registrationOpensAt?: string | null;
  registrationClosesAt?: string | null;
  approvalRequired?: boolean;
  availability?: string;
  informalSessionId?: string;
}

export interface PaintedAgendaItem {
  id: string;
  title: string;
  titleLang?: string;
  kind: AgendaItemKind;
  startsAt: string;
  endsAt: string;
  spaceId?: string | null;
  room?: string | null;
  sequence?: number;
}

export interface PaintedSpace {
  id: string;
  name: string;
  nameLang?: string;
  kind: SpaceKind;
  access: SpaceAccess;
  description?: string | null;
  descriptionLang?: string;
}

export interface PaintedSession {
  number: number;
  title: string;
  startsAt: string;
  timeZone: string;
  venue: string;
}

export interface PaintedTheme {
  id: string;
  code: string;
  title: string;
}

/** What the painted dialogue page shows; a part the API did not give in time is left out (undefined). */
export interface PaintedDialoguePage {
  id: string;
  dialogue: PaintedDialogue;
  themes?: PaintedTheme[];
  agenda?: PaintedAgendaItem[];
  spaces?: PaintedSpace[];
  session?: PaintedSession;
}

/** HTML-escaped text, without bidi controls (withoutBidiControls: the API refuses them, older rows may hold them). */
export function escapeHtml(text: string): string {
  return withoutBidiControls(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/**
 * ` lang="…"` (and ` dir`) for words that came in another language than the page's, as the app's
 * `gfmdContentLang` (contentLangAttrs): nothing when they are in the page's language, the direction
 * only where it differs from the page's.
 */
export function contentLang(fieldLang: string | undefined, pageLang: string): string {
  if (!fieldLang || fieldLang === pageLang || !/^[a-z]{2,3}$/.test(fieldLang)) return '';
  const rtl = RTL_LANGUAGES.includes(fieldLang);
  const dir = rtl !== RTL_LANGUAGES.includes(pageLang) ? ` dir="${rtl ? 'rtl' : 'ltr'}"` : '';
  return ` lang="${fieldLang}"${dir}`;
}

/** The web app's date presets (I18n.formatDate), in the page's language and the dialogue's zone. */
const PRESETS = {
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit' },
  day: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  dayKey: { year: 'numeric', month: '2-digit', day: '2-digit' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export function formatDate(
  iso: string,
  timeZone: string,
  language: string,
  preset: keyof typeof PRESETS | 'zoned' = 'dateTime',
): string {
  try {
    const date = new Date(iso);
    if (preset === 'zoned') return `${formatDate(iso, timeZone, language, 'time')} ${gmtOffsetLabel(date, timeZone)}`;
    // The day's key is the same in every language (en-CA writes YYYY-MM-DD).
    const locale = preset === 'dayKey' ? 'en-CA' : (INTL_LOCALES[language] ?? language);
    return dateTimeFormat(locale, { ...PRESETS[preset], timeZone }).format(date);
  } catch {
    return '';
  }
}

/**
 * The public dialogue page as the app draws it (DialogueDetailPage, AgendaViewComponent,
 * AvailabilityComponent): the same headings in the same order, the same words (PUBLIC_SHELL_WORDS),
 * the same two columns (styles.scss `.gfmd-prerender*`), in plain HTML that works without the app.
 * Left out, as the app adds them after its start: the outcome link,
 * the agenda items' descriptions, speakers and documents, and the reader's own time beside the
 * venue's (the server does not know the reader's zone).
 */
export function paintDialoguePage(page: PaintedDialoguePage, language: string, words: PublicShellWords): string {
  const { id, dialogue: d } = page;
  const register = escapeHtml(languagePath(language, `/dialogues/${id}/register`));
  return (
    `<p><a href="${escapeHtml(languagePath(language, '/dialogues'))}"><span class="gfmd-mirror" aria-hidden="true">←</span> ${escapeHtml(words.dialoguesBack)}</a></p>` +
    `<h1${contentLang(d.titleLang, language)}>${escapeHtml(d.title)}</h1>` +
    `<p class="gfmd-prerender__chips">${availabilityChip(d, language, words)}` +
    (d.format ? `<span class="gfmd-chip">${escapeHtml(words.formats[d.format] ?? d.format)}</span>` : '') +
    themeChips(d.themeIds ?? [], page.themes ?? []) +
    `</p>` +
    // The page's two columns (one on a phone, the key facts first), as dialogue-detail.page.scss.
    `<div class="gfmd-prerender__layout"><div>` +
    `<h2>${escapeHtml(words.summary)}</h2>` +
    `<p class="gfmd-prerender__summary"${contentLang(d.summaryLang, language)}>${escapeHtml(d.summary)}</p>` +
    `<h2 id="agenda-heading">${escapeHtml(words.agenda)}</h2>` +
    `<div class="gfmd-actions"><a class="gfmd-prerender__button" href="/api/v1/dialogues/${escapeHtml(id)}/agenda.ics" download>${escapeHtml(words.addToCalendar)}</a></div>` +
    (page.agenda ? agenda(page.agenda, page.spaces ?? [], d.timeZone, language, words) : '') +
    `</div><aside class="gfmd-prerender__facts" aria-label="${escapeHtml(words.keyFacts)}">` +
    keyFacts(page, language, words) +
    registration(d, register, words) +
    (page.spaces?.length ? spaces(page.spaces, language, words) : '') +
    `</aside></div>`
  );
}

/** The dialogue's themes as the app shows them: "T1 · Human rights of all migrants…". */
function themeChips(themeIds: string[], themes: PaintedTheme[]): string {
  const byId = new Map(themes.map((t) => [t.id, t]));
  return themeIds
    .map((id) => byId.get(id))
    .filter((t): t is PaintedTheme => !!t)
    .map((t) => `<span class="gfmd-chip">${escapeHtml(`${t.code} · ${t.title}`)}</span>`)
    .join('');
}

/** "40 days before the informal session" (LeadTimeComponent's `leadTimeWording`): a warning when it is not before. */
export function leadTime(days: number | null | undefined, language: string, words: PublicShellWords): string {
  const { case: which, count, warn } = leadTimeWording(days);
  const message = {
    unknown: words.leadUnknown,
    before: words.leadBefore,
    sameDay: words.leadSameDay,
    after: words.leadAfter,
  }[which];
  const text = count === undefined ? message : formatMessage(message, { count }, INTL_LOCALES[language] ?? language);
  return `<span class="gfmd-chip${warn ? ' gfmd-chip--warn' : ''}">${escapeHtml(text)}</span>`;
}

/** "12 places left" / "Full — join the waiting list" / … (AvailabilityComponent, from the API's `availability`). */
export function availabilityChip(d: PaintedDialogue, language: string, words: PublicShellWords): string {
  const locale = INTL_LOCALES[language] ?? language;
  switch (d.availability) {
    case 'open':
      return `<span class="gfmd-chip gfmd-chip--ok">${escapeHtml(formatMessage(words.availabilityOpen, { count: d.placesLeft ?? d.capacity ?? 0 }, locale))}</span>`;
    case 'full':
      return `<span class="gfmd-chip gfmd-chip--warn">${escapeHtml(words.availabilityFull)}</span>`;
    case 'not_yet_open':
      return `<span class="gfmd-chip">${escapeHtml(
        d.registrationOpensAt
          ? formatMessage(
              words.availabilityOpensOn,
              { when: formatDate(d.registrationOpensAt, d.timeZone, language, 'date') },
              locale,
            )
          : words.availabilityNotYetOpen,
      )}</span>`;
    default:
      return `<span class="gfmd-chip">${escapeHtml(words.availabilityClosed)}</span>`;
  }
}

function keyFacts(page: PaintedDialoguePage, language: string, words: PublicShellWords): string {
  const d = page.dialogue;
  const fact = (term: string, detail: string) => `<dt>${escapeHtml(term)}</dt><dd>${detail}</dd>`;
  const when =
    `${escapeHtml(`${formatDate(d.startsAt, d.timeZone, language)} – ${formatDate(d.endsAt, d.timeZone, language)}`)} ` +
    `<span class="gfmd-muted">(${escapeHtml(zoneLabel(new Date(d.startsAt), d.timeZone))})</span>`;
  const online = d.onlineUrl?.startsWith('https://')
    ? `<a href="${escapeHtml(d.onlineUrl)}" rel="noopener" target="_blank">${escapeHtml(words.joinOnline)}</a>`
    : escapeHtml(words.onlineLinkLater);
  const s = page.session;
  const locale = INTL_LOCALES[language] ?? language;
  return (
    `<dl>${fact(words.when, when)}` +
    (d.format !== 'online' ? fact(words.venue, escapeHtml(d.venue)) : '') +
    (d.format !== 'in_person' ? fact(words.online, online) : '') +
    fact(words.languages, escapeHtml(d.languages.map((l) => l.toUpperCase()).join(', '))) +
    (s
      ? fact(
          words.session,
          `${escapeHtml(formatMessage(words.sessionHeading, { number: s.number, title: s.title }, locale))}<br />` +
            `<span class="gfmd-muted">${escapeHtml(`${formatDate(s.startsAt, s.timeZone, language, 'date')} · ${s.venue}`)}</span>`,
        )
      : '') +
    (d.leadTimeDays !== undefined ? fact(words.leadTime, leadTime(d.leadTimeDays, language, words)) : '') +
    (d.capacity !== undefined
      ? fact(words.capacity, escapeHtml(new Intl.NumberFormat(locale).format(d.capacity)))
      : '') +
    (d.registrationClosesAt
      ? fact(words.registrationCloses, escapeHtml(formatDate(d.registrationClosesAt, d.timeZone, language)))
      : '') +
    `</dl>`
  );
}

/** The app's button, as a link (it is one there too): open → register, full → the waiting list; else why not. */
function registration(d: PaintedDialogue, href: string, words: PublicShellWords): string {
  const button = (label: string) => `<a class="gfmd-prerender__action" href="${href}">${escapeHtml(label)}</a>`;
  if (d.availability === 'open')
    return (
      button(words.register) + (d.approvalRequired ? `<p class="gfmd-muted">${escapeHtml(words.approvalNote)}</p>` : '')
    );
  if (d.availability === 'full')
    return `<p class="gfmd-alert gfmd-alert--info">${escapeHtml(words.fullNote)}</p>${button(words.joinWaitlist)}`;
  return `<p class="gfmd-alert gfmd-alert--info">${escapeHtml(words.registrationClosed)}</p>`;
}

/** The agenda by day in the dialogue's zone, in the web's order (`agendaByDay` of @gfmd/contracts). */
function agenda(
  items: PaintedAgendaItem[],
  spaces: PaintedSpace[],
  timeZone: string,
  language: string,
  words: PublicShellWords,
): string {
  if (!items.length) return `<p class="gfmd-muted">${escapeHtml(words.agendaEmpty)}</p>`;
  const byId = new Map(spaces.map((s) => [s.id, s]));
  const days = agendaByDay(
    items,
    spaces.map((s) => s.id),
    (iso) => formatDate(iso, timeZone, language, 'dayKey'),
  );
  return days
    .map(({ day, items: dayItems }) => {
      const heading = `agenda-day-${escapeHtml(day)}`;
      return (
        `<section class="gfmd-prerender__day" aria-labelledby="${heading}">` +
        `<h3 id="${heading}">${escapeHtml(formatDate(dayItems[0].startsAt, timeZone, language, 'day'))}</h3>` +
        `<ol class="gfmd-prerender__items">${dayItems.map((item) => agendaItem(item, byId, timeZone, language, words)).join('')}</ol></section>`
      );
    })
    .join('');
}

function agendaItem(
  item: PaintedAgendaItem,
  spaces: Map<string, PaintedSpace>,
  timeZone: string,
  language: string,
  words: PublicShellWords,
): string {
  const space = item.spaceId ? spaces.get(item.spaceId) : undefined;
  return (
    `<li class="gfmd-prerender__item${item.kind === 'break' ? ' gfmd-prerender__item--break' : ''}">` +
    `<p class="gfmd-prerender__time"><span><time datetime="${escapeHtml(item.startsAt)}">${escapeHtml(formatDate(item.startsAt, timeZone, language, 'time'))}</time>–` +
    `<time datetime="${escapeHtml(item.endsAt)}">${escapeHtml(formatDate(item.endsAt, timeZone, language, 'zoned'))}</time></span></p>` +
    `<div><p class="gfmd-prerender__line"><strong${contentLang(item.titleLang, language)}>${escapeHtml(item.title)}</strong>` +
    `<span class="gfmd-chip">${escapeHtml(words.agendaKinds[item.kind] ?? item.kind)}</span></p>` +
    `<p class="gfmd-prerender__line">` +
    (space
      ? `<span class="gfmd-chip gfmd-chip--space"${contentLang(space.nameLang, language)}>${escapeHtml(space.name)}</span>`
      : `<span class="gfmd-chip">${escapeHtml(words.forEveryone)}</span>`) +
    (item.room ? `<span class="gfmd-muted">${escapeHtml(`${words.room}: ${item.room}`)}</span>` : '') +
    `</p></div></li>`
  );
}

/** The spaces, as the app lists them under the key facts: name · kind, access, description. */
function spaces(list: PaintedSpace[], language: string, words: PublicShellWords): string {
  return (
    `<h2>${escapeHtml(words.spaces)}</h2><ul class="gfmd-prerender__spaces">` +
    list
      .map(
        (s) =>
          `<li><strong${contentLang(s.nameLang, language)}>${escapeHtml(s.name)}</strong> ` +
          `<span class="gfmd-muted">· ${escapeHtml(words.spaceKinds[s.kind] ?? s.kind)}</span><br />` +
          `<small>${escapeHtml(words.access[s.access] ?? s.access)}</small>` +
          (s.description
            ? `<p class="gfmd-prerender__space-description"${contentLang(s.descriptionLang, language)}>${escapeHtml(s.description)}</p>`
            : '') +
          `</li>`,
      )
      .join('') +
    `</ul>`
  );
}
