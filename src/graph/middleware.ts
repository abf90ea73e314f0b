// The Graph SDK's middleware chain, built by hand: the SDK's own AuthenticationHandler only attaches
// tokens to https Graph hosts, and the project must also talk to the local http stand-in. Order:
// auth (token from the one token owner) → retry (503, and 504 or a lost connection only where
// repeating is harmless) → the SDK's HTTPMessageHandler (fetch). 429 is not retried here: GraphHttp
// does it through the pacer, which every sender shares.
import type { AuthenticationProvider, Context, Middleware } from '@microsoft/microsoft-graph-client';
import { sleep } from './pacer';

function setHeader(context: Context, name: string, value: string): void {
  const options = (context.options ??= {});
  const h = options.headers;
  if (h instanceof Headers) h.set(name, value);
  else options.headers = { ...((h as Record<string, string> | undefined) ?? {}), [name]: value };
}

export class AuthMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly provider: AuthenticationProvider,
    private readonly onUnauthorized?: () => void,
  ) {}

  async execute(context: Context): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      setHeader(context, 'Authorization', `Bearer ${await this.provider.getAccessToken()}`);
      await this.next!.execute(context);
      // One fresh token after a 401 (expired between cache check and use); never loop.
      if (context.response?.status !== 401 || attempt > 0 || !this.onUnauthorized) return;
      this.onUnauthorized();
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

export interface RetryPolicy {
  maxRetries: number;
  /** Never wait longer than this for one Retry-After, however long the service asks. */
  maxDelayMs: number;
  /** Per-attempt timeout; a timed-out request is ambiguous for writes. */
  timeoutMs: number;
  random: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 6,
  maxDelayMs: 60_000,
  timeoutMs: 60_000,
  random: Math.random,
};

/** Retry-After in ms (seconds or an HTTP date), with up to 20% jitter so parallel senders spread out. */
export function retryDelayMs(
  retryAfter: string | null | undefined,
  attempt: number,
  policy: RetryPolicy,
): number {
  let base = 2 ** attempt * 500;
  if (retryAfter) {
    const s = Number(retryAfter);
    if (Number.isFinite(s)) base = s * 1000;
    else if (!Number.isNaN(Date.parse(retryAfter))) base = Date.parse(retryAfter) - Date.now();
  }
  return Math.min(policy.maxDelayMs, Math.max(0, base) * (1 + policy.random() * 0.2));
}

const IDEMPOTENT = new Set(['GET', 'PUT', 'PATCH', 'DELETE', 'HEAD']);
/** POSTs that only read (a group membership check): repeating them is harmless too. */
const READ_ONLY_POST = /\/checkMemberGroups(\?|$)/;

function repeatable(method: string, request: Context['request']): boolean {
  const url = typeof request === 'string' ? request : request instanceof Request ? request.url : '';
  return IDEMPOTENT.has(method) || (method === 'POST' && READ_ONLY_POST.test(url));
}

export class RetryMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly policy: RetryPolicy) {}

  async execute(context: Context): Promise<void> {
    const method = (context.options?.method ?? 'GET').toUpperCase();
    const safe = repeatable(method, context.request);
    for (let attempt = 0; ; attempt++) {
      context.response = undefined;
      context.options = { ...context.options, signal: AbortSignal.timeout(this.policy.timeoutMs) };
      try {
        await this.next!.execute(context);
      } catch (e) {
        // A lost connection or timeout on a write may have committed: only the caller can decide.
        if (!safe || attempt >= this.policy.maxRetries) throw e;
        await sleep(retryDelayMs(null, attempt, this.policy));
        continue;
      }
      const res = context.response as Response | undefined;
      if (!res) return;
      const status = res.status;
      const retryable = status === 503 || (status === 504 && safe);
      if (!retryable || attempt >= this.policy.maxRetries) return;
      const wait = retryDelayMs(res.headers.get('Retry-After'), attempt, this.policy);
      await res.arrayBuffer().catch(() => undefined);
      await sleep(wait);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
