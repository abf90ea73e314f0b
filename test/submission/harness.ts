// A stand-in Graph that knows two officers by token, provisioned lists and a memory journal: the
// pieces every fault run needs.
import {
  startGraphStandIn,
  type GraphStandIn,
  type GraphStandInOptions,
  type UserTable,
} from '../../devtools/graph-standin';
import { createGraphSubmission, type GraphSubmission } from '../../src/graph';
import { parseConfig } from '../../src/config';
import { newestStandard } from '../../src/standard';
import type { Journal, SubmissionStore } from '../../src/submission/types';
import type { ListItem } from '../../devtools/graph-standin/store';
import type { SubmissionPlan } from '../../src/submission/plan';

export interface Harness {
  standIn: GraphStandIn;
  graph: GraphSubmission;
  close(): Promise<void>;
}

export const SITE = { hostname: 'seoul.sharepoint.com', path: '/sites/delib' };

/** Two officers the stand-in knows; any other token is answered 401. */
export const KIM = 'token-kim-gangseo';
export const LEE = 'token-lee-city';
export const USERS: UserTable = {
  [KIM]: {
    id: '6d1f0c2a-0000-4000-8000-00000000a001',
    userPrincipalName: 'kim@gangseo.example.kr',
    displayName: '김강서',
  },
  [LEE]: {
    id: '6d1f0c2a-0000-4000-8000-00000000b002',
    userPrincipalName: 'lee@seoul.example.kr',
    displayName: '이서울',
  },
};

export function graphFor(url: string, concurrency = 4, timeoutMs = 5000, token = KIM): GraphSubmission {
  const config = parseConfig({ graphRoot: url, site: SITE, batch: { concurrency } });
  return createGraphSubmission({
    config,
    tokens: { getToken: async () => token },
    standard: newestStandard,
    retry: { maxDelayMs: 200, timeoutMs },
  });
}

export async function startHarness(options: GraphStandInOptions = {}, concurrency = 4): Promise<Harness> {
  const standIn = await startGraphStandIn({ clockScale: 100, users: USERS, ...options });
  const graph = graphFor(standIn.url, concurrency);
  const { remaining } = await graph.provision();
  if (remaining.length > 0) throw new Error('provisioning left drift');
  return { standIn, graph, close: () => standIn.close() };
}

export function memoryStore(): SubmissionStore & { journal: Journal | null } {
  const store = {
    journal: null as Journal | null,
    load: async () => store.journal,
    save: async (j: Journal) => {
      store.journal = JSON.parse(JSON.stringify(j)) as Journal;
    },
  };
  return store;
}

export function listItems(standIn: GraphStandIn, name: 'Forums' | 'Submissions'): ListItem[] {
  const site = standIn.sites().find((s) => s.path === SITE.path);
  return site?.lists.find((l) => l.name === name)?.items ?? [];
}

/** Exactly the planned keys, each once: the property every fault run ends with. */
export function expectExactly(items: ListItem[], keys: string[]): void {
  const stored = items.map((i) => String(i.fields.RowKey));
  expect(stored.length).toBe(new Set(stored).size);
  expect([...stored].sort()).toEqual([...keys].sort());
}

/** Records every moment (after any committed write) a district-year shows more than one current item. */
export function watchCurrent(standIn: GraphStandIn): string[] {
  const violations: string[] = [];
  standIn.watch(() => {
    const byYear = new Map<string, number>();
    for (const s of listItems(standIn, 'Submissions'))
      if (s.fields.Status === 'current')
        byYear.set(String(s.fields.DistrictYear), (byYear.get(String(s.fields.DistrictYear)) ?? 0) + 1);
    for (const [dy, n] of byYear) if (n > 1) violations.push(`${dy}: ${n} current`);
  });
  return violations;
}

/** Exactly one current submission, and its rows — only its rows — current. */
export function expectSettled(
  standIn: GraphStandIn,
  current: SubmissionPlan,
  others: SubmissionPlan[],
): void {
  const subs = listItems(standIn, 'Submissions');
  expect(Object.fromEntries(subs.map((s) => [s.fields.SubmissionKey, s.fields.Status]))).toEqual(
    Object.fromEntries([
      [current.submissionId, 'current'],
      ...others.map((o) => [o.submissionId, 'superseded']),
    ]),
  );
  const forums = listItems(standIn, 'Forums');
  const statusOf = (id: string) =>
    new Set(forums.filter((f) => f.fields.SubmissionId === id).map((f) => f.fields.Status));
  expect(statusOf(current.submissionId)).toEqual(new Set(['current']));
  for (const o of others) expect(statusOf(o.submissionId)).toEqual(new Set(['superseded']));
}
