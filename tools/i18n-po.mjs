#!/usr/bin/env node
// The translators' workflow (docs/i18n.md, "For translators"):
//   node tools/i18n-po.mjs export [dir]          writes <dir>/<part>.<lang>.po (default dir: i18n-po)
//   node tools/i18n-po.mjs import [dir|file.po…] writes the translations back into the TypeScript files
// Parts: web (public pages), web-staff (staff screens), server (API messages), problems (API error
// titles and generic words). Languages: every file present beside the English one.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { exportPo, importPo, ImportRefused } = require('./i18n/po.js');

const root = process.cwd();
const [command, ...args] = process.argv.slice(2);

if (command === 'export') {
  const dir = args[0] ?? 'i18n-po';
  const files = exportPo(root, dir);
  console.log(`Wrote ${files.length} PO files to ${dir}/`);
} else if (command === 'import') {
  const targets = args.length ? args : ['i18n-po'];
  const files = targets.flatMap((t) =>
    existsSync(t) && statSync(t).isDirectory()
      ? readdirSync(t)
          .filter((f) => f.endsWith('.po'))
          .sort()
          .map((f) => join(t, f))
      : [t],
  );
  try {
    const { written, skipped } = await importPo(root, files);
    console.log(
      `Read ${files.length} PO files; ${written.length ? `wrote ${written.join(', ')}` : 'nothing changed'}` +
        ` (skipped: ${skipped.fuzzy} fuzzy, ${skipped.empty} untranslated).`,
    );
  } catch (e) {
    if (!(e instanceof ImportRefused)) throw e;
    console.error(e.message);
    process.exit(1);
  }
} else {
  console.error('Usage: node tools/i18n-po.mjs export [dir] | import [dir|file.po…]');
  process.exit(2);
}
