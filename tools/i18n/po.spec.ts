import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
const po = require('./po.js');

const repo = resolve(__dirname, '../..');

/** A copy of the files the tool reads and writes, so that the spec never touches the repository's. */
function copyOfRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'gfmd-po-'));
  for (const part of po.PARTS) cpSync(join(repo, part.dir), join(root, part.dir), { recursive: true });
  cpSync(join(repo, po.SOURCES_FILE), join(root, po.SOURCES_FILE));
  cpSync(join(repo, '.prettierrc'), join(root, '.prettierrc'));
  return root;
}

/** Every file of the copy, path → text. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of po.PARTS)
    for (const name of readdirSync(join(root, part.dir)))
      if (name.endsWith('.ts')) out.set(join(part.dir, name), readFileSync(join(root, part.dir, name), 'utf8'));
  out.set(po.SOURCES_FILE, readFileSync(join(root, po.SOURCES_FILE), 'utf8'));
  return out;
}

/** Replaces the msgstr of one key in a PO text. */
function setMsgstr(text: string, key: string, value: string): string {
  const re = new RegExp(
    `(msgctxt ${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\nmsgid .*\\n)msgstr .*`,
  );
  expect(text).toMatch(re);
  return text.replace(re, (_, head) => `${head}msgstr ${JSON.stringify(value)}`);
}

describe('i18n PO export and import', () => {
  let root: string;
  let out: string;
  beforeEach(() => {
    root = copyOfRepo();
    out = join(root, 'po');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('discovers the languages from the files present, and a new language file is exported', () => {
    const langs = po.translationLanguages(root);
    expect(langs).toEqual(expect.arrayContaining(['es', 'fr']));
    expect(langs).not.toContain('en');
    const dict = join(root, 'libs/web/shared/util-i18n/src/lib/dictionaries');
    writeFileSync(join(dict, 'xx.ts'), "export const xx = {\n  'app.name': 'Xx',\n};\n");
    const files: string[] = po.exportPo(root, out).map((f: string) => f.slice(out.length + 1));
    expect(files).toEqual(expect.arrayContaining(['web.xx.po', 'web-staff.xx.po', 'server.xx.po', 'problems.fr.po']));
    const web = readFileSync(join(out, 'web.xx.po'), 'utf8');
    expect(web).toContain('msgctxt "app.name"\nmsgid "GFMD Dialogues"\nmsgstr "Xx"');
    // a key without translation is exported empty
    expect(web).toMatch(/msgctxt "shell.language"\nmsgid "Language"\nmsgstr ""/);
  });

  it('imports an untouched export of a language that has files for some parts only, and refuses a translated part without its file', async () => {
    const dict = join(root, 'libs/web/shared/util-i18n/src/lib/dictionaries');
    writeFileSync(join(dict, 'xx.ts'), "export const xx = {\n  'app.name': 'Xx',\n};\n");
    po.exportPo(root, out);
    const before = snapshot(root);
    await po.importPo(
      root,
      readdirSync(out).map((f) => join(out, f)),
    );
    // the TypeScript files are as they were; the new language's English is recorded
    const after = snapshot(root);
    expect(JSON.parse(after.get(po.SOURCES_FILE) ?? '{}').web.xx).toEqual({ 'app.name': expect.any(String) });
    before.delete(po.SOURCES_FILE);
    after.delete(po.SOURCES_FILE);
    expect(after).toEqual(before);
    const server = join(out, 'server.xx.po');
    writeFileSync(server, setMsgstr(readFileSync(server, 'utf8'), 'platform.forbidden', 'Xx xx.'));
    await expect(po.importPo(root, [server])).rejects.toThrow(/catalogue\.xx\.ts does not exist/);
  });

  it('export then import unchanged writes nothing', async () => {
    const before = snapshot(root);
    po.exportPo(root, out);
    const files = readdirSync(out).map((f) => join(out, f));
    await po.importPo(root, files);
    const after = snapshot(root);
    // The TypeScript files stay byte for byte; the hashes file may only gain entries (a key added
    // without an import yet gets its hash recorded), never change or lose one.
    for (const [path, text] of before)
      if (path === po.SOURCES_FILE) expect(JSON.parse(after.get(path) ?? '{}')).toMatchObject(JSON.parse(text));
      else expect([path, after.get(path)]).toEqual([path, text]);
  });

  it('a changed translation lands in the TypeScript file, which stays formatted; a missing key is added in place', async () => {
    po.exportPo(root, out);
    const file = join(out, 'web.fr.po');
    writeFileSync(file, setMsgstr(readFileSync(file, 'utf8'), 'shell.language', 'Langue d’affichage « test »'));
    const server = join(out, 'server.es.po');
    writeFileSync(
      server,
      setMsgstr(readFileSync(server, 'utf8'), 'platform.invalidLang', "Idioma '{lang}' no válido."),
    );
    // drop a French problem title: the import puts it back where English has it
    const problems = join(root, 'libs/api/platform/src/lib/problem/messages/problem-catalogue.fr.ts');
    writeFileSync(problems, readFileSync(problems, 'utf8').replace("    404: 'Introuvable',\n", ''));
    await po.importPo(
      root,
      readdirSync(out).map((f) => join(out, f)),
    );

    const fr = readFileSync(join(root, 'libs/web/shared/util-i18n/src/lib/dictionaries/fr.ts'), 'utf8');
    expect(fr).toContain("  'shell.language': 'Langue d’affichage « test »',\n");
    const es = readFileSync(join(root, 'libs/api/platform/src/lib/i18n/catalogue.es.ts'), 'utf8');
    expect(es).toContain(`  'platform.invalidLang': "Idioma '{lang}' no válido.",\n`);
    expect(readFileSync(problems, 'utf8')).toContain("    403: 'Interdit',\n    404: 'Introuvable',\n    405:");
    const parsed = po.parseMessages(join(root, 'libs/api/platform/src/lib/i18n/catalogue.es.ts')).messages;
    expect(parsed.find((m: { key: string }) => m.key === 'platform.invalidLang').value).toBe(
      "Idioma '{lang}' no válido.",
    );

    // the other files are as they were, and the prettier check holds for the changed ones
    expect(po.format(join(root, 'fr.ts'), fr)).toBe(fr);
    expect(po.format(join(root, 'es.ts'), es)).toBe(es);
    expect(po.format(join(root, 'x.ts'), 'const a = {\n    b: 1 };\n')).toBe('const a = {\n  b: 1,\n};\n');
  });

  it('refuses an import whose placeholders differ from the English, and writes nothing', async () => {
    po.exportPo(root, out);
    const before = snapshot(root);
    const web = join(out, 'web.fr.po');
    let text = readFileSync(web, 'utf8');
    text = setMsgstr(text, 'shell.signedInAs', 'Connecté·e en tant que {nom}');
    text = setMsgstr(text, 'common.days', '{count, plural, one {# jour} other {# jours}');
    text = setMsgstr(text, 'app.name', 'Dialogues du FMMD (changed)');
    writeFileSync(web, text);
    const server = join(out, 'server.es.po');
    writeFileSync(server, setMsgstr(readFileSync(server, 'utf8'), 'platform.invalidLang', 'Idioma no válido.'));

    const attempt = po.importPo(
      root,
      readdirSync(out).map((f) => join(out, f)),
    );
    await expect(attempt).rejects.toThrow(po.ImportRefused);
    await expect(attempt).rejects.toThrow(
      /shell\.signedInAs: the placeholders differ from the English \(missing \{name\}; unexpected \{nom\}\)/,
    );
    await expect(attempt).rejects.toThrow(/common\.days: .*not closed properly/);
    await expect(attempt).rejects.toThrow(/platform\.invalidLang: .*missing \{lang\}/);
    expect(snapshot(root)).toEqual(before);
  });

  it('marks a translation fuzzy when its English changed since it was imported', async () => {
    const en = join(root, 'libs/api/platform/src/lib/i18n/catalogue.en.ts');
    writeFileSync(
      en,
      readFileSync(en, 'utf8').replace("'Some values are invalid.'", "'Some of the values are invalid.'"),
    );
    po.exportPo(root, out);
    const fr = readFileSync(join(out, 'server.fr.po'), 'utf8');
    expect(fr).toContain(
      '#, fuzzy\nmsgctxt "platform.someInvalid"\nmsgid "Some of the values are invalid."\nmsgstr "Certaines valeurs ne sont pas valides."',
    );
    expect(fr).not.toMatch(/#, fuzzy\nmsgctxt "platform.invalidFields"/);
    // a fuzzy message is not imported; once the translator clears the flag, it is, and the mark goes
    writeFileSync(
      join(out, 'server.fr.po'),
      fr.replace('#, fuzzy\nmsgctxt "platform.someInvalid"', 'msgctxt "platform.someInvalid"'),
    );
    await po.importPo(root, [join(out, 'server.fr.po')]);
    po.exportPo(root, out);
    expect(readFileSync(join(out, 'server.fr.po'), 'utf8')).not.toContain('#, fuzzy');
  });

  it('checks ICU placeholders: plural categories may differ, select branches and names may not', () => {
    const en = '{count, plural, one {# day} other {# days}} before {name}';
    expect(
      po.placeholderProblem(en, '{count, plural, one {# день} few {# дня} many {# дней} other {# дня}} до {name}'),
    ).toBeUndefined();
    expect(po.placeholderProblem(en, '{count, plural, one {# jour}} avant {name}')).toMatch(/no "other" branch/);
    expect(po.placeholderProblem(en, '{count} jours avant {name}')).toMatch(/missing \{count, plural\}/);
    expect(po.placeholderProblem('{g, select, a {A} other {B}}', '{g, select, a {A} b {B} other {C}}')).toMatch(
      /unexpected/,
    );
    expect(po.readPo('msgctxt "k"\nmsgid ""\n"a\\n"\n"b"\nmsgstr "x \\"y\\""\n').entries[0]).toMatchObject({
      msgctxt: 'k',
      msgid: 'a\nb',
      msgstr: 'x "y"',
    });
  });
});
