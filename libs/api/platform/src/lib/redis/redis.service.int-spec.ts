import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import { RedisService } from './redis.service';

const config = { redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379' } as AppConfig;

describe(RedisService.name, () => {
  let sut: RedisService;
  let other: RedisService;
  beforeAll(() => {
    sut = new RedisService(config);
    other = new RedisService(config); // a second API process on the same Redis
  });
  afterAll(async () => {
    await sut.onApplicationShutdown();
    await other.onApplicationShutdown();
  });

  it('counts hits of one turn together, each caller getting its own count, as if counted one by one', async () => {
    const key = `gfmd-test:rl:${randomUUID()}`;
    const counts = await Promise.all(Array.from({ length: 50 }, () => sut.hit(key, 61)));
    expect(counts).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(Number(await sut.client.get(key))).toBe(50);
    const ttl = await sut.client.ttl(key);
    expect(ttl).toBeGreaterThan(55);
    expect(ttl).toBeLessThanOrEqual(61);
    // The next turn goes on from there, and does not move the window's expiry.
    await sut.client.expire(key, 30);
    expect(await sut.hit(key, 61)).toBe(51);
    expect(await sut.client.ttl(key)).toBeLessThanOrEqual(30);
    await sut.client.del(key);
  });

  it('two processes hitting one key at once never hand out the same count (no request slips past a limit)', async () => {
    const key = `gfmd-test:rl:${randomUUID()}`;
    const waves = await Promise.all(
      Array.from({ length: 4 }, (_, wave) =>
        new Promise((r) => setTimeout(r, wave)).then(() =>
          Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? sut : other).hit(key, 61))),
        ),
      ),
    );
    const counts = waves.flat().sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    await sut.client.del(key);
  });

  it('keeps keys apart and fails every waiting caller when Redis refuses', async () => {
    const [a, b] = [`gfmd-test:rl:${randomUUID()}`, `gfmd-test:rl:${randomUUID()}`];
    expect(await Promise.all([sut.hit(a, 61), sut.hit(b, 61), sut.hit(a, 61)])).toEqual([1, 1, 2]);
    await sut.client.set(a, 'not a number');
    const results = await Promise.allSettled([sut.hit(a, 61), sut.hit(a, 61)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await sut.client.del(a, b);
  });
});
