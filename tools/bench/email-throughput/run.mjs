#!/usr/bin/env node
// Email throughput: 10,000 invitations through the API (one POST) to a local SMTP sink, with one
// and with two worker processes, against a baseline measured in the same run: nodemailer with the
// same pool settings sending the same 10,000 rendered messages straight to the same sink.
// Exit code 1 when a phase lost an email or sent one twice (counted per recipient at the sink).
//
//   npx nx run-many -t build -p api worker      # the bench runs dist/apps/{api,worker}/main.js
//   node tools/bench/email-throughput/run.mjs [--count 10000] [--json out.json]
//
// Needs PostgreSQL (DATABASE_URL's server; the bench uses its own database gfmd_bench_mail,
// recreated each run) and Redis (REDIS_URL, default redis://127.0.0.1:6379; a queue prefix of its own).
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_NODE_FLAGS } from '../../dev/api-node-flags.mjs';

const require = createRequire(import.meta.url);
const { SMTPServer } = require('smtp-server');
const nodemailer = require('nodemailer');
const { Client } = require('pg');
const { Queue } = require('bullmq');
const Redis = require('ioredis');

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const COUNT = Number(arg('count', '10000'));
const JSON_OUT = arg('json');
const POOL = { pool: true, maxConnections: 5, maxMessages: 100, maxRequeues: 0 }; // = the worker's SmtpMailer pool
// GFMD_TEST_NS: a database of one's own when several sessions bench on one server.
const DB_NAME = `gfmd_bench_mail${process.env.GFMD_TEST_NS ? `_${process.env.GFMD_TEST_NS.replace(/\W/g, '')}` : ''}`;
/** `--workers 1`: the one-worker phase only (the two-worker phase doubles the run). */
const PHASES = arg('workers', '1,2').split(',').map(Number);
const baseDbUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/gfmd');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `{gfmd-bench-${randomUUID().slice(0, 8)}}`;
const ADMIN = { email: 'bench-admin@gfmd.local', password: 'Mail-bench-7Kq9-Lw2p-Xz4m' };

for (const app of ['api', 'worker']) {
  if (!existsSync(join(ROOT, `dist/apps/${app}/main.js`))) {
    console.error(`dist/apps/${app}/main.js is missing: run \`npx nx run-many -t build -p api worker\` first.`);
    process.exit(1);
  }
}

const children = new Set();
const cleanup = () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
};
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));

const freePort = () =>
  new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
/** Lost (expected, never received) and duplicated (received more than once) recipients of the phase. */
const failures = [];
function checkDelivery(label, expected) {
  const lost = expected.filter((a) => !sink.seen.has(a));
  const doubled = [...sink.seen].filter(([, n]) => n > 1).map(([a]) => a);
  const wanted = new Set(expected);
  const unexpected = [...sink.seen.keys()].filter((a) => !wanted.has(a));
  if (lost.length || doubled.length || unexpected.length)
    failures.push(
      `${label}: ${lost.length} lost, ${doubled.length} sent more than once, ${unexpected.length} unexpected`,
    );
  return { lost: lost.length, doubled: doubled.length };
}
/** CPU time (ms) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuMs(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return NaN;
  }
}
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

// ── the SMTP sink: accepts everything, counts per phase, notes when the last message was accepted ──
// `seen` counts the messages per recipient address in the phase: every phase must deliver each of
// its recipients exactly once (a lost or doubled email fails the bench, exit code 1).
const sink = { phase: '', count: 0, bytes: 0, first: 0, last: 0, target: Infinity, done: null, seen: new Map() };
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, session, callback) {
    stream.on('data', (chunk) => (sink.bytes += chunk.length));
    stream.on('end', () => {
      const now = performance.now();
      for (const r of session.envelope.rcptTo) sink.seen.set(r.address, (sink.seen.get(r.address) ?? 0) + 1);
      sink.count += 1;
      if (sink.count === 1) sink.first = now;
      sink.last = now;
      callback(null, `queued as bench-${sink.count}`);
      if (sink.count >= sink.target && sink.done) sink.done();
    });
  },
});
// A worker stopped between phases may reset a connection mid-message: smtp-server emits that as an error.
server.on('error', () => undefined);
const smtpPort = await freePort();
await new Promise((r) => server.listen(smtpPort, '127.0.0.1', r));
const phase = (name, target) => {
  Object.assign(sink, { phase: name, count: 0, bytes: 0, first: 0, last: 0, target, seen: new Map() });
  return new Promise((r) => (sink.done = r));
};

// ── a database of its own ───────────────────────────────────────────────────────────────────────
const adminDb = new URL(baseDbUrl);
adminDb.pathname = '/postgres';
{
  const c = new Client({ connectionString: adminDb.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${DB_NAME}`);
  await c.end();
}
const dbUrl = new URL(baseDbUrl);
dbUrl.pathname = `/${DB_NAME}`;

const apiPort = await freePort();
const env = {
  ...process.env,
  NODE_ENV: 'development',
  PORT: String(apiPort),
  PUBLIC_URL: `http://localhost:${apiPort}`,
  DATABASE_URL: dbUrl.toString(),
  REDIS_URL,
  QUEUE_PREFIX: PREFIX,
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  MAIL_RATE_PER_SECOND: '10000',
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789abcdef',
  SEED_DEMO: 'false',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '100000',
};

function start(app, label, readyPattern) {
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") goes to the API and worker processes.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // The API with its own Node flags first (tools/dev/api-node-flags.mjs), as every launcher gives them.
  const flags = app === 'api' ? API_NODE_FLAGS : [];
  const child = spawn(process.execPath, [...flags, ...nodeArgs, join(ROOT, `dist/apps/${app}/main.js`)], {
    cwd: ROOT,
    env: { ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let out = '';
  return new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`${label} did not start:\n${out.slice(-2000)}`)), 60_000);
    const onData = (d) => {
      out += d.toString();
      if (readyPattern.test(out)) {
        clearTimeout(timer);
        child.stdout.removeAllListeners('data');
        // Keep the worker's last words: the group sizes it logs when it stops.
        child.stdout.on('data', (more) => {
          const m = /"batches":(\{[^}]*\})/.exec(more.toString());
          if (m) child.batches = JSON.parse(m[1]);
        });
        res(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => {
      out += d.toString();
      if (/COALESCER/.test(d)) process.stderr.write(d);
    });
    child.on('exit', (code) => rej(new Error(`${label} exited (${code}):\n${out.slice(-2000)}`)));
  });
}
const stop = (child) =>
  new Promise((r) => {
    if (!child || child.exitCode !== null) return r();
    child.once('exit', r);
    child.kill('SIGTERM');
  });

async function api(method, path, token, body) {
  const res = await fetch(`http://127.0.0.1:${apiPort}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : undefined;
}

console.log(
  `Email throughput bench: ${fmt(COUNT)} invitations, SMTP pool ${JSON.stringify(POOL)}, Node ${process.version}`,
);
const apiProcess = await start('api', 'api', /listening on/);
const { accessToken } = await api('POST', '/auth/login', undefined, ADMIN);
const themes = await api('GET', '/themes', accessToken);
const inDays = (d) => new Date(Date.now() + d * 86_400_000).toISOString();
const session = await api('POST', '/informal-sessions', accessToken, {
  number: 900 + Math.floor(Math.random() * 99),
  title: 'Bench session',
  themeId: themes[0].id,
  startsAt: inDays(60),
  endsAt: inDays(61),
  venue: 'Geneva',
  timeZone: 'Europe/Zurich',
});

async function dialogue(title) {
  const d = await api('POST', '/dialogues', accessToken, {
    title,
    summary: 'bench',
    informalSessionId: session.id,
    startsAt: inDays(30),
    endsAt: inDays(30.3),
    timeZone: 'Europe/Zurich',
    venue: 'Geneva',
    format: 'in_person',
    capacity: 20000,
    languages: ['en', 'fr', 'es'],
  });
  await api('POST', `/dialogues/${d.id}/publish`, accessToken);
  return d;
}
const recipients = (tag) =>
  Array.from({ length: COUNT }, (_, i) => ({
    email: `${tag}-${i}@bench.gfmd`,
    name: `Participant ${i}`,
    stakeholderGroup: 'civil_society',
    preferredLanguage: ['en', 'fr', 'es'][i % 3],
  }));

async function throughAPI(workers) {
  const procs = [];
  for (let i = 0; i < workers; i++) procs.push(await start('worker', `worker ${i + 1}`, /mail worker started/));
  await sleep(500);
  const d = await dialogue(`Bench dialogue, ${workers} worker(s)`);
  const done = phase(`${workers} worker(s)`, COUNT);
  const list = recipients(`w${workers}-${randomUUID().slice(0, 6)}`);
  const cpu0 = procs.map((p) => cpuMs(p.pid));
  const own0 = ownCpuMs();
  const t0 = performance.now();
  const result = await api('POST', `/dialogues/${d.id}/invitations`, accessToken, { recipients: list });
  const enqueueMs = performance.now() - t0;
  if (result.queued !== COUNT) throw new Error(`queued ${result.queued}`);
  await done;
  const lastMs = sink.last - t0;
  const workerCpuMs = procs.reduce((sum, p, i) => sum + cpuMs(p.pid) - cpu0[i], 0);
  const sinkCpuMs = ownCpuMs() - own0;
  // A moment for a late duplicate to arrive before the workers stop.
  await sleep(1000);
  for (const p of procs) await stop(p);
  const delivery = checkDelivery(
    `${workers} worker(s)`,
    list.map((r) => r.email),
  );
  const batches = procs.map((p) => p.batches).filter(Boolean);
  return {
    workers,
    enqueueMs,
    lastMs,
    perSecond: COUNT / (lastMs / 1000),
    dialogueId: d.id,
    delivery,
    batches,
    workerCpuUsPerMessage: (workerCpuMs * 1000) / COUNT,
    bytesPerMessage: sink.bytes / sink.count,
    sinkCpuUsPerMessage: (sinkCpuMs * 1000) / COUNT,
  };
}

/**
 * The same messages the workers sent (subject, html, text, headers), rendered beforehand from the
 * outbox rows with the project's templates (render-outbox.ts): the baseline only sends.
 */
function renderedOutbox(dialogueId) {
  const child = spawnSync(
    process.execPath,
    [
      '-r',
      'ts-node/register',
      '-r',
      'tsconfig-paths/register',
      join(ROOT, 'tools/bench/email-throughput/render-outbox.ts'),
      dbUrl.toString(),
      dialogueId,
      env.PUBLIC_URL,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'libs/api/mail/tsconfig.json'), TS_NODE_SWC: 'true' },
      maxBuffer: 1024 * 1024 * 1024,
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(`render-outbox failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

async function baseline(dialogueId) {
  const rows = renderedOutbox(dialogueId);
  const transport = nodemailer.createTransport({ url: env.SMTP_URL, ...POOL });
  const done = phase('baseline', rows.length);
  const own0 = ownCpuMs();
  const t0 = performance.now();
  await Promise.all(
    rows.map((r) =>
      transport.sendMail({
        from: env.MAIL_FROM ?? 'GFMD Dialogues <no-reply@gfmd.local>',
        to: r.recipient,
        subject: r.subject,
        html: r.html,
        text: r.text,
        headers: r.headers,
        messageId: r.messageId,
      }),
    ),
  );
  await done;
  const lastMs = sink.last - t0;
  const cpuUsPerMessage = ((ownCpuMs() - own0) * 1000) / rows.length;
  checkDelivery(
    'baseline',
    rows.map((r) => r.recipient),
  );
  transport.close();
  return {
    lastMs,
    perSecond: rows.length / (lastMs / 1000),
    cpuUsPerMessage,
    bytesPerMessage: sink.bytes / sink.count,
  };
}

// The POST alone, with no worker sending at the same time (its jobs are thrown away afterwards).
async function postAlone() {
  const d = await dialogue('Bench dialogue, no worker');
  const t0 = performance.now();
  const result = await api('POST', `/dialogues/${d.id}/invitations`, accessToken, {
    recipients: recipients(`p-${randomUUID().slice(0, 6)}`),
  });
  const enqueueMs = performance.now() - t0;
  if (result.queued !== COUNT) throw new Error(`queued ${result.queued}`);
  // Neither these jobs nor these rows may reach the measured runs (the outbox sweep would re-enqueue queued rows).
  const db = new Client({ connectionString: dbUrl.toString() });
  await db.connect();
  await db.query(`UPDATE outbound_emails SET status = 'cancelled' WHERE dialogue_id = $1`, [d.id]);
  await db.end();
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue('mail', { connection, prefix: PREFIX });
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return enqueueMs;
}

const alone = await postAlone();
const one = await throughAPI(1);
const base1 = await baseline(one.dialogueId);
const two = PHASES.includes(2) ? await throughAPI(2) : null;
const base2 = two ? await baseline(two.dialogueId) : null;
await stop(apiProcess);
server.close();
// Leave nothing of this run in Redis (the completed jobs BullMQ keeps, the maintenance queue).
{
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  for (const name of ['mail', 'maintenance']) {
    const queue = new Queue(name, { connection, prefix: PREFIX });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
  connection.disconnect();
}

const row = (label, r, base) =>
  `| ${label} | ${fmt(r.enqueueMs)} ms | ${fmt(r.lastMs / 1000, 2)} s | ${fmt(r.perSecond)} | ${fmt(base.perSecond)} | ${fmt(r.perSecond / base.perSecond, 2)} |`;
const table = [
  '| run | POST /invitations (10,000) latency | last message accepted after | messages/s | baseline messages/s | ratio |',
  '|---|---|---|---|---|---|',
  row('1 worker', one, base1),
  ...(two ? [row('2 workers', two, base2)] : []),
].join('\n');
console.log(`\n${table}\n`);
console.log(`POST of ${fmt(COUNT)} invitations with no worker sending meanwhile: ${fmt(alone)} ms`);
console.log(
  `baseline (nodemailer pool straight to the sink): ${[base1, base2]
    .filter(Boolean)
    .map((b) => `${fmt(b.lastMs / 1000, 2)} s`)
    .join(' and ')} for ${fmt(COUNT)} messages`,
);
const sizes = (r) =>
  r.batches
    .map(
      (b) =>
        `claims ${fmt(b.claimed / Math.max(1, b.claims), 1)}, mints ${fmt(b.minted / Math.max(1, b.mints), 1)}, sent-marks ${fmt(b.marked / Math.max(1, b.sentMarks), 1)} emails per statement` +
        (b.ahead !== undefined ? ` (${fmt(b.ahead)} rows claimed ahead of their job)` : ''),
    )
    .join('; ');
console.log(
  `CPU per message: worker process ${fmt(one.workerCpuUsPerMessage)} µs (1 worker)` +
    (two ? `, ${fmt(two.workerCpuUsPerMessage)} µs (2 workers, both)` : '') +
    `; the sink ${fmt(one.sinkCpuUsPerMessage)} µs; the baseline's process (nodemailer + the sink) ${[base1, base2]
      .filter(Boolean)
      .map((b) => fmt(b.cpuUsPerMessage))
      .join(' and ')} µs`,
);
console.log(
  `message size at the sink: worker ${fmt(one.bytesPerMessage)} bytes, baseline ${fmt(base1.bytesPerMessage)} bytes (1 worker phase)`,
);
console.log(
  `machine load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
);
console.log(`group sizes, 1 worker: ${sizes(one)}`);
if (two) console.log(`group sizes, 2 workers: ${sizes(two)}`);
if (JSON_OUT)
  writeFileSync(
    JSON_OUT,
    JSON.stringify({ count: COUNT, pool: POOL, postAloneMs: alone, one, two, baseline: [base1, base2] }, null, 2),
  );
if (failures.length) {
  console.error(`LOST OR DUPLICATED EMAILS:\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('every recipient got exactly one email in every phase');
process.exit(0);
