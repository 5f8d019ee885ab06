import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, RedisService } from '@gfmd/api-platform';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { MAIL_WORKER_SETTINGS, MailWorkerSettings } from '../worker/mail-worker.settings';

/** A worker counts as alive this long after its last beat (its key's TTL too). */
export const HEARTBEAT_TTL_MS = 30_000;

/**
 * Where the beats live, under the queue prefix (one Redis Cluster slot with the queues): a key
 * per worker instance with a TTL (`<prefix>:worker:<id>`, its details), and a sorted set of the
 * instances by last beat (`<prefix>:workers`), which /health reads without scanning keys.
 */
export const heartbeatKeys = (prefix: string) => ({
  index: `${prefix}:workers`,
  instance: (id: string) => `${prefix}:worker:${id}`,
});

export type WorkerHeartbeatReport = {
  /** Worker instances that beat within the last HEARTBEAT_TTL_MS. */
  alive: number;
  /** The most recent beat of any of them (ISO time), or null. */
  lastBeat: string | null;
};

/** What GET /health shows of the workers (read on the API side); also drops instances gone silent. */
export async function readWorkerHeartbeats(
  redis: RedisService,
  prefix: string,
  now = Date.now(),
): Promise<WorkerHeartbeatReport> {
  const { index } = heartbeatKeys(prefix);
  const since = now - HEARTBEAT_TTL_MS;
  const results = await redis.client
    .multi()
    .zrangebyscore(index, since, '+inf', 'WITHSCORES')
    .zremrangebyscore(index, '-inf', `(${since}`)
    .exec();
  const [error, reply] = results?.[0] ?? [null, []];
  if (error) throw error;
  const entries = reply as string[];
  let lastBeat = 0;
  for (let i = 1; i < entries.length; i += 2) lastBeat = Math.max(lastBeat, Number(entries[i]));
  return { alive: entries.length / 2, lastBeat: lastBeat ? new Date(lastBeat).toISOString() : null };
}

/**
 * The worker's heartbeat: every `heartbeatIntervalMs` (10 s) it renews its key (TTL 30 s) and
 * its place in the index; on shutdown it removes both, so /health counts it out at once. A
 * missed beat (Redis down) is only logged at debug level: the worker goes on working.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerHeartbeat.name);
  readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly startedAt = new Date().toISOString();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly redis: RedisService,
    @Inject(MAIL_WORKER_SETTINGS) private readonly settings: MailWorkerSettings,
  ) {}

  onApplicationBootstrap(): void {
    void this.beat();
    this.timer = setInterval(() => void this.beat(), this.settings.heartbeatIntervalMs);
    this.timer.unref();
  }

  async beat(now = Date.now()): Promise<void> {
    const keys = heartbeatKeys(this.config.queuePrefix);
    const details = JSON.stringify({
      host: hostname(),
      pid: process.pid,
      startedAt: this.startedAt,
      lastBeat: new Date(now).toISOString(),
    });
    try {
      await this.redis.client
        .multi()
        .set(keys.instance(this.instanceId), details, 'PX', HEARTBEAT_TTL_MS)
        .zadd(keys.index, now, this.instanceId)
        .pexpire(keys.index, HEARTBEAT_TTL_MS)
        .exec();
    } catch (error) {
      this.logger.debug({ err: (error as Error).message }, 'heartbeat missed (Redis down?)');
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const keys = heartbeatKeys(this.config.queuePrefix);
    await this.redis.client
      .multi()
      .del(keys.instance(this.instanceId))
      .zrem(keys.index, this.instanceId)
      .exec()
      .catch(() => undefined);
  }
}
