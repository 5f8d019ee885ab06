import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AuthService } from '@gfmd/api-auth';
import { AppConfig, configureHttpApp, ConfigValidationError, validateEnvironment } from '@gfmd/api-platform';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app/app.module';
import { prepareDatabase } from './app/prepare-database';

/** `node main.js migrate`: run pending migrations and the seed, then exit (for deploy pipelines). */
async function migrateOnly() {
  const app = await NestFactory.createApplicationContext(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await prepareDatabase(app, { force: true });
  await app.close();
}

async function bootstrap() {
  validateEnvironment(process.env); // fail fast, with every problem listed, before connecting anywhere
  if (process.argv.includes('migrate')) return migrateOnly();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  const config = app.get(AppConfig);
  configureHttpApp(app, config);
  await prepareDatabase(app);
  await app.get(AuthService).ensureFirstAdmin();
  await app.listen(config.port);
  app.get(Logger).log(`GFMD Dialogues API listening on ${config.publicUrl} (port ${config.port})`);
}

bootstrap().catch((error) => {
  if (error instanceof ConfigValidationError) {
    console.error(error.message);
  } else {
    console.error('The API could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
