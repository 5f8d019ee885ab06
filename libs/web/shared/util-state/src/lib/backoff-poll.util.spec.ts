import { EnvironmentInjector, createEnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type BackoffPollOptions, backoffPoll } from './backoff-poll.util';

interface Counts {
  queued: number;
  sent: number;
}

describe(backoffPoll.name, () => {
  let visibility: DocumentVisibilityState;
  let injector: EnvironmentInjector;

  beforeEach(() => {
    jest.useFakeTimers();
    visibility = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
  });
  afterEach(() => {
    if (!injector.destroyed) injector.destroy();
    jest.useRealTimers();
  });

  /** A poll over a scripted sequence of reads (the last one repeats); records when each read happened. */
  function setup(reads: Counts[], options: Partial<BackoffPollOptions<Counts>> = {}) {
    const at: number[] = [];
    const changes: Counts[] = [];
    const start = Date.now();
    let i = 0;
    const load = jest.fn(async () => {
      at.push(Date.now() - start);
      return reads[Math.min(i++, reads.length - 1)];
    });
    const sut = runInInjectionContext(injector, () =>
      backoffPoll<Counts>({ load, done: (c) => c.queued === 0, changed: (c) => changes.push(c), ...options }),
    );
    return { sut, load, at, changes };
  }

  /** Lets the timers run for `ms` and the reads they started settle. */
  const advance = async (ms: number) => {
    await jest.advanceTimersByTimeAsync(ms);
  };

  it('reads at once, then backs off 1 s, 2 s, 4 s, 8 s, 15 s, 15 s while nothing changes', async () => {
    const { sut, at } = setup([{ queued: 5, sent: 0 }]);

    sut.start();
    await advance(60_000);

    expect(at.slice(0, 7)).toEqual([0, 1000, 3000, 7000, 15_000, 30_000, 45_000]);
    expect(sut.active()).toBe(true);
  });

  it('goes back to 1 s after a change, and reports each change once (not the first read)', async () => {
    const { sut, at, changes } = setup([
      { queued: 5, sent: 0 },
      { queued: 5, sent: 0 },
      { queued: 5, sent: 0 },
      { queued: 3, sent: 2 },
      { queued: 3, sent: 2 },
    ]);

    sut.start();
    await advance(9000);

    // 0, 1 s, 3 s (unchanged: 4 s next), 7 s changed: 8 s next
    expect(at).toEqual([0, 1000, 3000, 7000, 8000]);
    expect(changes).toEqual([{ queued: 3, sent: 2 }]);
    expect(sut.value()).toEqual({ queued: 3, sent: 2 });
  });

  it('stops when nothing is left, and says it finished only after having seen work', async () => {
    const { sut, load } = setup([
      { queued: 2, sent: 0 },
      { queued: 0, sent: 2 },
    ]);

    sut.start();
    await advance(1000);

    expect(sut.active()).toBe(false);
    expect(sut.finished()).toBe(true);
    await advance(60_000);
    expect(load).toHaveBeenCalledTimes(2);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('does not announce a finish when there was nothing to wait for', async () => {
    const { sut } = setup([{ queued: 0, sent: 4 }]);

    sut.start();
    await advance(0);

    expect(sut.active()).toBe(false);
    expect(sut.finished()).toBe(false);
    expect(sut.value()).toEqual({ queued: 0, sent: 4 });
  });

  it('stops and leaves no timer when its injector is destroyed, dropping a read in flight', async () => {
    let resolve!: (c: Counts) => void;
    const load = jest.fn(() => new Promise<Counts>((r) => (resolve = r)));
    const sut = runInInjectionContext(injector, () => backoffPoll<Counts>({ load, done: (c) => c.queued === 0 }));

    sut.start();
    injector.destroy();
    resolve({ queued: 1, sent: 0 });
    await advance(60_000);

    expect(load).toHaveBeenCalledTimes(1);
    expect(sut.value()).toBeNull();
    expect(sut.active()).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
    sut.start();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('pauses while the tab is hidden and reads at once when it is shown again', async () => {
    const { sut, at } = setup([{ queued: 5, sent: 0 }]);

    sut.start();
    await advance(1000); // reads at 0 and 1 s; the next is due at 3 s
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    await advance(60_000);
    expect(at).toEqual([0, 1000]);
    expect(jest.getTimerCount()).toBe(0);

    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    await advance(0);
    expect(at).toEqual([0, 1000, 61_000]);
    expect(sut.active()).toBe(true);
  });

  it('keeps trying after a failed read, backing off', async () => {
    const load = jest
      .fn<Promise<Counts>, []>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue({ queued: 0, sent: 1 });
    const sut = runInInjectionContext(injector, () => backoffPoll<Counts>({ load, done: (c) => c.queued === 0 }));

    sut.start();
    await advance(0);
    expect(sut.active()).toBe(true);
    await advance(1999);
    expect(load).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(load).toHaveBeenCalledTimes(2);
    expect(sut.active()).toBe(false);
  });

  it('stop() ends polling; start() again reads at once with the delay reset', async () => {
    const { sut, at } = setup([{ queued: 5, sent: 0 }]);

    sut.start();
    await advance(7000); // 0, 1, 3, 7 s
    sut.stop();
    await advance(30_000);
    expect(at).toEqual([0, 1000, 3000, 7000]);

    sut.start();
    await advance(1000);
    expect(at).toEqual([0, 1000, 3000, 7000, 37_000, 38_000]);
  });
});
