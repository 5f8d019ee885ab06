import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditService } from './audit/audit.service';
import { PersonalDataHooks } from './retention/personal-data-hooks';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './db/database.module';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health.registry';
import { RateLimitGuard } from './http/rate-limit';
import { createRootLogger } from './logging/logging';
import { PinoNestLogger } from './logging/pino-nest-logger';
import { RedisModule } from './redis/redis.module';
import { PersonDataRegistry } from './person-data/person-data.registry';
import { DomainEvents } from './events/domain-events';

/** The process's logger: Nest's LoggerService on one pino root (see main.ts: app.useLogger). */
const loggerProvider = {
  provide: PinoNestLogger,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => new PinoNestLogger(createRootLogger(config)),
};

/** Config, logs, database, Redis, health and rate limits: what every HTTP app needs. */
@Global()
@Module({
  imports: [ConfigModule, DatabaseModule.forRoot(), RedisModule],
  controllers: [HealthController],
  providers: [
    loggerProvider,
    HealthRegistry,
    AuditService,
    PersonalDataHooks,
    PersonDataRegistry,
    DomainEvents,
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [PinoNestLogger, HealthRegistry, AuditService, PersonalDataHooks, PersonDataRegistry, DomainEvents],
})
export class PlatformModule {}

/** Config, logs, database and Redis without HTTP concerns: for the worker and tools. */
@Global()
@Module({
  imports: [ConfigModule, DatabaseModule.forRoot(), RedisModule],
  providers: [loggerProvider, HealthRegistry, AuditService, PersonalDataHooks, PersonDataRegistry, DomainEvents],
  exports: [PinoNestLogger, HealthRegistry, AuditService, PersonalDataHooks, PersonDataRegistry, DomainEvents],
})
export class PlatformCoreModule {}
