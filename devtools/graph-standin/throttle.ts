// SharePoint-style throttling by resource units: a budget per minute refilled continuously (a token
// bucket), answers 429 with Retry-After when a request does not fit, and RateLimit-* headers once 80%
// of the budget is used, as SharePoint Online sends them — on a best-effort basis, so the headers can
// be switched off (`rateLimitHeaders: false`): then a client learns only from 429 + Retry-After.
// `clockScale` speeds the minute up so a budget run takes seconds; every time the stand-in reports
// (Retry-After, RateLimit-Reset) is in real seconds.

export interface RateHeaders {
  [name: string]: string;
}

export class ResourceBudget {
  private tokens: number;
  private last: number;
  /** Resource units per real millisecond. */
  readonly rate: number;

  /** When the first and the last accepted call ran (real ms), for the bench's lower bound. */
  firstAt: number | null = null;
  lastAt: number | null = null;

  constructor(
    readonly perMinute: number,
    clockScale: number,
    private readonly sendHeaders = true,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = perMinute;
    this.last = now();
    this.rate = (perMinute * clockScale) / 60_000;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.perMinute, this.tokens + (t - this.last) * this.rate);
    this.last = t;
  }

  /** Spends `cost` units, or answers how long (ms) until it could. */
  take(cost: number): { ok: true } | { ok: false; waitMs: number } {
    this.refill();
    if (this.tokens >= cost) {
      this.tokens -= cost;
      this.firstAt ??= this.last;
      this.lastAt = this.last;
      return { ok: true };
    }
    return { ok: false, waitMs: (cost - this.tokens) / this.rate };
  }

  headers(): RateHeaders {
    if (!this.sendHeaders) return {};
    this.refill();
    if (this.tokens > this.perMinute * 0.2) return {};
    const resetMs = (this.perMinute - this.tokens) / this.rate;
    return {
      'RateLimit-Limit': String(this.perMinute),
      'RateLimit-Remaining': String(Math.floor(this.tokens)),
      'RateLimit-Reset': seconds(resetMs),
    };
  }
}

/** Seconds for a header: whole seconds at real speed, decimals when the clock is scaled below 1 s. */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return s >= 10 ? String(Math.ceil(s)) : String(Math.max(0.001, Math.round(s * 1000) / 1000));
}
