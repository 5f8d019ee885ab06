#!/usr/bin/env node
// Over 400 lines on purpose: a benchmark is read as one story (set-up, baseline, runs, checks of
// every guarantee, the table it prints), and it runs with plain node from a fresh checkout.
// Registration rush: N concurrent participants register for one dialogue of capacity C, R runs
// per C, against the API over HTTP. Prints confirmed vs expected, duplicates, 5xx, latency
// percentiles and registrations/s, next to a baseline measured in the same run: plain
// single-row INSERTs through `pg` (same concurrency, a pool of the same size) into a scratch
// table of the same shape as `registrations`.
//
//   npx nx build api
//   node tools/bench/registration-rush/run.mjs                       # full: C in {1,100,499}, 20 runs, N=500
//   node tools/bench/registration-rush/run.mjs --runs 3 --concurrency 200
//   node tools/bench/registration-rush/run.mjs --processes 2         # two API processes, requests spread over both
//   node tools/bench/registration-rush/run.mjs --floor no                  # without the empty-NestJS-route reference
//   node tools/bench/registration-rush/run.mjs --client undici            # the load generator on undici instead of the raw HTTP/1.1 client
//   node tools/bench/registration-rush/run.mjs --warmup 5                  # unmeasured rushes first (default 3: C = 1, 100, 10)
//   node tools/bench/registration-rush/run.mjs --statements                # also count the statements of each locking transaction
//   node tools/bench/registration-rush/run.mjs --api http://localhost:3000 --admin-email … --admin-password …
//
// Without --api it starts `node dist/apps/api/main.js` itself (NODE_ENV=production, SEED_DEMO=false,
// registration rate limit lifted) on a free port against its own database (default gfmd_bench,
// dropped and made afresh each run). Exit code 1 when a target on correctness fails (overbooked, duplicates, 5xx).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { API_NODE_FLAGS } from '../../dev/api-node-flags.mjs';
import { Pool as UndiciPool } from 'undici';
import { RawHttpPool } from './raw-http.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '500' },
    capacities: { type: 'string', default: '1,100,499' },
    processes: { type: 'string', default: '1' },
    api: { type: 'string' },
    'admin-email': { type: 'string', default: 'bench-admin@gfmd.local' },
    'admin-password': { type: 'string', default: 'Rush-bench-7Kq9-Lw2p-Xz4m' },
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/gfmd_bench',
    },
    'redis-url': { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    'pool-size': { type: 'string', default: '20' },
    'log-level': { type: 'string', default: 'warn' },
    floor: { type: 'string', default: 'yes' }, // --floor no: skip the empty-route measurement
    client: { type: 'string', default: 'raw' }, // the load generator's HTTP client: raw (raw-http.mjs) or undici
    warmup: { type: 'string', default: '3' }, // unmeasured rushes first (JIT, pools)
    statements: { type: 'boolean', default: false }, // the API's transactions that lock, by shape (statements.cjs)
  },
});
const RUNS = Number(args.runs);
const N = Number(args.concurrency);
const CAPACITIES = args.capacities.split(',').map(Number);
const PROCESSES = Number(args.processes);
const POOL = Number(args['pool-size']);
const DATABASE_URL = args['database-url'];
/** The API's queue prefix: one per GFMD_TEST_NS, so benches of several sessions never drop each other's keys. */
const QUEUE_PREFIX = `{gfmd-bench${process.env.GFMD_TEST_NS ? `-${process.env.GFMD_TEST_NS}` : ''}}`;

const children = [];
/** Where the API processes write their transactions' shapes (--statements). */
const STATEMENTS_OUT = resolve(tmpdir(), `gfmd-rush-statements-${process.pid}.jsonl`);
const cleanup = () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
process.on('exit', cleanup);
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

async function ensureDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    // Made afresh: every run starts from the same empty schema (and the admin of this run).
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

async function startApi(env) {
  // BENCH_API_MAIN: another build of the API (e.g. a copy of dist/apps/api kept inside the
  // checkout, so it resolves the same node_modules), to alternate two builds in one session.
  const main = resolve(root, process.env.BENCH_API_MAIN ?? 'dist/apps/api/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npx nx build api\` first.`);
  const port = await freePort();
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") goes to the API processes.
  // The API's own Node flags first (apps/api/node-flags.json, as every launcher gives them).
  const nodeArgs = [...API_NODE_FLAGS, ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  if (nodeArgs.some((a) => a.startsWith('--cpu-prof')))
    nodeArgs.unshift('-r', resolve(root, 'tools/bench/registration-rush/exit-on-signal.cjs'));
  if (args.statements) nodeArgs.push('-r', resolve(root, 'tools/bench/registration-rush/statements.cjs'));
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      ...(args.statements ? { BENCH_STATEMENTS_OUT: STATEMENTS_OUT } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.apiProcess = true;
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.status === 200) return url;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the API did not become healthy within 60 s');
}

async function json(method, url, token, body) {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** The API it started enqueued a mail job per registration under its own prefix, with no worker: drop them. */
async function dropBenchQueue(url) {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${QUEUE_PREFIX}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
}

// CPU time of processes (Linux /proc), to print the CPU each registration costs the API, PostgreSQL
// and Redis: steadier than throughput on a shared machine, and it says which process to work on.
const TICK_MS = 10; // USER_HZ is 100 on Linux
function cpuMsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
  } catch {
    return 0;
  }
}
/** CPU ms of every process with this name, by pid. */
function cpuMsByName(name) {
  const byPid = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) byPid.set(entry, cpuMsOf(entry));
    } catch {
      /* gone */
    }
  }
  return byPid;
}
/** CPU used since `before` by the processes alive now (a process started since counts from zero). */
const cpuDelta = (before, after) => [...after].reduce((a, [pid, ms]) => a + ms - (before.get(pid) ?? 0), 0);
const cpuSnapshot = () => ({
  api: new Map(children.filter((c) => c.apiProcess).map((c) => [String(c.pid), cpuMsOf(c.pid)])),
  postgres: cpuMsByName('postgres'),
  redis: cpuMsByName('redis-server'),
  client: new Map([['self', (process.cpuUsage().user + process.cpuUsage().system) / 1000]]),
});
const cpuSince = (before) => {
  const now = cpuSnapshot();
  return Object.fromEntries(Object.keys(now).map((k) => [k, cpuDelta(before[k], now[k])]));
};

const pct = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
const median = (xs) =>
  pct(
    [...xs].sort((a, b) => a - b),
    50,
  );
const perReg = (rows, pick) => ((rows.reduce((a, r) => a + pick(r), 0) * 1000) / (rows.length * N)).toFixed(0);
const ms = (x) => `${x.toFixed(0)} ms`;

async function main() {
  let apis;
  if (args.api) {
    apis = [args.api.replace(/\/+$/, '')];
  } else {
    await ensureDatabase(DATABASE_URL);
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL,
      REDIS_URL: args['redis-url'],
      JWT_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_URL: 'http://localhost:3000',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      ADMIN_EMAIL: args['admin-email'],
      ADMIN_PASSWORD: args['admin-password'],
      SEED_DEMO: 'false',
      LOG_LEVEL: args['log-level'],
      QUEUE_PREFIX,
      DB_POOL_SIZE: String(POOL),
      RATE_LIMIT_REGISTER_PER_MINUTE: '100000000',
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_LOGIN_PER_MINUTE: '100000000',
    };
    apis = [await startApi(env)]; // the first one migrates and seeds alone
    for (let i = 1; i < PROCESSES; i++) apis.push(await startApi(env));
  }
  const base = `${apis[0]}/api/v1`;
  // The N clients: one keep-alive connection each. `--client raw` (the default) writes and reads
  // HTTP/1.1 itself, as wrk does; `--client undici` uses undici's pool (`fetch` cost the load
  // generator about twice undici's CPU per request). The clients share the two cores with the API
  // and PostgreSQL, so their CPU is taken from what is measured: it is printed as "clients µs/reg".
  const clients = apis.map((origin) => newHttpPool(origin, Math.ceil(N / apis.length)));
  const { accessToken } = await json('POST', `${base}/auth/login`, undefined, {
    email: args['admin-email'],
    password: args['admin-password'],
  });
  const themes = await json('GET', `${base}/themes`);
  // Any informal session will do (a dialogue after its session only gets a scheduling warning).
  let session = (await json('GET', `${base}/informal-sessions`))[0];
  for (let attempt = 0; attempt < 50 && !session; attempt++) {
    const startsAt = new Date(Date.now() + 60 * 86_400_000);
    session = await json('POST', `${base}/informal-sessions`, accessToken, {
      number: 7 + Math.floor(Math.random() * 990),
      title: `Bench session ${randomUUID()}`,
      themeId: themes[0].id,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 86_400_000).toISOString(),
      venue: 'Geneva',
      timeZone: 'Europe/Zurich',
    }).catch(() => undefined);
  }
  if (!session) throw new Error('could not create an informal session');

  const db = new pg.Pool({ connectionString: DATABASE_URL, max: POOL * apis.length });
  await db.query('DROP TABLE IF EXISTS bench_registrations_scratch');
  await db.query(
    'CREATE TABLE bench_registrations_scratch (LIKE registrations INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)',
  );

  const person = (i, run) => ({
    email: `rush-${run}-${i}-${randomUUID().slice(0, 8)}@example.org`,
    firstName: 'Rush',
    lastName: `Participant ${i}`,
    organization: 'Benchmark',
    stakeholderGroup: 'civil_society',
    country: 'CH',
    preferredLanguage: 'en',
    consent: true,
  });

  async function rush(capacity, run) {
    const startsAt = new Date(Date.now() + 30 * 86_400_000);
    const d = await json('POST', `${base}/dialogues`, accessToken, {
      title: `Rush C=${capacity} #${run}`,
      informalSessionId: session.id,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 8 * 3_600_000).toISOString(),
      timeZone: 'Europe/Zurich',
      venue: 'Geneva',
      format: 'in_person',
      capacity,
    });
    await json('POST', `${base}/dialogues/${d.id}/publish`, accessToken);
    const bodies = Array.from({ length: N }, (_, i) => JSON.stringify(person(i, run)));
    const path = `/api/v1/dialogues/${d.id}/registrations`;
    const latencies = [];
    const statuses = new Map();
    const cpu0 = cpuSnapshot();
    const t0 = performance.now();
    await Promise.all(
      bodies.map(async (body, i) => {
        const start = performance.now();
        let status;
        try {
          const res = await clients[i % clients.length].request({
            path,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          await readBody(res);
          status = res.statusCode;
        } catch {
          status = 'network';
        }
        latencies.push(performance.now() - start);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }),
    );
    const wall = performance.now() - t0;
    const cpu = cpuSince(cpu0);
    const counts = Object.fromEntries(
      (
        await db.query('SELECT status, count(*)::int AS n FROM registrations WHERE dialogue_id = $1 GROUP BY 1', [d.id])
      ).rows.map((r) => [r.status, r.n]),
    );
    const [{ dup }] = (
      await db.query(
        `SELECT count(*)::int AS dup FROM (SELECT email_normalized FROM registrations WHERE dialogue_id = $1
           AND status IN ('pending','confirmed','waitlisted') GROUP BY 1 HAVING count(*) > 1) x`,
        [d.id],
      )
    ).rows;
    const [{ counter }] = (await db.query('SELECT confirmed_count AS counter FROM dialogues WHERE id = $1', [d.id]))
      .rows;
    return {
      wall,
      cpu,
      latencies,
      statuses,
      confirmed: counts.confirmed ?? 0,
      counter,
      dup,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
    };
  }

  async function baseline(run) {
    const dialogueId = randomUUID();
    const latencies = [];
    const cpu0 = cpuSnapshot();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const p = person(i, `b${run}`);
        const start = performance.now();
        await db.query(
          `INSERT INTO bench_registrations_scratch (dialogue_id, email, email_normalized, first_name, last_name, organization,
             stakeholder_group, country, preferred_language, status, manage_token_hash, consent_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'confirmed', $10, now())`,
          [
            dialogueId,
            p.email,
            p.email.toLowerCase(),
            p.firstName,
            p.lastName,
            p.organization,
            p.stakeholderGroup,
            p.country,
            p.preferredLanguage,
            randomBytes(32).toString('hex'),
          ],
        );
        latencies.push(performance.now() - start);
      }),
    );
    return { wall: performance.now() - t0, cpu: cpuSince(cpu0), latencies };
  }

  // Warm-up (JIT, connection pools) — not counted. One rush was not enough: the first measured
  // capacity ran at 1.5–2× the API CPU per registration of the same capacity measured later
  // (session 11), which made C=1, measured first, look like the most expensive path.
  for (let i = 0; i < Math.max(1, Number(args.warmup)); i++) {
    await rush([1, 100, 10][i % 3], `warmup-${i}`);
    await baseline(`warmup-${i}`);
  }

  // The capacities take turns (round 1: C = 1, 100, 499; round 2: …), so that whatever drifts
  // during the sitting (the API still warming, the machine's load) falls on all of them alike.
  // Measured one capacity after the other, the first one paid for it: C = 1 measured first ran at
  // 0.48 with 316 µs of API CPU per registration, measured last at 0.63 with 168 µs (session 15).
  const rowsOf = new Map(CAPACITIES.map((c) => [c, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const capacity of CAPACITIES) {
      const r = await rush(capacity, `${capacity}-${run}`);
      const b = await baseline(`${capacity}-${run}`);
      rowsOf.get(capacity).push({ ...r, baseline: b });
      const s5 = [...r.statuses].filter(([k]) => k === 'network' || k >= 500).reduce((a, [, v]) => a + v, 0);
      process.stderr.write(
        `C=${capacity} run ${run + 1}/${RUNS}: confirmed ${r.confirmed}/${Math.min(capacity, N)}, counter ${r.counter}, dup ${r.dup}, 5xx ${s5}, ` +
          `${(N / (r.wall / 1000)).toFixed(0)} reg/s vs baseline ${(N / (b.wall / 1000)).toFixed(0)}/s\n`,
      );
    }
  }

  const summary = [];
  let failed = false;
  for (const capacity of CAPACITIES) {
    const rows = rowsOf.get(capacity);
    const expected = Math.min(capacity, N);
    const lat = rows.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const blat = rows.flatMap((r) => r.baseline.latencies).sort((a, b) => a - b);
    const fiveXX = rows.reduce(
      (a, r) => a + [...r.statuses].filter(([k]) => k === 'network' || k >= 500).reduce((x, [, v]) => x + v, 0),
      0,
    );
    const non201 = rows.reduce(
      (a, r) => a + [...r.statuses].filter(([k]) => k !== 201).reduce((x, [, v]) => x + v, 0),
      0,
    );
    const overbooked = rows.reduce((a, r) => a + Math.max(0, r.confirmed - capacity), 0);
    const wrongConfirmed = rows.filter((r) => r.confirmed !== expected || r.counter !== r.confirmed).length;
    const duplicates = rows.reduce((a, r) => a + r.dup, 0);
    const lost = rows.reduce((a, r) => a + (N - r.total), 0);
    const regPerSec = median(rows.map((r) => N / (r.wall / 1000)));
    const basePerSec = median(rows.map((r) => N / (r.baseline.wall / 1000)));
    if (overbooked || duplicates || fiveXX || wrongConfirmed) failed = true;
    summary.push({
      C: capacity,
      runs: RUNS,
      'confirmed/expected': `${Math.min(...rows.map((r) => r.confirmed))}–${Math.max(...rows.map((r) => r.confirmed))} / ${expected}`,
      overbooked,
      'runs off target': wrongConfirmed,
      duplicates,
      '5xx': fiveXX,
      'non-201': non201,
      'not stored': lost,
      p50: ms(pct(lat, 50)),
      p95: ms(pct(lat, 95)),
      p99: ms(pct(lat, 99)),
      'reg/s (median)': regPerSec.toFixed(0),
      'baseline ins/s (median)': basePerSec.toFixed(0),
      'baseline p99': ms(pct(blat, 99)),
      // CPU per registration (µs, summed over the runs): where the time goes, steadier than rates.
      'API µs/reg': perReg(rows, (r) => r.cpu.api),
      'PostgreSQL µs/reg': perReg(rows, (r) => r.cpu.postgres),
      'Redis µs/reg': perReg(rows, (r) => r.cpu.redis),
      'clients µs/reg': perReg(rows, (r) => r.cpu.client),
      'baseline PostgreSQL µs/ins': perReg(rows, (r) => r.baseline.cpu.postgres),
      // The load generator of each side, on the same cores: the rush's HTTP clients, the baseline's pg pool.
      'baseline clients µs/ins': perReg(rows, (r) => r.baseline.cpu.client),
      ratio: (regPerSec / basePerSec).toFixed(2),
    });
  }
  const floor = args.floor !== 'no' ? await measureFloor() : undefined;
  await db.query('DROP TABLE IF EXISTS bench_registrations_scratch');
  await db.end();
  if (!args.api) await dropBenchQueue(args['redis-url']).catch(() => undefined);

  console.log(
    `\nRegistration rush: N=${N} concurrent (${args.client} HTTP clients), ${RUNS} runs per capacity, ${apis.length} API process(es), pool ${POOL} per process\n`,
  );
  const cols = Object.keys(summary[0]);
  console.log(`| ${cols.join(' | ')} |`);
  console.log(`|${cols.map(() => '---').join('|')}|`);
  for (const row of summary) console.log(`| ${cols.map((c) => row[c]).join(' | ')} |`);
  if (floor) {
    const base = median(summary.map((r) => Number(r['baseline ins/s (median)'])));
    console.log(
      `\nHTTP floor (an empty NestJS route on Fastify, with the API's Node flags, same ${N} clients, ${RUNS} rounds): ${floor.rate.toFixed(0)} req/s = ${(floor.rate / base).toFixed(2)} of the median baseline, ${floor.cpuPerRequest.toFixed(0)} µs of CPU per request`,
    );
  }
  if (args.statements && !args.api) await printStatements();
  cleanup();
  process.exit(failed ? 1 : 0);
}

/** Stops the API processes and prints the shapes of their transactions that took a row lock. */
async function printStatements() {
  const apis = children.filter((c) => c.apiProcess && c.exitCode === null);
  await Promise.all(apis.map((c) => new Promise((ok) => (c.once('exit', ok), c.kill('SIGTERM')))));
  const counts = new Map();
  for (const line of existsSync(STATEMENTS_OUT) ? readFileSync(STATEMENTS_OUT, 'utf8').split('\n') : []) {
    for (const [shape, n] of line ? JSON.parse(line) : []) counts.set(shape, (counts.get(shape) ?? 0) + n);
  }
  rmSync(STATEMENTS_OUT, { force: true });
  console.log('\nTransactions that took a row lock, by their statements (the commonest first):\n');
  for (const [shape, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5)) {
    const list = shape.split(' | ');
    const underLock = list.length - list.findIndex((s) => s.endsWith('[LOCK]')) - 1;
    console.log(`- ${n}×, ${list.length} statements, ${underLock} after the lock: ${list.join(' → ')}`);
  }
}

/** The load generator's client pool (`--client`): `connections` keep-alive sockets. */
function newHttpPool(origin, connections) {
  if (args.client === 'undici') return new UndiciPool(origin, { connections, pipelining: 1 });
  if (args.client === 'raw') return new RawHttpPool(origin, { connections });
  throw new Error(`--client ${args.client}: raw or undici`);
}

/** The answer's body read to its end (undici streams it; the raw client has it already). */
const readBody = (res) => (Buffer.isBuffer(res.body) ? res.body : res.body.arrayBuffer());

/** The same rush against tools/bench/registration-rush/floor.cjs (no work behind the route). */
async function measureFloor() {
  const port = await freePort();
  // The API's Node flags (its young generation) for the floor too, so that both run alike; the
  // API's lean AsyncResource.bind (libs/api/platform) is not in the floor. BENCH_FLOOR_NODE_ARGS
  // (e.g. "--cpu-prof …") goes to the floor's process, to profile it alike.
  const nodeArgs = [...API_NODE_FLAGS, ...(process.env.BENCH_FLOOR_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const floorApp = resolve(root, 'tools/bench/registration-rush/floor.cjs');
  const child = spawn(process.execPath, [...nodeArgs, floorApp, String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise((ok, fail) => {
    child.stdout.on('data', (d) => /floor listening/.test(String(d)) && ok());
    child.on('exit', (code) => fail(new Error(`the floor app exited with code ${code}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  const client = newHttpPool(origin, N);
  const body = JSON.stringify({ email: 'floor@example.org', consent: true });
  const rates = [];
  let cpuMs = 0;
  for (let round = 0; round <= RUNS; round++) {
    const cpu0 = cpuMsOf(child.pid);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: N }, async () => {
        const res = await client.request({
          path: `/api/v1/dialogues/${randomUUID()}/registrations`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        await readBody(res);
      }),
    );
    if (round > 0) {
      // round 0 warms up
      rates.push(N / ((performance.now() - t0) / 1000));
      cpuMs += cpuMsOf(child.pid) - cpu0;
    }
  }
  await client.close();
  child.kill('SIGTERM');
  return { rate: median(rates), cpuPerRequest: (cpuMs * 1000) / (RUNS * N) };
}

main().catch((error) => {
  console.error(error);
  cleanup();
  process.exit(2);
});
