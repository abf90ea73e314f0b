// Self-pacing against SharePoint's resource-unit budget, shared by every sender of one GraphHttp (all
// the concurrent batch senders and every single request take their turn here).
//
// Two ways to learn the budget:
//  - RateLimit-Limit, -Remaining and -Reset, which SharePoint sends once 80% of the budget is used — on
//    a best-effort basis: they give the refill rate and the units left exactly;
//  - without them, 429 + Retry-After. At every 429 the budget is spent, so the units SharePoint
//    accepted between two 429s divided by the time between them is the refill rate, whatever the
//    service's window. The first 429 only bounds it (Retry-After ≥ the missing units ÷ the rate, and a
//    request misses at most its own cost): the pacer starts at half that bound and speeds up 25% per
//    batch's worth of accepted units until the next 429; from then on it paces at the measured rate and
//    probes slowly upwards (+0.2% per batch's worth) so the estimate keeps following the service.
// A 429 pauses every sender until its Retry-After, and the estimate of units left restarts from zero.

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

/** Resource units a call costs, after SharePoint's published table: reads 1, writes and multi-item reads 2. */
export function resourceUnits(method: string, path: string): number {
  if (method !== 'GET') return 2;
  const bare = path.split('?')[0];
  return /\/(items|lists|columns|children)$/.test(bare) ? 2 : 1;
}

/** A batch's worth of units (20 writes of 2): the step in which the probing speed-up grows. */
const BATCH_UNITS = 40;
const RISING = 0.25;
const TRACKING = 0.002;
/** 429s kept for the measured rate: recent enough to follow a changing budget, enough to be precise. */
const WINDOW = 4;
/** Units accepted between two 429s for their interval to measure the rate. */
const MEASURE_UNITS = 5 * BATCH_UNITS;

export class Pacer {
  /** The most the budget holds (RateLimit-Limit, or the burst accepted before the first 429). */
  private limit: number | null = null;
  /** Units per millisecond. */
  private rate: number | null = null;
  private learnedFrom: 'headers' | 'throttling' | null = null;
  private estimate = 0;
  private at = 0;
  private blockedUntil = 0;
  /** Units reserved by requests sent but not yet answered: the service may not have counted them. */
  private inFlight = 0;
  private queue: Promise<void> = Promise.resolve();
  /** Units the service accepted (answered other than 429), since the start. */
  private accepted = 0;
  /** The 429s that began a pause: when, and how many units had been accepted by then. */
  private events: { at: number; accepted: number }[] = [];
  /** Speed-up over the learned rate while probing for it (throttling only). */
  private probe = 1;
  /** Whether the rate was measured between two 429s (else it is a guess, probed upwards quickly). */
  private measured = false;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** What the pacer believes: units per second and where it learned them (the bench prints it). */
  get learned(): { unitsPerSecond: number | null; from: 'headers' | 'throttling' | null; measured: boolean } {
    return {
      unitsPerSecond: this.rate === null ? null : this.rate * 1000,
      from: this.learnedFrom,
      measured: this.learnedFrom === 'headers' || this.measured,
    };
  }

  /** Feeds the rate-limit headers of any answer (top level or a batch member). */
  observe(headers: Record<string, string>): void {
    const inFlightCost = this.inFlight;
    const get = (n: string): string | undefined => headers[n] ?? headers[n.toLowerCase()];
    const limit = Number(get('RateLimit-Limit'));
    const remaining = Number(get('RateLimit-Remaining'));
    const reset = Number(get('RateLimit-Reset'));
    if (!Number.isFinite(limit) || !Number.isFinite(remaining) || limit <= 0) {
      // No headers from a service that sends them: more than 20% of the budget is left.
      if (this.learnedFrom === 'headers' && this.limit !== null) {
        this.refill();
        this.estimate = Math.max(this.estimate, this.limit * 0.2 - inFlightCost);
      }
      return;
    }
    this.learnedFrom = 'headers';
    this.probe = 1;
    this.limit = limit;
    if (Number.isFinite(reset) && reset > 0 && limit > remaining)
      this.rate = (limit - remaining) / (reset * 1000);
    this.estimate = remaining - inFlightCost;
    this.at = this.now();
  }

  /**
   * A 429. `retryAfterMs` is the wait the service asked for (null when it named none: then the answer
   * says nothing about the budget and only the pause applies); `cost` is the refused request's units.
   */
  throttled(retryAfterMs: number, cost: number, named = true): void {
    const t = this.now();
    // Refusals that arrive during the pause (the rest of a batch, batches already in flight) are one event.
    const last = this.events[this.events.length - 1];
    const fresh = t >= this.blockedUntil && (!last || this.accepted > last.accepted);
    this.blockedUntil = Math.max(this.blockedUntil, t + retryAfterMs);
    this.estimate = 0;
    this.at = t;
    if (!fresh || !named || this.learnedFrom === 'headers') return;
    const earlier = this.events;
    this.events = [...earlier, { at: t, accepted: this.accepted }].slice(-WINDOW - 1);
    if (earlier.length === 0) {
      this.learnedFrom = 'throttling';
      this.limit = Math.max(this.accepted, cost);
      this.rate = cost / Math.max(retryAfterMs, 1) / 2;
      return;
    }
    // Measured from the oldest 429 kept, if enough units passed since for a precise figure (answers
    // arrive some milliseconds after the service counted them).
    const base = earlier[0];
    if (this.accepted - base.accepted >= MEASURE_UNITS && t > base.at) {
      this.rate = (this.accepted - base.accepted) / (t - base.at);
      this.measured = true;
    } else if (this.rate !== null) {
      // Too soon to measure: the guess was too high. Halve it and rise again.
      this.rate /= 2;
    }
    this.probe = 1;
  }

  private refill(): void {
    const t = this.now();
    if (this.rate !== null) {
      this.estimate = Math.min(
        this.limit ?? Infinity,
        this.estimate + (t - this.at) * this.rate * this.probe,
      );
    }
    this.at = t;
  }

  /** The answer to a request that reserved `cost` units arrived; `acceptedUnits` of them were not refused. */
  release(cost: number, acceptedUnits = cost): void {
    this.inFlight = Math.max(0, this.inFlight - cost);
    this.accepted += acceptedUnits;
    if (this.learnedFrom === 'throttling' && acceptedUnits >= cost && cost > 0) {
      const step = this.measured ? TRACKING : RISING;
      this.probe = Math.min(this.probe * Math.pow(1 + step, cost / BATCH_UNITS), 8);
    }
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
        if (this.rate === null) {
          this.inFlight += cost;
          return;
        }
        this.refill();
        const need = Math.min(cost, this.limit ?? cost);
        if (this.estimate >= need) {
          this.estimate -= need;
          this.inFlight += cost;
          return;
        }
        await sleep((need - this.estimate) / (this.rate * this.probe), signal);
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

export { sleep };
