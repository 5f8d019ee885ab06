import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * Counts hits in a fixed window: INCRBY (ARGV[2] hits, 1 when absent), and the expiry set when
 * the key was created by these hits (one atomic script).
 */
const HIT_SCRIPT = `local by = tonumber(ARGV[2] or '1') local n = redis.call('INCRBY', KEYS[1], by) if n == by then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return n`;

interface PendingHits {
  ttlSeconds: number;
  waiters: { resolve: (count: number) => void; reject: (error: unknown) => void }[];
}

/**
 * One shared ioredis connection per process for commands (rate limits, locks, health). Commands
 * issued in the same tick go out in one write (auto-pipelining): under a burst of requests, the
 * rate-limit counts of many requests share a round trip.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  readonly client: Redis & { gfmdHit(key: string, ttlSeconds: number, by?: number): Promise<number> };
  /** Hits counted since the last flush, by key (see hit). */
  private pendingHits = new Map<string, PendingHits>();
  private flushScheduled = false;

  constructor(private readonly config: AppConfig) {
    const client = new Redis(config.redisUrl, RedisService.options({ enableAutoPipelining: true }));
    client.defineCommand('gfmdHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.client = client as RedisService['client'];
    // Errors are reported by health checks; without a listener ioredis would print each retry.
    this.client.on('error', () => undefined);
  }

  /**
   * Counts one hit on `key` in a window of `ttlSeconds` and returns the count so far, as if the
   * hits had been counted one by one in the order they came. The hits of one turn of the event
   * loop are counted together (setImmediate): one script call per key adds them all, and each
   * caller gets its own count (the total before them plus its rank). Under a rush from one
   * address that is one Redis command for many requests; ioredis' auto-pipelining alone flushes
   * on process.nextTick, which runs after each request's callback, so every request paid its
   * own command and socket write.
   */
  hit(key: string, ttlSeconds: number): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      let pending = this.pendingHits.get(key);
      if (!pending) this.pendingHits.set(key, (pending = { ttlSeconds, waiters: [] }));
      pending.waiters.push({ resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flushHits());
      }
    });
  }

  private flushHits(): void {
    this.flushScheduled = false;
    const batch = this.pendingHits;
    this.pendingHits = new Map();
    for (const [key, { ttlSeconds, waiters }] of batch) {
      this.client.gfmdHit(key, ttlSeconds, waiters.length).then(
        (total) => waiters.forEach((w, i) => w.resolve(total - waiters.length + i + 1)),
        (error: unknown) => waiters.forEach((w) => w.reject(error)),
      );
    }
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
