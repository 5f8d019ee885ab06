/**
 * The web app's public pages have a URL per language: `/fr/dialogues/<id>`, `/es/timeline`… The
 * bare path (`/dialogues/<id>`) still works and shows the reader's own language (the one they
 * chose on this device, else their browser's): it is the `x-default` of the hreflang links.
 * Shared by the web app (router, head links), the API (the HTML it serves, links in emails).
 * docs/i18n.md, "Web addresses".
 */

/** The languages a public page's URL may start with (the web app falls back when it lacks one). */
export const URL_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type UrlLanguage = (typeof URL_LANGUAGES)[number];

/** Right-to-left languages: their pages get `dir="rtl"`. */
export const RTL_LANGUAGES: readonly string[] = ['ar'];

/**
 * First segments of the pages open without signing in, which take a language prefix: the ones
 * anyone may find (dialogues, timeline, recommendations, syntheses, contributions) and the
 * private links of emails (manage, delegations, subscriptions, invitations).
 */
export const PUBLIC_WEB_SECTIONS: readonly string[] = [
  'dialogues',
  'timeline',
  'processes',
  'recommendations',
  'syntheses',
  'contributions',
  'manage',
  'delegations',
  'subscriptions',
  'invitations',
];

/** Sections whose pages hold a secret token: no canonical or hreflang links (they are not for search engines). */
const PRIVATE_PATH = /^\/(?:manage|delegations|subscriptions|invitations)\/|^\/contributions\/confirm\//;

export function isUrlLanguage(value: unknown): value is UrlLanguage {
  return typeof value === 'string' && (URL_LANGUAGES as readonly string[]).includes(value);
}

/**
 * Splits a path (no origin; a query or fragment may follow) into its language prefix and the rest:
 * `/fr/dialogues/1?x=2` → `{ language: 'fr', path: '/dialogues/1?x=2' }`; `/fr` → `{ 'fr', '/' }`.
 */
export function splitLanguagePath(url: string): { language?: UrlLanguage; path: string } {
  const match = /^\/([a-z]{2})(?=$|[/?#])(.*)$/i.exec(url);
  const language = match?.[1].toLowerCase();
  if (!match || !isUrlLanguage(language)) return { path: url };
  const rest = match[2];
  return { language, path: rest.startsWith('/') ? rest : `/${rest}` };
}

/** Whether a path (without language prefix) is a public page that takes a language prefix. */
export function isPublicWebPath(path: string): boolean {
  const first = /^\/([^/?#]*)/.exec(path)?.[1] ?? '';
  return first === '' || PUBLIC_WEB_SECTIONS.includes(first);
}

/** Whether a public page should carry canonical and hreflang links (not a private link's page). */
export function isIndexableWebPath(path: string): boolean {
  return isPublicWebPath(path) && !PRIVATE_PATH.test(path);
}

/** The path with the language prefix, when it is a public page: `('fr', '/dialogues/1')` → `/fr/dialogues/1`. */
export function languagePath(language: string, path: string): string {
  const bare = splitLanguagePath(path).path;
  if (!isUrlLanguage(language) || !isPublicWebPath(bare)) return bare;
  return bare === '/' ? `/${language}/` : `/${language}${bare}`;
}

/**
 * A page link of an email in its reader's language: an absolute URL under `publicUrl` that is a
 * public page (not the API, not a staff page) gets the language prefix; anything else is unchanged.
 */
export function localizeWebUrl(url: string, publicUrl: string, language: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  if (!url.startsWith(`${base}/`)) return url;
  const path = url.slice(base.length);
  const { language: already, path: bare } = splitLanguagePath(path);
  if (already || !isPublicWebPath(bare) || bare === '/') return url;
  return `${base}${languagePath(language, bare)}`;
}

/** Each interface language in itself, as the painted pages name them (the same as the header's language menu). */
export const LANGUAGE_AUTONYMS: Record<UrlLanguage, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};
