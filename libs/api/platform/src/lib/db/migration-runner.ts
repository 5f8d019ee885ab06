import { DataSource } from 'typeorm';

/** Any fixed number: every process that migrates takes the same PostgreSQL advisory lock. */
const MIGRATION_LOCK = 727_172_017;

/**
 * Runs pending migrations under a session-level advisory lock, so N replicas starting together
 * migrate once and the others wait, then find nothing to do.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
