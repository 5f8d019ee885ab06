import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../http/public.decorator';
import { RateLimit } from '../http/rate-limit';
import { RedisService } from '../redis/redis.service';
import { HealthRegistry } from './health.registry';

/**
 * Probes (docs/operations.md): `live` says the process answers (no dependency is asked),
 * `ready` that it can serve traffic (PostgreSQL required; Redis down only degrades it, since
 * registration keeps working without Redis), and the full report for people and monitoring.
 * Not rate limited, never cached.
 */
@ApiTags('health')
@Controller('health')
@Public()
@RateLimit('none')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisService,
    private readonly registry: HealthRegistry,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Database and Redis are up: {status, db, redis, mailQueue, outbox, worker}.' })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL or Redis is down.' })
  async health(@Res({ passthrough: true }) res: FastifyReply) {
    const [db, redis] = await Promise.all([this.pingDb(), this.redis.ping()]);
    const extra = redis ? await this.registry.collect() : {};
    const ok = db && redis;
    res.status(ok ? 200 : 503).header('Cache-Control', 'no-store');
    return { status: ok ? 'ok' : 'error', db: db ? 'up' : 'down', redis: redis ? 'up' : 'down', ...extra };
  }

  @Get('live')
  @ApiOkResponse({ description: 'The process is up (no dependency is checked).' })
  live(@Res({ passthrough: true }) res: FastifyReply) {
    res.header('Cache-Control', 'no-store');
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'PostgreSQL is up; `redis: "degraded"` when Redis is not (the API still serves).' })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL is down.' })
  async ready(@Res({ passthrough: true }) res: FastifyReply) {
    const [db, redis] = await Promise.all([this.pingDb(), this.redis.ping()]);
    res.status(db ? 200 : 503).header('Cache-Control', 'no-store');
    return {
      status: !db ? 'error' : redis ? 'ok' : 'degraded',
      db: db ? 'up' : 'down',
      redis: redis ? 'up' : 'degraded',
    };
  }

  private async pingDb(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 1500))),
      ]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
