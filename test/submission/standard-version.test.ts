// Every record of a submission says which standard version its data follows: the stamp, the
// Submissions item and each Forums row (one list holds rows of every version, so a row alone must
// say which version's columns it fills). A 2021.1 workbook and the same data declared 2021.2 differ
// exactly there.
import { ENGINE_VERSION, validateWorkbook, type WorkbookSnapshot } from '../../src/engine';
import { buildPlan } from '../../src/submission/plan';
import { createStamp } from '../../src/stamp';
import { forumFields, submissionFields } from '../../src/graph/target';
import { listSpecs } from '../../src/graph/schema';
import { newestStandard } from '../../src/standard';
import { exampleSnapshot } from './example';

/** The example with its 표준버전 cell set to `version` (blank for null). */
function declaring(snapshot: WorkbookSnapshot, version: string | null): WorkbookSnapshot {
  return {
    sheets: snapshot.sheets.map((s, i) =>
      i === 0
        ? { ...s, rows: s.rows.map((r) => (r[0]?.value === '표준버전' ? [r[0], { value: version }] : r)) }
        : s,
    ),
  };
}

describe.each([
  [null, '2021.1'],
  ['2021.1', '2021.1'],
  ['2021.2', '2021.2'],
])('a workbook declaring 표준버전 %s', (declared, version) => {
  const validation = validateWorkbook(declaring(exampleSnapshot(6, { seed: 11 }), declared));
  const plan = buildPlan(validation, { engine: ENGINE_VERSION });

  it(`records ${version} in the stamp, the Submissions item and every Forums row`, () => {
    expect(validation.report.standard).toBe(version);
    expect(createStamp(validation, { engine: ENGINE_VERSION, at: 'now', by: 'test' }).standard).toBe(version);
    expect(submissionFields(plan, newestStandard, null).StandardVersion).toBe(version);
    expect(plan.rows.length).toBe(6);
    for (const row of plan.rows) expect(forumFields(plan, row).StandardVersion).toBe(version);
  });

  it('sends only fields the lists have (the lists follow the newest standard)', () => {
    const [submissions, forums] = listSpecs(newestStandard);
    const names = (l: typeof forums) => new Set(['Title', ...l.columns.map((c) => c.name)]);
    for (const key of Object.keys(submissionFields(plan, newestStandard, null)))
      expect(names(submissions).has(key)).toBe(true);
    for (const row of plan.rows)
      for (const key of Object.keys(forumFields(plan, row))) expect(names(forums).has(key)).toBe(true);
  });
});

test('the Forums list has a StandardVersion text column', () => {
  const forums = listSpecs(newestStandard).find((l) => l.role === 'forums')!;
  expect(forums.columns.find((c) => c.name === 'StandardVersion')).toMatchObject({ kind: 'text' });
});
