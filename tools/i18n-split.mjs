#!/usr/bin/env node
// Splits each web dictionary (libs/web/shared/util-i18n/src/lib/dictionaries) into a public part
// (<lang>.ts, English eager) and a staff part (<lang>-staff.ts, lazy for every language) by key
// prefix. Idempotent: re-run it after a merge that added keys to the wrong file.
//   node tools/i18n-split.mjs
// The spec dictionaries.spec.ts checks that every key a public page uses is in the public part.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Keys starting with one of these go to the staff part; the longest matching prefix wins. */
export const STAFF_PREFIXES = [
  'editor.',
  'console.',
  'process.',
  'spaces.',
  'agendaBuilder.',
  'balance.',
  'invitations.',
  'outcome.',
  'synthesisBuilder.',
  'outbox.',
  'staff.',
  'audit.',
  'auditAction.',
  'auditEntity.',
  'workspace.',
  'approvals.',
  'delivery.',
  'emailKind.',
  'emailStatus.',
  'invitationStatus.',
  'registrations.',
  'door.',
  'reports.',
  'region.',
  'subRegion.',
  'webhooks.',
];
/** Exceptions inside staff prefixes that public pages use. */
export const PUBLIC_PREFIXES = ['registrations.declineDialog.'];

export function isStaffKey(key) {
  const longest = (list) => Math.max(-1, ...list.filter((p) => key.startsWith(p)).map((p) => p.length));
  const staff = longest(STAFF_PREFIXES);
  return staff >= 0 && staff > longest(PUBLIC_PREFIXES);
}

const DIR = 'libs/web/shared/util-i18n/src/lib/dictionaries';
const LANGS = ['en', 'fr', 'es', 'ar'];

/** Entries of `{ 'key': value, }` with their preceding comment lines, in file order. */
function parse(file) {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => /= \{$/.test(l));
  const end = lines.lastIndexOf('};');
  const entries = [];
  let pending = [];
  let current = null;
  for (const line of lines.slice(start + 1, end)) {
    const key = /^  '([^']+)':/.exec(line);
    if (key) {
      current = { key: key[1], comments: pending, lines: [line] };
      entries.push(current);
      pending = [];
    } else if (/^  \/\//.test(line) || line.trim() === '') {
      pending.push(line);
      current = null;
    } else if (current) {
      current.lines.push(line);
    } else {
      throw new Error(`${file}: cannot place line ${JSON.stringify(line)}`);
    }
  }
  return entries;
}

const body = (entries) => entries.flatMap((e) => [...e.comments, ...e.lines]).join('\n');

/** Why a dictionary may pass the 400-line rule for source files. */
const LONG =
  '// Over 400 lines on purpose: data, one key a line, one list per language and part (tools/i18n-split.mjs).';

function header(lang, staff) {
  return [LONG, ...headerLines(lang, staff)];
}

function headerLines(lang, staff) {
  if (lang === 'en' && !staff) {
    return [
      '/**',
      ' * English, public part: the reference for every key the shell and the public pages use. It ships',
      ' * in the initial bundle. Keys of staff-only screens live in en-staff.ts (lazy). Every key here',
      ' * must exist in fr.ts and es.ts (the compiler checks). Split by tools/i18n-split.mjs.',
      ' */',
      "import type { StaffKey } from './en-staff';",
      '',
      'export const en = {',
    ];
  }
  if (lang === 'en') {
    return [
      '/**',
      ' * English, staff part: keys used only by staff screens (console, workspace, admin, account),',
      ' * loaded on demand by I18n.loadStaff(). Every key here must exist in fr-staff.ts and es-staff.ts.',
      ' */',
      'export const enStaff = {',
    ];
  }
  return staff
    ? ["import type { StaffDictionary } from './en-staff';", '', `export const ${lang}Staff: StaffDictionary = {`]
    : ["import type { PublicDictionary } from './en';", '', `export const ${lang}: PublicDictionary = {`];
}

function footer(lang, staff) {
  if (lang !== 'en') return ['};', ''];
  return staff
    ? [
        '};',
        '',
        'export type StaffKey = keyof typeof enStaff;',
        'export type StaffDictionary = Record<StaffKey, string>;',
        '',
      ]
    : [
        '};',
        '',
        'export type PublicKey = keyof typeof en;',
        'export type PublicDictionary = Record<PublicKey, string>;',
        '/** Every key, public and staff (a type-only import: the staff part stays out of the bundle). */',
        'export type TranslationKey = PublicKey | StaffKey;',
        'export type Dictionary = Record<TranslationKey, string>;',
        '',
      ];
}

for (const lang of LANGS) {
  const entries = [...parse(join(DIR, `${lang}.ts`)), ...parse(join(DIR, `${lang}-staff.ts`))];
  const seen = new Set();
  for (const e of entries) {
    if (seen.has(e.key)) throw new Error(`${lang}: duplicate key ${e.key}`);
    seen.add(e.key);
  }
  // a comment heading a group goes with the group's first key; drop headings left without keys
  for (const staff of [false, true]) {
    const part = entries.filter((e) => isStaffKey(e.key) === staff);
    const text = [...header(lang, staff), body(part).replace(/\n+$/, ''), ...footer(lang, staff)].join('\n');
    writeFileSync(join(DIR, `${lang}${staff ? '-staff' : ''}.ts`), text);
  }
}
