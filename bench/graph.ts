// Submission throughput against the Graph stand-in, side by side with a naive client that sends one
// request per row (the Power Automate pattern), for 1,000 and 5,000 rows:
//  (a) 50 ms latency, no throttling: HTTP requests and wall time;
//  (b) a budget of 1,200 resource units per minute (the stand-in's clock scaled): wall time against
//      the lower bound the budget allows, and the 429 answers received;
//  (c) 3,000 rows under 600 resource units per minute, with SharePoint's RateLimit headers and without
//      them (429 + Retry-After only): the share of member requests answered 429, and the time from the
//      first to the last call the budget accepted against the budget's lower bound.
// Run alone: npx tsx bench/graph.ts   (or npm run bench -- graph)
import {
  demoRegisterWith,
  registerItems,
  startGraphStandIn,
  type GraphStandIn,
  type GraphStandInOptions,
} from '../devtools/graph-standin';
import { ENGINE_VERSION, validateWorkbook, type WorkbookSnapshot } from '../src/engine';
import { createGraphSubmission } from '../src/graph';
import { parseConfig } from '../src/config';
import { forumFields } from '../src/graph/target';
import type { Pacer } from '../src/graph/pacer';
import { newestStandard } from '../src/standard';
import { buildPlan, type SubmissionPlan } from '../src/submission/plan';
import { runSubmission } from '../src/submission/runner';
import type { Journal } from '../src/submission/types';
import { exampleSnapshot, exampleWorkbook } from '../src/workbook/example';

const SITE = { hostname: 'seoul.sharepoint.com', path: '/sites/delib' };
const TOKEN = 'bench';
const USERS = {
  [TOKEN]: { id: 'bench-user', userPrincipalName: 'bench@seoul.example.kr', displayName: 'bench' },
};
const CONCURRENCY = 4;
const BUDGET = 1200;
const LATENCY = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function snapshotOf(rows: number): WorkbookSnapshot {
  const ex = exampleWorkbook(newestStandard, { rows, district: '강서구', year: 2021, seed: rows });
  return exampleSnapshot(newestStandard, ex);
}

async function provisioned(standIn: GraphStandIn) {
  const graph = createGraphSubmission({
    config: parseConfig({ graphRoot: standIn.url, site: SITE, batch: { concurrency: CONCURRENCY } }),
    tokens: { getToken: async () => TOKEN },
    standard: newestStandard,
  });
  await graph.provision();
  // The demo register, with the bench's user as 강서구's submitter.
  standIn.seed(
    SITE.path,
    'Districts',
    registerItems(demoRegisterWith('11500', [USERS[TOKEN].userPrincipalName])),
  );
  return graph;
}

interface Run {
  ms: number;
  requests: number;
  throttled: number;
  units: number;
  stored: number;
  /** What our pacer learned of the budget (units per minute of the stand-in's clock), if anything. */
  learned?: Pacer['learned'];
}

function stored(standIn: GraphStandIn): number {
  return standIn.sites()[0]?.lists.find((l) => l.name === 'Forums')?.items.length ?? 0;
}

async function ours(standIn: GraphStandIn, plan: SubmissionPlan): Promise<Run> {
  const graph = await provisioned(standIn);
  standIn.resetStats();
  let journal: Journal | null = null;
  const t = performance.now();
  const outcome = await runSubmission({
    plan,
    target: graph.target,
    store: { load: async () => journal, save: async (j) => void (journal = j) },
    file: { name: 'book.xlsx', bytes: async () => new Uint8Array(64 * 1024) },
    signal: new AbortController().signal,
  });
  const ms = performance.now() - t;
  if (!outcome.ok) throw new Error(`bench submission failed: ${outcome.problem.en}`);
  const s = standIn.stats();
  return {
    ms,
    requests: s.requests,
    throttled: s.throttled,
    units: s.units,
    stored: stored(standIn),
    learned: graph.http.pacer.learned,
  };
}

/** One POST per row, CONCURRENCY at a time, retrying 429/503 after Retry-After like a flow's default policy. */
async function naive(standIn: GraphStandIn, plan: SubmissionPlan): Promise<Run> {
  const graph = await provisioned(standIn);
  const url = `${standIn.url}${await graph.site.listPath('forums')}/items`;
  standIn.resetStats();
  const t = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < plan.rows.length) {
      const row = plan.rows[next++];
      for (let attempt = 0; attempt < 50; attempt++) {
        const res = await fetch(url, {
          method: 'POST',
          headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ fields: forumFields(plan, row) }),
        });
        await res.arrayBuffer();
        if (res.status !== 429 && res.status !== 503) break;
        await sleep(Number(res.headers.get('Retry-After') ?? 1) * 1000);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const ms = performance.now() - t;
  const s = standIn.stats();
  return { ms, requests: s.requests, throttled: s.throttled, units: s.units, stored: stored(standIn) };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const standIn = (options: GraphStandInOptions) => startGraphStandIn({ users: USERS, ...options });

/**
 * One throttled submission: 429s as a share of the member requests SharePoint executed or refused,
 * and the budget's own span (first to last accepted call, on the stand-in's clock) against its lower
 * bound — the units spent beyond the initial budget at the refill rate.
 */
export async function throttledRun(
  rows: number,
  options: { budget: number; clockScale: number; headers: boolean; latencyMs: number; seed?: number },
): Promise<{
  share: number;
  ratio: number;
  throttled: number;
  calls: number;
  spanMs: number;
  boundMs: number;
  learnedPerMinute: number | null;
  learnedFrom: string | null;
}> {
  const plan = buildPlan(validateWorkbook(snapshotOf(rows)), { engine: ENGINE_VERSION });
  const s = await standIn({
    latencyMs: options.latencyMs,
    budgetPerMinute: options.budget,
    clockScale: options.clockScale,
    rateLimitHeaders: options.headers,
    seed: options.seed,
  });
  try {
    const run = await ours(s, plan);
    const st = s.stats();
    const learned = run.learned?.unitsPerSecond;
    const perMs = (options.budget * options.clockScale) / 60_000;
    const boundMs = Math.max(0, st.units - options.budget) / perMs;
    const spanMs = st.budgetSpanMs ?? 0;
    return {
      share: st.throttled / st.calls,
      ratio: spanMs / boundMs,
      throttled: st.throttled,
      calls: st.calls,
      spanMs,
      boundMs,
      /** The refill rate the pacer learned, in units per minute of the stand-in's clock. */
      learnedPerMinute: learned == null ? null : (learned * 60) / options.clockScale,
      learnedFrom: run.learned?.from ?? null,
    };
  } finally {
    await s.close();
  }
}

export async function benchGraph(): Promise<void> {
  console.log('\n== Graph submission (stand-in) ==');
  for (const rows of [1000, 5000]) {
    const plan = buildPlan(validateWorkbook(snapshotOf(rows)), { engine: ENGINE_VERSION });
    const a1 = await standIn({ latencyMs: LATENCY });
    const ourA = await ours(a1, plan);
    await a1.close();
    const a2 = await standIn({ latencyMs: LATENCY });
    const naiveA = await naive(a2, plan);
    await a2.close();
    const batches = Math.ceil(rows / 20);
    console.log(
      `(a) ${rows} rows, ${LATENCY} ms latency, ${CONCURRENCY} in flight: ` +
        `batched ${ourA.requests} requests (⌈rows/20⌉ = ${batches}, +${ourA.requests - batches} others) in ${fmt(ourA.ms)}; ` +
        `naive ${naiveA.requests} requests in ${fmt(naiveA.ms)}; speed-up ×${(naiveA.ms / ourA.ms).toFixed(1)}; ` +
        `rows stored ${ourA.stored}/${naiveA.stored}`,
    );
  }
  for (const rows of [1000, 5000]) {
    const plan = buildPlan(validateWorkbook(snapshotOf(rows)), { engine: ENGINE_VERSION });
    const clockScale = rows <= 1000 ? 4 : 10;
    const runB = async (client: typeof ours) => {
      const s = await standIn({ latencyMs: LATENCY, budgetPerMinute: BUDGET, clockScale });
      const r = await client(s, plan);
      await s.close();
      // The bucket starts full; every unit beyond it waits for the refill rate.
      const boundMs = (Math.max(0, r.units - BUDGET) / BUDGET) * (60_000 / clockScale);
      return { ...r, boundMs };
    };
    const ourB = await runB(ours);
    const naiveB = await runB(naive);
    console.log(
      `(b) ${rows} rows, budget ${BUDGET} RU/min, clock ×${clockScale}: ` +
        `batched ${fmt(ourB.ms)} vs bound ${fmt(ourB.boundMs)} (${((ourB.ms / ourB.boundMs - 1) * 100).toFixed(1)}% over), ` +
        `${ourB.throttled} × 429, ${ourB.requests} requests; ` +
        `naive ${fmt(naiveB.ms)} vs bound ${fmt(naiveB.boundMs)}, ${naiveB.throttled} × 429, ${naiveB.requests} requests; ` +
        `rows stored ${ourB.stored}/${naiveB.stored}`,
    );
  }
  for (const headers of [true, false]) {
    const r = await throttledRun(3000, { budget: 600, clockScale: 20, headers, latencyMs: LATENCY });
    console.log(
      `(c) 3000 rows, budget 600 RU/min, clock ×20, ${headers ? 'with' : 'without'} RateLimit headers: ` +
        `${r.throttled} × 429 of ${r.calls} member requests (${(r.share * 100).toFixed(2)}%, target ≤ ${headers ? 1 : 5}%); ` +
        `budget span ${fmt(r.spanMs)} vs lower bound ${fmt(r.boundMs)} = ×${r.ratio.toFixed(3)} (target ≤ ×${headers ? '1.15' : '1.35'}); ` +
        `the pacer learned ${r.learnedPerMinute?.toFixed(1) ?? '-'} RU/min from ${r.learnedFrom ?? '-'}`,
    );
  }
}

if (require.main === module) {
  const part = process.argv[2];
  (part === 'throttling'
    ? (async () => {
        for (const headers of [true, false]) {
          const r = await throttledRun(Number(process.argv[3] ?? 3000), {
            budget: 600,
            clockScale: Number(process.argv[4] ?? 20),
            headers,
            latencyMs: LATENCY,
          });
          console.log(headers ? 'headers' : 'no headers', JSON.stringify(r));
        }
      })()
    : benchGraph()
  ).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
