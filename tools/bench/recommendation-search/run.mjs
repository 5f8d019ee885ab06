#!/usr/bin/env node
// Recommendation search benchmark (docs/performance.md, "Recommendation search").
//
// Loads N published recommendations (default 50,000; English, French and Spanish thirds) into
// its own database, migrated by the built API at its boot, then times
// the search of GET /recommendations — the same SQL as RecommendationsRepository.search: the
// query read in the three accent-blind configurations (gfmd_english, gfmd_french, gfmd_spanish:
// unaccent, then the language's stemmer) OR-ed into one tsquery, the GIN index, ts_rank, the
// page's ts_headline — against the same question as a plain ILIKE scan (every word, any case,
// any accent: gfmd_unaccent(text) ILIKE gfmd_unaccent('%word%')), same filters, same page and
// count, in the same run. With the API built it also times the
// route over HTTP.
//
//   npx nx build api
//   node tools/bench/recommendation-search/run.mjs            # --rows 50000 --runs 200 --no-http
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { API_NODE_FLAGS } from '../../dev/api-node-flags.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '200' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/gfmd_bench_search' },
    'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
    'no-http': { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const DATABASE_URL = args['database-url'];
const children = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill()));

// ── word pools: realistic recommendation vocabulary per language ──────────────────────────────
const WORDS = {
  english: `strengthen ensure promote protect support facilitate develop improve expand recognise migrants workers
    seasonal labour mobility skills partnerships remittances diaspora housing health education children women
    returnees border governance regular pathways decent work social protection portable benefits recruitment
    fees ethical employers cities local authorities climate displacement data evidence integration inclusion
    access services justice family reunification qualifications training youth entrepreneurship digital
    financial inclusion costs transfers consular assistance detention alternatives trafficking smuggling`.split(/\s+/),
  french: `renforcer garantir promouvoir protéger soutenir faciliter développer améliorer élargir reconnaître
    migrants travailleurs saisonniers main-d'œuvre mobilité compétences partenariats envois fonds diaspora
    logement santé éducation enfants femmes rapatriés frontières gouvernance voies régulières travail décent
    protection sociale prestations transférables recrutement frais éthique employeurs villes autorités
    locales climat déplacements données intégration inclusion accès services justice regroupement familial
    qualifications formation jeunes entrepreneuriat numérique financière coûts transferts assistance consulaire`.split(
    /\s+/,
  ),
  spanish: `fortalecer garantizar promover proteger apoyar facilitar desarrollar mejorar ampliar reconocer migrantes
    trabajadores temporeros mano obra movilidad competencias alianzas remesas diáspora vivienda viviendas salud
    educación niños mujeres retornados fronteras gobernanza vías regulares trabajo decente protección social
    prestaciones portables contratación tarifas ética empleadores ciudades autoridades locales clima
    desplazamiento datos integración inclusión acceso servicios justicia reunificación familiar cualificaciones
    formación jóvenes emprendimiento digital financiera costes transferencias asistencia consular asequibles`.split(
    /\s+/,
  ),
};
const LANGS = Object.keys(WORDS);

// Queries people would type, with the ILIKE words a plain scan would look for.
const QUERIES = [
  ['seasonal workers', ['seasonal', 'workers']],
  ['remittances costs', ['remittances', 'costs']],
  ['housing', ['housing']],
  ['travailleurs saisonniers', ['travailleurs', 'saisonniers']],
  ['envois de fonds', ['envois', 'fonds']],
  ['logement', ['logement']],
  ['trabajadores temporeros', ['trabajadores', 'temporeros']],
  ['remesas', ['remesas']],
  ['vivienda asequible', ['vivienda', 'asequible']],
  ['climate displacement data', ['climate', 'displacement', 'data']],
  // typed without accents: found only because the search ignores them
  ['educacion ninos', ['educacion', 'ninos']],
  ['proteger etrangers', ['proteger', 'etrangers']],
];

let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const sentence = (lang) => {
  const n = 14 + Math.floor(rand() * 16);
  const words = Array.from({ length: n }, () => pick(WORDS[lang]));
  return `${words[0][0].toUpperCase()}${words[0].slice(1)} ${words.slice(1).join(' ')}.`;
};

async function ensureDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

const freePort = () =>
  new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });

const apiEnv = () => ({
  NODE_ENV: 'production',
  DATABASE_URL,
  REDIS_URL: args['redis-url'],
  JWT_SECRET: randomBytes(32).toString('hex'),
  PUBLIC_URL: 'http://localhost:3000',
  SMTP_URL: 'smtp://127.0.0.1:2525',
  ADMIN_EMAIL: 'bench-admin@example.org',
  ADMIN_PASSWORD: `Bench-${randomBytes(12).toString('hex')}`,
  SEED_DEMO: 'false',
  LOG_LEVEL: 'warn',
  QUEUE_PREFIX: '{gfmd-bench}',
  RATE_LIMIT_PER_MINUTE: '100000000',
});

async function startApi(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [...API_NODE_FLAGS, resolve(root, 'dist/apps/api/main.js')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).status === 200) return url;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the API did not become healthy within 60 s');
}

async function load(db) {
  const [theme] = (await db.query(`SELECT id FROM themes ORDER BY code LIMIT 1`)).rows;
  const themeId =
    theme?.id ?? (await db.query(`INSERT INTO themes (code, title) VALUES ('T1', 'Bench') RETURNING id`)).rows[0].id;
  const [process] = (await db.query(`SELECT id FROM processes WHERE slug = 'gcm-2017-2018'`)).rows;
  const session = (
    await db.query(
      `INSERT INTO informal_sessions (process_id, number, title, theme_id, starts_at, ends_at, venue, time_zone)
       VALUES ($2, 9001, 'Bench session', $1, now() + interval '60 days', now() + interval '61 days', 'Geneva', 'Europe/Zurich')
       RETURNING id`,
      [themeId, process.id],
    )
  ).rows[0].id;
  const dialogues = [];
  const perDialogue = 100;
  for (let d = 0; d < Math.ceil(ROWS / perDialogue); d++) {
    const { rows } = await db.query(
      `INSERT INTO dialogues (title, informal_session_id, theme_ids, starts_at, ends_at, time_zone, format, capacity, status)
       VALUES ($1, $2, $3, now() + interval '30 days', now() + interval '30 days 8 hours', 'Europe/Zurich', 'in_person', 100, 'published')
       RETURNING id`,
      [`Bench dialogue ${d + 1}`, session, [themeId]],
    );
    dialogues.push(rows[0].id);
  }
  const groups = ['government', 'civil_society', 'private_sector', 'local_authority', 'migrant_diaspora'];
  const kinds = ['policy_recommendation', 'good_practice', 'means_of_implementation', 'actionable_commitment'];
  const batch = 1000;
  for (let start = 0; start < ROWS; start += batch) {
    const values = [];
    const params = [];
    for (let i = start; i < Math.min(ROWS, start + batch); i++) {
      const d = Math.floor(i / perDialogue);
      const row = [
        `GFMD-GCM-T9001-D${String(d + 1).padStart(2, '0')}-R${String((i % perDialogue) + 1).padStart(2, '0')}`,
        randomUUID(),
        dialogues[d],
        session,
        sentence(LANGS[i % 3]),
        kinds[i % kinds.length],
        [themeId],
        [groups[i % groups.length]],
      ];
      const base = params.length;
      params.push(...row);
      values.push(
        `(${row.map((_, k) => `$${base + k + 1}`).join(', ')}, false, 1, now() - interval '1 second' * ${i}, now())`,
      );
    }
    await db.query(
      `INSERT INTO published_recommendations (reference, recommendation_id, dialogue_id, informal_session_id, text, kind,
         theme_ids, addressed_to, withdrawn, outcome_version, first_published_at, published_at)
       VALUES ${values.join(', ')}`,
      params,
    );
  }
  await db.query('ANALYZE published_recommendations');
}

// The search SQL of RecommendationsRepository.search (q only, first page of 20).
const MARK = `'StartSel=<mark>, StopSel=</mark>, MaxWords=40, MinWords=15, HighlightAll=false'`;
const FTS = `WITH q AS (SELECT websearch_to_tsquery('gfmd_english', $1) AS en, websearch_to_tsquery('gfmd_french', $1) AS fr,
                   websearch_to_tsquery('gfmd_spanish', $1) AS es),
  hits AS (SELECT r.reference, ts_rank(r.search, q.en || q.fr || q.es) AS rank, r.first_published_at AS at
             FROM published_recommendations r, q WHERE NOT r.withdrawn AND r.search @@ (q.en || q.fr || q.es) OFFSET 0),
  page AS (SELECT reference, rank, at, count(*) OVER ()::int AS total FROM hits ORDER BY rank DESC, reference LIMIT 20 OFFSET 0)
  SELECT r.reference, r.text, page.rank, page.total, CASE
      WHEN to_tsvector('gfmd_french', r.text) @@ q.fr THEN ts_headline('gfmd_french', r.text, q.fr, ${MARK})
      WHEN to_tsvector('gfmd_spanish', r.text) @@ q.es THEN ts_headline('gfmd_spanish', r.text, q.es, ${MARK})
      ELSE ts_headline('gfmd_english', r.text, q.en, ${MARK}) END AS highlight, d.title, d.starts_at
    FROM page JOIN published_recommendations r ON r.reference = page.reference
    JOIN dialogues d ON d.id = r.dialogue_id CROSS JOIN q
   ORDER BY page.rank DESC, page.reference`;
// The same question as a plain scan: every word, any case, any accent; newest first; same page and count.
const ilike = (words) => `SELECT x.*, d.title, d.starts_at FROM (
    SELECT r.reference, r.text, r.dialogue_id, count(*) OVER ()::int AS total
      FROM published_recommendations r
     WHERE NOT r.withdrawn AND ${words.map((_, i) => `gfmd_unaccent(r.text) ILIKE gfmd_unaccent($${i + 1})`).join(' AND ')}
     ORDER BY r.first_published_at DESC, r.reference LIMIT 20 OFFSET 0) x
  JOIN dialogues d ON d.id = x.dialogue_id`;

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (x) => `${x.toFixed(1)} ms`;

async function time(fn) {
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

/** EXPLAIN (ANALYZE, BUFFERS) of one search, to show the GIN index at work. */
async function explain(db, q) {
  const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${FTS}`, [q]);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function main() {
  if (!existsSync(resolve(root, 'dist/apps/api/main.js'))) throw new Error('run `npx nx build api` first');
  await ensureDatabase(DATABASE_URL);
  // The API migrates its empty database at boot (and serves the HTTP timings at the end).
  const api = await startApi(apiEnv());
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const t0 = Date.now();
  await load(db);
  console.log(`loaded ${ROWS} published recommendations in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // Warm both plans and the cache once, then time each query RUNS times, round-robin over QUERIES.
  for (const [q, words] of QUERIES) {
    await db.query(FTS, [q]);
    await db.query(
      ilike(words),
      words.map((w) => `%${w}%`),
    );
  }
  const matches = [];
  for (const [q, words] of QUERIES) {
    const a = (await db.query(FTS, [q])).rows[0]?.total ?? 0;
    const b =
      (
        await db.query(
          ilike(words),
          words.map((w) => `%${w}%`),
        )
      ).rows[0]?.total ?? 0;
    matches.push(`${q}: ${a} FTS / ${b} ILIKE`);
  }
  const fts = await time((i) => db.query(FTS, [QUERIES[i % QUERIES.length][0]]));
  const scan = await time((i) => {
    const words = QUERIES[i % QUERIES.length][1];
    return db.query(
      ilike(words),
      words.map((w) => `%${w}%`),
    );
  });
  let http = null;
  if (!args['no-http']) {
    for (const [q] of QUERIES) await fetch(`${api}/api/v1/recommendations?q=${encodeURIComponent(q)}`);
    http = await time(async (i) => {
      const res = await fetch(`${api}/api/v1/recommendations?q=${encodeURIComponent(QUERIES[i % QUERIES.length][0])}`);
      if (res.status !== 200) throw new Error(`GET /recommendations: ${res.status}`);
      await res.arrayBuffer();
    });
  }
  const plan = await explain(db, 'educacion ninos');
  await db.end();

  console.log(`\n${ROWS} rows, ${RUNS} runs per query kind, ${QUERIES.length} queries (EN/FR/ES) round-robin`);
  console.log('matches per query:', matches.join('; '));
  console.log('| query | p50 | p95 | max |');
  console.log('| --- | --- | --- | --- |');
  console.log(
    `| FTS (SQL of the repository) | ${fmt(pct(fts, 50))} | ${fmt(pct(fts, 95))} | ${fmt(Math.max(...fts))} |`,
  );
  console.log(`| ILIKE scan, same page | ${fmt(pct(scan, 50))} | ${fmt(pct(scan, 95))} | ${fmt(Math.max(...scan))} |`);
  if (http)
    console.log(
      `| GET /recommendations?q= (HTTP) | ${fmt(pct(http, 50))} | ${fmt(pct(http, 95))} | ${fmt(Math.max(...http))} |`,
    );
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the search for "educacion ninos":\n${plan}`);
  const ok = pct(fts, 95) <= 50;
  console.log(`\nFTS p95 ${ok ? '≤' : '>'} 50 ms target`);
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
