#!/usr/bin/env node
// `npm test`: every Jest project (unit + integration against the real PostgreSQL, Redis and an
// in-process SMTP server) in one run, then the browser tests when they are present.
// DATABASE_URL / REDIS_URL are used when set; otherwise the machine's services on loopback.
//
// The production builds the browser tests run on (api, worker, web) are made while Jest runs:
// the integration suites spend much of their time waiting on PostgreSQL, Redis and the SMTP sink,
// and the build needs none of them. It runs at a lower CPU priority (nice 10) so that Jest, the
// longer of the two, is not slowed by it; its output goes to dist/test-build.log, printed only
// when it fails. The browser tests then start as soon as Jest is done (E2E_NO_BUILD=true).
// The exit code is Jest's when it fails, else the build's when it fails, else the browser tests'.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { relative } from 'node:path';

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NODE_ENV: 'test' };
const extra = process.argv.slice(2);
const e2e = !extra.length && existsSync('apps/web-e2e/run.mjs') && process.env.SKIP_E2E !== 'true';
const BUILD_LOG = 'dist/test-build.log';

const build = e2e && process.env.E2E_NO_BUILD !== 'true' ? startBuild() : undefined;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    build?.stop();
    process.exit(130);
  });
}

const JEST_REPORT = 'dist/jest-report.json';
mkdirSync('dist', { recursive: true });
rmSync(JEST_REPORT, { force: true }); // never an earlier run's report when Jest stops before writing
const jest = await run('npx', [
  'jest',
  '--ci',
  '--maxWorkers=2',
  '--forceExit',
  '--json',
  `--outputFile=${JEST_REPORT}`,
  ...extra,
]);
printSlowestSuites(JEST_REPORT);
if (jest !== 0) {
  build?.stop();
  process.exit(jest);
}
if (!e2e) process.exit(0);

if (build) {
  const code = await build.done;
  if (code !== 0) {
    const lines = readFileSync(BUILD_LOG, 'utf8').trimEnd().split('\n');
    console.error(
      `\n── the build failed (exit ${code}); the last lines of ${BUILD_LOG} ──\n${lines.slice(-80).join('\n')}`,
    );
    process.exit(code);
  }
  console.log(`\nThe builds made while Jest ran are ready (${build.seconds()} s; ${BUILD_LOG}).`);
}
process.exit(await run('node', ['apps/web-e2e/run.mjs'], { E2E_NO_BUILD: 'true' }));

/** The Jest suites that took longest: where the suite's time goes (from Jest's JSON report). */
function printSlowestSuites(file) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return;
  }
  const rows = (report.testResults ?? [])
    .map((r) => [r.endTime - r.startTime, relative(process.cwd(), r.name)])
    .sort((a, b) => b[0] - a[0])
    .slice(0, 12);
  if (!rows.length) return;
  console.log('\nThe slowest Jest suites:');
  for (const [ms, name] of rows) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`);
}

/** Runs a command with the terminal as its output; resolves its exit code. */
function run(command, args, more = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...env, ...more } });
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * `nx run-many -t build -p api worker web` in the background, in a process group of its own (so
 * that stop() ends nx and the builders it started), its output to BUILD_LOG.
 */
function startBuild() {
  mkdirSync('dist', { recursive: true });
  const log = openSync(BUILD_LOG, 'w');
  const nx = ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--parallel=2'];
  const nice = process.platform === 'linux' && spawnSync('nice', ['true']).status === 0;
  const [command, args] = nice ? ['nice', ['-n', '10', 'npx', ...nx]] : ['npx', nx];
  const started = Date.now();
  const child = spawn(command, args, { stdio: ['ignore', log, log], env, detached: true });
  closeSync(log);
  console.log(`Building api, worker and web for the browser tests while Jest runs (output: ${BUILD_LOG}).`);
  let ended;
  const done = new Promise((resolve) => {
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => {
      ended = Date.now();
      resolve(code ?? (signal ? 1 : 0));
    });
  });
  return {
    done,
    /** How long the build took (so far, while it runs). */
    seconds: () => Math.round(((ended ?? Date.now()) - started) / 1000),
    stop() {
      if (ended) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}
