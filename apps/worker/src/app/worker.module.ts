import { Module } from '@nestjs/common';
import { PlatformCoreModule } from '@gfmd/api-platform';

/** The worker's modules: the platform (config, logs, database, Redis) and the mail processors. */
@Module({
  imports: [PlatformCoreModule],
})
export class WorkerModule {}
