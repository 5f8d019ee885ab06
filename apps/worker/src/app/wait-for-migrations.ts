import type { LoggerService } from '@nestjs/common';
import { AppConfig, typeOrmOptions } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';

export interface WaitForMigrationsOptions {
  /** First pause between two checks; it doubles up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Waits until the database has every migration this build knows of (the API runs them at boot
 * under an advisory lock, or `main.js migrate` does in a deploy pipeline). The worker calls it
 * before its processors and the outbox sweep start, so it never queries a schema older than its
 * code. It only reads the migrations table, never creates it. One line says it is waiting (and
 * one that the database cannot be reached yet); checks back off from 250 ms to 2 s.
 */
export async function waitForMigrations(
  config: AppConfig,
  logger: LoggerService,
  { firstDelayMs = 250, maxDelayMs = 2_000 }: WaitForMigrationsOptions = {},
): Promise<void> {
  const options = typeOrmOptions(config);
  let delay = firstDelayMs;
  let dataSource: DataSource | undefined;
  let saidWaiting = false;
  let saidUnreachable = false;
  try {
    for (;;) {
      try {
        if (!dataSource?.isInitialized) {
          dataSource = new DataSource({
            type: options.type,
            url: options.url,
            migrations: options.migrations,
            migrationsTableName: options.migrationsTableName,
            extra: { max: 1, application_name: 'gfmd-worker-start' },
          });
          await dataSource.initialize();
        }
        const pending = await pendingMigrations(dataSource, options.migrationsTableName);
        if (pending.length === 0) {
          if (saidWaiting || saidUnreachable) logger.log('migrations are in: starting', 'Worker');
          return;
        }
        if (!saidWaiting) {
          logger.log(
            { pending: pending.length, next: pending[0] },
            'waiting for migrations (the API runs them at boot)',
            'Worker',
          );
          saidWaiting = true;
        }
      } catch (error) {
        if (!saidUnreachable) {
          logger.warn({ err: (error as Error).message }, 'waiting for the database', 'Worker');
          saidUnreachable = true;
        }
        await dataSource?.destroy().catch(() => undefined);
        dataSource = undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, maxDelayMs);
    }
  } finally {
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
  }
}

/** Names of the migrations of this build not recorded in the database yet, in order. */
async function pendingMigrations(dataSource: DataSource, table: string): Promise<string[]> {
  const [{ exists }] = await dataSource.query<{ exists: boolean }[]>('SELECT to_regclass($1) IS NOT NULL AS "exists"', [
    table,
  ]);
  const done = new Set<string>(
    exists ? (await dataSource.query<{ name: string }[]>(`SELECT name FROM "${table}"`)).map((row) => row.name) : [],
  );
  return dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !done.has(name));
}
