import type { FastifyInstance } from 'fastify';
import {
  LANGUAGES,
  PUBLIC_SHELL_WORDS,
  type PublicShellWords,
  RTL_LANGUAGES,
  URL_LANGUAGES,
  isIndexableWebPath,
  languagePath,
  splitLanguagePath,
} from '@gfmd/contracts';

/** How long the page's data may take before the plain shell is sent instead (ms). */
export const PRERENDER_TIMEOUT_MS = 400;

/** The web app's languages that a URL may name (an /ar/ URL without the Arabic interface is a bare path). */
const WEB_URL_LANGUAGES: readonly string[] = URL_LANGUAGES.filter((l) => (LANGUAGES as readonly string[]).includes(l));

/** Intl locales, as the web app's (I18n: British English gives 24-hour times and day-month dates). */
const INTL_LOCALES: Record<string, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'ar' };

const DIALOGUE_PAGE = /^\/dialogues\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;
const DIALOGUE_LIST = /^\/dialogues\/?$/i;

interface PublicDialogue {
  title: string;
  summary: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** The first of the web's languages an Accept-Language header lists, else English. */
export function preferredWebLanguage(acceptLanguage: string | undefined): string {
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(/q=([\d.]+)/.exec(params.join(';'))?.[1] ?? 1);
      return { lang: tag.slice(0, 2).toLowerCase(), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((t) => t.q > 0 && WEB_URL_LANGUAGES.includes(t.lang))
    .sort((a, b) => b.q - a.q);
  return tags[0]?.lang ?? 'en';
}

/**
 * The web app's index.html for one request of a page: `<html lang dir>` of the URL's language
 * (`/fr/…`; a bare path: the browser's Accept-Language, which the app also falls back to),
 * canonical and hreflang links on public pages, and on the public dialogue page and the dialogue
 * list the top of the page (heading, dates, summary; heading and introduction) already in the
 * HTML, so it paints before any script has run; the app replaces it when it starts. The dialogue
 * is read through the API itself (in process, as a visitor): a draft or unknown dialogue, an
 * error or an answer slower than PRERENDER_TIMEOUT_MS gives the shell without it.
 * docs/decisions.md, "Public pages paint before the app".
 */
export class WebShell {
  private readonly head: string;
  private readonly tail: string;

  constructor(
    private readonly shellHtml: string,
    private readonly fastify: FastifyInstance,
    private readonly publicUrl: string,
  ) {
    const at = shellHtml.indexOf('</head>');
    this.head = at >= 0 ? shellHtml.slice(0, at) : shellHtml;
    this.tail = at >= 0 ? shellHtml.slice(at) : '';
  }

  async render(url: string, acceptLanguage: string | undefined): Promise<string> {
    const pathname = url.split(/[?#]/)[0];
    const split = splitLanguagePath(pathname);
    const urlLanguage = split.language && WEB_URL_LANGUAGES.includes(split.language) ? split.language : undefined;
    const path = split.path;
    const language = urlLanguage ?? preferredWebLanguage(acceptLanguage);
    const words = PUBLIC_SHELL_WORDS[language as keyof typeof PUBLIC_SHELL_WORDS] ?? PUBLIC_SHELL_WORDS.en;

    const headTags: string[] = [];
    let title: string | undefined;
    let description: string | undefined;
    let content: string | undefined;
    if (isIndexableWebPath(path)) {
      headTags.push(`<link rel="canonical" href="${escapeHtml(this.publicUrl + languagePath(language, path))}" />`);
      for (const l of WEB_URL_LANGUAGES)
        headTags.push(
          `<link rel="alternate" hreflang="${l}" href="${escapeHtml(this.publicUrl + languagePath(l, path))}" />`,
        );
      headTags.push(`<link rel="alternate" hreflang="x-default" href="${escapeHtml(this.publicUrl + path)}" />`);
    }

    const dialogueId = DIALOGUE_PAGE.exec(path)?.[1];
    if (dialogueId) {
      const dialogue = await this.dialogue(dialogueId, language);
      if (dialogue) {
        title = `${dialogue.title} · ${words.appName}`;
        description = dialogue.summary.length > 200 ? `${dialogue.summary.slice(0, 197)}…` : dialogue.summary;
        content = this.dialoguePage(dialogue, language, words.dialoguesBack);
      }
    } else if (DIALOGUE_LIST.test(path)) {
      title = `${words.dialoguesTitle} · ${words.appName}`;
      content =
        `<h1>${escapeHtml(words.dialoguesTitle)}</h1><p class="gfmd-prerender__intro">${escapeHtml(words.dialoguesIntro)}</p>` +
        // The first session's heading (the largest text on a phone's first screen), unless filtered.
        (url.includes('?') ? '' : await this.firstSessionHeading(language, words));
    }

    let head = this.head.replace(
      /<html lang="[^"]*"/,
      `<html lang="${language}"${RTL_LANGUAGES.includes(language) ? ' dir="rtl"' : ''}`,
    );
    if (title) head = head.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`);
    if (description)
      head = head.replace(
        /<meta name="description" content="[^"]*"/,
        `<meta name="description" content="${escapeHtml(description)}"`,
      );
    let tail = this.tail;
    if (content) {
      tail = tail.replace(/<gfmd-root>/, `<gfmd-root>${this.frame(words.appName, content)}`);
      // The page is on screen without the app: its script no longer competes with the HTML and
      // CSS for the first paint (a module script is fetched at high priority by default).
      tail = tail.replace(
        /<script src="(main-[\w-]+\.js)" type="module">/,
        '<script src="$1" type="module" fetchpriority="low">',
      );
    }
    return head + (headTags.length ? `    ${headTags.join('\n    ')}\n  ` : '') + tail;
  }

  /**
   * The shell's header bar and the page's main column, with the global classes of styles.scss
   * (`.gfmd-prerender*`): the same places and sizes as the app's, so nothing moves when it takes over.
   */
  private frame(appName: string, content: string): string {
    return (
      `<div class="gfmd-prerender"><div class="gfmd-prerender__bar"><span class="gfmd-prerender__mark">GFMD</span>` +
      `<span class="gfmd-prerender__name">${escapeHtml(appName)}</span></div>` +
      `<div class="gfmd-prerender__main">${content}</div></div>`
    );
  }

  private dialoguePage(d: PublicDialogue, language: string, back: string): string {
    const when = `${formatDate(d.startsAt, d.timeZone, language)} – ${formatDate(d.endsAt, d.timeZone, language)}`;
    return (
      `<p><a href="${escapeHtml(languagePath(language, '/dialogues'))}">← ${escapeHtml(back)}</a></p>` +
      `<h1>${escapeHtml(d.title)}</h1>` +
      // The page's two columns (one on a phone, the key facts first), as dialogue-detail.page.scss.
      `<div class="gfmd-prerender__layout"><div><p class="gfmd-prerender__summary">${escapeHtml(d.summary)}</p></div>` +
      `<div class="gfmd-prerender__facts"><p class="gfmd-prerender__when">${escapeHtml(when)}</p></div></div>`
    );
  }

  /**
   * The heading of the list's first group as the app writes it (CatalogStore.grouped: dialogues
   * in date order under their session, sessions by number) and its dates; '' on anything unusual.
   */
  private async firstSessionHeading(language: string, words: PublicShellWords): Promise<string> {
    const [sessions, page] = await Promise.all([
      this.get<
        {
          id: string;
          number: number;
          title: string;
          startsAt: string;
          endsAt: string;
          timeZone: string;
          venue: string;
        }[]
      >('/api/v1/informal-sessions', language),
      this.get<{ items: { informalSessionId: string; startsAt: string }[] }>(
        '/api/v1/dialogues?page=1&pageSize=100',
        language,
      ),
    ]);
    if (!Array.isArray(sessions) || !Array.isArray(page?.items) || !page.items.length) return '';
    const byId = new Map(sessions.map((s) => [s.id, s]));
    const order = [
      ...new Set([...page.items].sort((a, b) => a.startsAt.localeCompare(b.startsAt)).map((d) => d.informalSessionId)),
    ];
    const first = order
      .map((id) => byId.get(id))
      .sort((a, b) => (a?.number ?? Number.MAX_SAFE_INTEGER) - (b?.number ?? Number.MAX_SAFE_INTEGER))[0];
    if (!first) return `<h2>${escapeHtml(words.noSession)}</h2>`;
    const heading = words.sessionHeading.replace('{number}', String(first.number)).replace('{title}', first.title);
    const dates = `${formatDate(first.startsAt, first.timeZone, language, false)} – ${formatDate(first.endsAt, first.timeZone, language, false)} · ${first.venue}`;
    return `<h2>${escapeHtml(heading)}</h2><p class="gfmd-prerender__when">${escapeHtml(dates)}</p>`;
  }

  /** The dialogue as a visitor gets it from the API, in the page's language; undefined on anything else. */
  private async dialogue(id: string, language: string): Promise<PublicDialogue | undefined> {
    const body = await this.get<Partial<PublicDialogue>>(`/api/v1/dialogues/${id}`, language);
    if (!body || typeof body.title !== 'string' || typeof body.startsAt !== 'string' || typeof body.endsAt !== 'string')
      return undefined;
    return {
      title: body.title,
      summary: typeof body.summary === 'string' ? body.summary : '',
      startsAt: body.startsAt,
      endsAt: body.endsAt,
      timeZone: typeof body.timeZone === 'string' ? body.timeZone : 'UTC',
    };
  }

  /** A GET of the API as a visitor (in process), its JSON if 200 within PRERENDER_TIMEOUT_MS. */
  private async get<T>(url: string, language: string): Promise<T | undefined> {
    let cancel = () => undefined as void;
    try {
      const response = await Promise.race([
        this.fastify.inject({
          method: 'GET',
          url,
          headers: { accept: 'application/json', 'accept-language': language },
        }),
        new Promise<undefined>((resolve) => {
          const timer = setTimeout(resolve, PRERENDER_TIMEOUT_MS);
          cancel = () => clearTimeout(timer);
        }),
      ]);
      if (!response || response.statusCode !== 200) return undefined;
      return response.json() as T;
    } catch {
      return undefined;
    } finally {
      cancel();
    }
  }
}

/** As the web app's `localDate: 'dateTime'` (or `'date'` without the time). */
function formatDate(iso: string, timeZone: string, language: string, time = true): string {
  try {
    return new Intl.DateTimeFormat(INTL_LOCALES[language] ?? language, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(time ? { hour: '2-digit', minute: '2-digit' } : {}),
      timeZone,
    }).format(new Date(iso));
  } catch {
    return '';
  }
}
