// The launcher's lifecycle: what it started (stopped in reverse order), shutdown on a signal or
// when a process dies on its own, and the errors meant for the user.
import { printHistory, say, sayError, warn } from './output.mjs';

/** A failure with a message meant for the user (printed without a stack trace). */
export class StartError extends Error {}

/** Thrown at the next step once shutdown has begun, so that nothing new gets started. */
export class Stopping extends Error {}
export function checkpoint() {
  if (stopping) throw new Stopping();
}

// ------------------------------------------------------------------ lifecycle

/** Everything started, in start order; stopped in reverse order. */
const resources = [];
let stopping = false;

/** True once shutdown has begun. */
export const isStopping = () => stopping;

/**
 * Registers something to stop on shutdown. `kill(force)` signals without waiting: force=true for a
 * second Ctrl-C, force=false from the process 'exit' safety net (a crash of this launcher).
 */
export function track(name, stop, kill) {
  const resource = { name, stop, kill };
  resources.push(resource);
  return () => {
    const index = resources.indexOf(resource);
    if (index >= 0) resources.splice(index, 1);
  };
}

export async function shutdown(exitCode) {
  if (stopping) return;
  stopping = true;
  // pop() rather than a snapshot: something registered while we are stopping is stopped too.
  while (resources.length) {
    const resource = resources.pop();
    try {
      await resource.stop();
    } catch (err) {
      warn(`stopping ${resource.name}: ${err?.message ?? err}`);
    }
  }
  say(exitCode === 0 ? 'Stopped.' : 'Stopped after an error.');
  process.exit(exitCode);
}

/**
 * A process we started ended on its own. Ctrl-C in a terminal signals the whole process group, so
 * a child may exit a moment before our own SIGINT handler runs: wait briefly before calling it a crash.
 */
export function onUnexpectedExit(name, detail, history) {
  if (stopping) return;
  setTimeout(() => {
    if (stopping) return;
    sayError(`${name} stopped unexpectedly (${detail}).`);
    if (history) printHistory(name, history);
    void shutdown(1);
  }, 300);
}

export function installSignalHandlers() {
  let received = 0;
  const onSignal = (signal) => {
    received++;
    if (received > 1) {
      warn('Second signal: killing everything now.');
      for (const resource of resources) resource.kill?.(true);
      process.exit(1);
    }
    console.log('');
    say(`${signal} received, stopping… (again to force)`);
    void shutdown(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);
  // Safety net: if this launcher dies without a clean shutdown, do not leave detached children behind.
  process.on('exit', () => {
    for (const resource of resources) {
      try {
        resource.kill?.(false);
      } catch {
        /* already gone */
      }
    }
  });
}
