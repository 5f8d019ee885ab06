// redis-server from PATH for a start without REDIS_URL, data in .data/redis.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { onUnexpectedExit, StartError, track } from './lifecycle.mjs';
import { pipeOutput, printHistory, ring } from './output.mjs';
import { findFreePort } from './ports.mjs';
import { DETACH, describeExit, findOnPath, hasExited, sleep, stopChild } from './processes.mjs';
import { DATA_DIR, PREFERRED_PORTS } from './settings.mjs';

export const REDIS_MISSING = `REDIS_URL is not set and no redis-server was found on PATH. Either:
  • run Redis in Docker:   docker compose -f docker/compose.yml up -d redis
                           then: REDIS_URL=redis://localhost:6379 npm start
  • or install it:         apt-get install redis-server   (Debian/Ubuntu)
                           brew install redis             (macOS)
                           then run npm start again.`;

/** Resolves true once the server at 127.0.0.1:port answers PING with PONG (not LOADING). */
function redisPing(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    let answer = '';
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}

/** `verbose`: print its log too. */
export async function startRedis({ verbose = false } = {}) {
  const binary = findOnPath('redis-server');
  if (!binary) throw new StartError(REDIS_MISSING);
  const port = await findFreePort(PREFERRED_PORTS.redis);
  const dir = path.join(DATA_DIR, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const history = ring(200);
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'yes',
      '--dir',
      dir,
      '--daemonize',
      'no',
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], detached: DETACH },
  );
  pipeOutput(child.stdout, 'redis', { history, quiet: !verbose });
  pipeOutput(child.stderr, 'redis', { history, quiet: !verbose });
  track(
    'redis-server',
    () => stopChild(child),
    (force) => child.kill(force ? 'SIGKILL' : 'SIGTERM'),
  );
  child.on('error', (err) => history.push(`spawn error: ${err.message}`));

  const deadline = Date.now() + 30_000;
  while (!(await redisPing(port))) {
    if (hasExited(child) || Date.now() > deadline) {
      printHistory('redis', history);
      throw new StartError(`redis-server did not start on port ${port} (output above).`);
    }
    await sleep(100);
  }
  child.on('exit', (code, signal) => onUnexpectedExit('redis-server', describeExit(code, signal), history));
  return { url: `redis://127.0.0.1:${port}`, port, child };
}
