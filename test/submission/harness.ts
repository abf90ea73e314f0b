// A stand-in Graph that knows its people by token (two officers on the register, a district officer
// by group, an outsider), provisioned lists with the district register in them, and a memory
// journal: the pieces every fault run needs.
import {
  DEFAULT_USERS,
  registerItems,
  startGraphStandIn,
  type GraphStandIn,
  type GraphStandInOptions,
  type UserTable,
} from '../../devtools/graph-standin';
import type { DistrictRegister } from '../../src/register';
import { STANDIN_TOKEN } from '../../src/auth/standin';
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

/**
 * The people the stand-in knows; any other token is answered 401. KIM submits for 강서구 and 마포구
 * by name, LEE is a city officer by name, PARK is on 강서구's row through its group, and OUT is on
 * no row at all.
 */
export const KIM = 'token-kim-gangseo';
export const LEE = 'token-lee-city';
export const PARK = 'token-park-gangseo-group';
export const OUT = 'token-outsider';
export const GANGSEO_GROUP = '7a0e4c1b-2d3f-4a5b-8c6d-9e0f1a2b3c4d';
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
  [PARK]: {
    id: '6d1f0c2a-0000-4000-8000-00000000c003',
    userPrincipalName: 'park@gangseo.example.kr',
    displayName: '박강서',
    groups: [GANGSEO_GROUP],
  },
  [OUT]: {
    id: '6d1f0c2a-0000-4000-8000-00000000d004',
    userPrincipalName: 'out@elsewhere.example.kr',
    displayName: '명부밖',
  },
};

/**
 * Every district but 서초구 due in 2020–2022; 강서구 and 마포구 submitted for by KIM (강서구 also by
 * its group); LEE and the development user (the CLI's sign-in without a token) are city officers.
 */
export function testRegister(): DistrictRegister {
  const kim = USERS[KIM].userPrincipalName;
  return {
    officers: {
      people: [USERS[LEE].userPrincipalName, DEFAULT_USERS[STANDIN_TOKEN].userPrincipalName],
      groups: [],
    },
    districts: newestStandard.districts.map((d) => ({
      code: d.code,
      name: d.name,
      dueYears: d.code === '11650' ? [] : [2020, 2021, 2022],
      submitters:
        d.code === '11500'
          ? { people: [kim], groups: [GANGSEO_GROUP] }
          : { people: [d.code === '11440' ? kim : `gu${d.code}@seoul.example.kr`], groups: [] },
    })),
  };
}

/** Puts `register` in the Districts list (replacing nothing: call it on a freshly provisioned site). */
export function seedRegister(standIn: GraphStandIn, register: DistrictRegister = testRegister()): void {
  standIn.seed(SITE.path, 'Districts', registerItems(register));
}

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
  seedRegister(standIn);
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

export function listItems(standIn: GraphStandIn, name: 'Forums' | 'Submissions' | 'Districts'): ListItem[] {
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
