import { NestFactory } from '@nestjs/core';
import { ConfigValidationError, PinoNestLogger, validateEnvironment } from '@gfmd/api-platform';
import { WorkerModule } from './app/worker.module';

/**
 * The queue worker: a NestJS application context with BullMQ processors only, no HTTP.
 * SIGTERM/SIGINT close the BullMQ workers first (the jobs in hand finish), then the database.
 */
async function bootstrap() {
  validateEnvironment(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  app.get(PinoNestLogger).log('GFMD Dialogues worker started');
}

bootstrap().catch((error) => {
  console.error(error instanceof ConfigValidationError ? error.message : `The worker could not start: ${error?.message ?? error}`);
  process.exit(1);
});
