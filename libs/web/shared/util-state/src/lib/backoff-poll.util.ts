import { DOCUMENT } from '@angular/common';
import { DestroyRef, type Signal, inject, signal } from '@angular/core';

export interface BackoffPollOptions<T> {
  /** One read of the state (e.g. GET …/summary). */
  load: () => Promise<T>;
  /** Whether nothing is left to watch: polling stops (start it again after the next change). */
  done: (value: T) => boolean;
  /** Whether two reads say the same (a change resets the delay); by default their JSON. */
  same?: (a: T, b: T) => boolean;
  /** Called with each read that differs from the one before (refresh rows in place); not for the first read. */
  changed?: (value: T) => void;
  /** First delay, doubled after each read that changed nothing (1 s). */
  initialMs?: number;
  /** Longest delay (15 s). */
  maxMs?: number;
}

export interface BackoffPoll<T> {
  /** the last read (null before the first) */
  readonly value: Signal<T | null>;
  /** whether polling is under way (a read is due or in flight) */
  readonly active: Signal<boolean>;
  /** true once a watch that saw work outstanding ended with nothing left (for a one-time announcement) */
  readonly finished: Signal<boolean>;
  /** Reads now, then keeps reading with backoff until `done`; restarting resets the delay. */
  start(): void;
  /** Stops reading (a read in flight is dropped). */
  stop(): void;
}

/**
 * Polling with exponential backoff for a page that follows a long job (email delivery): reads at
 * once, then after `initialMs`, doubling up to `maxMs` while nothing changes, back to `initialMs`
 * when something does; stops when `done`; pauses while the tab is hidden (`visibilityState`) and
 * reads at once when it is shown again; stops and cleans up (timer, listener) when the injection
 * context that created it is destroyed. Call it in an injection context (a component or store).
 */
export function backoffPoll<T>(options: BackoffPollOptions<T>): BackoffPoll<T> {
  const document = inject(DOCUMENT);
  const initialMs = options.initialMs ?? 1000;
  const maxMs = options.maxMs ?? 15_000;
  const same = options.same ?? ((a: T, b: T) => JSON.stringify(a) === JSON.stringify(b));

  const value = signal<T | null>(null);
  const active = signal(false);
  const finished = signal(false);
  let delay = initialMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by start/stop, so a read that comes back after either is dropped. */
  let generation = 0;
  let inFlight = false;
  let sawWork = false;
  let destroyed = false;
  /** The first read after start() sets the pace afresh (1 s next), changed or not. */
  let fresh = false;

  const hidden = () => document.visibilityState === 'hidden';

  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const schedule = () => {
    clearTimer();
    if (!active() || hidden()) return; // shown again: onVisibility reads at once
    timer = setTimeout(() => void read(), delay);
  };

  async function read(): Promise<void> {
    timer = undefined;
    if (!active() || inFlight) return;
    if (hidden()) return;
    const mine = generation;
    inFlight = true;
    try {
      const next = await options.load();
      if (mine !== generation) return;
      const previous = value();
      if (previous === null || !same(previous, next)) {
        delay = initialMs;
        value.set(next);
        if (previous !== null) options.changed?.(next);
      } else {
        delay = fresh ? initialMs : Math.min(delay * 2, maxMs);
      }
      fresh = false;
      if (options.done(next)) {
        active.set(false);
        if (sawWork) finished.set(true);
        sawWork = false;
        return;
      }
      sawWork = true;
    } catch {
      // A failed read (offline, 5xx) is tried again later, backing off like an unchanged one.
      if (mine !== generation) return;
      delay = Math.min(delay * 2, maxMs);
    } finally {
      if (mine === generation) inFlight = false;
    }
    schedule();
  }

  const onVisibility = () => {
    if (!active()) return;
    if (hidden()) clearTimer();
    else if (timer === undefined && !inFlight) void read();
  };
  document.addEventListener('visibilitychange', onVisibility);

  const stop = () => {
    generation++;
    inFlight = false;
    clearTimer();
    active.set(false);
  };

  inject(DestroyRef).onDestroy(() => {
    destroyed = true;
    stop();
    document.removeEventListener('visibilitychange', onVisibility);
  });

  return {
    value: value.asReadonly(),
    active: active.asReadonly(),
    finished: finished.asReadonly(),
    start() {
      if (destroyed) return;
      stop();
      delay = initialMs;
      fresh = true;
      finished.set(false);
      active.set(true);
      void read();
    },
    stop,
  };
}
