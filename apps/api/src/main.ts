// First: V8 flags that must hold before any other module allocates.
import './v8-flags';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthService } from '@gfmd/api-auth';
import {
  AppConfig,
  configureHttpApp,
  ConfigValidationError,
  createHttpAdapter,
  PinoNestLogger,
  validateEnvironment,
} from '@gfmd/api-platform';
import { AppModule } from './app/app.module';
import { prepareDatabase } from './app/prepare-database';

/** `node main.js migrate`: run pending migrations and the seed, then exit (for deploy pipelines). */
async function migrateOnly() {
  const app = await NestFactory.createApplicationContext(AppModule, { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  await prepareDatabase(app, { force: true });
  await app.close();
}

async function bootstrap() {
  validateEnvironment(process.env); // fail fast, with every problem listed, before connecting anywhere
  if (process.argv.includes('migrate')) return migrateOnly();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(new AppConfig()), {
    bufferLogs: true,
    bodyParser: false,
  });
  const logger = app.get(PinoNestLogger);
  app.useLogger(logger);
  const config = app.get(AppConfig);
  configureHttpApp(app, config);
  await prepareDatabase(app);
  await app.get(AuthService).ensureFirstAdmin();
  // Every interface, as Node's own default: IPv6 and IPv4 where the machine has IPv6, else IPv4.
  await app.listen(config.port, '::').catch(() => app.listen(config.port, '0.0.0.0'));
  logger.log(`GFMD Dialogues API listening on ${config.publicUrl} (port ${config.port})`);
}

bootstrap().catch((error) => {
  if (error instanceof ConfigValidationError) {
    console.error(error.message);
  } else {
    console.error('The API could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
