#!/usr/bin/env node
// EXPLAIN (ANALYZE, BUFFERS) of the process-scale queries before and after issue 20's second bar,
// on a database the bench has loaded (it keeps gfmd_scale_<N>):
//
//   node tools/bench/process-scale/explain.mjs --db gfmd_scale_100000 [--full] [--only <regex>]
//
// "before" is the statement the API ran before (full count, OFFSET, ILIKE over five columns),
// with the indexes of migration 1765400000501 dropped inside a transaction that is rolled back
// (the former outbox index recreated in it; the audit log's indexes of migration 1765600000401 the
// same: the former `(x, at DESC)` ones back); "after" is the statement it runs now. Each plan is
// printed summarised (its first lines, buffers and time) unless --full.
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'gfmd_scale_100000' },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432' },
    full: { type: 'boolean', default: false },
    // Only the cases whose label matches (a regular expression, case-blind), e.g. --only recommendations.
    only: { type: 'string', default: '' },
  },
});
const db = new pg.Client({ connectionString: `${args['pg-url']}/${args.db}` });
await db.connect();
const flagship = (await db.query(`SELECT id FROM dialogues WHERE title = 'Flagship dialogue'`)).rows[0].id;
const n = Number((await db.query(`SELECT count(*) n FROM registrations WHERE dialogue_id = $1`, [flagship])).rows[0].n);
const lastArrival = (
  await db.query(`SELECT arrival FROM registrations WHERE dialogue_id = $1 ORDER BY arrival OFFSET $2 LIMIT 1`, [
    flagship,
    n - 51,
  ])
).rows[0].arrival;
const mid = (
  await db.query(`SELECT created_at, id FROM outbound_emails ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1`, [
    (n * 10) / 2 - 1,
  ])
).rows[0];
// The audit log (2·N lines, half the flagship's): the line nine tenths of the way down, overall,
// in the flagship and for one person; the API pages after (before) it by keyset.
const auditLines = Number((await db.query(`SELECT count(*) n FROM audit_events`)).rows[0].n);
const auditAt = async (where, params, offset) =>
  (
    await db.query(
      `SELECT at, id FROM audit_events ${where} ORDER BY at DESC, id DESC OFFSET $${params.length + 1} LIMIT 1`,
      [...params, offset],
    )
  ).rows[0];
const auditDeep = Math.floor(auditLines * 0.9);
const auditMid = await auditAt('', [], auditDeep);
const auditFlagship = await auditAt('WHERE dialogue_id = $1', [flagship], Math.floor(n * 0.9));
const auditActor = (
  await db.query(
    `SELECT actor_user_id FROM audit_events WHERE actor_user_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  )
).rows[0].actor_user_id;
const actorLines = Number(
  (await db.query(`SELECT count(*) n FROM audit_events WHERE actor_user_id = $1`, [auditActor])).rows[0].n,
);
const auditOfActor = await auditAt('WHERE actor_user_id = $1', [auditActor], Math.floor(actorLines * 0.9));
const AUDIT_COLUMNS = `id, at, actor_user_id, action, entity_type, entity_id, dialogue_id, details`;
const AUDIT_AFTER = (op, first) =>
  `(at, id) ${op} (COALESCE((SELECT c.at FROM audit_events c WHERE c.id = $${first}), $${first + 1}::timestamptz), $${first})`;
const SEARCH = `(r.email_normalized || ' ' || r.first_name || ' ' || r.last_name || ' ' || r.organization)`;
const OLD_SEARCH = `(r.email_normalized ILIKE $2 OR r.first_name ILIKE $2 OR r.last_name ILIKE $2 OR r.organization ILIKE $2
          OR (r.first_name || ' ' || r.last_name) ILIKE $2)`;
const TSQUERY = `(websearch_to_tsquery('gfmd_english', $1) || websearch_to_tsquery('gfmd_french', $1)
                  || websearch_to_tsquery('gfmd_spanish', $1))`;
const BEFORE = [
  'DROP INDEX registrations_search_trgm_idx',
  'DROP INDEX registrations_stats_idx',
  'DROP INDEX outbound_emails_dialogue_created_idx',
  'DROP INDEX outbound_emails_unsent_created_idx',
  'DROP INDEX outbound_emails_created_id_idx',
  'CREATE INDEX outbound_emails_created_idx ON outbound_emails (created_at DESC, id)',
  'DROP INDEX audit_events_actor_at_id_idx',
  'DROP INDEX audit_events_entity_at_id_idx',
  'DROP INDEX audit_events_dialogue_at_id_idx',
  'DROP INDEX audit_events_action_at_id_idx',
  'DROP INDEX audit_events_entity_type_at_id_idx',
  'CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, at DESC)',
  'CREATE INDEX audit_events_entity_idx ON audit_events (entity_id, at DESC)',
  'CREATE INDEX audit_events_dialogue_idx ON audit_events (dialogue_id, at DESC)',
];
const cases = [
  [
    'registrations: the count of page 1',
    `SELECT count(*)::int FROM registrations r WHERE r.dialogue_id = $1`,
    `SELECT count(*)::int FROM (SELECT 1 FROM registrations r WHERE r.dialogue_id = $1 LIMIT 1001) capped`,
    [flagship],
  ],
  [
    'registrations: the last page',
    `SELECT r.* FROM registrations r WHERE r.dialogue_id = $1 ORDER BY r.arrival LIMIT 50 OFFSET ${n - 50}`,
    `SELECT r.* FROM registrations r WHERE r.dialogue_id = $1 AND r.arrival > $2 ORDER BY r.arrival LIMIT 50`,
    [flagship],
    [flagship, lastArrival],
  ],
  [
    'registrations: name search, page 1',
    `SELECT r.* FROM registrations r WHERE r.dialogue_id = $1 AND ${OLD_SEARCH} ORDER BY r.arrival LIMIT 50`,
    `SELECT r.* FROM registrations r WHERE r.dialogue_id = $1 AND ${SEARCH} ILIKE $2 ORDER BY r.arrival LIMIT 50`,
    [flagship, '%Mensah%'],
  ],
  [
    'registrations: name search, its count',
    `SELECT count(*)::int FROM registrations r WHERE r.dialogue_id = $1 AND ${OLD_SEARCH}`,
    `SELECT count(*)::int FROM (SELECT 1 FROM registrations r WHERE r.dialogue_id = $1 AND ${SEARCH} ILIKE $2 LIMIT 1001) capped`,
    [flagship, '%Mensah%'],
  ],
  [
    'registrations: a rare search (one address)',
    `SELECT r.* FROM registrations r WHERE r.dialogue_id = $1 AND ${OLD_SEARCH} ORDER BY r.arrival LIMIT 50`,
    `SELECT r.* FROM registrations r WHERE r.dialogue_id = $1 AND ${SEARCH} ILIKE $2 ORDER BY r.arrival LIMIT 50`,
    [flagship, '%p77@bench%'],
  ],
  [
    'stats: by status, group and attendance',
    `SELECT r.status, r.stakeholder_group, r.attendance, count(*)::int FROM registrations r WHERE r.dialogue_id = $1 GROUP BY 1, 2, 3`,
    `SELECT r.status, r.stakeholder_group, r.attendance, count(*)::int FROM registrations r WHERE r.dialogue_id = $1 GROUP BY 1, 2, 3`,
    [flagship],
  ],
  [
    'outbox: the count of page 1',
    `SELECT count(*)::int FROM outbound_emails o`,
    `SELECT count(*)::int FROM (SELECT 1 FROM outbound_emails o LIMIT 1001) capped`,
    [],
  ],
  [
    'outbox: page 1',
    `SELECT o.id, o.created_at FROM outbound_emails o ORDER BY o.created_at DESC, o.id DESC LIMIT 50`,
    `SELECT o.id, o.created_at FROM outbound_emails o ORDER BY o.created_at DESC, o.id DESC LIMIT 50`,
    [],
  ],
  [
    'outbox: a page in the middle',
    `SELECT o.id, o.created_at FROM outbound_emails o ORDER BY o.created_at DESC, o.id DESC LIMIT 200 OFFSET ${(n * 10) / 2}`,
    `SELECT o.id, o.created_at FROM outbound_emails o
      WHERE (o.created_at, o.id) < (COALESCE((SELECT c.created_at FROM outbound_emails c WHERE c.id = $1), $2::timestamptz), $1)
      ORDER BY o.created_at DESC, o.id DESC LIMIT 200`,
    [],
    [mid.id, mid.created_at],
  ],
  [
    'outbox: failed, page 1',
    `SELECT o.id, o.created_at FROM outbound_emails o WHERE o.status = 'failed' ORDER BY o.created_at DESC, o.id DESC LIMIT 50`,
    `SELECT o.id, o.created_at FROM outbound_emails o WHERE o.status = 'failed' ORDER BY o.created_at DESC, o.id DESC LIMIT 50`,
    [],
  ],
  [
    'outbox: one dialogue, page 1',
    `SELECT o.id, o.created_at FROM outbound_emails o WHERE o.dialogue_id = $1 ORDER BY o.created_at DESC, o.id DESC LIMIT 50`,
    `SELECT o.id, o.created_at FROM outbound_emails o WHERE o.dialogue_id = $1 ORDER BY o.created_at DESC, o.id DESC LIMIT 50`,
    [flagship],
  ],
  // Session 11: the audit log by keyset, each filter on an index ending in (at, id).
  [
    'audit: a page nine tenths of the way down',
    `SELECT ${AUDIT_COLUMNS} FROM audit_events ORDER BY at DESC, id DESC LIMIT 51 OFFSET ${auditDeep}`,
    `SELECT ${AUDIT_COLUMNS} FROM audit_events WHERE ${AUDIT_AFTER('<', 1)} ORDER BY at DESC, id DESC LIMIT 51`,
    [],
    [auditMid.id, auditMid.at],
  ],
  [
    'audit: the same page backwards (before its prevCursor)',
    `SELECT ${AUDIT_COLUMNS} FROM audit_events ORDER BY at DESC, id DESC LIMIT 51 OFFSET ${auditDeep - 50}`,
    `SELECT ${AUDIT_COLUMNS} FROM audit_events WHERE ${AUDIT_AFTER('>', 1)} ORDER BY at ASC, id ASC LIMIT 51`,
    [],
    [auditMid.id, auditMid.at],
  ],
  [
    'audit: the flagship, a page nine tenths of the way down',
    `SELECT ${AUDIT_COLUMNS} FROM audit_events WHERE dialogue_id = $1 ORDER BY at DESC, id DESC LIMIT 51 OFFSET ${Math.floor(n * 0.9)}`,
    `SELECT ${AUDIT_COLUMNS} FROM audit_events WHERE dialogue_id = $1 AND ${AUDIT_AFTER('<', 2)} ORDER BY at DESC, id DESC LIMIT 51`,
    [flagship],
    [flagship, auditFlagship.id, auditFlagship.at],
  ],
  [
    'audit: one person, a page nine tenths of the way down',
    `SELECT ${AUDIT_COLUMNS} FROM audit_events WHERE actor_user_id = $1 ORDER BY at DESC, id DESC LIMIT 51 OFFSET ${Math.floor(actorLines * 0.9)}`,
    `SELECT ${AUDIT_COLUMNS} FROM audit_events WHERE actor_user_id = $1 AND ${AUDIT_AFTER('<', 2)} ORDER BY at DESC, id DESC LIMIT 51`,
    [auditActor],
    [auditActor, auditOfActor.id, auditOfActor.at],
  ],
  [
    'audit: a rare action (erasures), page 1',
    `SELECT ${AUDIT_COLUMNS} FROM audit_events WHERE action = 'participant.erased' ORDER BY at DESC, id DESC LIMIT 51`,
    `SELECT ${AUDIT_COLUMNS} FROM audit_events WHERE action = 'participant.erased' ORDER BY at DESC, id DESC LIMIT 51`,
    [],
  ],
  [
    'audit: a rare action (erasures), its capped count',
    `SELECT count(*)::int FROM (SELECT 1 FROM audit_events WHERE action = 'participant.erased' LIMIT 1001) capped`,
    `SELECT count(*)::int FROM (SELECT 1 FROM audit_events WHERE action = 'participant.erased' LIMIT 1001) capped`,
    [],
  ],
  // Session 10: a search ranks its 1,001 newest hits at most (the tsquery inline, so the planner
  // sees how common the word is), instead of every hit.
  ...['remittance', 'fair recruitment', '12345'].map((word) => [
    `recommendations: search "${word}", top page of 20`,
    `WITH q AS (SELECT websearch_to_tsquery('gfmd_english', $1) AS en, websearch_to_tsquery('gfmd_french', $1) AS fr,
                       websearch_to_tsquery('gfmd_spanish', $1) AS es),
     hits AS (SELECT r.reference, ts_rank(r.search, q.en || q.fr || q.es) AS rank, r.first_published_at AS at
                FROM published_recommendations r, q WHERE NOT r.withdrawn AND r.search @@ (q.en || q.fr || q.es) OFFSET 0),
     page AS (SELECT reference, rank, at, count(*) OVER ()::int AS total FROM hits ORDER BY rank DESC, reference LIMIT 20)
     SELECT page.* FROM page JOIN published_recommendations r ON r.reference = page.reference ORDER BY page.rank DESC, page.reference`,
    `WITH hits AS (SELECT r.reference, r.search, r.first_published_at AS at FROM published_recommendations r
                    WHERE NOT r.withdrawn AND r.search @@ ${TSQUERY} ORDER BY r.first_published_at DESC, r.reference LIMIT 1001),
     page AS (SELECT reference, ts_rank(search, ${TSQUERY}) AS rank, at, count(*) OVER ()::int AS total FROM hits
               ORDER BY rank DESC, reference LIMIT 20)
     SELECT page.* FROM page JOIN published_recommendations r ON r.reference = page.reference ORDER BY page.rank DESC, page.reference`,
    [word],
  ]),
  [
    'outbox sweep: stale (pending due, sending past lease)',
    null,
    `(SELECT id, status, send_after FROM outbound_emails
       WHERE status = 'pending' AND ((send_after IS NULL AND updated_at < now() - $2 * interval '1 millisecond')
              OR send_after <= now() + $3 * interval '1 millisecond')
       ORDER BY send_after NULLS FIRST, created_at LIMIT $1)
     UNION ALL
     (SELECT id, status, send_after FROM outbound_emails WHERE status = 'sending' AND locked_until < now() ORDER BY locked_until LIMIT $1)`,
    [500, 60000, 60000],
  ],
  [
    'outbox retention: one batch of 5,000 (sent more than 180 days ago; rolled back)',
    null,
    `DELETE FROM outbound_emails WHERE id = ANY(ARRAY(
       SELECT id FROM outbound_emails WHERE created_at < $1 AND status = 'sent' AND (sent_at IS NULL OR sent_at < $1)
        ORDER BY created_at, id LIMIT $2))`,
    [new Date(Date.now() - 2 * 86400000), 5000],
  ],
];

const summarise = (rows) => {
  const lines = rows.map((r) => r['QUERY PLAN']);
  if (args.full) return lines.join('\n');
  const time = lines.find((l) => l.startsWith('Execution Time')) ?? '';
  const nodes = lines.filter((l) => /->|^\S/.test(l) && !/^(Planning|Execution)/.test(l)).slice(0, 6);
  const buffers = lines.find((l) => l.trim().startsWith('Buffers:')) ?? '';
  return [...nodes.map((l) => l.replace(/\s+\(cost=[^)]*\)/, '')), `  ${buffers.trim()}`, `  ${time}`].join('\n');
};
const explain = async (text, params) => summarise((await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params)).rows);

console.log(`${args.db}: flagship ${n} registrations`);
const ONLY = args.only ? new RegExp(args.only, 'i') : null;
for (const [label, before, after, params, afterParams] of cases) {
  if (ONLY && !ONLY.test(label)) continue;
  console.log(`\n### ${label}`);
  if (before) {
    await db.query('BEGIN');
    for (const ddl of BEFORE) await db.query(ddl);
    await db.query('ANALYZE outbound_emails');
    await db.query('ANALYZE audit_events');
    await explain(before, params); // warm
    console.log(`before:\n${await explain(before, params)}`);
    await db.query('ROLLBACK');
  }
  await db.query('BEGIN');
  await explain(after, afterParams ?? params);
  console.log(`after:\n${await explain(after, afterParams ?? params)}`);
  await db.query('ROLLBACK');
}
await db.end();
