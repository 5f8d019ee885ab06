import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';

/** Counts a hit in a fixed window: INCR, and the expiry set with the first hit (one atomic script). */
const HIT_SCRIPT = `local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return n`;

/**
 * One shared ioredis connection per process for commands (rate limits, locks, health). Commands
 * issued in the same tick go out in one write (auto-pipelining): under a burst of requests, the
 * rate-limit counts of many requests share a round trip.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  readonly client: Redis & { gfmdHit(key: string, ttlSeconds: number): Promise<number> };

  constructor(private readonly config: AppConfig) {
    const client = new Redis(config.redisUrl, RedisService.options({ enableAutoPipelining: true }));
    client.defineCommand('gfmdHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.client = client as RedisService['client'];
    // Errors are reported by health checks; without a listener ioredis would print each retry.
    this.client.on('error', () => undefined);
  }

  /** Counts one hit on `key` in a window of `ttlSeconds` and returns the count so far. */
  hit(key: string, ttlSeconds: number): Promise<number> {
    return this.client.gfmdHit(key, ttlSeconds);
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
