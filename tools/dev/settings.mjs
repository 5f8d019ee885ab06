// Where things live, the command-line options, the optional .env and the development secrets.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartError } from './lifecycle.mjs';
import { warn } from './output.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = path.join(ROOT, '.data');
export const SECRETS_FILE = path.join(DATA_DIR, 'dev-secrets.json');
export const DIST = {
  api: path.join(ROOT, 'dist/apps/api/main.js'),
  worker: path.join(ROOT, 'dist/apps/worker/main.js'),
  web: path.join(ROOT, 'dist/apps/web/browser'),
};
/** Root runs the embedded PostgreSQL as the "postgres" user (see postgres.mjs). */
export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export const PREFERRED_PORTS = { postgres: 54329, redis: 63790, smtp: 1025, inbox: 1080 };

export function parseArgs(argv) {
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

export const HELP = `Usage: npm start -- [--no-build] [--verbose] [--raw-logs]

Builds and starts GFMD Dialogues (api + worker + web) on http://localhost:$PORT (default 3000).
Missing services are started locally:
  DATABASE_URL unset  embedded PostgreSQL, data in .data/pg
  REDIS_URL unset     redis-server from PATH, data in .data/redis
  SMTP_URL unset      mail catcher with a web inbox (http://localhost:1080)
Settings come from the environment and an optional .env file; see docs/operations.md.

  --no-build   start the last build in dist/ without running Nx
  --verbose    also print PostgreSQL and Redis logs
  --raw-logs   print the apps' JSON logs unchanged`;

export const isUnset = (name) => process.env[name] === undefined || process.env[name] === '';

/** Minimal .env reader: KEY=VALUE, `export KEY=VALUE`, # comments, '…' and "…" values. Never overrides. */
export function loadDotEnv(file) {
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

export function ensureDataDir() {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  if (isRoot()) {
    // As root the embedded PostgreSQL runs as the "postgres" user, which must be able to enter .data/.
    const mode = fs.statSync(DATA_DIR).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(DATA_DIR, (mode & 0o777) | 0o011);
  }
}

/** Development secrets, generated once and kept in .data/dev-secrets.json (mode 600). */
export function loadDevSecrets() {
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
