#!/usr/bin/env node
/**
 * Browser tests: builds the apps, starts the real API and worker (production builds) on a fresh
 * database with an in-process SMTP server (tools/dev/mail-catcher.mjs), then runs the Jest
 * specs in src/ that drive Debian's Chromium through playwright-core.
 *
 *   node apps/web-e2e/run.mjs            (part of `npm test`)
 *   E2E_NO_BUILD=true node apps/web-e2e/run.mjs
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startMailCatcher } from '../../tools/dev/mail-catcher.mjs';
import { findFreePort } from '../../tools/dev/ports.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Browser tests need Chromium at ${chromium} (apt-get install chromium). Set SKIP_E2E=true to skip.`);
  process.exit(1);
}

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' };
if (process.env.E2E_NO_BUILD !== 'true') {
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--parallel=2'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// A fresh database for every run.
const baseUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/gfmd_test');
const dbName = `gfmd_e2e${process.env.GFMD_TEST_NS ? `_${process.env.GFMD_TEST_NS.replace(/[^a-z0-9_]/gi, '')}` : ''}`;
const admin = new pg.Client({
  connectionString: Object.assign(new URL(baseUrl), { pathname: '/postgres' }).toString(),
});
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
const databaseUrl = Object.assign(new URL(baseUrl), { pathname: `/${dbName}` }).toString();

const mail = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
const port = await findFreePort(3900);
const appUrl = `http://127.0.0.1:${port}`;
const adminEmail = 'admin@e2e.gfmd';
const adminPassword = `e2e-${randomBytes(9).toString('base64url')}`;
const serverEnv = {
  ...env,
  NODE_ENV: 'production',
  PORT: String(port),
  PUBLIC_URL: appUrl,
  DATABASE_URL: databaseUrl,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  SMTP_URL: mail.smtpUrl,
  MAIL_FROM: 'GFMD Dialogues <no-reply@e2e.gfmd>',
  JWT_SECRET: randomBytes(32).toString('hex'),
  ADMIN_EMAIL: adminEmail,
  ADMIN_PASSWORD: adminPassword,
  SEED_DEMO: 'false',
  LOG_LEVEL: 'warn',
  WEB_DIST: join(root, 'dist/apps/web/browser'),
  QUEUE_PREFIX: `{e2e-${randomUUID().slice(0, 8)}}`,
  OUTBOX_SWEEP_INTERVAL_MS: '2000',
  AGENDA_UPDATE_COALESCE_MS: '1000',
  RATE_LIMIT_PER_MINUTE: '100000',
  RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
  RATE_LIMIT_REGISTER_PER_MINUTE: '100000',
};

const children = [];
function start(name, script) {
  const child = spawn(process.execPath, [join(root, script)], {
    cwd: root,
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = [];
  const keep = (chunk) => {
    for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(`[${name}] ${line}`);
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  children.push({ name, child, lines });
  return child;
}

async function stopAll() {
  for (const { child } of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(
    children.map(
      ({ child }) =>
        new Promise((r) => {
          if (child.exitCode !== null) return r();
          const t = setTimeout(() => (child.kill('SIGKILL'), r()), 10000);
          child.on('exit', () => (clearTimeout(t), r()));
        }),
    ),
  );
  await mail.close();
}

let code = 1;
try {
  start('api', 'dist/apps/api/main.js');
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const res = await fetch(`${appUrl}/api/v1/health`);
      if (res.status === 200) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || children.some((c) => c.child.exitCode !== null)) {
      for (const c of children) console.error(c.lines.join('\n'));
      throw new Error('the API did not become healthy');
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  // The API has migrated the database by now: the worker starts on the schema it expects (it
  // would wait for the migrations otherwise).
  start('worker', 'dist/apps/worker/main.js');
  // Asynchronous on purpose: the SMTP server and its JSON inbox live in this process, so its
  // event loop must keep running while the tests wait for emails (spawnSync would freeze it).
  const jest = spawn(
    'npx',
    ['jest', '-c', 'apps/web-e2e/jest.e2e.config.cjs', '--runInBand', '--ci', '--forceExit', ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...env,
        E2E_BASE_URL: appUrl,
        E2E_MAIL_URL: mail.httpUrl,
        E2E_ADMIN_EMAIL: adminEmail,
        E2E_ADMIN_PASSWORD: adminPassword,
        CHROME_PATH: chromium,
      },
    },
  );
  code = await new Promise((resolveExit) => {
    jest.on('error', () => resolveExit(1));
    jest.on('exit', (status) => resolveExit(status ?? 1));
  });
  if (code !== 0) for (const c of children) console.error(c.lines.slice(-40).join('\n'));
} catch (error) {
  console.error(error);
} finally {
  await stopAll();
}
process.exit(code);
