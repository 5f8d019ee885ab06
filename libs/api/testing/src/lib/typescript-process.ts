import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** The repository root (cwd of the child processes: tsconfig paths resolve from there). */
const ROOT = join(__dirname, '../../../../..');

/**
 * Runs a TypeScript entry point in a Node process of its own, compiled on the fly by
 * @swc-node/register with `project`'s options (paths, decorator metadata).
 *
 * Not ts-node: ts-node (even with its SWC transpiler) set up the TypeScript compiler first, and
 * the mail worker's harness took 83 s to boot on a busy machine against 18 s here (120 s against
 * 20 s with the load average at 17), enough to make the specs that wait for it time out.
 */
export function spawnTypeScript(
  entry: string,
  args: string[],
  options: { project: string; env: NodeJS.ProcessEnv },
): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', entry, ...args], {
    cwd: ROOT,
    env: { ...options.env, SWC_NODE_PROJECT: options.project },
    stdio: 'pipe',
  });
}

/**
 * Resolves when the child writes a line matching `ready` on stdout; rejects with its stderr if it
 * exits first, or after `timeoutMs` (a ceiling for a hang, not a budget for a slow machine).
 */
export function waitForLine(child: ChildProcess, ready: RegExp, timeoutMs: number, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const stderr: string[] = [];
    let partial = '';
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.stdout?.off('data', onOut);
      child.stderr?.off('data', onErr);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onOut = (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      if (lines.some((line) => ready.test(line))) done();
    };
    const onErr = (chunk: Buffer) => stderr.push(chunk.toString());
    const onExit = (code: number | null, signal: string | null) =>
      done(new Error(`${what}: exited (${code ?? signal}) before it was ready: ${stderr.join('')}`));
    const timer = setTimeout(
      () => done(new Error(`${what}: not ready after ${timeoutMs} ms: ${stderr.join('')}`)),
      timeoutMs,
    );
    child.stdout?.on('data', onOut);
    child.stderr?.on('data', onErr);
    child.once('exit', onExit);
  });
}
