#!/usr/bin/env node
// Checks what the api and worker images install: each app's pruned package.json (written by the
// Nx build, generatePackageJson) installed alone, as docker/<app>.Dockerfile's deps stage does
// (`npm ci --omit=dev --ignore-scripts`, then `npm rebuild argon2`), is enough to run the app:
// the API migrates a fresh database and answers /health/ready; the worker boots and stays up.
//
//   npx nx run-many -t build -p api worker
//   node tools/docker/check-pruned.mjs          # about 2 minutes; needs PostgreSQL and Redis
//
// Prints the size of each pruned node_modules against the workspace's; exit code 1 on failure.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pgAdmin = process.env.CHECK_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = 'gfmd_pruned_check';
const du = (dir) => execFileSync('du', ['-sm', dir]).toString().split('\t')[0] + ' MB';
const sh = (cmd, args, cwd, withEnv = process.env) =>
  execFileSync(cmd, args, { cwd, env: withEnv, stdio: ['ignore', 'ignore', 'pipe'] });
const wait = (ms) => new Promise((r) => setTimeout(r, ms));

const env = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/9',
  JWT_SECRET: 'pruned-check-' + 'x'.repeat(40),
  PUBLIC_URL: 'http://127.0.0.1:3997',
  SMTP_URL: 'smtp://127.0.0.1:2599',
  PORT: '3997',
  LOG_LEVEL: 'warn',
  SEED_DEMO: 'false',
};

let failed = false;
for (const app of ['api', 'worker']) {
  const dist = join(root, 'dist/apps', app);
  if (!existsSync(join(dist, 'package.json'))) {
    console.error(`dist/apps/${app}/package.json is missing: run npx nx build ${app} first`);
    process.exit(1);
  }
  const dir = mkdtempSync(join(tmpdir(), `gfmd-pruned-${app}-`));
  try {
    cpSync(dist, dir, { recursive: true });
    const deps = Object.keys(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies ?? {});
    const t0 = performance.now();
    sh('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
    sh('npm', ['rebuild', 'argon2'], dir);
    const installSeconds = ((performance.now() - t0) / 1000).toFixed(0);
    console.log(
      `${app}: ${deps.length} direct dependencies, node_modules ${du(join(dir, 'node_modules'))} ` +
        `(workspace: ${du(join(root, 'node_modules'))}), installed in ${installSeconds} s`,
    );
    if (app === 'api') {
      sh('psql', [pgAdmin, '-qc', `DROP DATABASE IF EXISTS ${database}`, '-c', `CREATE DATABASE ${database}`], dir);
      sh('node', ['main.js', 'migrate'], dir, env);
    }
    const child = spawn('node', ['main.js'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
    let ok = false;
    for (let i = 0; i < 60 && child.exitCode === null; i++) {
      await wait(1000);
      if (app === 'worker')
        ok = i >= 8; // still running after boot
      else
        ok = await fetch(`http://127.0.0.1:${env.PORT}/api/v1/health/ready`).then(
          (r) => r.status === 200,
          () => false,
        );
      if (ok) break;
    }
    ok = ok && child.exitCode === null;
    child.kill('SIGTERM');
    console.log(`${app}: ${ok ? 'runs from its pruned install' : 'FAILED to run from its pruned install'}`);
    failed ||= !ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
sh('psql', [pgAdmin, '-qc', `DROP DATABASE IF EXISTS ${database}`], root);
process.exit(failed ? 1 : 0);
