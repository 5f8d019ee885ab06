import { NestFactory } from '@nestjs/core';
import {
  AppConfig,
  ConfigValidationError,
  createRootLogger,
  PinoNestLogger,
  validateEnvironment,
} from '@gfmd/api-platform';
import { waitForMigrations } from './app/wait-for-migrations';
import { WorkerModule } from './app/worker.module';

/**
 * The queue worker: a NestJS application context with BullMQ processors only, no HTTP.
 * It waits for the API to have migrated the database before its processors and the outbox
 * sweep start (app/wait-for-migrations.ts).
 * SIGTERM/SIGINT close the BullMQ workers first (the jobs in hand finish), then the database.
 */
async function bootstrap() {
  validateEnvironment(process.env);
  const config = new AppConfig();
  await waitForMigrations(config, new PinoNestLogger(createRootLogger(config)));
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  app.get(PinoNestLogger).log('GFMD Dialogues worker started');
}

bootstrap().catch((error) => {
  console.error(
    error instanceof ConfigValidationError ? error.message : `The worker could not start: ${error?.message ?? error}`,
  );
  process.exit(1);
});
