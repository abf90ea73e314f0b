// Reading the city's desk from SharePoint: a Submissions item → SubmissionRecord, every field checked
// (a hand-edited item never becomes a figure, a planted link never becomes a link), and the council
// composition written at completion read back as the counts the validation found.
import { submissionRecordOf, METRICS_DETAIL_MAX_CHARS } from '../../src/graph/submission-record';
import { councilFields, councilOf } from '../../src/graph/council';
import { COUNCIL_COLUMNS, listSpecs } from '../../src/graph/schema';
import { readCity } from '../../src/graph/city';
import { writeRegister } from '../../src/graph/districts';
import type { GraphItem } from '../../src/graph/sharepoint';
import { ENGINE_VERSION } from '../../src/engine';
import { buildPlan } from '../../src/submission/plan';
import { runSubmission } from '../../src/submission/runner';
import { submissionFields } from '../../src/graph/target';
import { newestStandard } from '../../src/standard';
import { exampleValidation } from '../submission/example';
import { KIM, memoryStore, startHarness, type Harness } from '../submission/harness';

const standard = newestStandard;
const links = 'seoul.sharepoint.com';

function itemOf(fields: Record<string, unknown>, more: Partial<GraphItem> = {}): GraphItem {
  return {
    id: '7',
    createdDateTime: '2021-12-20T05:02:11Z',
    createdBy: { user: { id: 'u-1', displayName: '김강서', email: 'kim@gangseo.example.kr' } },
    fields,
    ...more,
  };
}

/** The fields completion writes for an example workbook of 강서구. */
function writtenFields(url: string | null = 'https://seoul.sharepoint.com/sites/delib/x.xlsx') {
  const plan = buildPlan(exampleValidation(12), { engine: ENGINE_VERSION });
  return { plan, fields: submissionFields(plan, standard, url) };
}

test('what completion writes reads back as the record: SharePoint’s creator and time, figures, council', () => {
  const { plan, fields } = writtenFields();
  const read = submissionRecordOf(itemOf(fields), standard, links);
  if (!('record' in read)) throw new Error(read.problem.en);
  const r = read.record;
  expect(r).toMatchObject({
    submissionId: plan.submissionId,
    districtCode: '11500',
    district: '강서구',
    year: 2021,
    quarter: 4,
    status: 'current',
    createdBy: { upn: 'kim@gangseo.example.kr', displayName: '김강서', id: 'u-1' },
    createdAt: '2021-12-20T05:02:11Z',
    fileUrl: 'https://seoul.sharepoint.com/sites/delib/x.xlsx',
    onBehalf: false,
  });
  expect(r.metrics).toEqual(plan.metrics.overall);
  expect(r.metricsByQuarter).toEqual(plan.metrics.byQuarter);
  expect(r.council).toEqual(plan.council);
  // Counts only: no council column holds a name.
  expect(Object.keys(councilFields(plan.council))).toEqual(Object.values(COUNCIL_COLUMNS));
  expect(Object.values(councilFields(plan.council)).every((v) => v === null || typeof v === 'number')).toBe(
    true,
  );
});

test('the council columns are provisioned on Submissions: counts, shares shown as percentages', () => {
  const submissions = listSpecs(standard).find((l) => l.role === 'submissions')!;
  const council = submissions.columns.filter((c) => c.name.startsWith('Council'));
  expect(council.map((c) => c.name)).toEqual([
    'CouncilMembers',
    'CouncilCivilian',
    'CouncilCouncillor',
    'CouncilOfficial',
    'CouncilFemale',
    'CouncilMale',
    'CouncilCivilianShare',
    'CouncilFemaleShare',
    'CouncilCompliant',
  ]);
  expect(council.filter((c) => c.percent).map((c) => c.name)).toEqual([
    'CouncilCivilianShare',
    'CouncilFemaleShare',
  ]);
  expect(council.every((c) => c.kind === 'number')).toBe(true);
});

test.each([
  ['javascript:', 'javascript:alert(1)'],
  ['a look-alike host', 'https://seoul.sharepoint.com.evil.example/x.xlsx'],
  ['plain http on the SharePoint host', 'http://seoul.sharepoint.com/x.xlsx'],
  ['credentials in the address', 'https://user:pw@seoul.sharepoint.com/x.xlsx'],
  ['not a URL', 'x.xlsx'],
  ['thousands of characters', `https://seoul.sharepoint.com/${'a'.repeat(3000)}`],
  ['a number', 42],
])('a link column holding %s is no link', (_what, value) => {
  const { fields } = writtenFields();
  const read = submissionRecordOf(itemOf({ ...fields, WorkbookUrl: value }), standard, links);
  expect('record' in read && read.record.fileUrl).toBeNull();
});

test.each([
  ['a district code that is not 5 digits', { DistrictCode: '1150' }, 'district code'],
  ['a year that is text', { Year: '2021' }, 'year'],
  ['quarter 5', { Quarter: 5 }, 'quarter'],
  ['a status nobody writes', { Status: 'draft' }, 'status'],
  ['a negative count', { Meetings: -1 }, 'figures'],
  ['a missing count', { AttendeesTotal: null }, 'figures'],
])('an item with %s is left out with a note in both languages', (_what, patch, word) => {
  const { fields } = writtenFields();
  const read = submissionRecordOf(itemOf({ ...fields, ...patch }), standard, links);
  expect(read).toEqual({
    problem: { ko: expect.stringContaining('현황에 넣지 않았습니다'), en: expect.stringContaining(word) },
  });
});

test('per-quarter figures are read only from well-formed MetricsDetail of bounded size', () => {
  const { fields } = writtenFields();
  const quarters = (detail: unknown) => {
    const read = submissionRecordOf(itemOf({ ...fields, MetricsDetail: detail }), standard, links);
    return 'record' in read ? read.record.metricsByQuarter : 'left out';
  };
  expect(quarters(fields.MetricsDetail)).not.toBeNull();
  expect(quarters('{not json')).toBeNull();
  expect(quarters(JSON.stringify({ byQuarter: { '1': {} } }))).toBeNull();
  const big = JSON.stringify({
    ...JSON.parse(fields.MetricsDetail as string),
    pad: 'x'.repeat(METRICS_DETAIL_MAX_CHARS),
  });
  expect(quarters(big)).toBeNull();
  expect(quarters(undefined)).toBeNull();
});

test('council counts that cannot be a council read as none; shares are recomputed, never read', () => {
  const { fields } = writtenFields();
  const council = (patch: Record<string, unknown>) => councilOf({ ...fields, ...patch }, standard);
  expect(council({})).not.toBeNull();
  expect(council({ CouncilCivilian: 99 })).toBeNull();
  expect(council({ CouncilFemale: 2.5 })).toBeNull();
  expect(council({ CouncilMembers: null })).toBeNull();
  // A planted share or 충족 changes nothing: they come from the counts.
  expect(council({ CouncilCivilianShare: 0.1, CouncilCompliant: 0 })).toEqual(council({}));
  // An item made before the columns existed carries no composition.
  const old = Object.fromEntries(Object.entries(fields).filter(([k]) => !k.startsWith('Council')));
  expect(councilOf(old, standard)).toBeNull();
});

test('an OnBehalf column, where the list has one, is the item’s own claim', () => {
  const { fields } = writtenFields();
  const flag = (v: unknown) => {
    const read = submissionRecordOf(itemOf({ ...fields, OnBehalf: v }), standard, links);
    return 'record' in read && read.record.onBehalf;
  };
  expect([flag(1), flag(true), flag('true'), flag(0), flag(null), flag('yes')]).toEqual([
    true,
    true,
    true,
    false,
    false,
    false,
  ]);
});

describe('against the Graph stand-in', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  test('a real submission writes the council columns; a year is one query, superseded items included', async () => {
    await writeRegister(h.graph.site, {
      officers: { people: ['lee@seoul.example.kr'], groups: [] },
      districts: [
        {
          code: '11500',
          name: '강서구',
          dueYears: [2021],
          submitters: { people: ['kim@gangseo.example.kr'], groups: [] },
        },
      ],
    });
    for (const seed of [1, 2]) {
      const plan = buildPlan(exampleValidation(6, { seed }), { engine: ENGINE_VERSION });
      const outcome = await runSubmission({
        plan,
        target: h.graph.target,
        store: memoryStore(),
        file: null,
        signal: new AbortController().signal,
      });
      expect(outcome.ok).toBe(true);
    }
    h.standIn.resetStats();
    const fresh = await startHarnessGraph(h);
    const reading = await readCity(fresh.site, [2021], { standard });
    // The site, the register, the year: nothing from Forums.
    expect(h.standIn.stats().requests).toBe(3);
    expect(reading.submissions.map((s) => s.status).sort()).toEqual(['current', 'superseded']);
    expect(reading.submissions.every((s) => s.council?.members === 20)).toBe(true);
    expect(reading.submissions[0].createdBy.upn).toBe('kim@gangseo.example.kr');
    // The register's warnings come along as notes (this one lists only 강서구).
    expect(reading.notes).toHaveLength(24);
    expect(reading.notes.every((n) => n.en.includes('has no row'))).toBe(true);
  });
});

/** A client with no site id cached yet (as a fresh command run has). */
async function startHarnessGraph(h: Harness) {
  const { graphFor } = await import('../submission/harness');
  return graphFor(h.standIn.url, 4, 5000, KIM);
}
