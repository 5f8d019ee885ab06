/**
 * Browser tests (@playwright/test) against the production builds of the API (which serves the
 * web app) and the worker, on a fresh database, with the in-process SMTP catcher: all started
 * by `serve.mjs` as the webServer. Run them with `node apps/web-e2e/run.mjs` (builds first) or
 * `npx playwright test -c apps/web-e2e/playwright.config.ts` on existing builds; see README.md.
 */
import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

// This file is loaded by the runner and again by every worker: the values chosen here go into
// process.env once (in the runner), and the workers inherit them, so all agree on one server.
if (!process.env['E2E_PORT'] || !process.env['E2E_MAIL_PORT']) {
  const [app, mail] = freePorts(2);
  process.env['E2E_PORT'] ??= String(app);
  process.env['E2E_MAIL_PORT'] ??= String(mail);
}
process.env['E2E_ADMIN_EMAIL'] ??= 'admin@e2e.gfmd';
process.env['E2E_ADMIN_PASSWORD'] ??= `e2e-${randomBytes(9).toString('base64url')}`;
process.env['E2E_BASE_URL'] = `http://127.0.0.1:${process.env['E2E_PORT']}`;
process.env['E2E_MAIL_URL'] = `http://127.0.0.1:${process.env['E2E_MAIL_PORT']}`;

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export default defineConfig({
  testDir: './src',
  testMatch: '**/*.spec.ts',
  outputDir: join(root, 'dist/e2e-results'),
  // The journey's steps share state and run in order; a test that fails must fail every time.
  fullyParallel: false,
  retries: 0,
  // Two workers: the desktop and phone projects run side by side on the one server (each spec
  // makes its own dialogues, people and addresses), 2.3 min instead of 3.7 on a loaded 2-core
  // machine. The pictures for docs/screenshots are taken only with E2E_SCREENSHOTS=true, and then
  // on one worker: the desktop project (declared first) runs first, so the phone journey's
  // dialogue never shows up in the desktop journey's pictures and they stay the same run to run.
  workers: process.env['E2E_SCREENSHOTS'] === 'true' ? 1 : 2,
  forbidOnly: !!process.env['CI'],
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // The JSON report is read by run.mjs: the slowest specs and, when a test fails, its error,
  // printed last (after the servers' logs) so that the end of a CI log says what broke.
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: join(root, 'dist/e2e-report') }],
    ['json', { outputFile: join(root, 'dist/e2e-report.json') }],
  ],
  use: {
    baseURL: process.env['E2E_BASE_URL'],
    launchOptions: { executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', args: chromiumArgs },
    locale: 'en-GB',
    timezoneId: 'Europe/Zurich',
    contextOptions: { reducedMotion: 'reduce' },
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
    // A failed test keeps its trace: the actions with their timings, the network, the console and
    // the errors, with a screenshot and the page's accessibility tree (error-context.md) at the
    // failure. Not recorded: a DOM snapshot at every action and the screencast, which cost about
    // a fifth of the browser tests' time here (5 files on one worker: 59.6 and 59.8 s with them,
    // 45.5 and 46.1 s without; docs/performance.md). E2E_TRACE=full records them, to debug a failure.
    trace:
      process.env['E2E_TRACE'] === 'full'
        ? 'retain-on-failure'
        : { mode: 'retain-on-failure', screenshots: false, snapshots: false, sources: false },
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      testMatch: [
        'smoke.spec.ts',
        'journey.spec.ts',
        'persona-organizer-desktop.spec.ts',
        'persona-coordinators.spec.ts',
        'persona-participants.spec.ts',
        'persona-process.spec.ts',
        'outcome-loop.spec.ts',
        'documents.spec.ts',
        'synthesis.spec.ts',
        'reports.spec.ts',
        'webhooks.spec.ts',
        'audit.spec.ts',
        'questions.spec.ts',
        'staff-registration.spec.ts',
        'content-translations.spec.ts',
        'arabic.spec.ts',
        'process-translations.spec.ts',
        'language-urls.spec.ts',
        'painted-pages.spec.ts',
        'question-languages.spec.ts',
        'outcome-translations.spec.ts',
        'synthesis-section-translations.spec.ts',
        'coordinator-space-translations.spec.ts',
        'document-title-translations.spec.ts',
        'synthesis-introduction-translations.spec.ts',
        'staff-screens-french.spec.ts',
        'outcome-unlisted-languages.spec.ts',
      ],
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'phone',
      testMatch: [
        'smoke.spec.ts',
        'phone.spec.ts',
        'persona-organizer-phone.spec.ts',
        'door.spec.ts',
        'persona-coordinators.spec.ts',
        'persona-participants.spec.ts',
        'delegation.spec.ts',
        'reports.spec.ts',
        'webhooks.spec.ts',
        'audit.spec.ts',
        'questions.spec.ts',
        'content-translations.spec.ts',
        'arabic.spec.ts',
        'process-translations.spec.ts',
        'language-urls.spec.ts',
        'painted-pages.spec.ts',
        'question-languages.spec.ts',
        'outcome-translations.spec.ts',
        'synthesis-section-translations.spec.ts',
        'coordinator-space-translations.spec.ts',
        'document-title-translations.spec.ts',
        'synthesis-introduction-translations.spec.ts',
        'staff-screens-french.spec.ts',
        'outcome-unlisted-languages.spec.ts',
      ],
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
  ],
  webServer: {
    command: `node ${JSON.stringify(join(__dirname, 'serve.mjs'))}`,
    cwd: root,
    url: `${process.env['E2E_BASE_URL']}/api/v1/health`,
    // A fresh database per run: an old server (whose data the journey would trip over) is never reused in CI.
    reuseExistingServer: !process.env['CI'],
    timeout: 120_000,
    env: {
      E2E_PORT: process.env['E2E_PORT'] as string,
      E2E_MAIL_PORT: process.env['E2E_MAIL_PORT'] as string,
      E2E_ADMIN_EMAIL: process.env['E2E_ADMIN_EMAIL'] as string,
      E2E_ADMIN_PASSWORD: process.env['E2E_ADMIN_PASSWORD'] as string,
    },
    stdout: 'pipe',
    stderr: 'pipe',
    // serve.mjs stops the API and the worker, then closes the mail catcher.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});

/**
 * `count` distinct free TCP ports on the loopback, found synchronously (the config cannot await).
 * Taken below Linux's ephemeral range (32768–60999): a port the system handed out with
 * `listen(0)` could be given, before the servers listen on it seconds later, to one of the many
 * outgoing connections made meanwhile (PostgreSQL, Redis), which made the API fail with
 * EADDRINUSE once here.
 */
function freePorts(count: number): number[] {
  const script = `
    const net = require('node:net');
    const taken = new Set();
    const tryPort = (port) => new Promise((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    (async () => {
      const ports = [];
      while (ports.length < ${count}) {
        const port = 20000 + Math.floor(Math.random() * 12000);
        if (!taken.has(port) && (await tryPort(port))) ports.push(port);
        taken.add(port);
      }
      console.log(ports.join(' '));
    })();`;
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim().split(' ').map(Number);
}
