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
import { existsSync, readFileSync } from 'node:fs';
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

const playwright = spawnSync(
  'npx',
  ['playwright', 'test', '-c', 'apps/web-e2e/playwright.config.ts', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env },
);
const code = playwright.status ?? 1;
if (code !== 0) {
  for (const name of ['api', 'worker']) {
    const file = join(root, 'dist/e2e-servers', `${name}.log`);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8').trimEnd();
    if (!text) continue;
    const lines = text.split('\n').slice(-40);
    console.error(`\n── the last lines of ${file} ──\n${lines.join('\n')}`);
  }
  console.error('\nReport: npx playwright show-report dist/e2e-report');
}
process.exit(code);
