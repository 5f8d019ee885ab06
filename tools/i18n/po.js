// Translators' workflow: the web dictionaries and the server catalogues to gettext PO files and
// back (docs/i18n.md, "For translators"). CommonJS so that the CLI (tools/i18n-po.mjs) and a Jest
// spec (tools/i18n/po.spec.ts) share it. Languages are discovered from the files present.
'use strict';
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');
const ts = require('typescript');

/**
 * The parts: where each language's file of a part lives. `{lang}` is the language code.
 * `pattern` finds the languages present (the reference is English).
 */
const PARTS = [
  {
    name: 'web',
    dir: 'libs/web/shared/util-i18n/src/lib/dictionaries',
    pattern: /^([a-z]{2,3})\.ts$/,
    file: (lang) => `${lang}.ts`,
  },
  {
    name: 'web-staff',
    dir: 'libs/web/shared/util-i18n/src/lib/dictionaries',
    pattern: /^([a-z]{2,3})-staff\.ts$/,
    file: (lang) => `${lang}-staff.ts`,
  },
  {
    name: 'server',
    dir: 'libs/api/platform/src/lib/i18n',
    pattern: /^catalogue\.([a-z]{2,3})\.ts$/,
    file: (lang) => `catalogue.${lang}.ts`,
  },
  {
    name: 'problems',
    dir: 'libs/api/platform/src/lib/problem/messages',
    pattern: /^problem-catalogue\.([a-z]{2,3})\.ts$/,
    file: (lang) => `problem-catalogue.${lang}.ts`,
  },
];

/** The English each translation was made from (a short hash per part, language and key). */
const SOURCES_FILE = 'tools/i18n/english-sources.json';

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** The languages of a part with a file present, English first. */
function languagesOf(root, part) {
  const dir = join(root, part.dir);
  if (!existsSync(dir)) return [];
  const langs = readdirSync(dir)
    .map((name) => part.pattern.exec(name)?.[1])
    .filter(Boolean)
    .sort();
  return ['en', ...langs.filter((l) => l !== 'en')].filter((l) => langs.includes(l));
}

/** Every language present in any part, English aside, sorted. */
function translationLanguages(root) {
  const all = new Set();
  for (const part of PARTS) for (const lang of languagesOf(root, part)) if (lang !== 'en') all.add(lang);
  return [...all].sort();
}

const propName = (name) =>
  ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;

/**
 * The messages of one file, in file order: `{ key, value, start, end, comment, parent }`
 * (start/end: the string literal's range; nested objects give `outer.inner` keys).
 */
function parseMessages(path) {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  let object;
  const find = (node) => {
    if (object) return;
    if (ts.isVariableDeclaration(node) && node.initializer) {
      let init = node.initializer;
      while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))
        init = init.expression;
      if (ts.isObjectLiteralExpression(init)) object = init;
    }
    ts.forEachChild(node, find);
  };
  find(source);
  if (!object) throw new Error(`${path}: no object literal of messages`);
  const messages = [];
  const walk = (obj, prefix) => {
    for (const prop of obj.properties) {
      if (!ts.isPropertyAssignment(prop)) throw new Error(`${path}: unexpected ${ts.SyntaxKind[prop.kind]}`);
      const name = propName(prop.name);
      if (name === undefined) throw new Error(`${path}: a computed key`);
      const init = prop.initializer;
      if (ts.isObjectLiteralExpression(init)) walk(init, `${prefix}${name}.`);
      else if (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) {
        const comments = (ts.getLeadingCommentRanges(text, prop.getFullStart()) ?? [])
          .map((r) =>
            text
              .slice(r.pos, r.end)
              .replace(/^\/\/\s?|^\/\*+\s?|\s?\*+\/$/g, '')
              .trim(),
          )
          .filter(Boolean);
        messages.push({
          key: prefix + name,
          name,
          prefix,
          value: init.text,
          start: init.getStart(source),
          end: init.getEnd(),
          propStart: prop.getStart(source),
          propEnd: prop.getEnd(),
          comment: comments.join(' '),
          parent: obj,
        });
      } else throw new Error(`${path}: the value of ${prefix}${name} is not a string literal`);
    }
  };
  walk(object, '');
  return { text, messages, object };
}

// --- placeholders -------------------------------------------------------------------------------

/**
 * The placeholders of a message: `{name}` and ICU `{name, plural|select|selectordinal|number, …}`,
 * nested ones included, as sorted `name:kind` strings; select branches are part of the signature
 * (plural categories are not: each language has its own). Throws on unbalanced braces. No ICU
 * apostrophe quoting: the app's formatter (message-format.util.ts) has none.
 */
function placeholders(message) {
  const found = new Set();
  let i = 0;
  const parse = (depth) => {
    while (i < message.length) {
      const c = message[i];
      if (c === '{') {
        i++;
        arg();
      } else if (c === '}') {
        if (depth === 0) throw new Error('a "}" closes nothing');
        return;
      } else i++;
    }
    if (depth > 0) throw new Error('a "{" is never closed');
  };
  const arg = () => {
    const end = message.slice(i).search(/[,}]/);
    if (end < 0) throw new Error('a "{" is never closed');
    const name = message.slice(i, i + end).trim();
    i += end;
    if (!/^[A-Za-z_][\w]*$/.test(name)) throw new Error(`"{${name}" is not a placeholder name`);
    if (message[i] === '}') {
      found.add(`${name}:text`);
      i++;
      return;
    }
    i++; // ,
    const kindEnd = message.slice(i).search(/[,}]/);
    if (kindEnd < 0) throw new Error('a "{" is never closed');
    const kind = message.slice(i, i + kindEnd).trim();
    i += kindEnd;
    if (message[i] === '}') {
      found.add(`${name}:${kind}`);
      i++;
      return;
    }
    i++; // ,
    const branches = [];
    for (;;) {
      const m = /^\s*([^\s{}]+)\s*\{/.exec(message.slice(i));
      if (!m) break;
      branches.push(m[1]);
      i += m[0].length;
      parse(1);
      if (message[i] !== '}') throw new Error(`the "${m[1]}" branch of {${name}} is never closed`);
      i++;
    }
    const rest = /^\s*\}/.exec(message.slice(i));
    if (!rest) throw new Error(`{${name}, ${kind}, …} is not closed properly`);
    i += rest[0].length;
    if (kind === 'select') found.add(`${name}:select(${[...branches].sort().join('|')})`);
    else {
      if (!branches.includes('other')) throw new Error(`{${name}, ${kind}, …} has no "other" branch`);
      found.add(`${name}:${kind}`);
    }
  };
  parse(0);
  return [...found].sort();
}

/** Why a translation's placeholders differ from the English, or undefined when they match. */
function placeholderProblem(english, translation) {
  let want;
  try {
    want = placeholders(english);
  } catch {
    return undefined; // English that is not ICU-shaped: nothing to compare
  }
  let got;
  try {
    got = placeholders(translation);
  } catch (e) {
    return e.message;
  }
  // A plain {n} in English may become a plural in a language that needs one (Arabic's six forms).
  got = got.map((p) => {
    const [name, kind] = p.split(':');
    return kind === 'plural' && want.includes(`${name}:text`) && !want.includes(p) ? `${name}:text` : p;
  });
  got = [...new Set(got)].sort();
  if (want.join() === got.join()) return undefined;
  const missing = want.filter((p) => !got.includes(p));
  const extra = got.filter((p) => !want.includes(p));
  const show = (list) => list.map((p) => `{${p.replace(/:text$/, '').replace(':', ', ')}}`).join(' ');
  return [missing.length && `missing ${show(missing)}`, extra.length && `unexpected ${show(extra)}`]
    .filter(Boolean)
    .join('; ');
}

// --- PO -----------------------------------------------------------------------------------------

const poQuote = (s) => {
  const escaped = s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  const lines = escaped.split('\n');
  if (lines.length === 1) return `"${escaped}"`;
  return ['""', ...lines.map((l, n) => `"${l}${n < lines.length - 1 ? '\\n' : ''}"`).filter((l) => l !== '""')].join(
    '\n',
  );
};

const poUnquote = (s) =>
  s.slice(1, -1).replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' })[c] ?? c);

function writePo({ lang, part, entries }) {
  const head = [
    `# GFMD Dialogues, ${part.name} messages, ${lang}. Made by: node tools/i18n-po.mjs export`,
    '# msgctxt is the key, msgid the English, msgstr the translation. Keep every {placeholder}.',
    'msgid ""',
    'msgstr ""',
    '"Content-Type: text/plain; charset=UTF-8\\n"',
    `"Language: ${lang}\\n"`,
    `"X-GFMD-Part: ${part.name}\\n"`,
    '',
  ];
  const body = entries.flatMap((e) => [
    ...(e.comment ? [`#. ${e.comment.replace(/\n/g, ' ')}`] : []),
    `#: ${part.dir}/${part.file('en')}`,
    ...(e.fuzzy ? ['#, fuzzy'] : []),
    `msgctxt ${poQuote(e.key)}`,
    `msgid ${poQuote(e.english)}`,
    `msgstr ${poQuote(e.translation)}`,
    '',
  ]);
  return [...head, ...body].join('\n');
}

function readPo(text) {
  const entries = [];
  let cur = { flags: [] };
  let field;
  const flush = () => {
    if (cur.msgid !== undefined) entries.push(cur);
    cur = { flags: [] };
    field = undefined;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    if (line.startsWith('#,')) {
      if (cur.msgid !== undefined) flush();
      cur.flags.push(
        ...line
          .slice(2)
          .split(',')
          .map((f) => f.trim()),
      );
    } else if (line.startsWith('#')) {
      if (cur.msgid !== undefined) flush();
    } else {
      const m = /^(msgctxt|msgid|msgstr)\s+(".*")$/.exec(line);
      if (m) {
        if (m[1] === 'msgctxt' && cur.msgid !== undefined) flush();
        field = m[1];
        cur[field] = poUnquote(m[2]);
      } else if (/^".*"$/.test(line) && field) cur[field] += poUnquote(line);
      else throw new Error(`cannot read the line ${JSON.stringify(raw)}`);
    }
  }
  flush();
  const header = entries.find((e) => e.msgid === '' && e.msgctxt === undefined);
  const meta = {};
  for (const l of (header?.msgstr ?? '').split('\n')) {
    const m = /^([\w-]+):\s*(.*)$/.exec(l);
    if (m) meta[m[1]] = m[2].trim();
  }
  return { meta, entries: entries.filter((e) => e !== header) };
}

// --- export / import ----------------------------------------------------------------------------

const readSources = (root) =>
  existsSync(join(root, SOURCES_FILE)) ? JSON.parse(readFileSync(join(root, SOURCES_FILE), 'utf8')) : {};

/**
 * Writes `<outDir>/<part>.<lang>.po` for every part and every language present (in any part).
 * A message is fuzzy when the English changed since its translation was imported, empty when the
 * language has no translation. Returns the files written.
 */
function exportPo(root, outDir) {
  const sources = readSources(root);
  const written = [];
  mkdirSync(outDir, { recursive: true });
  const langs = translationLanguages(root);
  for (const part of PARTS) {
    const english = parseMessages(join(root, part.dir, part.file('en'))).messages;
    for (const lang of langs) {
      const path = join(root, part.dir, part.file(lang));
      const target = existsSync(path) ? parseMessages(path).messages : [];
      const byKey = new Map(target.map((m) => [m.key, m.value]));
      const known = sources[part.name]?.[lang] ?? {};
      const entries = english.map((m) => {
        const translation = byKey.get(m.key) ?? '';
        const fuzzy = !!translation && known[m.key] !== undefined && known[m.key] !== hash(m.value);
        return { key: m.key, english: m.value, translation, fuzzy, comment: m.comment };
      });
      const file = join(outDir, `${part.name}.${lang}.po`);
      writeFileSync(file, writePo({ lang, part, entries }));
      written.push(file);
    }
  }
  return written;
}

const quoteTs = (s) => {
  const single = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(new RegExp(single, 'g'), `\\${single}`);
  return `${single}${body}${single}`;
};

/** The text of a file with its translations replaced or added (then formatted by prettier). */
function applyTranslations(path, englishMessages, changes) {
  const { text, messages } = parseMessages(path);
  const byKey = new Map(messages.map((m) => [m.key, m]));
  const edits = [];
  for (const [key, value] of changes) {
    const here = byKey.get(key);
    if (here) {
      if (here.value !== value) edits.push({ start: here.start, end: here.end, text: quoteTs(value) });
      continue;
    }
    // a new key: after the nearest earlier English key of the same object present here,
    // else before the first key of that object
    const order = englishMessages.findIndex((m) => m.key === key);
    const { name, prefix } = englishMessages[order];
    let anchor;
    for (let n = order - 1; n >= 0 && !anchor; n--) {
      const found = byKey.get(englishMessages[n].key);
      if (found && found.prefix === prefix) anchor = found;
    }
    const keyText = /^[A-Za-z_$][\w$]*$/.test(name) || /^\d+$/.test(name) ? name : quoteTs(name);
    const first = messages.find((m) => m.prefix === prefix);
    if (anchor) {
      const after = text[anchor.propEnd] === ',' ? anchor.propEnd + 1 : anchor.propEnd;
      edits.push({ start: after, end: after, text: `\n  ${keyText}: ${quoteTs(value)},` });
    } else if (first) {
      const lineStart = text.lastIndexOf('\n', first.propStart) + 1;
      edits.push({ start: lineStart, end: lineStart, text: `  ${keyText}: ${quoteTs(value)},\n` });
    } else throw new Error(`${path}: no message to place ${key} beside`);
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, changed: edits.length > 0 };
}

class ImportRefused extends Error {}

/** Prettier (the repository's settings) in a child process: its API needs ES modules, Jest does not load them. */
function format(filepath, text) {
  const bin = join(dirname(require.resolve('prettier/package.json')), 'bin/prettier.cjs');
  // run beside the file: prettier leaves a file outside its working directory as it is
  return execFileSync(process.execPath, [bin, '--stdin-filepath', basename(filepath)], {
    cwd: dirname(filepath),
    input: text,
    encoding: 'utf8',
  });
}

/**
 * Reads every `.po` file of `poDir` (or the files given) and writes the translations into the
 * TypeScript files. All or nothing: a placeholder that differs from the English in any message,
 * an unknown part or a missing file refuses the whole import and writes nothing. Fuzzy and empty
 * messages are skipped. Returns `{ written: [paths], skipped: { fuzzy, empty } }`.
 */
async function importPo(root, poFiles) {
  const sources = readSources(root);
  const problems = [];
  const plans = [];
  let fuzzy = 0;
  let empty = 0;
  for (const poFile of poFiles) {
    let po;
    try {
      po = readPo(readFileSync(poFile, 'utf8'));
    } catch (e) {
      problems.push(`${poFile}: ${e.message}`);
      continue;
    }
    const named = /([\w-]+)\.([a-z]{2,3})\.po$/.exec(poFile);
    const partName = po.meta['X-GFMD-Part'] ?? named?.[1];
    const lang = po.meta.Language ?? named?.[2];
    const part = PARTS.find((p) => p.name === partName);
    if (!part) {
      problems.push(`${poFile}: unknown part "${partName}" (one of ${PARTS.map((p) => p.name).join(', ')})`);
      continue;
    }
    if (!lang || lang === 'en' || !/^[a-z]{2,3}$/.test(lang)) {
      problems.push(`${poFile}: the language "${lang}" cannot be imported`);
      continue;
    }
    const target = join(root, part.dir, part.file(lang));
    if (!existsSync(target)) {
      // an untouched export of a part the language has no file for yet is nothing to import
      if (po.entries.some((e) => e.msgstr && !e.flags.includes('fuzzy')))
        problems.push(`${poFile}: ${part.dir}/${part.file(lang)} does not exist; a developer creates it first`);
      continue;
    }
    const english = parseMessages(join(root, part.dir, part.file('en'))).messages;
    const englishByKey = new Map(english.map((m) => [m.key, m.value]));
    const changes = new Map();
    const hashes = {};
    for (const e of po.entries) {
      const where = `${poFile}: ${e.msgctxt}`;
      if (e.msgctxt === undefined || !englishByKey.has(e.msgctxt)) {
        problems.push(`${where}: no such key in the English`);
        continue;
      }
      const en = englishByKey.get(e.msgctxt);
      if (e.flags.includes('fuzzy')) {
        fuzzy++;
        continue;
      }
      if (!e.msgstr) {
        empty++;
        continue;
      }
      const problem = placeholderProblem(en, e.msgstr);
      if (problem) {
        problems.push(`${where}: the placeholders differ from the English (${problem})`);
        continue;
      }
      changes.set(e.msgctxt, e.msgstr);
      hashes[e.msgctxt] = hash(en);
    }
    plans.push({ part, lang, target, english, changes, hashes });
  }
  if (problems.length) throw new ImportRefused(`Import refused, nothing written:\n  ${problems.join('\n  ')}`);
  const written = [];
  for (const plan of plans) {
    const { text, changed } = applyTranslations(plan.target, plan.english, plan.changes);
    if (changed) {
      const formatted = format(plan.target, text);
      writeFileSync(plan.target, formatted);
      written.push(plan.target);
    }
    sources[plan.part.name] ??= {};
    sources[plan.part.name][plan.lang] = { ...sources[plan.part.name][plan.lang], ...plan.hashes };
  }
  const sorted = Object.fromEntries(
    Object.keys(sources)
      .sort()
      .map((p) => [
        p,
        Object.fromEntries(
          Object.keys(sources[p])
            .sort()
            .map((l) => [l, Object.fromEntries(Object.entries(sources[p][l]).sort(([a], [b]) => (a < b ? -1 : 1)))]),
        ),
      ]),
  );
  const sourcesText = JSON.stringify(sorted, null, 2) + '\n';
  const sourcesPath = join(root, SOURCES_FILE);
  if (!existsSync(sourcesPath) || readFileSync(sourcesPath, 'utf8') !== sourcesText) {
    mkdirSync(dirname(sourcesPath), { recursive: true });
    writeFileSync(sourcesPath, sourcesText);
    written.push(sourcesPath);
  }
  return { written, skipped: { fuzzy, empty } };
}

module.exports = {
  format,
  PARTS,
  SOURCES_FILE,
  ImportRefused,
  languagesOf,
  translationLanguages,
  parseMessages,
  placeholders,
  placeholderProblem,
  readPo,
  writePo,
  exportPo,
  importPo,
};
