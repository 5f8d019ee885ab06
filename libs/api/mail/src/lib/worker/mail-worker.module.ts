import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@gfmd/api-platform';
import { WorkerHeartbeat } from '../health/worker-heartbeat';
import { MailWorker } from './mail-worker';
import { MAIL_WORKER_SETTINGS, MailWorkerSettings, mailWorkerSettings } from './mail-worker.settings';
import { ReleaseEmailsHandler } from './release-emails.handler';
import { SendEmailGroupHandler } from './send-email-group.handler';
import { SendEmailHandler } from './send-email.handler';
import { SmtpMailer } from './smtp-mailer';
import { SweepOutboxHandler } from './sweep-outbox.handler';

/** The consumer side of the queues (apps/worker, and in-process in tests). Needs MailModule. */
@Module({})
export class MailWorkerModule {
  static forRoot(overrides: Partial<MailWorkerSettings> = {}): DynamicModule {
    return {
      module: MailWorkerModule,
      providers: [
        {
          provide: MAIL_WORKER_SETTINGS,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => mailWorkerSettings(config, overrides),
        },
        SmtpMailer,
        SendEmailHandler,
        SendEmailGroupHandler,
        SweepOutboxHandler,
        ReleaseEmailsHandler,
        MailWorker,
        WorkerHeartbeat,
      ],
      exports: [MailWorker, SweepOutboxHandler, WorkerHeartbeat, MAIL_WORKER_SETTINGS],
    };
  }
}
