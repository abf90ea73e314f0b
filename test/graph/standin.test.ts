// The Graph stand-in behaves as SharePoint does where the project depends on it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGraphStandIn, type GraphStandIn, LIST_VIEW_THRESHOLD } from '../../devtools/graph-standin';

// Loosely typed on purpose: the tests read Graph's JSON the way a client would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const H = { Authorization: 'Bearer t', 'Content-Type': 'application/json' };

async function call(
  s: GraphStandIn,
  method: string,
  p: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${s.url}${p}`, {
    method,
    headers: { ...H, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
}

async function siteAndList(s: GraphStandIn, columns: unknown[]) {
  const site = (await call(s, 'GET', '/sites/x.sharepoint.com:/sites/t')).body;
  const list = await call(s, 'POST', `/sites/${site.id}/lists`, {
    displayName: 'L',
    columns,
    list: { template: 'genericList' },
  });
  expect(list.status).toBe(201);
  return `/sites/${encodeURIComponent(site.id)}/lists/${list.body.id}`;
}

const KEY = { name: 'Key', text: {}, indexed: true, enforceUniqueValues: true };
const PLAIN = { name: 'Plain', text: {} };

describe('Graph stand-in', () => {
  let s: GraphStandIn;
  let dir: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standin-'));
    s = await startGraphStandIn({ dataDir: dir });
  });
  afterEach(async () => {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('refuses requests without a bearer token', async () => {
    const res = await fetch(`${s.url}/sites/x.sharepoint.com:/sites/t`);
    expect(res.status).toBe(401);
  });

  test('a repeated unique value is a 400 with SharePoint’s message', async () => {
    const list = await siteAndList(s, [KEY]);
    expect((await call(s, 'POST', `${list}/items`, { fields: { Title: 'a', Key: 'k1' } })).status).toBe(201);
    const again = await call(s, 'POST', `${list}/items`, { fields: { Title: 'b', Key: 'k1' } });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(
      /duplicate values were found in the following field\(s\) in the list: \[Key\]/,
    );
  });

  test('unique values require an indexed column; Korean internal names are mangled', async () => {
    const list = await siteAndList(s, []);
    const bad = await call(s, 'POST', `${list}/columns`, { name: 'K2', text: {}, enforceUniqueValues: true });
    expect(bad.status).toBe(400);
    const korean = await call(s, 'POST', `${list}/columns`, { name: '행키', text: {} });
    expect(korean.body.name).toBe('_xd589__xd0a4_');
  });

  test('filters over non-indexed columns need the Prefer header, and fail beyond 5,000 items', async () => {
    const list = await siteAndList(s, [KEY, PLAIN]);
    const q = `${list}/items?$expand=fields&$filter=${encodeURIComponent("fields/Plain eq 'p'")}`;
    expect((await call(s, 'GET', q)).status).toBe(400);
    const prefer = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
    expect((await call(s, 'GET', q, undefined, prefer)).status).toBe(200);
    for (let i = 0; i <= LIST_VIEW_THRESHOLD; i += 20) {
      const requests = Array.from({ length: 20 }, (_, j) => ({
        id: String(j + 1),
        method: 'POST',
        url: `${list}/items`,
        headers: { 'Content-Type': 'application/json' },
        body: { fields: { Title: 't', Key: `k${i + j}`, Plain: 'p' } },
      }));
      expect((await call(s, 'POST', '/$batch', { requests })).status).toBe(200);
    }
    expect((await call(s, 'GET', q, undefined, prefer)).status).toBe(400);
    const indexed = await call(
      s,
      'GET',
      `${list}/items?$expand=fields&$filter=${encodeURIComponent("fields/Key eq 'k7'")}`,
    );
    expect(indexed.body.value.map((i: Json) => i.fields.Key)).toEqual(['k7']);
  });

  test('$batch: at most 20 requests, answers in no fixed order, dependsOn honoured', async () => {
    const list = await siteAndList(s, [KEY]);
    const make = (n: number) =>
      Array.from({ length: n }, (_, j) => ({
        id: String(j + 1),
        method: 'POST',
        url: `${list}/items`,
        headers: { 'Content-Type': 'application/json' },
        body: { fields: { Title: 't', Key: `b${n}-${j}` } },
      }));
    expect((await call(s, 'POST', '/$batch', { requests: make(21) })).status).toBe(400);
    const orders = new Set<string>();
    for (let k = 0; k < 5; k++) {
      const reqs = make(20).map((r) => ({ ...r, body: { fields: { Title: 't', Key: `o${k}-${r.id}` } } }));
      const res = await call(s, 'POST', '/$batch', { requests: reqs });
      orders.add(res.body.responses.map((r: Json) => r.id).join(','));
    }
    expect(orders.size).toBeGreaterThan(1);
    const dep = await call(s, 'POST', '/$batch', {
      requests: [
        {
          id: '1',
          method: 'POST',
          url: `${list}/items`,
          headers: { 'Content-Type': 'application/json' },
          body: { fields: { Title: 't', Key: 'o0-1' } },
        },
        {
          id: '2',
          dependsOn: ['1'],
          method: 'POST',
          url: `${list}/items`,
          headers: { 'Content-Type': 'application/json' },
          body: { fields: { Title: 't', Key: 'd2' } },
        },
      ],
    });
    const byId = Object.fromEntries(dep.body.responses.map((r: Json) => [r.id, r.status]));
    expect(byId).toEqual({ '1': 400, '2': 424 });
  });

  test('throttles by resource units with Retry-After and RateLimit headers', async () => {
    await s.close();
    s = await startGraphStandIn({ dataDir: dir, budgetPerMinute: 10 });
    const statuses: number[] = [];
    let last: Headers | null = null;
    for (let i = 0; i < 12; i++) {
      const r = await fetch(`${s.url}/sites/x.sharepoint.com:/sites/t`, { headers: H });
      statuses.push(r.status);
      if (r.status === 429) last = r.headers;
      else if (r.headers.get('RateLimit-Remaining') !== null)
        expect(Number(r.headers.get('RateLimit-Limit'))).toBe(10);
    }
    expect(statuses.slice(0, 10).every((x) => x === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(Number(last!.get('Retry-After'))).toBeGreaterThan(0);
  });

  test('a restart loses nothing that was answered', async () => {
    const list = await siteAndList(s, [KEY]);
    await call(s, 'POST', `${list}/items`, { fields: { Title: 'a', Key: 'persist' } });
    await s.close();
    s = await startGraphStandIn({ dataDir: dir });
    const items = await call(s, 'GET', `${list}/items?$expand=fields`);
    expect(items.body.value.map((i: Json) => i.fields.Key)).toEqual(['persist']);
  });

  test('504 after commit: the write is there although the answer was an error', async () => {
    const list = await siteAndList(s, [KEY]);
    s.setFaults({ timeoutAfterCommit: 1 });
    expect((await call(s, 'POST', `${list}/items`, { fields: { Title: 'a', Key: 'ghost' } })).status).toBe(
      504,
    );
    s.setFaults({});
    const items = await call(s, 'GET', `${list}/items?$expand=fields`);
    expect(items.body.value).toHaveLength(1);
  });
});
