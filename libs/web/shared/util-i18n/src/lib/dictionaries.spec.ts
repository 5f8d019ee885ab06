import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ar } from './dictionaries/ar';
import { arStaff } from './dictionaries/ar-staff';
import { en } from './dictionaries/en';
import { enStaff } from './dictionaries/en-staff';
import { es } from './dictionaries/es';
import { esStaff } from './dictionaries/es-staff';
import { fr } from './dictionaries/fr';
import { frStaff } from './dictionaries/fr-staff';

/**
 * Sources that only staff routes load (console, workspace, account: their `staffDictionary` guard
 * loads en-staff.ts first). Every other web source is public: the keys it names must be in en.ts,
 * the part in the initial bundle, or the page would show them raw.
 */
const STAFF_SOURCES = [
  /^libs\/web\/admin\//,
  /^libs\/web\/agenda\//,
  /^libs\/web\/check-in\/feature\/src\/lib\/(door|door-staff|attendance)\./,
  /^libs\/web\/console\//,
  /^libs\/web\/coordinator\//,
  /^libs\/web\/dialogues\/ui\/src\/lib\/space-fields\./,
  /^libs\/web\/invitations\//,
  /^libs\/web\/outbox\//,
  /^libs\/web\/auth\/feature\/src\/lib\/change-password\.page\.ts$/,
  /^libs\/web\/outcomes\/feature\/src\/lib\/(outcome-(editor|diff|contributions)|my-outcomes|rapporteur-outcome)\./,
  /^libs\/web\/outcomes\/data-access\/src\/lib\/outcome\.store\.ts$/,
  /^libs\/web\/registrations\/feature\/src\/lib\/(registrations-table|registration-decisions)\./,
  /^libs\/web\/registrations\/feature\/src\/lib\/(staff-register|import-registrations)-dialog\./,
  /^libs\/web\/registrations\/data-access\/src\/lib\/registrations-table\.store\.ts$/,
  /^libs\/web\/registrations\/ui\/src\/lib\/stakeholder-balance\./,
  /^libs\/web\/shared\/ui\/src\/lib\/(delivery-progress|translation-fields)\./,
  /^libs\/web\/documents\/feature\/src\/lib\/(console-documents\.page|upload-zone\.component|agenda-item-documents\.component)\./,
  /^libs\/web\/delegations\/feature\/src\/lib\/delegations-console\./,
  /^libs\/web\/syntheses\/feature\/src\/lib\/synthesis-builder\./,
  /^libs\/web\/reports\//,
];

const ROOT = join(__dirname, '../../../../../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return name === 'dictionaries' ? [] : sources(path);
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const allKeys = new Set([...Object.keys(en), ...Object.keys(enStaff)]);

/** Keys named literally ('key', "key" or `key`) in a source file. */
function keysIn(path: string): string[] {
  const text = readFileSync(join(ROOT, path), 'utf8');
  return [...text.matchAll(/['"`]([A-Za-z][\w.-]*)['"`]/g)].map((m) => m[1]).filter((key) => allKeys.has(key));
}

/**
 * Prefixes of keys built at run time: `label: 'role'`, `label('role', …)` and `` `prefix.${…}` ``.
 * Every key under such a prefix must be public when a public source builds it.
 */
function dynamicPrefixesIn(path: string): string[] {
  const text = readFileSync(join(ROOT, path), 'utf8');
  return [
    ...[...text.matchAll(/label\s*(?::|\()\s*'([A-Za-z]+)'/g)].map((m) => `${m[1]}.`),
    ...[...text.matchAll(/`([A-Za-z][\w.]*\.)\$\{/g)].map((m) => m[1]),
  ];
}

describe('dictionaries', () => {
  const files = [...sources('libs/web'), ...sources('apps/web/src')].filter((path) => path.includes('/src/'));

  it('finds the web sources', () => {
    expect(relative(ROOT, __dirname)).toBe(join('libs/web/shared/util-i18n/src/lib'));
    expect(files.length).toBeGreaterThan(100);
  });

  it('has every key a public page names in the public part (en.ts, in the initial bundle)', () => {
    const misplaced = files
      .filter((path) => !STAFF_SOURCES.some((re) => re.test(path)))
      .flatMap((path) =>
        keysIn(path)
          .filter((key) => !(key in en))
          .map((key) => `${key} (${path})`),
      );
    expect(misplaced).toEqual([]);
  });

  it('has every key a public page builds at run time (enumeration labels…) in the public part', () => {
    const misplaced = files
      .filter((path) => !STAFF_SOURCES.some((re) => re.test(path)))
      .flatMap((path) =>
        dynamicPrefixesIn(path).flatMap((prefix) =>
          Object.keys(enStaff)
            .filter((key) => key.startsWith(prefix))
            .map((key) => `${key} (${path})`),
        ),
      );
    expect(misplaced).toEqual([]);
  });

  it('has no key in both parts', () => {
    expect(Object.keys(enStaff).filter((key) => key in en)).toEqual([]);
  });

  it('has the same keys in every language, part by part', () => {
    for (const dictionary of [fr, es, ar]) expect(Object.keys(dictionary).sort()).toEqual(Object.keys(en).sort());
    for (const dictionary of [frStaff, esStaff, arStaff]) {
      expect(Object.keys(dictionary).sort()).toEqual(Object.keys(enStaff).sort());
    }
  });

  it('has the same parameters in every language, and no empty message', () => {
    const reference: Record<string, string> = { ...en, ...enStaff };
    const languages = { fr: { ...fr, ...frStaff }, es: { ...es, ...esStaff }, ar: { ...ar, ...arStaff } };
    const wrong = Object.entries(languages).flatMap(([lang, dictionary]) =>
      Object.entries(dictionary as Record<string, string>)
        .filter(([key, text]) => !text.trim() || parametersOf(text).join() !== parametersOf(reference[key]).join())
        .map(([key, text]) => `${lang} ${key}: ${parametersOf(text).join()} ≠ ${parametersOf(reference[key]).join()}`),
    );
    expect(wrong).toEqual([]);
  });

  it('gives Arabic plurals the categories Arabic has (zero, one, two, few, many, other)', () => {
    // a branch the language never selects is a mistake; `other` is the only one required
    const categories = new Set([...new Intl.PluralRules('ar').resolvedOptions().pluralCategories, 'other']);
    const wrong = Object.entries({ ...ar, ...arStaff }).flatMap(([key, text]) =>
      pluralSelectorsOf(text)
        .filter((selector) => !selector.startsWith('=') && !categories.has(selector as Intl.LDMLPluralRule))
        .map((selector) => `${key}: ${selector}`),
    );
    expect(wrong).toEqual([]);
  });
});

/** Brace-balanced `{…}` groups at the top level of a message, with their inner text. */
function groups(text: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{' && depth++ === 0) start = i + 1;
    else if (text[i] === '}' && --depth === 0) found.push(text.slice(start, i));
  }
  return found;
}

/** The parameter names of an ICU message (`{name}`, `{count, plural, …}` and those inside its branches), sorted. */
function parametersOf(text: string): string[] {
  const names = new Set<string>();
  for (const inner of groups(text)) {
    const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    if (plural) {
      names.add(plural[1]);
      for (const branch of groups(plural[2])) for (const name of parametersOf(branch)) names.add(name);
    } else {
      names.add(inner.trim());
    }
  }
  return [...names].sort();
}

/** The selectors (`one`, `=0`…) of every plural in a message. */
function pluralSelectorsOf(text: string): string[] {
  return groups(text).flatMap((inner) => {
    const plural = /^\s*\w+\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    return plural ? [...plural[1].matchAll(/(=?[\w-]+)\s*\{/g)].map((m) => m[1]) : [];
  });
}
