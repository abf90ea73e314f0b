// Self-pacing against SharePoint's resource-unit budget. SharePoint sends RateLimit-Limit, -Remaining
// and -Reset once a client has used 80% of its budget; from them the pacer learns the refill rate and
// keeps a local estimate of the units left, so the client waits before sending instead of being
// answered 429. A 429's Retry-After pauses every sender, not only the one that was refused.

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

export class Pacer {
  private limit: number | null = null;
  /** Units per millisecond, learned from the headers. */
  private rate: number | null = null;
  private estimate = 0;
  private at = 0;
  private blockedUntil = 0;
  /** Units reserved by requests sent but not yet answered: the service may not have counted them. */
  private inFlight = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Feeds the rate-limit headers of any answer (top level or a batch member). */
  observe(headers: Record<string, string>): void {
    const inFlightCost = this.inFlight;
    const get = (n: string): string | undefined => headers[n] ?? headers[n.toLowerCase()];
    const limit = Number(get('RateLimit-Limit'));
    const remaining = Number(get('RateLimit-Remaining'));
    const reset = Number(get('RateLimit-Reset'));
    if (!Number.isFinite(limit) || !Number.isFinite(remaining) || limit <= 0) {
      // No headers: the service says more than 20% of the budget is left.
      if (this.limit !== null) {
        this.refill();
        this.estimate = Math.max(this.estimate, this.limit * 0.2 - inFlightCost);
      }
      return;
    }
    this.limit = limit;
    if (Number.isFinite(reset) && reset > 0 && limit > remaining)
      this.rate = (limit - remaining) / (reset * 1000);
    this.estimate = remaining - inFlightCost;
    this.at = this.now();
  }

  throttled(retryAfterMs: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + retryAfterMs);
    this.estimate = 0;
    this.at = this.now();
  }

  private refill(): void {
    const t = this.now();
    if (this.rate !== null && this.limit !== null) {
      this.estimate = Math.min(this.limit, this.estimate + (t - this.at) * this.rate);
    }
    this.at = t;
  }

  /** The answer to a request that reserved `cost` units arrived. */
  release(cost: number): void {
    this.inFlight = Math.max(0, this.inFlight - cost);
  }

  /** Waits until `cost` units can be spent (callers served in order), and reserves them until release(). */
  acquire(cost: number, signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        if (signal?.aborted) return;
        const block = this.blockedUntil - this.now();
        if (block > 0) {
          await sleep(block, signal);
          continue;
        }
        if (this.rate === null || this.limit === null) {
          this.inFlight += cost;
          return;
        }
        this.refill();
        const need = Math.min(cost, this.limit);
        if (this.estimate >= need) {
          this.estimate -= need;
          this.inFlight += cost;
          return;
        }
        await sleep((need - this.estimate) / this.rate, signal);
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

export { sleep };
