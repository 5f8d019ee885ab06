import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { SeedService } from '@gfmd/api-dialogues';
import { AppConfig, runMigrationsLocked } from '@gfmd/api-platform';
import type { DataSource } from 'typeorm';

/** Runs pending migrations (under an advisory lock) and the idempotent seed, as configured. */
export async function prepareDatabase(app: INestApplicationContext, { force = false } = {}): Promise<void> {
  const config = app.get(AppConfig);
  const dataSource = app.get<DataSource>(getDataSourceToken());
  if (config.migrationsRun || force) await runMigrationsLocked(dataSource);
  const seed = app.get(SeedService);
  await seed.seedProcess();
  if (config.seedDemo) await seed.seedDemo();
}
