import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';

/** AppConfig reads the environment when the app is built; these values apply to that app only. */
export async function withEnv<T>(env: Record<string, string>, build: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await build();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Databases this process (one spec file: Jest gives each its own modules) has already made afresh. */
const freshDatabases = new Set<string>();

/**
 * A database of its own for a spec file: the outbox sweep of an in-process worker takes up every
 * unsent row of its database, so specs that run workers must not share one with other specs.
 * The first call for a name in a spec file drops and recreates it: rows left unsent by an earlier
 * run that was killed (thousands, after a bulk test) would otherwise be delivered into this run.
 * It is a copy of the migrated template of the run (tools/jest/global-setup.cjs) unless
 * `migrated: false` asks for an empty one (or there is no template: then the test app migrates it).
 */
export async function ownDatabaseUrl(base: string, options: { migrated?: boolean } = {}): Promise<string> {
  const ns = process.env['GFMD_TEST_NS']?.replace(/[^a-z0-9_]/gi, '');
  const name = ns ? `${base}_${ns}` : base;
  const url = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gfmd_test');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  if (!freshDatabases.has(name)) {
    const quote = (n: string) => `"${n.replace(/"/g, '""')}"`;
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      const template = options.migrated === false ? undefined : process.env['GFMD_TEST_TEMPLATE_DB'];
      const from =
        template && (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount
          ? template
          : undefined;
      await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quote(name)}${from ? ` TEMPLATE ${quote(from)}` : ''}`);
    } finally {
      await client.end();
    }
    freshDatabases.add(name);
  }
  url.pathname = `/${name}`;
  return url.toString();
}

/** Polls `check` every 100 ms until it holds; throws after `timeoutMs`. */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Removes every key of the given queues under a test prefix from Redis. */
export async function obliterateQueues(
  prefix: string,
  queueNames: readonly string[],
  redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
): Promise<void> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  try {
    for (const name of queueNames) {
      const queue = new Queue(name, { connection, prefix });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
  } finally {
    await connection.quit().catch(() => connection.disconnect());
  }
}
