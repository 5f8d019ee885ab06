/** Parameters interpolated into a translated message. */
export type TranslationParams = Readonly<Record<string, string | number>>;

/**
 * A tiny subset of ICU MessageFormat: `{name}` and
 * `{count, plural, =0 {none} one {# day} other {# days}}`.
 * Numbers are formatted in the given locale; `#` stands for the plural value.
 */
export function formatMessage(template: string, params: TranslationParams | undefined, locale: string): string {
  if (!params || !template.includes('{')) {
    return template;
  }
  let out = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i];
    if (ch !== '{') {
      out += ch;
      i++;
      continue;
    }
    const end = matchingBrace(template, i);
    if (end < 0) {
      out += template.slice(i);
      break;
    }
    out += formatArgument(template.slice(i + 1, end), params, locale);
    i = end + 1;
  }
  return out;
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  for (let j = start; j < text.length; j++) {
    if (text[j] === '{') {
      depth++;
    } else if (text[j] === '}') {
      depth--;
      if (depth === 0) {
        return j;
      }
    }
  }
  return -1;
}

// Intl objects are slow to make (the locale's data is looked up each time) and cheap to reuse:
// one per locale, for every message of every page.
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormat = (locale: string) => {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale)));
  return f;
};
const pluralRule = (locale: string) => {
  let r = pluralRules.get(locale);
  if (!r) pluralRules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
};

function formatArgument(inner: string, params: TranslationParams, locale: string): string {
  const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
  if (!plural) {
    const value = params[inner.trim()];
    if (value === undefined) {
      return `{${inner}}`;
    }
    return typeof value === 'number' ? numberFormat(locale).format(value) : value;
  }
  const [, name, body] = plural;
  const value = Number(params[name] ?? 0);
  const branches = parseBranches(body);
  const chosen =
    branches.get(`=${value}`) ?? branches.get(pluralRule(locale).select(value)) ?? branches.get('other') ?? '';
  return formatMessage(chosen.replace(/#/g, numberFormat(locale).format(value)), params, locale);
}

function parseBranches(body: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const selector = /^\s*(=?[\w-]+)\s*\{/.exec(body.slice(i));
    if (!selector) {
      break;
    }
    const open = i + selector[0].length - 1;
    const close = matchingBrace(body, open);
    if (close < 0) {
      break;
    }
    branches.set(selector[1], body.slice(open + 1, close));
    i = close + 1;
  }
  return branches;
}
