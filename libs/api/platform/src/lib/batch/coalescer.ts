export interface CoalescerOptions {
  /** Items per batch at most. */
  maxBatch: number;
  /** Batches being processed at once at most. */
  maxInFlight: number;
  /**
   * How long a batch that could start waits for company (0: it starts at once). A few
   * milliseconds turn a steady stream of items into real batches; a full batch never waits.
   */
  lingerMs?: number;
  /**
   * Without `lingerMs`: a batch that could start waits for the end of the event loop's turn
   * (`setImmediate`), so that every item whose request arrived in the same I/O phase goes with
   * it. Without it the first item of a burst goes alone and, with `maxInFlight` batches of one
   * under way, the rest of the burst waits for them.
   */
  lingerTurn?: boolean;
  /** Called whenever the last batch has settled and nothing waits (e.g. to drop a per-key coalescer). */
  onIdle?: () => void;
}

/**
 * Group commit for many small calls: items submitted while a batch is being processed wait and
 * go together in the next one (up to `maxBatch` items, at most `maxInFlight` batches at once,
 * optionally lingering `lingerMs` for more). Under light load every item goes alone; under
 * heavy load one round trip serves many. `run` returns one result per item, in order; if it
 * throws, every item of that batch fails with the error (callers decide whether to retry one
 * by one).
 */
export class Coalescer<In, Out> {
  private readonly waiting: { item: In; resolve: (out: Out) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;
  private timer?: NodeJS.Timeout;
  private turn?: NodeJS.Immediate;

  constructor(
    private readonly run: (items: In[]) => Promise<Out[]>,
    private readonly options: CoalescerOptions,
  ) {}

  submit(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.kick();
    });
  }

  /** Starts the batch that lingers now, without waiting for company (e.g. on shutdown). */
  flush(): void {
    if (this.waiting.length) this.start();
  }

  private kick(): void {
    if (this.inFlight >= this.options.maxInFlight || !this.waiting.length) return;
    const linger = this.options.lingerMs ?? 0;
    if (linger > 0 && this.waiting.length < this.options.maxBatch) {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.start();
      }, linger);
      return;
    }
    if (this.options.lingerTurn && this.waiting.length < this.options.maxBatch) {
      this.turn ??= setImmediate(() => {
        this.turn = undefined;
        this.start();
      });
      return;
    }
    this.start();
  }

  private start(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.turn) clearImmediate(this.turn);
    this.timer = this.turn = undefined;
    if (this.inFlight >= this.options.maxInFlight || !this.waiting.length) return;
    this.inFlight++;
    void this.drain();
  }

  private async drain(): Promise<void> {
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      try {
        const results = await this.run(batch.map((w) => w.item));
        if (results.length !== batch.length)
          throw new Error(`batch returned ${results.length} results for ${batch.length} items`);
        batch.forEach((w, i) => w.resolve(results[i]));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.inFlight--;
    // An item may have arrived while the last batch settled, with its timer already cleared.
    this.kick();
    if (!this.inFlight && !this.waiting.length && !this.timer && !this.turn) this.options.onIdle?.();
  }
}
