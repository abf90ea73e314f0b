// The Graph stand-in behaves as SharePoint does where the project depends on it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  startGraphStandIn,
  type GraphStandIn,
  LIST_VIEW_THRESHOLD,
  type UserTable,
} from '../../devtools/graph-standin';

// Loosely typed on purpose: the tests read Graph's JSON the way a client would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const H = { Authorization: 'Bearer t', 'Content-Type': 'application/json' };
const USERS: UserTable = {
  t: {
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    userPrincipalName: 'kim@gangseo.example.kr',
    displayName: '김강서',
  },
  u: {
    id: 'a1b2c3d4-0000-4000-8000-000000000002',
    userPrincipalName: 'lee@seoul.example.kr',
    displayName: '이서울',
  },
};

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
  const list = await call(s, 'POST', `/sites/${encodeURIComponent(site.id)}/lists`, {
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
    s = await startGraphStandIn({ dataDir: dir, users: USERS });
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
    s.seed(
      '/sites/t',
      'L',
      Array.from({ length: LIST_VIEW_THRESHOLD + 1 }, (_, i) => ({ Title: 't', Key: `k${i}`, Plain: 'p' })),
    );
    const refused = await call(s, 'GET', q, undefined, prefer);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('activityLimitReached');
    expect(refused.headers.get('Retry-After')).toBeNull();
    const indexed = await call(
      s,
      'GET',
      `${list}/items?$expand=fields&$filter=${encodeURIComponent("fields/Key eq 'k7'")}`,
    );
    expect(indexed.body.value.map((i: Json) => i.fields.Key)).toEqual(['k7']);
    // An indexed first clause narrows first: the non-indexed clause then filters its few matches.
    const narrowed = await call(
      s,
      'GET',
      `${list}/items?$expand=fields&$filter=${encodeURIComponent("fields/Key eq 'k7' and fields/Plain eq 'p'")}`,
      undefined,
      prefer,
    );
    expect(narrowed.status).toBe(200);
    expect(s.stats().thresholdRefusals).toBe(1);
  });

  test('an indexed query is refused when its indexed clause matches more than 5,000 items, paged or not', async () => {
    const GROUP = { name: 'Group', text: {}, indexed: true };
    const ID = { name: 'Sub', text: {}, indexed: true };
    const list = await siteAndList(s, [KEY, GROUP, ID]);
    const rows = Array.from({ length: LIST_VIEW_THRESHOLD + 1 }, (_, i) => ({
      Title: 't',
      Key: `k${i}`,
      Group: 'big',
      Sub: `s${i % 10}`,
    }));
    s.seed('/sites/t', 'L', [...rows, { Title: 't', Key: 'other', Group: 'small', Sub: 's0' }]);
    const query = (filter: string, top = 10) =>
      call(s, 'GET', `${list}/items?$expand=fields&$top=${top}&$filter=${encodeURIComponent(filter)}`);
    // The first indexed clause matches 5,001 items: refused, however small the page.
    const big = await query("fields/Group eq 'big' and fields/Sub eq 's3'", 1);
    expect(big.status).toBe(429);
    expect(big.body.error).toMatchObject({
      code: 'activityLimitReached',
      message: 'The request has been throttled',
    });
    // The same items, led by the narrower index: answered, paged with @odata.nextLink.
    const narrow = await query("fields/Sub eq 's3' and fields/Group eq 'big'", 200);
    expect(narrow.status).toBe(200);
    expect(narrow.body.value).toHaveLength(200);
    expect(narrow.body['@odata.nextLink']).toContain('skiptoken=');
    const next = await call(s, 'GET', narrow.body['@odata.nextLink'].replace(s.url, ''));
    expect(next.body.value).toHaveLength(200);
    // `ne` cannot seek an index: a query led by it scans the list and is refused.
    expect((await query("fields/Group ne 'small'")).status).toBe(429);
    expect((await query("fields/Group eq 'small'")).body.value).toHaveLength(1);
  });

  test('users are known by token: 401 for any other, /me names the caller', async () => {
    const unknown = await call(s, 'GET', '/sites/x.sharepoint.com:/sites/t', undefined, {
      Authorization: 'Bearer forged-token',
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('InvalidAuthenticationToken');
    const me = await call(s, 'GET', '/me', undefined, { Authorization: 'Bearer u' });
    expect(me.body).toMatchObject({ userPrincipalName: 'lee@seoul.example.kr', displayName: '이서울' });
  });

  test('who and when are the service’s: createdBy/createdDateTime from the token and the clock', async () => {
    await s.close();
    let clock = Date.parse('2021-03-30T05:02:00Z');
    s = await startGraphStandIn({ dataDir: dir, users: USERS, now: () => new Date(clock) });
    const list = await siteAndList(s, [KEY]);
    // A client that lies: top-level createdBy/createdDateTime are ignored, Created/Author refused.
    const lying = await call(s, 'POST', `${list}/items`, {
      createdDateTime: '2001-01-01T00:00:00Z',
      createdBy: { user: { id: 'x', displayName: 'Someone else', email: 'ceo@seoul.example.kr' } },
      fields: { Title: 'a', Key: 'k1' },
    });
    expect(lying.status).toBe(201);
    expect(lying.body).toMatchObject({
      createdDateTime: '2021-03-30T05:02:00.000Z',
      createdBy: { user: { id: USERS.t.id, displayName: '김강서', email: 'kim@gangseo.example.kr' } },
      lastModifiedBy: { user: { id: USERS.t.id } },
    });
    for (const field of ['Created', 'Author', 'Modified', 'Editor']) {
      const refused = await call(s, 'POST', `${list}/items`, {
        fields: { Title: 'b', Key: `k-${field}`, [field]: 'x' },
      });
      expect(refused.status).toBe(400);
    }
    clock += 60_000;
    const patched = await call(
      s,
      'PATCH',
      `${list}/items/${lying.body.id}/fields`,
      { Title: 'c' },
      {
        Authorization: 'Bearer u',
      },
    );
    expect(patched.status).toBe(200);
    const item = (await call(s, 'GET', `${list}/items/${lying.body.id}?$expand=fields`)).body;
    expect(item).toMatchObject({
      createdDateTime: '2021-03-30T05:02:00.000Z',
      lastModifiedDateTime: '2021-03-30T05:03:00.000Z',
      createdBy: { user: { email: 'kim@gangseo.example.kr' } },
      lastModifiedBy: { user: { email: 'lee@seoul.example.kr' } },
    });
    expect(item.fields.Created).toBe('2021-03-30T05:02:00.000Z');
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
    s = await startGraphStandIn({ dataDir: dir, budgetPerMinute: 10, users: USERS });
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

  test('throttling without RateLimit headers: 429 and Retry-After only', async () => {
    await s.close();
    s = await startGraphStandIn({ dataDir: dir, budgetPerMinute: 10, rateLimitHeaders: false, users: USERS });
    const answers: Response[] = [];
    for (let i = 0; i < 12; i++)
      answers.push(await fetch(`${s.url}/sites/x.sharepoint.com:/sites/t`, { headers: H }));
    expect(answers.map((r) => r.status).slice(10)).toEqual([429, 429]);
    expect(answers.every((r) => r.headers.get('RateLimit-Remaining') === null)).toBe(true);
    expect(Number(answers[11].headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  test('a restart loses nothing that was answered', async () => {
    const list = await siteAndList(s, [KEY]);
    await call(s, 'POST', `${list}/items`, { fields: { Title: 'a', Key: 'persist' } });
    await s.close();
    s = await startGraphStandIn({ dataDir: dir, users: USERS });
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
