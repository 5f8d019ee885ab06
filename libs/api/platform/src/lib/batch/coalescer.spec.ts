import { Coalescer } from './coalescer';

describe('Coalescer', () => {
  it('sends a lone item at once, alone', async () => {
    const batches: number[][] = [];
    const c = new Coalescer<number, number>(async (xs) => (batches.push(xs), xs.map((x) => x * 2)), {
      maxBatch: 10,
      maxInFlight: 1,
    });
    await expect(c.submit(3)).resolves.toBe(6);
    expect(batches).toEqual([[3]]);
  });

  it('starts a lingering batch at once when flushed', async () => {
    const batches: number[][] = [];
    const sut = new Coalescer<number, number>(async (xs) => (batches.push(xs), xs), {
      maxBatch: 10,
      maxInFlight: 1,
      lingerMs: 60_000,
    });
    const results = Promise.all([sut.submit(1), sut.submit(2)]);
    await new Promise((r) => setTimeout(r, 20));
    expect(batches).toEqual([]);
    sut.flush();
    await expect(results).resolves.toEqual([1, 2]);
    expect(batches).toEqual([[1, 2]]);
  });

  it('with lingerTurn, sends together what arrives in the same turn of the event loop', async () => {
    const batches: number[][] = [];
    const c = new Coalescer<number, number>(async (xs) => (batches.push(xs), xs), {
      maxBatch: 10,
      maxInFlight: 2,
      lingerTurn: true,
    });
    // Without lingerTurn: [1], [2], then [3, 4] (the first two go alone, one per slot).
    await Promise.all([1, 2, 3, 4].map((x) => c.submit(x)));
    expect(batches).toEqual([[1, 2, 3, 4]]);
    await expect(c.submit(5)).resolves.toBe(5); // a lone item still goes within the turn
    expect(batches).toEqual([[1, 2, 3, 4], [5]]);
  });

  it('with lingerTurn, a full batch starts at once', async () => {
    const batches: number[][] = [];
    const c = new Coalescer<number, number>(async (xs) => (batches.push(xs), xs), {
      maxBatch: 2,
      maxInFlight: 1,
      lingerTurn: true,
    });
    void c.submit(1);
    void c.submit(2);
    expect(batches).toEqual([[1, 2]]);
  });

  it('groups what arrives while a batch is in flight, keeps order and the batch limit', async () => {
    const batches: number[][] = [];
    const c = new Coalescer<number, string>(
      async (xs) => {
        batches.push(xs);
        await new Promise((r) => setTimeout(r, 5));
        return xs.map((x) => `r${x}`);
      },
      { maxBatch: 3, maxInFlight: 1 },
    );
    const results = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((x) => c.submit(x)));
    expect(results).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6, 7]]);
  });

  it('runs at most maxInFlight batches at once', async () => {
    let running = 0;
    let peak = 0;
    const c = new Coalescer<number, number>(
      async (xs) => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return xs;
      },
      { maxBatch: 2, maxInFlight: 2 },
    );
    await Promise.all(Array.from({ length: 20 }, (_, i) => c.submit(i)));
    expect(peak).toBe(2);
  });

  it('fails every item of a failing batch and carries on with the next', async () => {
    let calls = 0;
    const c = new Coalescer<number, number>(
      async (xs) => {
        calls++;
        await new Promise((r) => setTimeout(r, 1));
        if (xs.includes(2)) throw new Error('boom');
        return xs;
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const outcomes = await Promise.allSettled([1, 2, 3, 4].map((x) => c.submit(x)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected']);
    const after = await c.submit(5);
    expect(after).toBe(5);
    expect(calls).toBe(3);
  });

  it('refuses a batch function that loses results', async () => {
    const c = new Coalescer<number, number>(async () => [], { maxBatch: 10, maxInFlight: 1 });
    await expect(c.submit(1)).rejects.toThrow('0 results for 1 items');
  });
});

describe('Coalescer with linger', () => {
  it('waits a little for company, then sends what came as one batch', async () => {
    const batches: number[][] = [];
    const c = new Coalescer<number, number>(async (xs) => (batches.push(xs), xs), {
      maxBatch: 10,
      maxInFlight: 1,
      lingerMs: 20,
    });
    const first = c.submit(1);
    await new Promise((r) => setTimeout(r, 5));
    const second = c.submit(2);
    await Promise.all([first, second]);
    expect(batches).toEqual([[1, 2]]);
  });

  it('does not wait once a batch is full', async () => {
    const batches: number[][] = [];
    const c = new Coalescer<number, number>(async (xs) => (batches.push(xs), xs), {
      maxBatch: 2,
      maxInFlight: 1,
      lingerMs: 60_000,
    });
    await Promise.all([c.submit(1), c.submit(2)]);
    expect(batches).toEqual([[1, 2]]);
  });
});

describe('Coalescer onIdle', () => {
  it('is called once the last batch has settled and nothing waits', async () => {
    const idle = jest.fn();
    const c = new Coalescer<number, number>(
      async (xs) => {
        await new Promise((r) => setTimeout(r, 2));
        return xs;
      },
      { maxBatch: 2, maxInFlight: 1, onIdle: idle },
    );
    const all = Promise.all([1, 2, 3].map((x) => c.submit(x)));
    await Promise.resolve();
    expect(idle).not.toHaveBeenCalled();
    await all;
    expect(idle).toHaveBeenCalledTimes(1);
  });
});
