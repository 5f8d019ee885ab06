import type { FastifyInstance } from 'fastify';
import {
  LANGUAGES,
  LANGUAGE_AUTONYMS,
  PUBLIC_SHELL_WORDS,
  type PublicShellWords,
  RTL_LANGUAGES,
  URL_LANGUAGES,
  isIndexableWebPath,
  languagePath,
  splitLanguagePath,
} from '@gfmd/contracts';
import {
  type PaintedAgendaItem,
  type PaintedDialogue,
  type PaintedDialoguePage,
  type PaintedSession,
  type PaintedSpace,
  type PaintedTheme,
  escapeHtml,
  paintDialoguePage,
} from './painted-dialogue';
import {
  type PaintedDialogueList,
  type PaintedListDialogue,
  type PaintedListSession,
  paintDialogueList,
} from './painted-list';

export { escapeHtml } from './painted-dialogue';

/** How long the page's data may take before the plain shell is sent instead (ms; WEB_PRERENDER_TIMEOUT_MS). */
export const PRERENDER_TIMEOUT_MS = 400;

/** The web app's languages that a URL may name (an /ar/ URL without the Arabic interface is a bare path). */
const WEB_URL_LANGUAGES: readonly string[] = URL_LANGUAGES.filter((l) => (LANGUAGES as readonly string[]).includes(l));

const DIALOGUE_PAGE = /^\/dialogues\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;
const DIALOGUE_LIST = /^\/dialogues\/?$/i;

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
 * canonical and hreflang links on public pages, and already in the HTML, so that it paints before
 * any script has run: the whole public dialogue page (heading, summary, agenda by day, key facts,
 * spaces: painted-dialogue.ts) and the dialogue list's top (heading, introduction, first session). On those pages the app does not start until the
 * reader interacts with the page (the inline script of index.html, `data-gfmd-wait`): the painted
 * part is plain HTML whose links (language, back, register) work without it, and its script is
 * only prefetched, after the first paint; the app replaces the painted part when it starts. The dialogue, its agenda,
 * spaces and session are read through the API itself (in process, as a visitor, at once): a draft
 * or unknown dialogue, an error or an answer slower than PRERENDER_TIMEOUT_MS gives the shell
 * without it (a late agenda or spaces: the page without them).
 * docs/decisions.md, "Public pages paint before the app".
 */
export class WebShell {
  private readonly head: string;
  private readonly tail: string;

  constructor(
    private readonly shellHtml: string,
    private readonly fastify: FastifyInstance,
    private readonly publicUrl: string,
    private readonly timeoutMs = PRERENDER_TIMEOUT_MS,
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
      const painted = await this.dialoguePage(dialogueId, language);
      if (painted) {
        const { dialogue } = painted;
        title = `${dialogue.title} · ${words.appName}`;
        description = dialogue.summary.length > 200 ? `${dialogue.summary.slice(0, 197)}…` : dialogue.summary;
        content = paintDialoguePage(painted, language, words);
      }
    } else if (DIALOGUE_LIST.test(path)) {
      title = `${words.dialoguesTitle} · ${words.appName}`;
      const list = await this.dialogueList(language, new URLSearchParams(url.split('?')[1]?.split('#')[0] ?? ''));
      if (list) content = paintDialogueList(list, language, words);
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
      // The page is whole without the app: the server writes no script tag for it, only its file
      // on `data-gfmd-wait`, and index.html's inline script prefetches it once the page has painted
      // and runs it when the reader first interacts. Not `<link rel="prefetch">` in the HTML: the
      // download (~150 kB gzipped) then shares the first round trips with the page, and when it
      // ends before the first paint Lighthouse's simulation counts it all against LCP (1.5–2.2 s
      // instead of about 0.9 s); not modulepreload, which also compiles it on arrival
      // (docs/performance.md, "Web").
      const app = /<script src="(main-[\w-]+\.js)" type="module"><\/script>/.exec(tail);
      if (app) tail = tail.replace(app[0], '');
      head = head.replace(/<html /, `<html data-gfmd-wait="${escapeHtml(app?.[1] ?? '')}" `);
      tail = tail.replace(/<gfmd-root>/, `<gfmd-root>${this.frame(language, path, words, content)}`);
    }
    return head + (headTags.length ? `    ${headTags.join('\n    ')}\n  ` : '') + tail;
  }

  /**
   * The shell's header bar and the page's main column, with the global classes of styles.scss
   * (`.gfmd-prerender*`): the same places and sizes as the app's, so nothing moves when it takes
   * over. The bar links home and to this page in the other languages (the app's language menu).
   */
  private frame(language: string, path: string, words: PublicShellWords, content: string): string {
    const others = WEB_URL_LANGUAGES.filter((l) => l !== language)
      .map(
        (l) =>
          `<a href="${escapeHtml(languagePath(l, path))}" hreflang="${l}" lang="${l}"${RTL_LANGUAGES.includes(l) ? ' dir="rtl"' : ''}>` +
          `${escapeHtml(LANGUAGE_AUTONYMS[l as keyof typeof LANGUAGE_AUTONYMS] ?? l)}</a>`,
      )
      .join('');
    return (
      `<div class="gfmd-prerender"><header class="gfmd-prerender__bar">` +
      `<a class="gfmd-prerender__brand" href="${escapeHtml(languagePath(language, '/'))}"><span class="gfmd-prerender__mark">GFMD</span>` +
      `<span class="gfmd-prerender__name">${escapeHtml(words.appName)}</span></a>` +
      `<nav class="gfmd-prerender__languages" aria-label="${escapeHtml(words.language)}">${others}</nav></header>` +
      `<main class="gfmd-prerender__main" id="main">${content}</main></div>`
    );
  }

  /**
   * The list as a visitor gets it from the API, in the page's language: the informal sessions,
   * the themes and every published dialogue (pages of 100 as the app reads them, at most 20), with
   * the URL's filters when they name a theme or a session. Undefined when an answer failed or came
   * late (the plain shell then, and the app draws the list).
   */
  private async dialogueList(language: string, query: URLSearchParams): Promise<PaintedDialogueList | undefined> {
    type Page = { items: PaintedListDialogue[]; total: number; page: number; pageSize: number };
    const pageSize = 100;
    const pageOf = (page: number) => this.get<Page>(`/api/v1/dialogues?page=${page}&pageSize=${pageSize}`, language);
    const [sessions, themes, first] = await Promise.all([
      this.get<PaintedListSession[]>('/api/v1/informal-sessions', language),
      this.get<PaintedTheme[]>('/api/v1/themes', language),
      pageOf(1),
    ]);
    if (!Array.isArray(sessions) || !Array.isArray(themes) || !Array.isArray(first?.items)) return undefined;
    const pages = Math.min(20, Math.ceil((Number(first.total) || 0) / pageSize));
    const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => pageOf(i + 2)));
    if (rest.some((p) => !Array.isArray(p?.items))) return undefined;
    const dialogues = [first, ...rest].flatMap((p) => (p as Page).items);
    if (
      dialogues.some((d) => typeof d?.id !== 'string' || typeof d.title !== 'string' || typeof d.startsAt !== 'string')
    )
      return undefined;
    const theme = query.get('theme') ?? undefined;
    const session = query.get('session') ?? undefined;
    return {
      dialogues,
      sessions,
      themes,
      themeId: themes.some((t) => t.id === theme) ? theme : undefined,
      informalSessionId: sessions.some((s) => s.id === session) ? session : undefined,
      publicUrl: this.publicUrl,
    };
  }

  /**
   * The dialogue, its agenda, its spaces, its session and the themes as a visitor gets them from the API, in
   * the page's language: five requests at once, so the page waits for the slowest, not their sum,
   * and never more than `timeoutMs`. Undefined without the dialogue; a part that failed or came
   * late is left out of the page (the app shows it when it starts).
   */
  private async dialoguePage(id: string, language: string): Promise<PaintedDialoguePage | undefined> {
    const [body, agenda, spaces, sessions, themes] = await Promise.all([
      this.get<Partial<PaintedDialogue>>(`/api/v1/dialogues/${id}`, language),
      this.get<{ items?: PaintedAgendaItem[] }>(`/api/v1/dialogues/${id}/agenda`, language),
      this.get<PaintedSpace[]>(`/api/v1/dialogues/${id}/spaces`, language),
      this.get<(PaintedSession & { id: string })[]>('/api/v1/informal-sessions', language),
      this.get<PaintedTheme[]>('/api/v1/themes', language),
    ]);
    if (!body || typeof body.title !== 'string' || typeof body.startsAt !== 'string' || typeof body.endsAt !== 'string')
      return undefined;
    const dialogue: PaintedDialogue = {
      ...body,
      title: body.title,
      summary: typeof body.summary === 'string' ? body.summary : '',
      startsAt: body.startsAt,
      endsAt: body.endsAt,
      timeZone: typeof body.timeZone === 'string' ? body.timeZone : 'UTC',
      venue: typeof body.venue === 'string' ? body.venue : '',
      languages: Array.isArray(body.languages) ? body.languages : [],
    };
    return {
      id,
      dialogue,
      agenda: Array.isArray(agenda?.items) ? agenda.items : undefined,
      spaces: Array.isArray(spaces) ? spaces : undefined,
      session: Array.isArray(sessions) ? sessions.find((s) => s.id === dialogue.informalSessionId) : undefined,
      themes: Array.isArray(themes) ? themes : undefined,
    };
  }

  /** A GET of the API as a visitor (in process), its JSON if 200 within `timeoutMs`. */
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
          const timer = setTimeout(resolve, this.timeoutMs);
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
