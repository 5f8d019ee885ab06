#!/usr/bin/env node
// Synthesis documents: a synthesis of 300 recommendations (--count) rendered as PDF and as DOCX by
// the API's own renderers, each timed with its heap and RSS growth, against a baseline measured in
// the same run: a plain text dump of the same content, streamed the same way. Target: each ≤ 2 s.
//
//   node tools/bench/synthesis/run.mjs [--count 300] [--json out.json]
//
// Needs no database: the content is made up in memory (the renderers read nothing else).
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
const COUNT = Number(arg('count', '300'));
const JSON_OUT = arg('json');
const TARGET_MS = 2000;

const run = spawnSync(
  process.execPath,
  [
    '--expose-gc',
    '-r',
    'ts-node/register',
    '-r',
    'tsconfig-paths/register',
    join(ROOT, 'tools/bench/synthesis/render.ts'),
    String(COUNT),
  ],
  {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'libs/api/syntheses/tsconfig.json'), TS_NODE_SWC: 'true' },
  },
);
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  process.exit(1);
}
const result = JSON.parse(run.stdout);
const { baseline, pdf, docx } = result;
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(1) : 'n/a');
console.log(`synthesis of ${result.count} recommendations`);
console.log(
  `load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores`,
);
console.log('kind         wall      cpu     bytes   heap+    rss+    cpu vs baseline');
for (const r of [baseline, pdf, docx]) {
  console.log(
    `${r.name.padEnd(11)} ${String(r.ms).padStart(5)} ms ${String(r.cpuMs).padStart(5)} ms ${String(r.bytes).padStart(9)} ${String(r.heapGrowthMb).padStart(5)} MB ${String(r.rssGrowthMb).padStart(5)} MB  ×${ratio(r.cpuMs, Math.max(1, baseline.cpuMs))}`,
  );
}
// The target holds for the wall time on an idle machine; on a loaded one the CPU time says what the work costs.
const ok = pdf.ms <= TARGET_MS && docx.ms <= TARGET_MS;
console.log(`target ≤ ${TARGET_MS} ms each: ${ok ? 'met' : 'MISSED'}`);
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ ...result, targetMs: TARGET_MS, ok }, null, 2));
process.exit(ok ? 0 : 1);
