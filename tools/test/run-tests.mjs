#!/usr/bin/env node
// `npm test`: every Jest project (unit + integration against the real PostgreSQL, Redis and an
// in-process SMTP server) in one run, then the browser tests when they are present.
// DATABASE_URL / REDIS_URL are used when set; otherwise the machine's services on loopback.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NODE_ENV: 'test' };
const extra = process.argv.slice(2);

const jest = spawnSync('npx', ['jest', '--ci', '--maxWorkers=2', '--forceExit', ...extra], { stdio: 'inherit', env });
if (jest.status !== 0) process.exit(jest.status ?? 1);

if (!extra.length && existsSync('apps/web-e2e/run.mjs') && process.env.SKIP_E2E !== 'true') {
  const e2e = spawnSync('node', ['apps/web-e2e/run.mjs'], { stdio: 'inherit', env });
  process.exit(e2e.status ?? 1);
}
