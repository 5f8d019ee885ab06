// The Nx build of api, worker and web, and the check that its outputs are there.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isStopping, StartError, track } from './lifecycle.mjs';
import { say } from './output.mjs';
import { sleep, stopChild } from './processes.mjs';
import { DIST, ROOT } from './settings.mjs';

export async function build() {
  say('Building api, worker and web (Nx cache makes this quick when nothing changed)…');
  const started = performance.now();
  const child = spawn('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--parallel=2'], {
    cwd: ROOT,
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  const untrack = track(
    'build',
    () => stopChild(child),
    (force) => child.kill(force ? 'SIGKILL' : 'SIGTERM'),
  );
  const code = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode, signal) => resolve(signal ? 1 : exitCode));
  });
  untrack();
  // Ctrl-C reaches Nx and this process together; give our own signal handler a moment to run.
  if (code !== 0) await sleep(300);
  if (isStopping()) await new Promise(() => undefined); // shutdown() is stopping everything and exiting
  if (code !== 0) {
    throw new StartError(
      'The build failed (output above). Fix it, or use `npm start -- --no-build` to run the last build.',
    );
  }
  return performance.now() - started;
}

/** `built`: whether this start ran the build (the advice differs). */
export function checkBuildOutputs(built) {
  const missing = Object.values(DIST).filter((file) => !fs.existsSync(file));
  if (missing.length) {
    throw new StartError(
      `Build output missing: ${missing.map((f) => path.relative(ROOT, f)).join(', ')}.\n` +
        (built ? 'The build did not produce it; check the Nx output above.' : 'Run `npm start` without --no-build.'),
    );
  }
}
