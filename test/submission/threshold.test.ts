// Beyond SharePoint's 5,000-item list view threshold every query the submission makes still works,
// because each filters on indexed columns only (the stand-in refuses anything else past 5,000).
import { ENGINE_VERSION, validateWorkbook } from '../../src/engine';
import { buildPlan } from '../../src/submission/plan';
import { runSubmission } from '../../src/submission/runner';
import { editCount, exampleSnapshot } from './example';
import { expectExactly, listItems, memoryStore, startHarness, type Harness } from './harness';

const ctx = { engine: ENGINE_VERSION };

describe('past 5,000 items', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, 6);
  });
  afterAll(() => h.close());

  test('a resumed resubmission into a list of more than 5,000 items', async () => {
    const base = exampleSnapshot(2600, { seed: 31 });
    const v1 = buildPlan(validateWorkbook(base), ctx);
    const v2 = buildPlan(validateWorkbook(editCount(base, 10)), ctx);
    expect(
      (
        await runSubmission({
          plan: v1,
          target: h.graph.target,
          store: memoryStore(),
          file: null,
          signal: new AbortController().signal,
        })
      ).ok,
    ).toBe(true);
    // Cancel v2 half-way so the resume has to settle by querying a list already past the threshold.
    const store = memoryStore();
    const controller = new AbortController();
    await runSubmission({
      plan: v2,
      target: h.graph.target,
      store,
      file: null,
      signal: controller.signal,
      onProgress: (p) => p.rowsDone >= 2500 && controller.abort(),
    });
    expect(listItems(h.standIn, 'Forums').length).toBeGreaterThan(5000);
    const resumed = await runSubmission({
      plan: v2,
      target: h.graph.target,
      store,
      file: null,
      signal: new AbortController().signal,
    });
    expect(resumed.ok).toBe(true);
    const forums = listItems(h.standIn, 'Forums');
    expectExactly(
      forums,
      [...v1.rows, ...v2.rows].map((r) => r.key),
    );
    expect(
      forums
        .filter((i) => i.fields.Status === 'current')
        .every((i) => i.fields.SubmissionId === v2.submissionId),
    ).toBe(true);
    expect(forums.filter((i) => i.fields.Status === 'superseded')).toHaveLength(2600);
  });
});
