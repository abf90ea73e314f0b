// The HTTP side: who the token names, latency, throttling, faults, $batch, upload chunks and persistence.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Store, type FieldValue, type ListItem, type SiteData } from './store';
import { Drive } from './drive';
import { findList } from './lists';
import { DEFAULT_USERS, caller, identityOf, type StandInUser, type UserTable } from './users';
import { ResourceBudget, seconds } from './throttle';
import { seededRandom, type Faults } from './faults';
import { costOf, isWrite, route } from './router';
import { graphError, json, type StandInRequest, type StandInResponse } from './http-types';

export interface GraphStandInOptions {
  port?: number;
  /** Where data survives restarts; null keeps everything in memory. */
  dataDir?: string | null;
  latencyMs?: number;
  faults?: Faults;
  /** Resource units per minute; null or 0 disables throttling. */
  budgetPerMinute?: number | null;
  /** How many times faster than real time the stand-in's minute runs. */
  clockScale?: number;
  /** With a budget: send RateLimit-* headers near its end (SharePoint does, on a best-effort basis). */
  rateLimitHeaders?: boolean;
  seed?: number;
  /** token → user; every other token is answered 401. Default: the development token's user. */
  users?: UserTable;
  /** The stand-in's clock, the only source of the times it records (tests inject one). */
  now?: () => Date;
}

export interface GraphStandInStats {
  /** HTTP requests received (a $batch counts once). */
  requests: number;
  batches: number;
  /** Calls executed, inner batch requests included. */
  calls: number;
  throttled: number;
  faults: number;
  /** Resource units spent by calls the budget accepted. */
  units: number;
  /** PATCH calls executed (batch members included). */
  patches: number;
  /** Queries refused by the list view threshold. */
  thresholdRefusals: number;
  /** Real ms between the first and the last call the budget accepted (null without a budget). */
  budgetSpanMs: number | null;
}

export interface GraphStandIn {
  /** The Graph root to configure clients with, e.g. http://127.0.0.1:4321/v1.0. */
  url: string;
  port: number;
  close(): Promise<void>;
  setFaults(faults: Faults): void;
  setLatency(ms: number): void;
  stats(): GraphStandInStats;
  resetStats(): void;
  sites(): readonly SiteData[];
  /** The bytes of an uploaded file, by its id (a SiteData file's `id`). */
  fileContent(fileId: string): Buffer | null;
  /** Calls `fn` after every committed write (a $batch member counts on its own), e.g. to check an invariant. */
  watch(fn: () => void): void;
  /** Puts items straight into a list (tests: a list past the threshold in milliseconds). */
  seed(sitePath: string, list: string, rows: Record<string, FieldValue>[], user?: StandInUser): void;
}

const MAX_BATCH = 20;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function headersOf(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') out[k.toLowerCase()] = v;
  return out;
}

export async function startGraphStandIn(options: GraphStandInOptions = {}): Promise<GraphStandIn> {
  const store = new Store(options.dataDir ?? null);
  const now = options.now ?? (() => new Date());
  const drive = new Drive(store, now);
  const users = options.users ?? DEFAULT_USERS;
  const clockScale = options.clockScale ?? 1;
  const budget = options.budgetPerMinute
    ? new ResourceBudget(options.budgetPerMinute, clockScale, options.rateLimitHeaders ?? true)
    : null;
  const watchers: (() => void)[] = [];
  const random = seededRandom(options.seed ?? 1);
  let faults: Faults = options.faults ?? {};
  let latencyMs = options.latencyMs ?? 0;
  const zero = (): GraphStandInStats => ({
    requests: 0,
    batches: 0,
    calls: 0,
    throttled: 0,
    faults: 0,
    units: 0,
    patches: 0,
    thresholdRefusals: 0,
    budgetSpanMs: null,
  });
  let stats = zero();

  /** One Graph call with throttling and write faults applied, as SharePoint treats each batch member. */
  const execute = (req: StandInRequest): StandInResponse => {
    stats.calls++;
    const cost = costOf(req);
    if (budget) {
      const taken = budget.take(cost);
      if (!taken.ok) {
        stats.throttled++;
        const r = graphError(429, 'activityLimitReached', 'The request has been throttled');
        r.headers['Retry-After'] = seconds(taken.waitMs);
        return r;
      }
    }
    stats.units += cost;
    if (req.method === 'PATCH') stats.patches++;
    if (isWrite(req.method) && (faults.unavailable ?? 0) > random()) {
      stats.faults++;
      const r = graphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable');
      r.headers['Retry-After'] = seconds(1000 / clockScale);
      return r;
    }
    const res = route(store, drive, { ...req, at: now().toISOString() });
    if (res.threshold) stats.thresholdRefusals++;
    if (res.wrote) for (const fn of watchers) fn();
    if (res.wrote && (faults.timeoutAfterCommit ?? 0) > random()) {
      stats.faults++;
      return { ...graphError(504, 'gatewayTimeout', 'The operation has timed out'), wrote: true };
    }
    if (budget) Object.assign(res.headers, budget.headers());
    return res;
  };

  const batch = (outer: StandInRequest): StandInResponse => {
    const body = outer.body as { requests?: unknown } | null;
    const requests = Array.isArray(body?.requests) ? (body.requests as Record<string, unknown>[]) : null;
    if (!requests) return graphError(400, 'BadRequest', 'Invalid batch payload format.');
    if (requests.length > MAX_BATCH) {
      return graphError(
        400,
        'BadRequest',
        `Batch request contains more than the limit of ${MAX_BATCH} requests.`,
      );
    }
    const ids = new Set(requests.map((r) => String(r.id)));
    if (ids.size !== requests.length)
      return graphError(400, 'BadRequest', 'Batch request ids must be unique.');
    const done = new Map<string, StandInResponse>();
    const pending = [...requests];
    let wrote = false;
    while (pending.length > 0) {
      // Members without dependsOn run in no particular order, as on the real service.
      const ready = pending.filter((r) =>
        ((r.dependsOn as string[] | undefined) ?? []).every((d) => done.has(String(d))),
      );
      if (ready.length === 0)
        return graphError(400, 'BadRequest', 'Batch dependsOn refers to a missing request.');
      const r = ready[Math.floor(random() * ready.length)];
      pending.splice(pending.indexOf(r), 1);
      const deps = (r.dependsOn as string[] | undefined) ?? [];
      let res: StandInResponse;
      if (deps.some((d) => (done.get(String(d))?.status ?? 500) >= 400)) {
        res = graphError(424, 'failedDependency', 'A request this one depends on failed.');
      } else {
        const url = new URL(String(r.url ?? '').replace(/^\/?(v1\.0\/)?/, '/v1.0/'), outer.origin);
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries((r.headers as Record<string, string>) ?? {}))
          headers[k.toLowerCase()] = v;
        res = execute({
          method: String(r.method ?? 'GET').toUpperCase(),
          path: url.pathname.replace(/^\/v1\.0/, ''),
          query: url.searchParams,
          headers,
          body: r.body ?? null,
          origin: outer.origin,
          caller: outer.caller,
          at: outer.at,
        });
      }
      wrote ||= !!res.wrote;
      done.set(String(r.id), res);
    }
    const responses = [...done.entries()].map(([id, res]) => ({
      id,
      status: res.status,
      headers: res.headers,
      body: res.body,
    }));
    for (let i = responses.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [responses[i], responses[j]] = [responses[j], responses[i]];
    }
    return { ...json(200, { responses }), wrote };
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    // Graph answers browsers with CORS; the pane calls the stand-in from another localhost origin.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader(
      'Access-Control-Expose-Headers',
      'Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Location',
    );
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
        'Access-Control-Allow-Headers':
          'Authorization, Content-Type, Content-Range, Prefer, SdkVersion, client-request-id',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const url = new URL(req.url ?? '/', origin);
    const raw = await readBody(req);
    stats.requests++;
    const headers = headersOf(req);
    let answer: StandInResponse;
    if (url.pathname.startsWith('/upload/') && req.method === 'PUT') {
      answer = drive.chunk(url.pathname.slice(8), headers['content-range'], raw);
    } else if (url.pathname.startsWith('/view/')) {
      answer = json(200, {
        note: 'Graph stand-in: open the item through /v1.0 with a token.',
        path: url.pathname,
      });
    } else if (!url.pathname.startsWith('/v1.0/')) {
      answer = graphError(404, 'notFound', 'Graph stand-in serves /v1.0 only.');
    } else if (!/^Bearer \S+/.test(headers['authorization'] ?? '')) {
      answer = graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    } else if (!caller(users, headers['authorization'])) {
      answer = graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.');
    } else {
      let body: unknown = raw;
      if ((headers['content-type'] ?? '').includes('json') && raw.length > 0) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          body = undefined;
        }
      }
      const inner: StandInRequest = {
        method: req.method ?? 'GET',
        path: url.pathname.slice(5),
        query: url.searchParams,
        headers,
        body,
        origin,
        caller: caller(users, headers['authorization'])!,
        at: now().toISOString(),
      };
      if (body === undefined) answer = graphError(400, 'BadRequest', 'Unable to read JSON request payload.');
      else if (inner.path === '/$batch' && inner.method === 'POST') {
        stats.batches++;
        answer = batch(inner);
      } else answer = execute(inner);
    }
    const delay = latencyMs + ((faults.slow ?? 0) > random() ? (faults.slowMs ?? 0) : 0);
    if (delay > 0) await sleep(delay);
    if (answer.wrote && (faults.dropAfterCommit ?? 0) > random()) {
      stats.faults++;
      req.socket.destroy();
      return;
    }
    // 204 No Content has no body, as Graph sends it (a DELETE's answer).
    const payload = Buffer.from(answer.status === 204 ? '' : JSON.stringify(answer.body ?? null));
    res.writeHead(answer.status, { ...answer.headers, 'Content-Length': payload.length });
    res.end(payload);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) return;
      const err = graphError(500, 'generalException', e instanceof Error ? e.message : String(e));
      res.writeHead(500, err.headers);
      res.end(JSON.stringify(err.body));
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1.0`,
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
    setFaults: (f) => {
      faults = f;
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    stats: () => ({
      ...stats,
      budgetSpanMs: budget?.firstAt != null && budget.lastAt != null ? budget.lastAt - budget.firstAt : null,
    }),
    resetStats: () => {
      stats = zero();
      if (budget) budget.firstAt = budget.lastAt = null;
    },
    sites: () => store.sites(),
    fileContent: (fileId) => store.fileContent(fileId),
    watch: (fn) => void watchers.push(fn),
    seed: (sitePath, listName, rows, user) => {
      const site = store.sites().find((x) => x.path === sitePath);
      const list = site && findList(site, listName);
      if (!site || !list) throw new Error(`seed: no list ${listName} on ${sitePath}`);
      const who = identityOf(user ?? Object.values(users)[0]);
      const at = now().toISOString();
      let id = list.nextItemId;
      for (const fields of rows) {
        const item: ListItem = {
          id: String(id++),
          createdDateTime: at,
          lastModifiedDateTime: at,
          createdBy: who,
          lastModifiedBy: who,
          fields: { ...fields },
        };
        store.putItem(site.id, list.id, item);
      }
    },
  };
}
