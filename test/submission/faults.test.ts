// Fault runs against the stand-in: each ends with exactly the submitted rows, no duplicate, none missing.
import { ENGINE_VERSION } from '../../src/engine';
import { buildPlan } from '../../src/submission/plan';
import { runSubmission } from '../../src/submission/runner';
import { exampleValidation } from './example';
import { expectExactly, graphFor, listItems, memoryStore, startHarness, type Harness } from './harness';

const file = { name: 'book.xlsx', bytes: async () => new Uint8Array([80, 75, 3, 4]) };
const ctx = { engine: ENGINE_VERSION };

describe('fault runs', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  test('a throttling storm: 429s answered with Retry-After, every row once', async () => {
    h = await startHarness({ budgetPerMinute: 120, clockScale: 120 }, 8);
    const plan = buildPlan(exampleValidation(300, { seed: 3 }), ctx);
    const outcome = await runSubmission({
      plan,
      target: h.graph.target,
      store: memoryStore(),
      file,
      signal: new AbortController().signal,
    });
    expect(outcome.ok).toBe(true);
    expect(h.standIn.stats().throttled).toBeGreaterThan(0);
    expectExactly(
      listItems(h.standIn, 'Forums'),
      plan.rows.map((r) => r.key),
    );
    expect(listItems(h.standIn, 'Submissions')).toHaveLength(1);
  });

  test('504 after commit, dropped connections and 503s on random writes', async () => {
    h = await startHarness({
      faults: { timeoutAfterCommit: 0.3, dropAfterCommit: 0.15, unavailable: 0.1 },
      seed: 11,
    });
    const plan = buildPlan(exampleValidation(400, { seed: 4 }), ctx);
    const store = memoryStore();
    const outcome = await runSubmission({
      plan,
      target: h.graph.target,
      store,
      file,
      signal: new AbortController().signal,
    });
    expect(outcome).toMatchObject({ ok: true, receipt: { rowCount: 400, submissionId: plan.submissionId } });
    expect(h.standIn.stats().faults).toBeGreaterThan(10);
    expectExactly(
      listItems(h.standIn, 'Forums'),
      plan.rows.map((r) => r.key),
    );
    const submissions = listItems(h.standIn, 'Submissions');
    expect(submissions).toHaveLength(1);
    expect(submissions[0].fields).toMatchObject({
      Status: 'current',
      RowCount: 400,
      StampHash: plan.stampHash,
    });
    expect(store.journal?.phase).toBe('done');
  });

  test('answers slower than the client waits (timeouts after the write committed)', async () => {
    h = await startHarness({ faults: { slow: 0.3, slowMs: 300 }, seed: 17 });
    const impatient = graphFor(h.standIn.url, 4, 150);
    const plan = buildPlan(exampleValidation(200, { seed: 12 }), ctx);
    const outcome = await runSubmission({
      plan,
      target: impatient.target,
      store: memoryStore(),
      file,
      signal: new AbortController().signal,
    });
    expect(outcome.ok ? null : outcome.problem.en).toBeNull();
    expectExactly(
      listItems(h.standIn, 'Forums'),
      plan.rows.map((r) => r.key),
    );
  });

  test('a cancelled run resumes without sending a row twice', async () => {
    h = await startHarness({ latencyMs: 20 }, 1);
    const plan = buildPlan(exampleValidation(200, { seed: 5 }), ctx);
    const store = memoryStore();
    const controller = new AbortController();
    const first = await runSubmission({
      plan,
      target: h.graph.target,
      store,
      file,
      signal: controller.signal,
      onProgress: (p) => p.rowsDone >= 60 && controller.abort(),
    });
    expect(first).toMatchObject({ ok: false, cancelled: true });
    const partial = listItems(h.standIn, 'Forums').length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(200);
    const second = await runSubmission({
      plan,
      target: h.graph.target,
      store,
      file,
      signal: new AbortController().signal,
    });
    expect(second.ok).toBe(true);
    expectExactly(
      listItems(h.standIn, 'Forums'),
      plan.rows.map((r) => r.key),
    );
  });

  test('a row SharePoint refuses is reported with its Excel row, the others stored', async () => {
    h = await startHarness();
    const plan = buildPlan(exampleValidation(30, { seed: 6 }), ctx);
    plan.rows[4].forum.name = 'x'.repeat(300);
    const outcome = await runSubmission({
      plan,
      target: h.graph.target,
      store: memoryStore(),
      file,
      signal: new AbortController().signal,
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.rowProblems.map((p) => p.row)).toEqual([plan.rows[4].excelRow]);
    expect(outcome.rowProblems[0].status).toBe(400);
    expect(listItems(h.standIn, 'Forums')).toHaveLength(29);
    expect(listItems(h.standIn, 'Submissions')).toHaveLength(0);
  });
});
