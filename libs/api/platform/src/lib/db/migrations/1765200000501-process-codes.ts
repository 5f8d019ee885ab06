import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The process code in recommendation references (`GFMD-<code>-T3-D12-R04`), until now the
 * constant "GCM":
 * - `processes.code`: 2 to 10 upper-case letters and digits, unique; the seeded GCM process gets
 *   `GCM`, any other one a code made from its slug (made unique with a number).
 * - `outcomes.reference_prefix`: `GFMD-<code>-T<session>-D<dialogue>`, fixed at the outcome's
 *   first publication, so recommendations added in a later correction carry the same prefix
 *   even if the process's code changed since. Filled from the references already published.
 */
export class ProcessCodes1765200000501 implements MigrationInterface {
  name = 'ProcessCodes1765200000501';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE processes ADD COLUMN code text`);
    const rows: { id: string; slug: string }[] = await q.query(
      `SELECT id, slug FROM processes ORDER BY created_at, id`,
    );
    const taken = new Set<string>();
    for (const p of rows) {
      const base = p.slug === 'gcm-2017-2018' ? 'GCM' : codeFromSlug(p.slug);
      let code = base;
      for (let n = 2; taken.has(code); n++) code = `${base.slice(0, 10 - String(n).length)}${n}`;
      taken.add(code);
      await q.query(`UPDATE processes SET code = $2 WHERE id = $1`, [p.id, code]);
    }
    await q.query(`
      ALTER TABLE processes ALTER COLUMN code SET NOT NULL;
      ALTER TABLE processes ADD CONSTRAINT processes_code_key UNIQUE (code);
      ALTER TABLE processes ADD CONSTRAINT processes_code_check CHECK (code ~ '^[A-Z][A-Z0-9]{1,9}$');
      ALTER TABLE outcomes ADD COLUMN reference_prefix text;
      UPDATE outcomes o SET reference_prefix = (
        SELECT regexp_replace(r.reference, '-R[0-9]+$', '') FROM published_recommendations r
         WHERE r.dialogue_id = o.dialogue_id ORDER BY r.first_published_at, r.reference LIMIT 1
      ) WHERE o.dialogue_number IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outcomes DROP COLUMN reference_prefix`);
    await q.query(`ALTER TABLE processes DROP COLUMN code`);
  }
}

/** `gfmd-2027` → `GFMD2027`: letters and digits of the slug, upper-case, 10 at most, starting with a letter. */
function codeFromSlug(slug: string): string {
  const letters = slug.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const code = (/^[A-Z]/.test(letters) ? letters : `P${letters}`).slice(0, 10);
  return code.length >= 2 ? code : `${code}X`;
}
