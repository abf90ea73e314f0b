// A stand-in Graph, provisioned lists and a memory journal: the pieces every fault run needs.
import { startGraphStandIn, type GraphStandIn, type GraphStandInOptions } from '../../devtools/graph-standin';
import { createGraphSubmission, type GraphSubmission } from '../../src/graph';
import { parseConfig } from '../../src/config';
import { newestStandard } from '../../src/standard';
import type { Journal, SubmissionStore } from '../../src/submission/types';
import type { ListItem } from '../../devtools/graph-standin/store';

export interface Harness {
  standIn: GraphStandIn;
  graph: GraphSubmission;
  close(): Promise<void>;
}

export const SITE = { hostname: 'seoul.sharepoint.com', path: '/sites/delib' };

export function graphFor(url: string, concurrency = 4, timeoutMs = 5000): GraphSubmission {
  const config = parseConfig({ graphRoot: url, site: SITE, batch: { concurrency } });
  return createGraphSubmission({
    config,
    tokens: { getToken: async () => 'test-token' },
    standard: newestStandard,
    retry: { maxDelayMs: 200, timeoutMs },
  });
}

export async function startHarness(options: GraphStandInOptions = {}, concurrency = 4): Promise<Harness> {
  const standIn = await startGraphStandIn({ clockScale: 100, ...options });
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
