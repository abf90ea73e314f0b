// The status phase works like the row phase: what is still wrong is found by query and only that is
// re-sent. A resubmission finishes in one run under dropped connections, with exactly one current
// submission per district-year at the end and at most one at every instant in between, and a PATCH
// count close to the number of changes.
import { ENGINE_VERSION, validateWorkbook } from '../../src/engine';
import { buildPlan, type SubmissionPlan } from '../../src/submission/plan';
import { runSubmission } from '../../src/submission/runner';
import { editCount, exampleSnapshot } from './example';
import {
  LEE,
  expectSettled,
  graphFor,
  listItems,
  memoryStore,
  startHarness,
  watchCurrent,
  type Harness,
} from './harness';

const ctx = { engine: ENGINE_VERSION };

const run = (h: Harness, plan: SubmissionPlan, graph = h.graph) =>
  runSubmission({
    plan,
    target: graph.target,
    store: memoryStore(),
    file: null,
    signal: new AbortController().signal,
  });

describe('the status phase', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  test.each([1, 2, 3, 4])(
    'a resubmission under 5%% dropped connections finishes in one run (seed %i)',
    async (seed) => {
      h = await startHarness({ seed });
      const base = exampleSnapshot(1500, { seed: 50 + seed });
      const v1 = buildPlan(validateWorkbook(base), ctx);
      const v2 = buildPlan(validateWorkbook(editCount(base, 12)), ctx);
      expect((await run(h, v1)).ok).toBe(true);
      const violations = watchCurrent(h.standIn);
      h.standIn.setFaults({ dropAfterCommit: 0.05 });
      h.standIn.resetStats();
      const outcome = await run(h, v2);
      expect(outcome.ok ? null : outcome.problem.en).toBeNull();
      expect(h.standIn.stats().faults).toBeGreaterThan(0);
      expectSettled(h.standIn, v2, [v1]);
      expect(violations).toEqual([]);
      // 1,500 rows and one item change status; a dropped answer costs a query, not a resend.
      const changes = v1.rows.length + 1;
      expect(h.standIn.stats().patches).toBeLessThanOrEqual(Math.ceil(changes * 1.2));
    },
  );

  test('identical data submitted again after another submission becomes current again', async () => {
    h = await startHarness({ faults: { dropAfterCommit: 0.05, timeoutAfterCommit: 0.05 }, seed: 9 });
    const base = exampleSnapshot(120, { seed: 61 });
    const v1 = buildPlan(validateWorkbook(base), ctx);
    const v2 = buildPlan(validateWorkbook(editCount(base, 3)), ctx);
    const violations = watchCurrent(h.standIn);
    for (const plan of [v1, v2, v1, v2, v1]) expect((await run(h, plan)).ok).toBe(true);
    expectSettled(h.standIn, v1, [v2]);
    expect(listItems(h.standIn, 'Forums')).toHaveLength(240);
    expect(violations).toEqual([]);
  });

  test('two submissions of one district-year completing at once end with exactly one current', async () => {
    h = await startHarness({ latencyMs: 2 });
    const other = graphFor(h.standIn.url, 4, 5000, LEE);
    const base = exampleSnapshot(200, { seed: 62 });
    const v1 = buildPlan(validateWorkbook(base), ctx);
    const v2 = buildPlan(validateWorkbook(editCount(base, 4)), ctx);
    const [a, b] = await Promise.all([run(h, v1), run(h, v2, other)]);
    expect(a.ok && b.ok).toBe(true);
    const current = listItems(h.standIn, 'Submissions').filter((s) => s.fields.Status === 'current');
    expect(current).toHaveLength(1);
    const winner = current[0].fields.SubmissionKey === v1.submissionId ? v1 : v2;
    expectSettled(h.standIn, winner, [winner === v1 ? v2 : v1]);
    // Each receipt is its item as read at the end of its run: the winner's says current (the
    // loser's says whatever it was when read — current, if the winner took over only after that).
    const receipts = [a, b].flatMap((o) => (o.ok ? [o.receipt] : []));
    expect(receipts.find((r) => r.submissionId === winner.submissionId)?.status).toBe('current');
  });
});
