#!/usr/bin/env node
// A longer fuzzing run of the HTTP API: the same property as apps/api/src/app/fuzz.int-spec.ts
// (no 5xx; refusals are problem+json and change nothing), more requests, any seed. It runs that
// spec through Jest with FUZZ_RUNS and FUZZ_SEED, then prints the requests tried and the 5xx
// seen. A violation does not stop the run: every one is counted and the first 50 are listed.
//
//   node tools/fuzz/run.mjs [runs=5000] [seed=<now>]
//   GFMD_TEST_NS=x node tools/fuzz/run.mjs 20000 42
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? process.env.FUZZ_RUNS ?? 5000);
const seed = Number(process.argv[3] ?? process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const report = join(tmpdir(), `gfmd-fuzz-${process.pid}.json`);
const started = Date.now();

const jest = spawnSync(
  process.execPath,
  ['node_modules/jest/bin/jest.js', '--ci', '--forceExit', '--silent', 'apps/api/src/app/fuzz.int-spec.ts'],
  {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed), FUZZ_REPORT: report },
    encoding: 'utf8',
  },
);

if (!existsSync(report)) {
  process.stderr.write(jest.stderr ?? '');
  console.error('fuzz: the run ended without a report (see above)');
  process.exit(2);
}
const figures = JSON.parse(readFileSync(report, 'utf8'));
rmSync(report, { force: true });
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(`seed ${figures.seed}: ${figures.requests} requests over ${figures.operations} operations in ${seconds} s`);
console.log(
  `statuses: ${Object.entries(figures.statuses)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}`,
);
console.log(`5xx seen: ${figures.fiveHundreds}; other violations: ${figures.violations.length - figures.fiveHundreds}`);
for (const v of figures.violations) console.log(`  ${v.status} ${v.why}\n    ${v.request}`);
process.exit(figures.violations.length ? 1 : 0);
