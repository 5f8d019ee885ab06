/**
 * Migrates the database named by argv[2] (a postgres:// URL) and exits; prints the time it took.
 * Run by global-setup.cjs with @swc-node/register to build the migrated template the test
 * databases are copied from. Only the migrations are loaded (not the Nest modules): a quick boot.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../libs/api/platform/src/lib/db/migrations';
import { runMigrationsLocked } from '../../libs/api/platform/src/lib/db/migration-runner';

async function main(url: string): Promise<void> {
  const started = performance.now();
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // Two: runMigrationsLocked holds the advisory lock on one connection while migrating on another.
    extra: { max: 2, application_name: 'gfmd-test-template' },
    logging: false,
  });
  await dataSource.initialize();
  try {
    const done = await runMigrationsLocked(dataSource);
    process.stdout.write(`${done.length} migrations in ${Math.round(performance.now() - started)} ms\n`);
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2] ?? '').catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
