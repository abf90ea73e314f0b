// A resubmission after edits: new rows under a new submission id, the previous submission and its rows
// kept and flagged superseded; submitting the first version again makes it current again.
import { ENGINE_VERSION, validateWorkbook } from '../../src/engine';
import { buildPlan } from '../../src/submission/plan';
import { runSubmission } from '../../src/submission/runner';
import { editCount, exampleSnapshot } from './example';
import { expectExactly, listItems, memoryStore, startHarness, type Harness } from './harness';

const ctx = { engine: ENGINE_VERSION };
const run = (h: Harness, plan: ReturnType<typeof buildPlan>) =>
  runSubmission({
    plan,
    target: h.graph.target,
    store: memoryStore(),
    file: null,
    signal: new AbortController().signal,
  });

describe('resubmission', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ faults: { timeoutAfterCommit: 0.2 }, seed: 5 });
  });
  afterEach(() => h.close());

  test('after edits the previous submission is superseded, its rows kept and flagged', async () => {
    const before = exampleSnapshot(50, { seed: 21 });
    const v1 = buildPlan(validateWorkbook(before), ctx);
    const v2 = buildPlan(validateWorkbook(editCount(before, 7)), ctx);
    expect(v2.submissionId).not.toBe(v1.submissionId);
    expect(v2.districtYear).toBe(v1.districtYear);

    expect((await run(h, v1)).ok).toBe(true);
    expect((await run(h, v2)).ok).toBe(true);

    const forums = listItems(h.standIn, 'Forums');
    expectExactly(
      forums,
      [...v1.rows, ...v2.rows].map((r) => r.key),
    );
    const statusOf = (id: string) =>
      new Set(forums.filter((i) => i.fields.SubmissionId === id).map((i) => i.fields.Status));
    expect(statusOf(v1.submissionId)).toEqual(new Set(['superseded']));
    expect(statusOf(v2.submissionId)).toEqual(new Set(['current']));
    const subs = Object.fromEntries(
      listItems(h.standIn, 'Submissions').map((i) => [i.fields.SubmissionKey, i.fields.Status]),
    );
    expect(subs).toEqual({ [v1.submissionId]: 'superseded', [v2.submissionId]: 'current' });

    // Going back to the first version's data: no new rows, it is current again.
    expect((await run(h, v1)).ok).toBe(true);
    expect(listItems(h.standIn, 'Forums')).toHaveLength(100);
    const again = Object.fromEntries(
      listItems(h.standIn, 'Submissions').map((i) => [i.fields.SubmissionKey, i.fields.Status]),
    );
    expect(again).toEqual({ [v1.submissionId]: 'current', [v2.submissionId]: 'superseded' });
  });

  test('another district-year is left alone', async () => {
    const gangseo = buildPlan(validateWorkbook(exampleSnapshot(10, { seed: 1 })), ctx);
    const mapo = buildPlan(validateWorkbook(exampleSnapshot(10, { seed: 1, district: '마포구' })), ctx);
    expect((await run(h, gangseo)).ok).toBe(true);
    expect((await run(h, mapo)).ok).toBe(true);
    expect(new Set(listItems(h.standIn, 'Forums').map((i) => i.fields.Status))).toEqual(new Set(['current']));
  });
});
