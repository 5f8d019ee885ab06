import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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
  /^libs\/web\/invitations\//,
  /^libs\/web\/outbox\//,
  /^libs\/web\/auth\/feature\/src\/lib\/change-password\.page\.ts$/,
  /^libs\/web\/outcomes\/feature\/src\/lib\/(outcome-(editor|diff|contributions)|my-outcomes|rapporteur-outcome)\./,
  /^libs\/web\/outcomes\/data-access\/src\/lib\/outcome\.store\.ts$/,
  /^libs\/web\/registrations\/feature\/src\/lib\/registrations-table\./,
  /^libs\/web\/registrations\/feature\/src\/lib\/(staff-register|import-registrations)-dialog\./,
  /^libs\/web\/registrations\/data-access\/src\/lib\/registrations-table\.store\.ts$/,
  /^libs\/web\/registrations\/ui\/src\/lib\/stakeholder-balance\./,
  /^libs\/web\/shared\/ui\/src\/lib\/(delivery-progress|content-language-tabs)\./,
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
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(frStaff).sort()).toEqual(Object.keys(enStaff).sort());
    expect(Object.keys(esStaff).sort()).toEqual(Object.keys(enStaff).sort());
  });
});
