#!/usr/bin/env node
/**
 * Browser tests: builds the apps, then runs the @playwright/test specs in src/ on Debian's
 * Chromium. playwright.config.ts starts the servers (serve.mjs: the API and worker production
 * builds on a fresh database, with an in-process SMTP catcher) as its webServer.
 *
 *   node apps/web-e2e/run.mjs                      (alone; `npm test` builds while Jest runs, then runs it with E2E_NO_BUILD)
 *   E2E_NO_BUILD=true node apps/web-e2e/run.mjs    (on the builds already in dist/)
 *   node apps/web-e2e/run.mjs -g "lets staff sign in" --project desktop   (arguments go to Playwright)
 *
 * The exit code is Playwright's. Report: dist/e2e-report; traces of failed tests: dist/e2e-results.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Browser tests need Chromium at ${chromium} (apt-get install chromium). Set SKIP_E2E=true to skip.`);
  process.exit(1);
}

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', CHROME_PATH: chromium };
if (process.env.E2E_NO_BUILD !== 'true') {
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--parallel=2'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// An earlier run's report must not be read as this one's when Playwright stops before writing it.
const reportFile = join(root, 'dist/e2e-report.json');
rmSync(reportFile, { force: true });
const playwright = spawnSync(
  'npx',
  ['playwright', 'test', '-c', 'apps/web-e2e/playwright.config.ts', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env },
);
const code = playwright.status ?? 1;
const report = readReport(reportFile);
if (report) printSlowest(report);
if (code !== 0) {
  for (const name of ['api', 'worker']) {
    const file = join(root, 'dist/e2e-servers', `${name}.log`);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8').trimEnd();
    if (!text) continue;
    const lines = text.split('\n').slice(-25);
    console.error(`\n── the last lines of ${file} ──\n${lines.join('\n')}`);
  }
  if (report) printFailures(report);
  console.error('\nReport: npx playwright show-report dist/e2e-report');
}
process.exit(code);

/** Playwright's JSON report, or undefined when the run did not write one. */
function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Every test of the report: its file, title, project and last result. */
function* tests(suite, titles = []) {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      const result = t.results?.at(-1);
      if (result)
        yield {
          file: spec.file ?? suite.file,
          title: [...titles, spec.title].join(' › '),
          project: t.projectName,
          result,
        };
    }
  }
  for (const child of suite.suites ?? [])
    yield* tests(child, suite.title && suite.file !== suite.title ? [...titles, suite.title] : titles);
}

/** The specs that took longest (a spec's tests added up, per project): where the suite's time goes. */
function printSlowest({ suites = [] }) {
  const byFile = new Map();
  for (const suite of suites)
    for (const { file, project, result } of tests(suite)) {
      const key = `${project} ${file}`;
      byFile.set(key, (byFile.get(key) ?? 0) + (result.duration ?? 0));
    }
  const rows = [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log('\nThe slowest specs (their tests added up):');
  for (const [key, ms] of rows) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${key}`);
}

/** The failed tests' errors, last in the log. */
function printFailures({ suites = [] }) {
  for (const suite of suites)
    for (const { file, title, project, result } of tests(suite)) {
      if (result.status === 'passed' || result.status === 'skipped') continue;
      const errors = (result.errors?.length ? result.errors : [result.error]).filter(Boolean);
      const text = errors.map((e) => e.message ?? String(e)).join('\n');
      const plain = text
        .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
        .split('\n')
        .slice(0, 30)
        .join('\n');
      console.error(`\n── failed: [${project}] ${file} › ${title} (${result.status}) ──\n${plain}`);
    }
}
