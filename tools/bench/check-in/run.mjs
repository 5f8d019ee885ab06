#!/usr/bin/env node
// Check-in benchmark (issue 18): badges PDF for N confirmed participants (time, size, the API's
// peak memory while it streams), then scans at R per second for D seconds (p50/p95/p99, 5xx),
// with second scans and offline replays mixed in, and the rush guarantee checked at the end:
// arrived (GET /dialogues/:id/attendance) equals the number of distinct people scanned.
//
//   npx nx build api
//   node tools/bench/check-in/run.mjs                                  # N=1000, R=20/s, D=60 s
//   node tools/bench/check-in/run.mjs --participants 300 --rate 20 --duration 20
//
// It starts `node dist/apps/api/main.js` (NODE_ENV=production, rate limits lifted) on a free
// port against its own database (default gfmd_bench_check_in, made afresh). Exit code 1 when a
// target fails (badges > 10 s, scan p95 > 100 ms, a 5xx, a double count).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { API_NODE_FLAGS } from '../../dev/api-node-flags.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const { values: args } = parseArgs({
  options: {
    participants: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '20' },
    duration: { type: 'string', default: '60' },
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/gfmd_bench_check_in',
    },
    'redis-url': { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
  },
});
const N = Number(args.participants);
const RATE = Number(args.rate);
const DURATION = Number(args.duration);
const ADMIN = { email: 'bench-admin@gfmd.local', password: 'Check-in-bench-7Kq9-Lw2p' };

const children = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM')));
process.on('SIGINT', () => process.exit(130));

const freePort = () =>
  new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });

async function freshDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

async function startApi(env) {
  const main = resolve(root, 'dist/apps/api/main.js');
  if (!existsSync(main)) throw new Error('dist/apps/api/main.js is missing: run `npx nx build api` first.');
  const port = await freePort();
  const child = spawn(process.execPath, [...API_NODE_FLAGS, main], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    const ok = await fetch(`${url}/api/v1/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { url, pid: child.pid };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the API did not become healthy within 60 s');
}

async function call(method, url, token, body) {
  const t0 = performance.now();
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text,
    ms: performance.now() - t0,
  };
}
async function ok(method, url, token, body) {
  const res = await call(method, url, token, body);
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Runs `fn` over `items`, `width` at a time. */
async function pool(items, width, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  await freshDatabase(args['database-url']);
  const api = await startApi({
    NODE_ENV: 'production',
    DATABASE_URL: args['database-url'],
    REDIS_URL: args['redis-url'],
    JWT_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_URL: 'http://localhost:3000',
    SMTP_URL: 'smtp://127.0.0.1:2525',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: '{gfmd-bench-check-in}',
    RATE_LIMIT_REGISTER_PER_MINUTE: '100000000',
    RATE_LIMIT_PER_MINUTE: '100000000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000000',
  });
  const base = `${api.url}/api/v1`;
  const { accessToken: token } = await ok('POST', `${base}/auth/login`, undefined, ADMIN);
  const themes = await ok('GET', `${base}/themes`);
  const startsAt = new Date(Date.now() + 60 * 86_400_000);
  const session = await ok('POST', `${base}/informal-sessions`, token, {
    number: 100 + Math.floor(Math.random() * 800),
    title: `Bench session ${randomUUID()}`,
    themeId: themes[0].id,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 86_400_000).toISOString(),
    venue: 'Geneva',
    timeZone: 'Europe/Zurich',
  });
  const dStart = new Date(Date.now() + 30 * 86_400_000);
  const d = await ok('POST', `${base}/dialogues`, token, {
    title: 'Check-in bench',
    informalSessionId: session.id,
    startsAt: dStart.toISOString(),
    endsAt: new Date(dStart.getTime() + 8 * 3_600_000).toISOString(),
    timeZone: 'Europe/Zurich',
    venue: 'Geneva',
    format: 'in_person',
    capacity: N,
    languages: ['en'],
  });
  await ok('POST', `${base}/dialogues/${d.id}/publish`, token);
  const groups = ['government', 'civil_society', 'private_sector', 'academia', 'international_organization'];
  const ids = [];
  let t0 = performance.now();
  await pool(
    Array.from({ length: N }, (_, i) => i),
    20,
    async (i) => {
      const r = await ok('POST', `${base}/dialogues/${d.id}/registrations`, undefined, {
        email: `bench-${i}-${randomUUID().slice(0, 8)}@example.org`,
        firstName: 'Participant',
        lastName: `Number ${i}`,
        organization: 'Benchmark Organization',
        stakeholderGroup: groups[i % groups.length],
        country: 'CH',
        preferredLanguage: 'en',
        consent: true,
      });
      ids.push(r.id);
    },
  );
  console.log(`registered ${ids.length} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Badges: the whole dialogue, A4 sheets, streamed; the API's RSS sampled while it writes.
  const rssBefore = rssKb(api.pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssKb(api.pid))), 50);
  t0 = performance.now();
  const res = await fetch(`${base}/dialogues/${d.id}/badges.pdf`, { headers: { authorization: `Bearer ${token}` } });
  let bytes = 0;
  let firstByteMs = null;
  for await (const chunk of res.body) {
    firstByteMs ??= performance.now() - t0;
    bytes += chunk.length;
  }
  const badgeSeconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  console.log(
    `badges.pdf: ${N} badges, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${badgeSeconds.toFixed(2)} s (first byte ${firstByteMs?.toFixed(0)} ms); API RSS ${(rssBefore / 1024).toFixed(0)} → peak ${(rssPeak / 1024).toFixed(0)} MB`,
  );

  // Codes, as a badge prints them (reissue answers the current code).
  const codes = new Map();
  await pool(ids, 10, async (id) => {
    codes.set(id, (await ok('POST', `${base}/registrations/${id}/check-in-code/reissue`, token)).checkInCode);
  });
  const { accessToken: doorToken } = await (async () => {
    const door = await ok('POST', `${base}/users`, token, {
      email: 'door@bench.local',
      name: 'Door',
      role: 'door',
      password: ADMIN.password,
    });
    // Door staff scan only at the dialogues an organizer assigned them to.
    await ok('PUT', `${base}/dialogues/${d.id}/door-staff`, token, { userIds: [door.id] });
    return ok('POST', `${base}/auth/login`, undefined, { email: 'door@bench.local', password: ADMIN.password });
  })();

  // Service time first: 50 scans one after the other (second scans of the first 50 people after
  // the rush would do as well; these are first scans of the last 50, left out of the rush below).
  const solo = [];
  for (const id of ids.slice(-50)) {
    solo.push((await call('POST', `${base}/check-in/scan`, doorToken, { code: codes.get(id), dialogueId: d.id })).ms);
  }
  solo.sort((a, b) => a - b);
  console.log(`one at a time: p50 ${pct(solo, 50).toFixed(1)} ms, p95 ${pct(solo, 95).toFixed(1)} ms`);
  ids.splice(-50);

  // Scans at RATE per second: mostly first scans; every 7th a second scan of someone already in,
  // every 5th sent twice with the same scan id (an offline replay).
  const total = RATE * DURATION;
  const latencies = [];
  const statuses = {};
  const scanned = new Set();
  let nextPerson = 0;
  const inFlight = [];
  t0 = performance.now();
  for (let k = 0; k < total; k++) {
    const due = t0 + (k * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const again = k % 7 === 6 && scanned.size > 0;
    const id = again ? [...scanned][k % scanned.size] : ids[nextPerson++ % ids.length];
    scanned.add(id);
    const body = { code: codes.get(id), dialogueId: d.id, scanId: randomUUID() };
    const sends = k % 5 === 4 ? 2 : 1;
    for (let s = 0; s < sends; s++) {
      inFlight.push(
        call('POST', `${base}/check-in/scan`, doorToken, body).then((r) => {
          latencies.push(r.ms);
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        }),
      );
    }
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const attendance = await ok('GET', `${base}/dialogues/${d.id}/attendance`, token);
  const p95 = pct(latencies, 95);
  console.log(
    `scans: ${latencies.length} requests in ${seconds.toFixed(1)} s (${(latencies.length / seconds).toFixed(1)}/s); p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1).toFixed(1)} ms; statuses ${JSON.stringify(statuses)}`,
  );
  console.log(
    `arrived ${attendance.arrived} of ${attendance.expected}; distinct people scanned ${scanned.size + solo.length}`,
  );
  const failures = [];
  if (badgeSeconds > 10) failures.push(`badges took ${badgeSeconds.toFixed(1)} s (> 10 s)`);
  if (p95 > 100) failures.push(`scan p95 ${p95.toFixed(1)} ms (> 100 ms)`);
  if (Object.keys(statuses).some((s) => Number(s) >= 500)) failures.push('a 5xx');
  if (attendance.arrived !== scanned.size + solo.length)
    failures.push(`arrived ${attendance.arrived} ≠ scanned ${scanned.size}`);
  if (failures.length) {
    console.error(`FAILED: ${failures.join('; ')}`);
    process.exit(1);
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
