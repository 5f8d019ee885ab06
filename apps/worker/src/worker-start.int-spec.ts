import { AppConfig, runMigrationsLocked, typeOrmOptions } from '@gfmd/api-platform';
import { obliterateQueues, ownDatabaseUrl, spawnTypeScript, waitUntil, withEnv } from '@gfmd/api-testing';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

jest.setTimeout(180_000);

interface LogLine {
  level: number;
  msg?: string;
  err?: unknown;
}

/** The worker process (apps/worker/src/main.ts, compiled on the fly by @swc-node/register), its JSON log lines and its stderr. */
function startWorker(env: Record<string, string>): { child: ChildProcess; lines: LogLine[]; stderr: string[] } {
  const child = spawnTypeScript(join(__dirname, 'main.ts'), [], {
    project: join(__dirname, '../tsconfig.app.json'),
    env: { ...process.env, ...env },
  });
  const lines: LogLine[] = [];
  const stderr: string[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const complete = text.split('\n');
    partial = complete.pop() ?? '';
    for (const line of complete.filter((l) => l.trim())) {
      try {
        lines.push(JSON.parse(line) as LogLine);
      } catch {
        lines.push({ level: 60, msg: `not a JSON line: ${line}` });
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  return { child, lines, stderr };
}

describe('worker start (process)', () => {
  let child: ChildProcess | undefined;
  const prefix = `{worker-start-${randomUUID().slice(0, 8)}}`;

  afterAll(async () => {
    if (child && child.exitCode === null && !child.signalCode) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await obliterateQueues(prefix, ['mail', 'maintenance']);
  });

  it('on a database not migrated yet, waits (one line, no errors) and starts once the migrations are in', async () => {
    const databaseUrl = await ownDatabaseUrl('gfmd_test_worker_start', { migrated: false });
    const worker = startWorker({
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'info',
      SMTP_URL: 'smtp://127.0.0.1:9',
      OUTBOX_SWEEP_INTERVAL_MS: '1000',
    });
    child = worker.child;
    const said = (pattern: RegExp) => worker.lines.some((l) => pattern.test(l.msg ?? ''));
    const state = () => JSON.stringify({ lines: worker.lines, stderr: worker.stderr, exit: worker.child.exitCode });

    await waitUntil(
      () => said(/^waiting for migrations/) || worker.child.exitCode !== null,
      120_000,
      'the waiting line',
    );
    if (!said(/^waiting for migrations/)) throw new Error(state());
    // Still waiting a while later: no processors, no sweep.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect([said(/worker started/), worker.child.exitCode]).toEqual([false, null]);

    const dataSource = await withEnv({ DATABASE_URL: databaseUrl }, async () =>
      new DataSource({ ...typeOrmOptions(new AppConfig()), extra: { max: 2 } }).initialize(),
    );
    try {
      await runMigrationsLocked(dataSource);
    } finally {
      await dataSource.destroy();
    }

    await waitUntil(
      () => said(/GFMD Dialogues worker started/) || worker.child.exitCode !== null,
      60_000,
      'the worker to start',
    );
    // Two sweeps on the migrated schema.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(worker.child.exitCode).toBeNull();
    expect(worker.lines.filter((l) => /^waiting for migrations/.test(l.msg ?? ''))).toHaveLength(1);
    expect(said(/mail worker started/)).toBe(true);
    const problems = worker.lines.filter((l) => l.level >= 40 || /does not exist/.test(JSON.stringify(l)));
    expect({ problems, stderr: worker.stderr.join('') }).toEqual({ problems: [], stderr: '' });
    expect(state()).not.toContain('relation');
  });
});
