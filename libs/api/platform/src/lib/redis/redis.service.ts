import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';

/** One shared ioredis connection per process for commands (rate limits, locks, health). */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(private readonly config: AppConfig) {
    this.client = new Redis(config.redisUrl, RedisService.options());
    // Errors are reported by health checks; without a listener ioredis would print each retry.
    this.client.on('error', () => undefined);
  }

  /** Options for BullMQ-compatible connections too (maxRetriesPerRequest must be null there). */
  static options(extra: Partial<RedisOptions> = {}): RedisOptions {
    return {
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
      ...extra,
    };
  }

  async ping(): Promise<boolean> {
    try {
      const pong = await Promise.race([
        this.client.ping(),
        new Promise<string>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000)),
      ]);
      return pong === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
