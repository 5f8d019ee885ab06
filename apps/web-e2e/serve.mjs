#!/usr/bin/env node
/**
 * The servers the browser tests run against, started by playwright.config.ts as its webServer
 * (it stays in the foreground until Playwright sends SIGTERM):
 *
 *   - a fresh database gfmd_e2e[_<GFMD_TEST_NS>] (dropped and created again),
 *   - the in-process SMTP catcher (tools/dev/mail-catcher.mjs), its JSON inbox on E2E_MAIL_PORT,
 *   - the API (production build in dist/, serving the built web app) on E2E_PORT, then, once it
 *     is healthy (it has migrated the database), the worker; both on their own queue prefix.
 *
 * The admin's credentials come from E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD (the config chooses
 * them and hands them to the tests too). The servers' output goes to dist/e2e-servers/*.log.
 *
 * On its own (to keep a server up while running single tests; see README.md):
 *   E2E_PORT=3990 E2E_MAIL_PORT=3991 E2E_ADMIN_PASSWORD=secret-e2e node apps/web-e2e/serve.mjs
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { API_NODE_FLAGS } from '../../tools/dev/api-node-flags.mjs';
import { startMailCatcher } from '../../tools/dev/mail-catcher.mjs';
import { findFreePort } from '../../tools/dev/ports.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const logDir = join(root, 'dist/e2e-servers');
mkdirSync(logDir, { recursive: true });

const port = Number(process.env.E2E_PORT) || (await findFreePort(3900));
const mailPort = Number(process.env.E2E_MAIL_PORT) || 0;
const appUrl = `http://127.0.0.1:${port}`;
const adminEmail = process.env.E2E_ADMIN_EMAIL ?? 'admin@e2e.gfmd';
const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? `e2e-${randomBytes(9).toString('base64url')}`;

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

const mail = await startMailCatcher({ smtpPort: 0, httpPort: mailPort, strictPorts: true });

const serverEnv = {
  ...process.env,
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
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
  // the painted public pages are what painted-pages.spec checks: a loaded CI machine must not swap them for the plain shell
  WEB_PRERENDER_TIMEOUT_MS: '5000',
  // Documents of this run: a directory of its own under dist/ (emptied by nothing: small files).
  STORAGE_DIR: join(root, `dist/e2e-documents${process.env.GFMD_TEST_NS ? `-${process.env.GFMD_TEST_NS}` : ''}`),
  QUEUE_PREFIX: `{e2e-${randomUUID().slice(0, 8)}}`,
  OUTBOX_SWEEP_INTERVAL_MS: '2000',
  AGENDA_UPDATE_COALESCE_MS: '1000',
  RATE_LIMIT_PER_MINUTE: '100000',
  RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
  RATE_LIMIT_REGISTER_PER_MINUTE: '100000',
  // webhooks.spec.ts starts its receiver on 127.0.0.1 (plain http).
  WEBHOOKS_ALLOW_PRIVATE: 'true',
  WEBHOOKS_ALLOW_HTTP: 'true',
};

let stopping = false;
const children = [];

function start(name, script) {
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  // The API with its own Node flags, as deployed (tools/dev/api-node-flags.mjs).
  const flags = name === 'api' ? API_NODE_FLAGS : [];
  const child = spawn(process.execPath, [...flags, join(root, script)], {
    cwd: root,
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    // Dead server, failing tests: say why here, where Playwright prints the webServer's output.
    console.error(`[${name}] exited (${signal ?? `code ${code}`}); the last lines of ${logFile}:`);
    console.error(tail(logFile, 40));
    void stop(1);
  });
  children.push({ name, child });
  return child;
}

function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await Promise.all(
    children.map(
      ({ child }) =>
        new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          const timer = setTimeout(() => (child.kill('SIGKILL'), done()), 10_000);
          child.on('exit', () => (clearTimeout(timer), done()));
        }),
    ),
  );
  await mail.close();
  process.exit(code);
}

process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

start('api', 'dist/apps/api/main.js');
const deadline = Date.now() + 90_000;
for (;;) {
  try {
    const res = await fetch(`${appUrl}/api/v1/health`);
    if (res.status === 200) break;
  } catch {
    /* not up yet */
  }
  if (stopping) break;
  if (Date.now() > deadline) {
    console.error(
      `the API did not become healthy within 90 s; the last lines of its log:\n${tail(join(logDir, 'api.log'), 40)}`,
    );
    await stop(1);
  }
  await new Promise((r) => setTimeout(r, 300));
}
// The API has migrated the database by now: the worker starts on the schema it expects (it
// would wait for the migrations otherwise).
if (!stopping) start('worker', 'dist/apps/worker/main.js');
console.log(
  `e2e servers up: app ${appUrl}, mail inbox ${mail.httpUrl.replace('localhost', '127.0.0.1')}, database ${dbName}`,
);
