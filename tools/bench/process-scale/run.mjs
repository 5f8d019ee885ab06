#!/usr/bin/env node
// A whole process on one database (issue 20): the staff lists, stats, the process timeline, the
// CSV export and the outbox sweep, timed at a small and a large size in the same run, so each
// figure is read as a ratio (large p95 / small p95; the target is ≤ 2).
//
//   npx nx build api
//   node tools/bench/process-scale/run.mjs                     # sizes 1000,100000
//   node tools/bench/process-scale/run.mjs --sizes 1000,20000 --runs 20
//
// For each size N it makes a database afresh (gfmd_scale_<N>), lets the built API migrate it at
// boot (NODE_ENV=production, SEED_DEMO=false; the GCM process, themes and sessions are seeded),
// then loads with set-based SQL: N registrations spread over max(2, N/500) dialogues of the GCM
// process plus a flagship dialogue holding N registrations of its own (the worst case for a
// dialogue's list, page and CSV), 10·N outbox rows (99 % sent), N/2 published recommendations,
// 2·N audit lines (half of them the flagship's; nine people, one line in ten the admin's, one in
// a thousand a participant's erasure: the rare filter).
// Requests go through the API over HTTP, one client, after warm-up runs. The CSV export's memory
// is the API's RSS growth during one download of the flagship's CSV. The sweep is the outbox
// sweep's SQL run directly (`OutboxRepository.sweepCandidates`), timed the same way.
// Staff lists are timed in both forms: keyset pages (`after=<nextCursor>`, the cursor of a deep
// position fetched once, untimed, through the page-number form) and the page-number form kept for
// old clients (OFFSET: its deep pages still grow with the depth). The statements the API ran are
// read from pg_stat_statements after each size (top 8 by mean time; `--statements 0` to skip).
// Exit code 1 when an answer is not 200, the CSV does not hold every row (or a second download
// differs from the first, or the API's RSS grew by --csv-rss-limit MB or more), a keyset walk of the
// flagship (its registrations, its audit lines) misses or repeats a row, a cursor page (after or
// before) differs from the page-number page it stands for, or a total is wrong (exact below the
// cap, flagged as an estimate above it).
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
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
    sizes: { type: 'string', default: '1000,100000' },
    runs: { type: 'string', default: '30' },
    statements: { type: 'string', default: '8' },
    // Keep gfmd_scale_<N> when it is already loaded at that size (the API still migrates it at boot).
    reuse: { type: 'boolean', default: false },
    // Only the cases whose label matches (a regular expression, case-blind), e.g. --only CSV.
    only: { type: 'string', default: '' },
    // Node options for the API process, e.g. --api-args "--trace-gc" or "--heapsnapshot-signal=SIGUSR2".
    'api-args': { type: 'string', default: '' },
    // The most the API's RSS may grow while the CSV is downloaded twice (MB; issue 20: < 50).
    'csv-rss-limit': { type: 'string', default: '50' },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432' },
    'redis-url': { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
  },
});
const SIZES = args.sizes.split(',').map(Number);
const RUNS = Number(args.runs);
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
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

const ONLY = args.only ? new RegExp(args.only, 'i') : null;
const wanted = (label) => !ONLY || ONLY.test(label);

/** Whether `name` exists and holds the bench's load of size n (its flagship has n registrations). */
async function loadedDatabase(name, n) {
  const admin = new pg.Client({ connectionString: `${args['pg-url']}/postgres` });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount > 0;
  await admin.end();
  if (!exists) return false;
  const db = new pg.Client({ connectionString: `${args['pg-url']}/${name}` });
  await db.connect();
  try {
    const { rows } = await db.query(
      `SELECT count(*)::int n FROM registrations WHERE dialogue_id = (SELECT id FROM dialogues WHERE title = 'Flagship dialogue')
          AND EXISTS (SELECT 1 FROM bench_secret)`,
    );
    const audit = await db.query(`SELECT count(*)::int n FROM audit_events`);
    return rows[0].n === n && audit.rows[0].n >= 2 * n;
  } catch {
    return false;
  } finally {
    await db.end();
  }
}

async function benchSecret(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const { rows } = await db.query('SELECT admin_password FROM bench_secret');
  await db.end();
  return rows[0].admin_password;
}

async function freshDatabase(name) {
  const admin = new pg.Client({ connectionString: `${args['pg-url']}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

async function startApi(databaseUrl, admin) {
  const main = resolve(root, 'dist/apps/api/main.js');
  if (!existsSync(main)) throw new Error('dist/apps/api/main.js is missing: run `npx nx build api` first.');
  const port = await freePort();
  // The API's own Node flags first (apps/api/node-flags.json, as every launcher gives them).
  const nodeArgs = [...API_NODE_FLAGS, ...args['api-args'].split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: args['redis-url'],
      QUEUE_PREFIX: '{gfmd-scale}',
      JWT_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_URL: 'http://localhost:3000',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}/api/v1`;
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    if (
      await fetch(`${url}/health/ready`).then(
        (r) => r.status === 200,
        () => false,
      )
    )
      return { url, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the API did not become ready within 120 s');
}

/** The flagship dialogue's id, the process id and the number of dialogues of a loaded database. */
async function loaded(db) {
  const flagship = (await db.query(`SELECT id FROM dialogues WHERE title = 'Flagship dialogue'`)).rows[0].id;
  const processId = (await db.query(`SELECT id FROM processes WHERE slug = 'gcm-2017-2018'`)).rows[0].id;
  const dialogues = (await db.query(`SELECT count(*)::int n FROM dialogues`)).rows[0].n;
  return { flagship, processId, dialogues };
}

/** Set-based load of one size; answers the flagship dialogue's id, the process id and the counts. */
async function load(db, n) {
  const sessions = (await db.query(`SELECT id, theme_id FROM informal_sessions ORDER BY number`)).rows;
  const processId = (await db.query(`SELECT id FROM processes WHERE slug = 'gcm-2017-2018'`)).rows[0].id;
  const spread = Math.max(2, Math.round(n / 500));
  await db.query(
    `INSERT INTO dialogues (title, informal_session_id, theme_ids, starts_at, ends_at, time_zone, format, capacity, status)
     SELECT CASE WHEN i = 0 THEN 'Flagship dialogue' ELSE 'Dialogue ' || i END, (s.ids)[1 + i % array_length(s.ids, 1)],
            ARRAY[(s.themes)[1 + i % array_length(s.themes, 1)]], now() + (i || ' days')::interval,
            now() + (i || ' days')::interval + interval '8 hours', 'Europe/Zurich', 'in_person', $1, 'published'
       FROM generate_series(0, $2) i,
            (SELECT array_agg(id ORDER BY number) ids, array_agg(theme_id ORDER BY number) themes FROM informal_sessions) s`,
    [n * 2, spread],
  );
  const flagship = (await db.query(`SELECT id FROM dialogues WHERE title = 'Flagship dialogue'`)).rows[0].id;
  const others = (await db.query(`SELECT array_agg(id) ids FROM dialogues WHERE title LIKE 'Dialogue %'`)).rows[0].ids;
  // 2·N registrations: N in the flagship, N over the others. Status 70 % confirmed, 15 % waitlisted,
  // 5 % pending, 10 % cancelled; five groups; a handful of countries; unique addresses.
  await db.query(
    `INSERT INTO registrations (dialogue_id, email, email_normalized, first_name, last_name, organization,
                                stakeholder_group, country, status, preferred_language)
     SELECT CASE WHEN i <= $1 THEN $2::uuid ELSE ($3::uuid[])[1 + i % array_length($3::uuid[], 1)] END,
            'p' || i || '@bench.example', 'p' || i || '@bench.example',
            (ARRAY['Amina','Jean','María','Chen','Olga','Kofi','Ana','Omar'])[1 + i % 8],
            (ARRAY['Diallo','Martin','García','Wang','Ivanova','Mensah','Silva','Haddad','Nguyen','Smith'])[1 + (i / 8) % 10] || ' ' || (i % 997),
            'Organization ' || (i % 1500),
            (ARRAY['government','international_organization','civil_society','private_sector','academia'])[1 + i % 5],
            (ARRAY['FR','MX','SN','PH','DE','KE','IN','BR','MA','US'])[1 + (i / 5) % 10],
            CASE WHEN i % 20 < 14 THEN 'confirmed' WHEN i % 20 < 17 THEN 'waitlisted' WHEN i % 20 = 17 THEN 'pending' ELSE 'cancelled' END,
            (ARRAY['en','fr','es'])[1 + i % 3]
       FROM generate_series(1, $1 * 2) i`,
    [n, flagship, others],
  );
  await db.query(
    `UPDATE dialogues d SET confirmed_count = c.n FROM
       (SELECT dialogue_id, count(*) n FROM registrations WHERE status = 'confirmed' GROUP BY 1) c WHERE c.dialogue_id = d.id`,
  );
  await db.query(
    `INSERT INTO outbound_emails (kind, recipient, subject, idempotency_key, status, dialogue_id, created_at, updated_at)
     SELECT 'confirmation', 'p' || i || '@bench.example', 'Registration confirmed', 'bench:' || i,
            CASE WHEN i % 100 = 0 THEN 'failed' ELSE 'sent' END, $1::uuid,
            now() - (i || ' seconds')::interval, now() - (i || ' seconds')::interval
       FROM generate_series(1, $2 * 10) i`,
    [flagship, n],
  );
  await db.query(
    `INSERT INTO published_recommendations (reference, recommendation_id, dialogue_id, informal_session_id, text, kind,
                                            outcome_version, first_published_at, published_at, theme_ids)
     SELECT 'GFMD-BENCH-R' || i, gen_random_uuid(), d.id, d.informal_session_id,
            'Recommendation ' || i || ': ' || (ARRAY['protect seasonal workers','recognise skills','lower remittance costs',
              'include diaspora organizations','fair recruitment'])[1 + i % 5], 'policy_recommendation', 1, now(), now(), d.theme_ids
       FROM generate_series(1, $1 / 2) i
       JOIN LATERAL (SELECT id, informal_session_id, theme_ids FROM dialogues ORDER BY id OFFSET i % $2 LIMIT 1) d ON true`,
    [n, spread + 1],
  );
  // 2·N audit lines, newest first one second apart (microseconds apart within a second): half the
  // flagship's, the rest over the other dialogues; nine people (the admin one line in ten);
  // approvals, check-ins and changes, and one erasure in a thousand (the rare action filter).
  const adminId = (await db.query(`SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`)).rows[0].id;
  const actors = (await db.query(`SELECT array_agg(gen_random_uuid()) ids FROM generate_series(1, 8)`)).rows[0].ids;
  await db.query(
    `INSERT INTO audit_events (at, actor_user_id, action, entity_type, entity_id, dialogue_id, details)
     SELECT now() - (i || ' seconds')::interval - ((i % 997) || ' microseconds')::interval,
            CASE WHEN i % 10 = 0 THEN $4::uuid ELSE ($3::uuid[])[1 + i % 8] END,
            CASE WHEN i % 1000 = 7 THEN 'participant.erased'
                 ELSE (ARRAY['registration.approved','registration.checked_in','dialogue.changed'])[1 + i % 3] END,
            CASE WHEN i % 1000 <> 7 AND i % 3 = 2 THEN 'dialogue' ELSE 'registration' END,
            gen_random_uuid(),
            CASE WHEN i % 2 = 0 THEN $2::uuid ELSE ($5::uuid[])[1 + i % array_length($5::uuid[], 1)] END,
            CASE WHEN i % 1000 <> 7 AND i % 3 = 2 THEN '{"fields": ["capacity"]}'::jsonb ELSE '{}'::jsonb END
       FROM generate_series(1, $1 * 2) i`,
    [n, flagship, actors, adminId, others],
  );
  // As autovacuum leaves a loaded table (PostgreSQL 13+ vacuums after inserts too): statistics and
  // the visibility map, so index-only scans (stats, capped counts) read no heap.
  await db.query('VACUUM ANALYZE');
  return { flagship, processId, dialogues: spread + 1 };
}

/** The cells of an RFC 4180 text (quoted cells may hold commas, quotes and line ends), row by row. */
function* csvRecords(text) {
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      cell = '';
      i++;
      yield row;
      row = [];
    } else cell += c;
  }
  if (cell || row.length) yield [...row, cell];
}

const CSV_STATUS = {
  pending: 'Pending approval',
  confirmed: 'Confirmed',
  waitlisted: 'Waiting list',
  cancelled: 'Cancelled',
};
const CSV_GROUP = {
  government: 'Government',
  international_organization: 'International organization',
  civil_society: 'Civil society',
  private_sector: 'Private sector',
  academia: 'Academia',
};

/**
 * The export checked against the database, exactly: the byte-order mark and the English header,
 * then one row per registration of the flagship in arrival order — id, status and group labels,
 * address, names, organization and registration time — compared as a SHA-256 of every row's
 * cells on both sides, so a dropped, repeated, reordered or altered row fails. Answers the rows.
 */
async function checkCsv(db, flagship, csv, fail) {
  const { rows } = await db.query(
    `SELECT id, status, email, first_name, last_name, organization, stakeholder_group, created_at
       FROM registrations WHERE dialogue_id = $1 ORDER BY arrival`,
    [flagship],
  );
  const expected = createHash('sha256');
  for (const r of rows) {
    const cells = [r.id, CSV_STATUS[r.status], r.email, r.first_name, r.last_name, r.organization];
    expected.update(`${[...cells, CSV_GROUP[r.stakeholder_group], r.created_at.toISOString()].join('\u0001')}\n`);
  }
  if (!csv.startsWith('\uFEFFID,Status,Email,Title,First name,Last name,Organization'))
    fail('no BOM or not the English header');
  const got = createHash('sha256');
  let count = -1;
  for (const cells of csvRecords(csv.replace(/^\uFEFF/, ''))) {
    if (count++ < 0) continue; // the header
    got.update(`${[...cells.slice(0, 3), cells[4], cells[5], cells[6], cells[8], cells[15]].join('\u0001')}\n`);
  }
  if (count !== rows.length) fail(`${count} rows, expected ${rows.length}`);
  else if (got.digest('hex') !== expected.digest('hex'))
    fail('the rows differ from the database (SHA-256 of their cells)');
  return count;
}

async function timed(runs, fn) {
  for (let i = 0; i < 3; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { p50: pct(times, 50), p95: pct(times, 95) };
}

let failures = 0;
async function measureSize(n) {
  // GFMD_TEST_NS keeps one session's databases apart from another's on a shared server.
  const name = `gfmd_scale_${process.env.GFMD_TEST_NS ? `${process.env.GFMD_TEST_NS}_` : ''}${n}`;
  const databaseUrl = `${args['pg-url']}/${name}`;
  const reused = args.reuse && (await loadedDatabase(name, n));
  if (!reused) await freshDatabase(name);
  // The admin is made at boot only in an empty database: a reused one keeps its password (in a
  // table of the bench's own, written after the load).
  const admin = { email: 'scale-admin@example.org', password: `Scale-${randomBytes(12).toString('hex')}` };
  if (reused) admin.password = await benchSecret(databaseUrl);
  const api = await startApi(databaseUrl, admin);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const t0 = performance.now();
  const { flagship, processId, dialogues } = reused ? await loaded(db) : await load(db, n);
  const loadSeconds = (performance.now() - t0) / 1000;
  if (!reused) {
    await db.query('CREATE TABLE bench_secret (admin_password text NOT NULL)');
    await db.query('INSERT INTO bench_secret VALUES ($1)', [admin.password]);
  }
  const login = await fetch(`${api.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  }).then((r) => r.json());
  const headers = { authorization: `Bearer ${login.accessToken ?? login.token}` };
  const adminUserId = (await db.query('SELECT id FROM users WHERE email = $1', [admin.email])).rows[0].id;
  const get = async (path) => {
    const res = await fetch(`${api.url}${path}`, { headers });
    const body = await res.arrayBuffer();
    if (res.status !== 200) {
      failures++;
      throw new Error(`${path}: ${res.status} ${Buffer.from(body).toString().slice(0, 200)}`);
    }
    return body;
  };
  const activeFlagship = n; // every flagship registration is listed (no status filter)
  const lastPage = Math.ceil(activeFlagship / 50);
  const outboxTotal = n * 10;
  const json = async (path) => JSON.parse(Buffer.from(await get(path)).toString());
  const check = (ok, what) => {
    if (!ok) {
      failures++;
      console.error(`size ${n}: ${what}`);
    }
  };
  const regs = `/dialogues/${flagship}/registrations`;
  // Deep cursors, each from the page before it in the page-number form (untimed); the cursor page
  // must hold the same rows as the page-number page after it.
  const cursorAfter = async (listPath, page, pageSize) => {
    const sep = listPath.includes('?') ? '&' : '?';
    const before = await json(`${listPath}${sep}pageSize=${pageSize}&page=${page - 1}`);
    const byNumber = await json(`${listPath}${sep}pageSize=${pageSize}&page=${page}`);
    const byCursor = await json(`${listPath}${sep}pageSize=${pageSize}&page=${page}&after=${before.nextCursor}`);
    const ids = (b) => b.items.map((r) => r.id).join();
    check(
      before.nextCursor && ids(byCursor) === ids(byNumber) && byNumber.items.length > 0,
      `${listPath} page ${page}: the cursor page differs from the page-number page`,
    );
    return before.nextCursor;
  };
  // The same backwards: the prevCursor of the page after, and the page it stands for.
  const cursorBefore = async (listPath, page, pageSize) => {
    const sep = listPath.includes('?') ? '&' : '?';
    const after = await json(`${listPath}${sep}pageSize=${pageSize}&page=${page + 1}`);
    const byNumber = await json(`${listPath}${sep}pageSize=${pageSize}&page=${page}`);
    const byCursor = await json(`${listPath}${sep}pageSize=${pageSize}&page=${page}&before=${after.prevCursor}`);
    const ids = (b) => b.items.map((r) => r.id).join();
    check(
      after.prevCursor && ids(byCursor) === ids(byNumber) && byNumber.items.length > 0,
      `${listPath} page ${page}: the page before the prevCursor differs from the page-number page`,
    );
    return after.prevCursor;
  };
  // Correctness first, untimed (skipped with --only): a keyset walk of the whole flagship (500 a
  // page) reads each row once; totals are exact below the cap, an estimate (flagged) above it.
  if (!ONLY) {
    const seen = new Set();
    let walked = 0;
    let pages = 0;
    for (let after = null; ;) {
      const body = await json(`${regs}?pageSize=500${after ? `&after=${after}` : ''}`);
      for (const r of body.items) seen.add(r.id);
      walked += body.items.length;
      pages++;
      if (!body.nextCursor || pages > n / 500 + 2) break;
      after = body.nextCursor;
    }
    check(
      walked === n && seen.size === n,
      `keyset walk of the flagship read ${walked} rows, ${seen.size} distinct, expected ${n}`,
    );
    const first = await json(`${regs}?pageSize=50`);
    const cap = 1000;
    check(
      n <= cap ? first.total === n && !first.totalIsEstimate : first.totalIsEstimate === true && first.total > cap,
      `flagship total ${first.total} (estimate: ${first.totalIsEstimate}) for ${n} rows`,
    );
    // The flagship's audit lines by keyset (200 a page, the most the API gives): each once.
    const auditSeen = new Set();
    let auditWalked = 0;
    pages = 0;
    for (let after = null; ;) {
      const body = await json(`/audit?dialogueId=${flagship}&pageSize=200${after ? `&after=${after}` : ''}`);
      for (const r of body.items) auditSeen.add(r.id);
      auditWalked += body.items.length;
      pages++;
      if (!body.nextCursor || pages > n / 200 + 2) break;
      after = body.nextCursor;
    }
    check(
      auditWalked === n && auditSeen.size === n,
      `keyset walk of the flagship's audit read ${auditWalked} lines, ${auditSeen.size} distinct, expected ${n}`,
    );
    const erased = await json('/audit?action=participant.erased&pageSize=1');
    const erasedLines = Math.floor((2 * n + 993) / 1000); // i % 1000 = 7 for i in 1..2n
    check(
      erasedLines <= cap ? erased.total === erasedLines && !erased.totalIsEstimate : erased.totalIsEstimate === true,
      `erasure audit total ${erased.total} (estimate: ${erased.totalIsEstimate}) for ${erasedLines} lines`,
    );
    const failedOutbox = await json('/outbox?status=failed&pageSize=1');
    const failedRows = Math.floor(outboxTotal / 100);
    check(
      failedRows <= cap
        ? failedOutbox.total === failedRows && !failedOutbox.totalIsEstimate
        : failedOutbox.totalIsEstimate === true,
      `failed outbox total ${failedOutbox.total} (estimate: ${failedOutbox.totalIsEstimate}) for ${failedRows} rows`,
    );
  }
  const groupPage = Math.max(2, Math.floor(lastPage / 10));
  const outboxDeep = Math.min(100000, Math.floor(outboxTotal / 400));
  // (Only those of the cases to run.)
  const lastCursor = wanted('registrations, last page (cursor)') && (await cursorAfter(regs, lastPage, 50));
  const groupCursor =
    wanted('registrations, group, middle page (cursor)') &&
    (await cursorAfter(`${regs}?stakeholderGroup=academia`, groupPage, 50));
  const outboxCursor = wanted('outbox, deep page (cursor)') && (await cursorAfter('/outbox', outboxDeep, 200));
  // The audit log: 2·N lines, a deep page at nine tenths of the way (50 a page).
  const auditDeep = Math.max(2, Math.floor(((2 * n) / 50) * 0.9));
  const auditCursor = wanted('audit, deep page (cursor)') && (await cursorAfter('/audit', auditDeep, 50));
  const auditBackCursor =
    wanted('audit, deep page backwards (cursor)') && (await cursorBefore('/audit', auditDeep, 50));
  const auditDialogueDeep = Math.max(2, Math.floor((n / 50) * 0.9));
  const auditDialogueCursor =
    wanted('audit, one dialogue, deep page (cursor)') &&
    (await cursorAfter(`/audit?dialogueId=${flagship}`, auditDialogueDeep, 50));
  let statements = Number(args.statements) > 0;
  if (statements) {
    try {
      await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await db.query('SELECT pg_stat_statements_reset()');
    } catch (error) {
      statements = false; // not in shared_preload_libraries on this server
      console.error(`size ${n}: no statement statistics (${error.message})`);
    }
  }
  const cases = [
    ['registrations, page 1', `${regs}?pageSize=50`],
    ['registrations, last page (cursor)', `${regs}?pageSize=50&page=${lastPage}&after=${lastCursor}`],
    ['registrations, last page (page number)', `${regs}?pageSize=50&page=${lastPage}`],
    ['registrations, waitlisted, page 1', `${regs}?status=waitlisted&pageSize=50`],
    [
      'registrations, group, middle page (cursor)',
      `${regs}?stakeholderGroup=academia&pageSize=50&page=${groupPage}&after=${groupCursor}`,
    ],
    [
      'registrations, group, middle page (page number)',
      `${regs}?stakeholderGroup=academia&pageSize=50&page=${groupPage}`,
    ],
    ['registrations, name search', `${regs}?q=Mensah&pageSize=50`],
    ['registrations, rare search', `${regs}?q=${encodeURIComponent('p77@bench')}&pageSize=50`],
    ['stats', `/dialogues/${flagship}/stats`],
    ['process timeline', `/processes/${processId}/timeline`],
    ['outbox, page 1', `/outbox?pageSize=50`],
    ['outbox, deep page (cursor)', `/outbox?pageSize=200&page=${outboxDeep}&after=${outboxCursor}`],
    ['outbox, deep page (page number)', `/outbox?pageSize=200&page=${outboxDeep}`],
    ['outbox, failed', `/outbox?status=failed&pageSize=50`],
    ['outbox, one dialogue', `/outbox?dialogueId=${flagship}&pageSize=50`],
    ['audit, page 1', `/audit?pageSize=50`],
    ['audit, deep page (cursor)', `/audit?pageSize=50&page=${auditDeep}&after=${auditCursor}`],
    ['audit, deep page backwards (cursor)', `/audit?pageSize=50&page=${auditDeep}&before=${auditBackCursor}`],
    ['audit, deep page (page number)', `/audit?pageSize=50&page=${auditDeep}`],
    [
      'audit, one dialogue, deep page (cursor)',
      `/audit?dialogueId=${flagship}&pageSize=50&page=${auditDialogueDeep}&after=${auditDialogueCursor}`,
    ],
    ['audit, one person, page 1', `/audit?actor=${adminUserId}&pageSize=50`],
    ['audit, rare action, page 1', `/audit?action=participant.erased&pageSize=50`],
    ['recommendations, page 1', `/recommendations?pageSize=20`],
    ['recommendations, search', `/recommendations?q=remittance&pageSize=20`],
  ];
  const results = {};
  for (const [label, path] of cases) if (wanted(label)) results[label] = await timed(RUNS, () => get(path));

  // CSV of the flagship: wall time, rows, the API's RSS growth sampled every 20 ms (peak during the
  // download, and what is left 2 s after), and its exact content (checkCsv). Then a second
  // download, and the peak of both over the first's starting RSS: V8 keeps promoted garbage until
  // its next major GC (docs/performance.md, "Session 10"), so this shows how far the old
  // generation is let grow before one, not by itself a leak.
  if (wanted('CSV export (flagship)')) {
    const before = rssKb(api.child.pid);
    const download = async () => {
      let peak = rssKb(api.child.pid);
      const sampler = setInterval(() => (peak = Math.max(peak, rssKb(api.child.pid))), 20);
      const c0 = performance.now();
      const csv = Buffer.from(await get(`/dialogues/${flagship}/registrations.csv`)).toString();
      const csvMs = performance.now() - c0;
      clearInterval(sampler);
      await new Promise((r) => setTimeout(r, 2000));
      return { csv, csvMs, peak };
    };
    const first = await download();
    const after = rssKb(api.child.pid);
    const csvRows = await checkCsv(db, flagship, first.csv, (what) => check(false, `CSV: ${what}`));
    const digest = (csv) => createHash('sha256').update(csv).digest('hex');
    const firstDigest = digest(first.csv);
    first.csv = '';
    const second = await download();
    check(digest(second.csv) === firstDigest, 'CSV: the second download differs from the first');
    second.csv = '';
    const limit = Number(args['csv-rss-limit']);
    const grown = (Math.max(first.peak, second.peak) - before) / 1024;
    check(grown < limit, `CSV: the API's RSS grew by ${grown.toFixed(0)} MB over two downloads (limit ${limit} MB)`);
    results['CSV export (flagship)'] = {
      p50: first.csvMs,
      p95: first.csvMs,
      rssMb: (first.peak - before) / 1024,
      rssAfterMb: (after - before) / 1024,
      rssSecondMb: (Math.max(first.peak, second.peak) - before) / 1024,
      rows: csvRows,
    };
  }

  // The outbox sweep's two statements, as OutboxRepository.sweepCandidates runs them.
  if (wanted('outbox sweep (SQL)'))
    results['outbox sweep (SQL)'] = await timed(RUNS, async () => {
      await db.query(
        `(SELECT id, status, send_after FROM outbound_emails
         WHERE status = 'pending' AND ((send_after IS NULL AND updated_at < now() - $2 * interval '1 millisecond')
                OR send_after <= now() + $3 * interval '1 millisecond')
         ORDER BY send_after NULLS FIRST, created_at LIMIT $1)
       UNION ALL
       (SELECT id, status, send_after FROM outbound_emails WHERE status = 'sending' AND locked_until < now() ORDER BY locked_until LIMIT $1)`,
        [500, 60000, 60000],
      );
      await db.query(
        `SELECT id, status, send_after FROM outbound_emails
        WHERE status = 'queued' AND id > $2 AND updated_at < now() - $3 * interval '1 millisecond' ORDER BY id LIMIT $1`,
        [500, '00000000-0000-0000-0000-000000000000', 60000],
      );
    });
  if (statements) {
    const top = await db.query(
      `SELECT calls, round(mean_exec_time::numeric, 2) AS mean_ms, round(max_exec_time::numeric, 1) AS max_ms,
              shared_blks_hit + shared_blks_read AS blocks, regexp_replace(left(query, 150), '\\s+', ' ', 'g') AS query
         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY mean_exec_time DESC LIMIT $1`,
      [Number(args.statements)],
    );
    console.log(`size ${n}: slowest statements by mean time (pg_stat_statements, during the timed cases)`);
    for (const r of top.rows)
      console.log(`  ${r.mean_ms} ms mean, ${r.max_ms} max, ${r.calls} calls, ${r.blocks} blocks: ${r.query}`);
  }
  await db.end();
  api.child.kill('SIGTERM');
  console.log(
    `size ${n}: ${2 * n} registrations over ${dialogues} dialogues (flagship ${n}), ${outboxTotal} outbox rows, ` +
      `${Math.floor(n / 2)} recommendations, ${2 * n} audit lines; ${reused ? 'reused (--reuse)' : `loaded in ${loadSeconds.toFixed(1)} s`}`,
  );
  return results;
}

const bySize = [];
for (const n of SIZES) bySize.push(await measureSize(n));
const [small, ...larger] = bySize;
const head = [
  'case',
  ...SIZES.map((n) => `p50 / p95 at ${n}`),
  ...larger.map((_, i) => `p95 ratio ${SIZES[i + 1]}/${SIZES[0]}`),
];
console.log(`\n| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const label of Object.keys(small)) {
  const cells = bySize.map((r) => {
    const x = r[label];
    const extra =
      x.rssMb === undefined
        ? ''
        : ` (RSS peak +${x.rssMb.toFixed(0)} MB, +${x.rssAfterMb.toFixed(0)} MB 2 s after, ` +
          `+${x.rssSecondMb.toFixed(0)} MB after a second download, ${x.rows} rows)`;
    return `${ms(x.p50)} / ${ms(x.p95)} ms${extra}`;
  });
  const ratios = larger.map((r) => (r[label].p95 / small[label].p95).toFixed(1));
  console.log(`| ${label} | ${cells.join(' | ')} | ${ratios.join(' | ')} |`);
}
process.exit(failures ? 1 : 0);
