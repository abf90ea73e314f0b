// The plan: deterministic ids and keys, only forum rows and aggregates, never a council name.
import { ENGINE_VERSION, validateWorkbook } from '../../src/engine';
import { buildPlan, PlanRefused } from '../../src/submission/plan';
import { countRanges, formatRanges } from '../../src/submission/ranges';
import { forumFields, submissionFields } from '../../src/graph/target';
import { newestStandard } from '../../src/standard';
import { editCount, exampleSnapshot } from './example';

const ctx = { engine: ENGINE_VERSION };

test('the same data gives the same submission id and keys; an edit gives new ones', () => {
  const a = buildPlan(validateWorkbook(exampleSnapshot(20, { seed: 2 })), ctx);
  const b = buildPlan(validateWorkbook(exampleSnapshot(20, { seed: 2 })), ctx);
  const c = buildPlan(validateWorkbook(editCount(exampleSnapshot(20, { seed: 2 }), 5)), ctx);
  expect(b.submissionId).toBe(a.submissionId);
  expect(b.rows.map((r) => r.key)).toEqual(a.rows.map((r) => r.key));
  expect(a.submissionId).toMatch(/^11500-2021-[0-9a-f]{16}$/);
  expect(c.submissionId).not.toBe(a.submissionId);
  expect(new Set(a.rows.map((r) => r.key)).size).toBe(20);
  expect(a.districtYear).toBe('11500-2021');
});

test('council members’ names never enter a plan or the fields sent', () => {
  const validation = validateWorkbook(exampleSnapshot(15, { seed: 3 }));
  const names = validation.council.map((m) => m.get('name')).filter((n): n is string => !!n);
  expect(names.length).toBeGreaterThan(0);
  const plan = buildPlan(validation, ctx);
  const sent = JSON.stringify([
    plan,
    plan.rows.map((r) => forumFields(plan, r)),
    submissionFields(plan, newestStandard, null),
  ]);
  for (const n of names) expect(sent).not.toContain(n);
});

test('a workbook with errors is refused with a bilingual reason', () => {
  const snapshot = exampleSnapshot(5, { seed: 4 });
  snapshot.sheets[1].rows[2][0] = { value: -3 };
  const v = validateWorkbook(snapshot);
  expect(v.report.stats.errors).toBeGreaterThan(0);
  expect(() => buildPlan(v, ctx)).toThrow(PlanRefused);
});

test('journal ranges round-trip compactly', () => {
  const set = [0, 1, 2, 3, 7, 9, 10, 11];
  expect(formatRanges(set)).toBe('0-3,7,9-11');
  expect(countRanges('0-3,7,9-11')).toBe(8);
  expect(formatRanges([])).toBe('');
});
