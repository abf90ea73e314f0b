// Past SharePoint's 5,000-item list view threshold, every query the submission makes still works: each
// leads with an indexed column that matches one submission (SubmissionId, SubmissionKey) or one
// district-year's few Submissions items — never `DistrictYear` over Forums, which after a few
// resubmissions of a large district-year matches more than 5,000 rows and is refused, paged or not.
// The earlier submissions are seeded straight into the stand-in's store to keep this fast.
import { ENGINE_VERSION, validateWorkbook } from '../../src/engine';
import { buildPlan, MAX_ROWS_PER_SUBMISSION, PlanRefused } from '../../src/submission/plan';
import { runSubmission } from '../../src/submission/runner';
import { forumFields, submissionFields } from '../../src/graph/target';
import { newestStandard } from '../../src/standard';
import { LIST_VIEW_THRESHOLD } from '../../devtools/graph-standin';
import { editCount, exampleSnapshot, exampleValidation } from './example';
import {
  SITE,
  expectExactly,
  expectSettled,
  listItems,
  memoryStore,
  startHarness,
  watchCurrent,
  type Harness,
} from './harness';

const ctx = { engine: ENGINE_VERSION };

describe('past 5,000 items', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({}, 6);
  });
  afterEach(() => h.close());

  test('a resubmission after three large ones of the same district-year, cancelled and resumed', async () => {
    const base = exampleSnapshot(1800, { seed: 31 });
    // Three earlier submissions of 강서구 2021 (5,400 Forums rows): the last one current.
    const earlier = [1, 2, 3].map((k) => buildPlan(validateWorkbook(editCount(base, 10 + k)), ctx));
    earlier.forEach((plan, k) => {
      const status = k === 2 ? 'current' : 'superseded';
      h.standIn.seed(
        SITE.path,
        'Forums',
        plan.rows.map((r) => ({
          ...(forumFields(plan, r) as Record<string, string | number>),
          Status: status,
        })),
      );
      const fields = submissionFields(plan, newestStandard, null);
      h.standIn.seed(SITE.path, 'Submissions', [
        Object.fromEntries(
          Object.entries({ ...fields, Status: status }).filter(([, v]) => v !== null),
        ) as Record<string, string | number>,
      ]);
    });
    expect(
      listItems(h.standIn, 'Forums').filter((f) => f.fields.DistrictYear === '11500-2021').length,
    ).toBeGreaterThan(LIST_VIEW_THRESHOLD);
    const violations = watchCurrent(h.standIn);
    const next = buildPlan(validateWorkbook(editCount(base, 20)), ctx);
    // Cancel half-way, so the resume settles by querying a list already past the threshold.
    const store = memoryStore();
    const controller = new AbortController();
    await runSubmission({
      plan: next,
      target: h.graph.target,
      store,
      file: null,
      signal: controller.signal,
      onProgress: (p) => p.rowsDone >= 900 && controller.abort(),
    });
    const resumed = await runSubmission({
      plan: next,
      target: h.graph.target,
      store,
      file: null,
      signal: new AbortController().signal,
    });
    expect(resumed.ok ? null : resumed.problem.en).toBeNull();
    expect(h.standIn.stats().thresholdRefusals).toBe(0);
    expectSettled(h.standIn, next, earlier);
    expectExactly(
      listItems(h.standIn, 'Forums'),
      [...earlier, next].flatMap((p) => p.rows.map((r) => r.key)),
    );
    expect(violations).toEqual([]);
  });

  test('a workbook of more than 5,000 forum rows is refused before anything is sent', () => {
    const big = exampleValidation(MAX_ROWS_PER_SUBMISSION + 1, { seed: 3 });
    expect(big.report.stats.errors).toBe(0);
    let refusal: unknown = null;
    try {
      buildPlan(big, ctx);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(PlanRefused);
    expect((refusal as PlanRefused).ko).toContain('5,000');
    expect((refusal as PlanRefused).en).toContain('5,000');
    expect(buildPlan(exampleValidation(MAX_ROWS_PER_SUBMISSION, { seed: 3 }), ctx).rows).toHaveLength(5000);
  });
});
