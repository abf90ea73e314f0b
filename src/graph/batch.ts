// Writes in JSON $batch requests of at most 20, a bounded number in flight, every member's answer
// handled on its own: 429/503 wait for Retry-After (jitter, capped, the pacer pausing all senders on
// 429) and go again; a unique-constraint refusal means the row is already there; 504, a timeout or
// a lost connection are ambiguous (the write may have committed) and left to the caller's query by
// key; any other 4xx is reported with its job.
import { GraphTransportError, errorMessage, type GraphHttp, type GraphResponse } from './http';
import { retryDelayMs } from './middleware';
import { sleep } from './pacer';

export const MAX_BATCH = 20;

export interface BatchJob {
  /** Unique within one run; echoed back to onOutcome. */
  id: string;
  method: 'POST' | 'PATCH';
  /** Relative to the Graph root, e.g. /sites/{id}/lists/{id}/items. */
  url: string;
  body: unknown;
}

export type JobOutcome =
  | { kind: 'stored'; body: unknown }
  | { kind: 'duplicate' }
  | { kind: 'ambiguous'; reason: string }
  | { kind: 'rejected'; status: number; message: string };

export interface BatchRunOptions {
  concurrency: number;
  signal?: AbortSignal;
  /** Attempts per job for 429/503 before it is reported as rejected. */
  maxAttempts?: number;
  /** Resource units one job costs (SharePoint: 2 per item write). */
  costPerJob?: number;
  onOutcome(job: BatchJob, outcome: JobOutcome): void | Promise<void>;
  onRetry?(): void;
}

interface Queued {
  job: BatchJob;
  attempts: number;
  notBefore: number;
}

interface BatchMemberResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export function isDuplicateRefusal(status: number, body: unknown): boolean {
  if (status !== 400 && status !== 409) return false;
  const message = JSON.stringify(body ?? '').toLowerCase();
  return message.includes('duplicate values') || message.includes('unique constraint');
}

export async function runBatches(http: GraphHttp, jobs: BatchJob[], options: BatchRunOptions): Promise<void> {
  const queue: Queued[] = jobs.map((job) => ({ job, attempts: 0, notBefore: 0 }));
  const maxAttempts = options.maxAttempts ?? 8;
  const cost = options.costPerJob ?? 2;
  let inFlight = 0;

  const requeue = (
    q: Queued,
    retryAfter: string | undefined,
    status: number,
    message: string,
  ): Promise<void> | void => {
    q.attempts++;
    if (q.attempts >= maxAttempts) {
      return options.onOutcome(q.job, {
        kind: 'rejected',
        status,
        message: `gave up after ${q.attempts} attempts: ${message}`,
      });
    }
    options.onRetry?.();
    const wait = retryDelayMs(retryAfter, q.attempts, http.policy);
    if (status === 429) http.pacer.throttled(wait, cost, retryAfter !== undefined);
    q.notBefore = Date.now() + wait;
    queue.push(q);
  };

  const settle = async (
    q: Queued,
    status: number,
    headers: Record<string, string>,
    body: unknown,
  ): Promise<void> => {
    if (status >= 200 && status < 300) return options.onOutcome(q.job, { kind: 'stored', body });
    if (status === 429 || status === 503)
      return requeue(q, headers['retry-after'] ?? headers['Retry-After'], status, `HTTP ${status}`);
    if (status === 504 || status === 502)
      return options.onOutcome(q.job, { kind: 'ambiguous', reason: `HTTP ${status}` });
    if (isDuplicateRefusal(status, body)) return options.onOutcome(q.job, { kind: 'duplicate' });
    return options.onOutcome(q.job, {
      kind: 'rejected',
      status,
      message: errorMessage({ status, headers, body }),
    });
  };

  const sendOne = async (batch: Queued[]): Promise<void> => {
    await http.pacer.acquire(cost * batch.length, options.signal);
    if (options.signal?.aborted) {
      // Cancelled while waiting for budget: nothing was sent, so these rows simply stay pending.
      http.pacer.release(cost * batch.length, 0);
      return;
    }
    const requests = batch.map((q, i) => ({
      id: String(i + 1),
      method: q.job.method,
      url: q.job.url,
      headers: { 'Content-Type': 'application/json' },
      body: q.job.body,
    }));
    let res: GraphResponse<{ responses?: BatchMemberResponse[] }>;
    try {
      res = await http.send('POST', '/$batch', { requests });
    } catch (e) {
      http.pacer.release(cost * batch.length, 0);
      if (!(e instanceof GraphTransportError)) throw e;
      for (const q of batch) await options.onOutcome(q.job, { kind: 'ambiguous', reason: e.message });
      return;
    }
    if (res.status === 429 || res.status === 503) {
      http.pacer.release(cost * batch.length, res.status === 429 ? 0 : cost * batch.length);
      for (const q of batch) await requeue(q, res.headers['retry-after'], res.status, errorMessage(res));
      return;
    }
    if (res.status !== 200 || !Array.isArray(res.body?.responses)) {
      http.pacer.release(cost * batch.length, 0);
      // The whole batch failed: a gateway timeout may still have run it; anything else did not.
      const ambiguous = res.status === 504 || res.status === 502;
      for (const q of batch) {
        await options.onOutcome(
          q.job,
          ambiguous
            ? { kind: 'ambiguous', reason: `HTTP ${res.status}` }
            : { kind: 'rejected', status: res.status, message: errorMessage(res) },
        );
      }
      return;
    }
    const answered = new Set<string>();
    const members: { q: Queued; r: BatchMemberResponse; headers: Record<string, string> }[] = [];
    let tightest: Record<string, string> | null = null;
    for (const r of res.body.responses) {
      const q = batch[Number(r.id) - 1];
      if (!q || answered.has(r.id)) continue;
      answered.add(r.id);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = String(v);
      members.push({ q, r, headers });
      // Members run in no particular order: the lowest Remaining is the budget after the batch.
      const left = Number(headers['ratelimit-remaining']);
      if (Number.isFinite(left) && (tightest === null || left < Number(tightest['ratelimit-remaining'])))
        tightest = headers;
    }
    const refused = members.filter((m) => m.r.status === 429).length;
    http.pacer.release(cost * batch.length, cost * (batch.length - refused));
    http.pacer.observe(tightest ?? {});
    for (const { q, r, headers } of members) await settle(q, r.status, headers, r.body);
    for (let i = 0; i < batch.length; i++) {
      if (!answered.has(String(i + 1)))
        await options.onOutcome(batch[i].job, { kind: 'ambiguous', reason: 'no answer in the batch' });
    }
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      if (options.signal?.aborted) return;
      const now = Date.now();
      const ready: Queued[] = [];
      for (let i = 0; i < queue.length && ready.length < MAX_BATCH;) {
        if (queue[i].notBefore <= now) ready.push(...queue.splice(i, 1));
        else i++;
      }
      if (ready.length === 0) {
        if (queue.length === 0 && inFlight === 0) return;
        const earliest = queue.length > 0 ? Math.min(...queue.map((q) => q.notBefore)) - now : 20;
        await sleep(Math.min(Math.max(earliest, 5), 100), options.signal);
        continue;
      }
      inFlight++;
      try {
        await sendOne(ready);
      } finally {
        inFlight--;
      }
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
}
