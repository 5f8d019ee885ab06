import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../http/public.decorator';
import { RedisService } from '../redis/redis.service';
import { HealthRegistry } from './health.registry';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisService,
    private readonly registry: HealthRegistry,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'Database and Redis are up.' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down.' })
  async health(@Res({ passthrough: true }) res: FastifyReply) {
    const [db, redis] = await Promise.all([this.pingDb(), this.redis.ping()]);
    const extra = redis ? await this.registry.collect() : {};
    const ok = db && redis;
    res.status(ok ? 200 : 503);
    res.header('Cache-Control', 'no-store');
    return { status: ok ? 'ok' : 'error', db: db ? 'up' : 'down', redis: redis ? 'up' : 'down', ...extra };
  }

  private async pingDb(): Promise<boolean> {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1500)),
      ]);
      return true;
    } catch {
      return false;
    }
  }
}
