// The project's one Graph client: the SDK with our middleware chain, answering plain
// {status, headers, body} so callers handle every status themselves (a $batch answers 200 around
// members that failed). Every request but a $batch (paced by batch.ts, member by member) waits for
// its resource units at the shared pacer, and a 429 is retried here, after the pause it imposes on
// every sender. A refused sign-in (401 after one fresh token, or no token at all) is SignInRequired.
import { Client, HTTPMessageHandler, ResponseType } from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from '../auth/types';
import { BilingualError } from '../bilingual';
import { SignInRequired } from '../submission/types';
import {
  AuthMiddleware,
  RetryMiddleware,
  defaultRetryPolicy,
  retryDelayMs,
  type RetryPolicy,
} from './middleware';
import { Pacer, resourceUnits, sleep } from './pacer';

export interface GraphResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

/** The request never got a complete answer (connection lost, timeout): a write may have committed. */
export class GraphTransportError extends Error {
  constructor(override readonly cause: unknown) {
    super(
      `Graph request failed in transit: ${cause instanceof Error ? cause.message || cause.name : String(cause)}`,
    );
    this.name = 'GraphTransportError';
  }
}

export interface GraphHttpOptions {
  /** e.g. https://graph.microsoft.com/v1.0 or http://127.0.0.1:4321/v1.0 */
  root: string;
  tokens: TokenProvider;
  retry?: Partial<RetryPolicy>;
}

export class GraphHttp {
  readonly pacer = new Pacer();
  readonly root: string;
  readonly policy: RetryPolicy;
  private readonly client: Client;
  /** Requests handed to the SDK (a $batch counts once), for the bench and the logs. */
  requestsSent = 0;
  /** The SDK wraps what a middleware throws; a failed sign-in is kept here to be rethrown as itself. */
  private signInFailure: SignInRequired | null = null;

  constructor(options: GraphHttpOptions) {
    this.root = options.root.replace(/\/+$/, '');
    this.policy = { ...defaultRetryPolicy, ...options.retry };
    const url = new URL(this.root);
    const getAccessToken = async (): Promise<string> => {
      try {
        return await options.tokens.getToken();
      } catch (e) {
        this.signInFailure = new SignInRequired(e instanceof BilingualError ? e.text : undefined, e);
        throw this.signInFailure;
      }
    };
    const auth = new AuthMiddleware(
      { getAccessToken },
      options.tokens.invalidate ? () => options.tokens.invalidate!() : undefined,
    );
    const retry = new RetryMiddleware(this.policy);
    auth.setNext(retry);
    retry.setNext(new HTTPMessageHandler());
    this.client = Client.initWithMiddleware({
      middleware: auth,
      baseUrl: url.origin,
      defaultVersion: url.pathname.replace(/^\/+/, ''),
    });
  }

  /** Turns a nextLink or any absolute URL under the root into the path the SDK expects. */
  relative(pathOrUrl: string): string {
    if (pathOrUrl.startsWith(this.root)) return pathOrUrl.slice(this.root.length);
    if (/^https?:\/\//.test(pathOrUrl)) throw new Error(`URL outside the Graph root: ${pathOrUrl}`);
    return pathOrUrl;
  }

  async send<T = unknown>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<GraphResponse<T>> {
    const batch = path.startsWith('/$batch');
    const units = batch ? 0 : resourceUnits(method, this.relative(path));
    for (let attempt = 0; ; attempt++) {
      if (units > 0) await this.pacer.acquire(units);
      let res: GraphResponse<T>;
      try {
        res = await this.once<T>(method, path, body, headers);
      } catch (e) {
        this.pacer.release(units, 0);
        throw e;
      }
      this.pacer.release(units, res.status === 429 ? 0 : units);
      if (res.status === 401) throw new SignInRequired();
      if (batch || res.status !== 429 || attempt >= this.policy.maxRetries) return res;
      const named = res.headers['retry-after'];
      const wait = retryDelayMs(named, attempt, this.policy);
      this.pacer.throttled(wait, units, named !== undefined);
      await sleep(wait);
    }
  }

  private async once<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<GraphResponse<T>> {
    const isBlob = typeof Blob !== 'undefined' && body instanceof Blob;
    const request = this.client
      .api(this.relative(path))
      .responseType(ResponseType.RAW)
      .headers({
        ...(body !== undefined && !isBlob ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      });
    this.requestsSent++;
    let res: Response;
    try {
      const payload = body === undefined || isBlob ? body : JSON.stringify(body);
      if (method === 'GET') res = (await request.get()) as Response;
      else if (method === 'POST') res = (await request.post(payload)) as Response;
      else if (method === 'PATCH') res = (await request.patch(payload)) as Response;
      else if (method === 'PUT') res = (await request.put(payload)) as Response;
      else res = (await request.delete()) as Response;
    } catch (e) {
      const signIn = this.signInFailure;
      if (signIn && (e as { code?: unknown }).code === signIn.name) throw signIn;
      throw new GraphTransportError(e);
    }
    const text = await res.text().catch((e: unknown) => {
      throw new GraphTransportError(e);
    });
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a proxy's HTML error page): keep the text for the message.
    }
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => (out[k.toLowerCase()] = v));
    // A $batch's own answer says nothing about the budget: its members' answers do (batch.ts).
    if (!path.startsWith('/$batch')) this.pacer.observe(out);
    return { status: res.status, headers: out, body: parsed as T };
  }
}

/** Graph's error message from an error body, or the HTTP status when there is none. */
export function errorMessage(res: GraphResponse): string {
  const body = res.body as { error?: { code?: string; message?: string } } | string | null;
  if (body && typeof body === 'object' && body.error)
    return `${body.error.code ?? res.status}: ${body.error.message ?? ''}`;
  return `HTTP ${res.status}${typeof body === 'string' && body ? `: ${body.slice(0, 200)}` : ''}`;
}
