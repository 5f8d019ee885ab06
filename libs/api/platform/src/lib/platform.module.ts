import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './db/database.module';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health.registry';
import { RateLimitGuard } from './http/rate-limit';
import { pinoParams } from './logging/logging';
import { RedisModule } from './redis/redis.module';

/** Config, logs, database, Redis, health and rate limits: what every HTTP app needs. */
@Global()
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: pinoParams }),
    DatabaseModule.forRoot(),
    RedisModule,
  ],
  controllers: [HealthController],
  providers: [HealthRegistry, { provide: APP_GUARD, useClass: RateLimitGuard }],
  exports: [HealthRegistry],
})
export class PlatformModule {}

/** Config, logs, database and Redis without HTTP concerns: for the worker and tools. */
@Global()
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: pinoParams }),
    DatabaseModule.forRoot(),
    RedisModule,
  ],
  providers: [HealthRegistry],
  exports: [HealthRegistry],
})
export class PlatformCoreModule {}
