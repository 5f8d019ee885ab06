#!/usr/bin/env node
// PDF fonts (issue 17): the size and CPU time of a one-badge PDF whose participant is written in
// Latin letters only, in Chinese, in a mix of Korean, rare Han, Chinese, Arabic, Russian and
// English, and in Chinese with two ideographs of Extension B (U+20000, U+2123D; HanaMinB, from
// Debian's fonts-hanazono), with the fonts each PDF embeds; then a short synthesis in Chinese,
// without and with the same two ideographs. A Latin-only badge must embed no CJK font.
//
//   node tools/bench/pdf-fonts/run.mjs [--runs 20] [--json out.json]
//
// Needs no database: the badges are drawn in memory by the API's own BadgeSheet.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(arg('runs', '20'));
const JSON_OUT = arg('json');

const run = spawnSync(
  process.execPath,
  [
    '-r',
    'ts-node/register',
    '-r',
    'tsconfig-paths/register',
    join(ROOT, 'tools/bench/pdf-fonts/render.ts'),
    String(RUNS),
  ],
  {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'libs/api/check-in/tsconfig.json'), TS_NODE_SWC: 'true' },
  },
);
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  process.exit(1);
}
const result = JSON.parse(run.stdout);
console.log(`one badge per PDF, ${RUNS} runs each (CPU time: user + system)`);
for (const [name, r] of Object.entries(result)) {
  console.log(
    `${name.padEnd(13)} ${String(r.bytes).padStart(7)} bytes   first ${String(r.firstCpuMs).padStart(6)} ms   median ${String(r.medianCpuMs).padStart(6)} ms   RSS after ${String(r.rssMb).padStart(6)} MB   fonts: ${r.fonts.join(', ')}`,
  );
}
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(result, null, 2));
const latinCjk = result.latin.fonts.filter((f) => /Noto|CJK|Hans|KR/i.test(f));
if (latinCjk.length) {
  console.error(`a Latin-only badge embeds a CJK font: ${latinCjk.join(', ')}`);
  process.exit(1);
}
