#!/usr/bin/env node
// What the registration counters' triggers (migration 1765500000601) add to the writes that fire
// them: the same statements with the counting triggers disabled and enabled, in alternating
// rounds (a loaded machine drifts), timed inside PostgreSQL (a plpgsql loop: no round trips in the
// figure), each round in a transaction that is rolled back, so the database is left as it was:
// - an admission batch: one INSERT of 16 registrations (per registration);
// - a status change of one registration (an approval, a cancellation): the row trigger fires;
// - a check-in, which changes no counted field: the trigger's WHEN clause skips it.
//
//   node tools/bench/registration-counts/trigger-cost.mjs --database-url postgres://…/gfmd_bench_f [--rounds 4 --reps 400]
//
// Needs a database migrated by the API (the rush bench leaves one) with a dialogue.
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values: args } = parseArgs({
  options: {
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/gfmd_bench',
    },
    rounds: { type: 'string', default: '4' },
    reps: { type: 'string', default: '400' },
  },
});

const BENCH = `
CREATE OR REPLACE FUNCTION pg_temp.bench(counting boolean, reps int) RETURNS TABLE(kind text, us numeric) LANGUAGE plpgsql AS $$
DECLARE d uuid; t0 timestamptz; r uuid; i int;
BEGIN
  SELECT id INTO d FROM dialogues ORDER BY created_at LIMIT 1;
  IF NOT counting THEN
    ALTER TABLE registrations DISABLE TRIGGER registration_counts_on_insert, DISABLE TRIGGER registration_counts_on_update;
  END IF;
  t0 := clock_timestamp();
  FOR i IN 1..reps LOOP
    INSERT INTO registrations (dialogue_id, email, email_normalized, first_name, last_name, organization, stakeholder_group, country, status)
    SELECT d, 'b' || i || '-' || g || '@x.org', 'b' || i || '-' || g || '@x.org', 'A', 'B', 'C',
           (ARRAY['civil_society','private_sector','government'])[1 + g % 3], 'SN',
           CASE WHEN g % 2 = 0 THEN 'confirmed' ELSE 'waitlisted' END
      FROM generate_series(1, 16) g;
  END LOOP;
  kind := 'INSERT of 16 (per registration)'; us := extract(epoch FROM clock_timestamp() - t0) * 1e6 / reps / 16; RETURN NEXT;
  t0 := clock_timestamp();
  FOR r IN SELECT id FROM registrations WHERE dialogue_id = d AND email LIKE 'b%@x.org' LIMIT reps LOOP
    UPDATE registrations SET status = 'cancelled', updated_at = now() WHERE id = r;
  END LOOP;
  kind := 'status change of one'; us := extract(epoch FROM clock_timestamp() - t0) * 1e6 / reps; RETURN NEXT;
  t0 := clock_timestamp();
  FOR r IN SELECT id FROM registrations WHERE dialogue_id = d AND email LIKE 'b%@x.org' LIMIT reps LOOP
    UPDATE registrations SET checked_in_at = now(), updated_at = now() WHERE id = r;
  END LOOP;
  kind := 'check-in (no counted field)'; us := extract(epoch FROM clock_timestamp() - t0) * 1e6 / reps; RETURN NEXT;
END $$;`;

const client = new pg.Client({ connectionString: args['database-url'] });
await client.connect();
const results = {};
for (let round = 0; round < Number(args.rounds); round++) {
  for (const counting of round % 2 ? [true, false] : [false, true]) {
    await client.query('BEGIN');
    try {
      await client.query(BENCH);
      const { rows } = await client.query('SELECT kind, us::float8 AS us FROM pg_temp.bench($1, $2)', [
        counting,
        Number(args.reps),
      ]);
      for (const { kind, us } of rows) ((results[kind] ??= { true: [], false: [] })[counting] ??= []).push(us);
    } finally {
      await client.query('ROLLBACK');
    }
  }
}
await client.end();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `${args.rounds} alternating rounds × ${args.reps} statements; µs per registration inside PostgreSQL, medians (all rounds)`,
);
console.log('| statement | without counting | with counting | difference | rounds without / with |');
console.log('|---|---|---|---|---|');
for (const [kind, r] of Object.entries(results)) {
  const [a, b] = [median(r.false), median(r.true)];
  const list = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(
    `| ${kind} | ${a.toFixed(0)} | ${b.toFixed(0)} | ${b - a >= 0 ? '+' : ''}${(b - a).toFixed(0)} | ${list(r.false)} / ${list(r.true)} |`,
  );
}
