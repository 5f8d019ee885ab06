/**
 * The mail worker as a child process for fault tests (killed with SIGKILL mid-batch).
 * Run with ts-node (swc) + tsconfig-paths; settings as JSON in argv[2]; environment as for apps/worker.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlatformCoreModule } from '@gfmd/api-platform';
import { MailModule } from '../lib/mail.module';
import { MailWorkerModule } from '../lib/worker/mail-worker.module';

const settings = JSON.parse(process.argv[2] ?? '{}');

@Module({ imports: [PlatformCoreModule, MailModule, MailWorkerModule.forRoot(settings)] })
class WorkerHarnessModule {}

NestFactory.createApplicationContext(WorkerHarnessModule, { logger: ['error'] })
  .then((app) => {
    app.enableShutdownHooks();
    process.stdout.write('worker-ready\n');
  })
  .catch((error: Error) => {
    process.stderr.write(`worker harness failed: ${error.message}\n`);
    process.exit(1);
  });
