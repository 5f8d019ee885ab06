#!/usr/bin/env node
// Uploads: the API's memory while it takes and serves a 50 MB document, against a baseline
// measured in the same run (a loop of small GETs for as long), and 20 concurrent uploads without
// a 5xx.
//
//   npx nx build api                        # the bench runs dist/apps/api/main.js
//   node tools/bench/uploads/run.mjs [--mb 50] [--concurrent 20] [--concurrent-mb 10] [--json out.json]
//
// Needs PostgreSQL (DATABASE_URL's server; its own database gfmd_bench_uploads, recreated) and
// Redis (REDIS_URL). Documents go to a temporary STORAGE_DIR, removed at the end. The API runs
// with --expose-gc and memory-probe.cjs preloaded: each phase starts after a GC, and its growth
// is its peak (sampled every 20 ms) minus its start.
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { API_NODE_FLAGS } from '../../dev/api-node-flags.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const MB = Number(arg('mb', '50'));
const CONCURRENT = Number(arg('concurrent', '20'));
const CONCURRENT_MB = Number(arg('concurrent-mb', '10'));
const JSON_OUT = arg('json');
const DB_NAME = 'gfmd_bench_uploads';
const ADMIN = { email: 'bench-admin@gfmd.local', password: 'Upload-bench-7Kq9-Lw2p-Xz4m' };

if (!existsSync(join(ROOT, 'dist/apps/api/main.js'))) {
  console.error('dist/apps/api/main.js is missing: run `npx nx build api` first.');
  process.exit(1);
}

const freePort = () =>
  new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
const mib = (n) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

const baseDbUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/gfmd');
{
  const admin = new URL(baseDbUrl);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${DB_NAME}`);
  await c.end();
}
const dbUrl = new URL(baseDbUrl);
dbUrl.pathname = `/${DB_NAME}`;
const storageDir = mkdtempSync(join(tmpdir(), 'gfmd-bench-docs-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}/api/v1`;

const child = spawn(
  process.execPath,
  [...API_NODE_FLAGS, '--expose-gc', '--require', join(HERE, 'memory-probe.cjs'), join(ROOT, 'dist/apps/api/main.js')],
  {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      PUBLIC_URL: `http://localhost:${port}`,
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `{gfmd-bench-up-${randomUUID().slice(0, 8)}}`,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789abcdef',
      SEED_DEMO: 'false',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
      STORAGE_DIR: storageDir,
      STORAGE_URL: '',
      MAX_UPLOAD_MB: String(Math.max(MB, CONCURRENT_MB) + 1),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  },
);
const cleanup = () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(storageDir, { recursive: true, force: true });
};
process.on('exit', cleanup);
let apiOut = '';
child.stdout.on('data', (d) => (apiOut = (apiOut + d).slice(-4000)));
child.stderr.on('data', (d) => (apiOut = (apiOut + d).slice(-4000)));
child.on('exit', (code, signal) => {
  if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGKILL')
    console.error(`the API exited (${code ?? signal}):\n${apiOut}`);
});
process.on('SIGINT', () => process.exit(130));
process.on('uncaughtException', (e) => {
  console.error(e, '\nAPI exit', child.exitCode, child.signalCode, '\nAPI output:', apiOut);
  process.exit(1);
});
await new Promise((res, rej) => {
  let out = '';
  const timer = setTimeout(() => rej(new Error(`api did not start:\n${out.slice(-2000)}`)), 90_000);
  const poll = setInterval(async () => {
    try {
      if ((await fetch(`${base}/health/live`)).status < 500) {
        clearTimeout(timer);
        clearInterval(poll);
        res();
      }
    } catch {
      /* not yet */
    }
  }, 300);
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  child.on('exit', (code) => rej(new Error(`api exited (${code}):\n${out.slice(-2000)}`)));
});

/** Ends the current phase: {start, peak} of the API process since the last call. */
function phase() {
  return new Promise((resolvePhase) => {
    child.once('message', resolvePhase);
    child.send('phase');
  });
}
const growth = (p) => ({
  rss: p.peak.rss - p.start.rss,
  heapUsed: p.peak.heapUsed - p.start.heapUsed,
  external: p.peak.external - p.start.external,
});

async function json(method, path, token, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : undefined;
}

/** A multipart body streamed from a generator: the fields, then `bytes` of a PDF (never whole in memory). */
function multipart(fields, bytes, digest) {
  const boundary = `----gfmdbench${randomUUID()}`;
  async function* parts() {
    for (const [k, v] of Object.entries(fields))
      yield Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
    yield Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="bench.pdf"\r\ncontent-type: application/pdf\r\n\r\n`,
    );
    const head = Buffer.from('%PDF-1.7\n% bench\n');
    digest?.update(head);
    yield head;
    let left = bytes - head.length;
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    while (left > 0) {
      const c = left >= chunk.length ? chunk : chunk.subarray(0, left);
      digest?.update(c);
      yield c;
      left -= c.length;
    }
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return { body: Readable.from(parts()), type: `multipart/form-data; boundary=${boundary}` };
}
/** POST /documents with the body streamed (chunked), through node:http. */
function upload(token, fields, bytes, digest) {
  const { body, type } = multipart(fields, bytes, digest);
  return new Promise((resolvePromise, reject) => {
    const req = request(
      `${base}/documents`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          resolvePromise({ status: res.statusCode, body: text.startsWith('{') ? JSON.parse(text) : text }),
        );
      },
    );
    req.on('error', reject);
    body.pipe(req);
  });
}

const { accessToken: token } = await json('POST', '/auth/login', undefined, ADMIN);
const themes = await json('GET', '/themes', token);
const inDays = (d) => new Date(Date.now() + d * 86_400_000).toISOString();
const session = await json('POST', '/informal-sessions', token, {
  number: 900 + Math.floor(Math.random() * 99),
  title: 'Bench session',
  themeId: themes[0].id,
  startsAt: inDays(60),
  endsAt: inDays(61),
  venue: 'Geneva',
  timeZone: 'Europe/Zurich',
});
const dialogue = await json('POST', '/dialogues', token, {
  title: 'Upload bench',
  summary: 'Bench',
  informalSessionId: session.id,
  startsAt: inDays(30),
  endsAt: inDays(30.3),
  timeZone: 'Europe/Zurich',
  venue: 'Geneva',
  format: 'in_person',
  capacity: 100,
  languages: ['en'],
});
const fields = {
  ownerType: 'dialogue',
  ownerId: dialogue.id,
  kind: 'background_paper',
  visibility: 'staff',
  language: 'en',
  title: 'Bench',
};

console.log(
  `Uploads bench: ${MB} MB up and down, ${CONCURRENT} concurrent uploads of ${CONCURRENT_MB} MB, Node ${process.version}`,
);
// Warm-up: every code path once (a small upload and download), so the phases measure the data, not first-use code.
const warm = await upload(token, fields, 256 * 1024);
if (warm.status !== 201) throw new Error(`warm-up upload: ${warm.status} ${JSON.stringify(warm.body)}`);
await (
  await fetch(`${base}/documents/${warm.body.id}/file`, { headers: { authorization: `Bearer ${token}` } })
).arrayBuffer();
await phase();

// Baseline: small GETs for as long as the upload will take (measured after it: same duration).
const t0 = Date.now();
const digest = createHash('sha256');
const big = await upload(token, fields, MB * 1024 * 1024, digest);
const uploadMs = Date.now() - t0;
if (big.status !== 201) throw new Error(`upload: ${big.status} ${JSON.stringify(big.body)}`);
const up = growth(await phase());

const t1 = Date.now();
const res = await fetch(`${base}/documents/${big.body.id}/file`, { headers: { authorization: `Bearer ${token}` } });
const down = createHash('sha256');
let received = 0;
for await (const chunk of res.body) {
  received += chunk.length;
  down.update(chunk);
}
const downloadMs = Date.now() - t1;
const dl = growth(await phase());
if (received !== MB * 1024 * 1024 || down.digest('hex') !== digest.digest('hex')) throw new Error('download differs');

let gets = 0;
const t2 = Date.now();
while (Date.now() - t2 < Math.max(uploadMs, downloadMs)) {
  await (await fetch(`${base}/themes`)).arrayBuffer();
  gets++;
}
const baseline = growth(await phase());

const t3 = Date.now();
const statuses = await Promise.all(
  Array.from({ length: CONCURRENT }, () => upload(token, fields, CONCURRENT_MB * 1024 * 1024).then((r) => r.status)),
);
const concurrentMs = Date.now() - t3;
const conc = growth(await phase());
const fivexx = statuses.filter((s) => s >= 500).length;

const rows = [
  ['baseline (small GETs)', baseline, `${gets} requests in ${Math.max(uploadMs, downloadMs)} ms`],
  [`upload ${MB} MB`, up, `${uploadMs} ms`],
  [`download ${MB} MB`, dl, `${downloadMs} ms`],
  [
    `${CONCURRENT} × ${CONCURRENT_MB} MB concurrent uploads`,
    conc,
    `${concurrentMs} ms, statuses ${JSON.stringify(statuses.reduce((a, s) => ({ ...a, [s]: (a[s] ?? 0) + 1 }), {}))}`,
  ],
];
console.log('\nphase                                  | RSS growth | heap growth | external | notes');
for (const [name, g, note] of rows)
  console.log(
    `${name.padEnd(38)} | ${mib(g.rss).padStart(10)} | ${mib(g.heapUsed).padStart(11)} | ${mib(g.external).padStart(8)} | ${note}`,
  );
console.log(
  `\nupload − baseline RSS: ${mib(up.rss - baseline.rss)}; download − baseline RSS: ${mib(dl.rss - baseline.rss)}; 5xx in concurrent uploads: ${fivexx}`,
);
if (JSON_OUT)
  writeFileSync(
    JSON_OUT,
    JSON.stringify({ mb: MB, baseline, upload: up, download: dl, concurrent: { ...conc, statuses } }, null, 2),
  );
child.kill('SIGTERM');
process.exitCode = fivexx ? 1 : 0;
