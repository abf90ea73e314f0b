import fc from 'fast-check';
import { buildSummaryTable } from '../../src/engine/summary';
import { checkSummaryTable } from '../../src/engine/summary-check';
import { summaryCsv, summaryMarkdown } from '../../src/cli/summary-output';
import { parseCsv, parseMarkdownTable, textRowsToSnapshot } from '../../src/workbook/text-table';
import { buildSummaryWorkbook } from '../../src/xlsx/summary';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { newestStandard } from '../../src/standard';
import { reportOf, sums as s } from './reports';

describe('buildSummaryTable', () => {
  it('one row per district-year in 가나다 order, with 총계 and 평균 per standard §2', () => {
    const table = buildSummaryTable([
      reportOf('중랑구', 2021, '2021-12-20', s(10, 20, 10, 30, 10, 40)),
      reportOf('강서구', 2021, '2021-12-20', s(30, 40, 20, 60, 40, 60)),
    ]);
    expect(table.rows.map((r) => r.district)).toEqual(['강서구', '중랑구']);
    expect(table.rows[0].districtCode).toBe('11500');
    expect(table.total).toMatchObject({
      district: newestStandard.summaryTable.totalLabel,
      meetings: 40,
      hoursTotal: 60,
      hoursPerMeeting: 1.5,
      attendees: { total: 120, official: 30, civilian: 90 },
      attendanceRate: { total: null, official: null, civilian: null },
    });
    expect(table.mean.district).toBe(newestStandard.summaryTable.meanLabel);
    expect(table.mean.meetings).toBe(20);
    expect(table.mean.attendees.total).toBe(60);
    // 평균 rates: the mean of the district rows' rates (0.8 and 0.8; 0.5 and 1; 1 and 0.75).
    expect(table.mean.attendanceRate.total!).toBeCloseTo(0.8, 12);
    expect(table.mean.attendanceRate.official!).toBeCloseTo(0.75, 12);
    expect(table.mean.attendanceRate.civilian!).toBeCloseTo(0.875, 12);
    // 평균 1회평균: 총계 hours ÷ 총계 meetings, not the mean of the rows' averages.
    expect(table.mean.hoursPerMeeting).toBe(1.5);
  });

  it('undefined rates stay null and are left out of the mean', () => {
    const table = buildSummaryTable([
      reportOf('강서구', 2021, '2021-12-20', s(1, 1, 0, 5, 0, 10)),
      reportOf('도봉구', 2021, '2021-12-20', s(1, 1, 4, 5, 5, 10)),
    ]);
    expect(table.rows[0].attendanceRate.official).toBeNull();
    expect(table.mean.attendanceRate.official).toBe(0.8);
  });

  it('the later 작성일 wins for the same district-year, whatever the order, and a note says so', () => {
    const early = reportOf('마포구', 2021, '2021-06-28', s(20, 30, 10, 10, 20, 20), 'mapo-june.xlsx');
    const late = reportOf('마포구', 2021, '2021-12-20', s(40, 60, 10, 10, 20, 20), 'mapo-dec.xlsx');
    for (const order of [
      [early, late],
      [late, early],
    ]) {
      const table = buildSummaryTable(order);
      expect(table.rows).toHaveLength(1);
      expect(table.rows[0].meetings).toBe(40);
      expect(table.notes).toHaveLength(1);
      expect(table.notes[0].ko).toContain('mapo-dec.xlsx');
      expect(table.notes[0].ko).toContain('작성일이 늦은');
      expect(table.notes[0].en).toContain('later report date wins');
    }
  });

  it('never adds different years into one 총계: mixed years are refused, --year keeps one', () => {
    const reports = [
      reportOf('마포구', 2022, '2022-12-20', s(1, 1, 1, 1, 1, 1), 'mapo-2022.xlsx'),
      reportOf('마포구', 2021, '2021-12-20', s(1, 1, 1, 1, 1, 1), 'mapo-2021.xlsx'),
      reportOf('강서구', 2021, '2021-12-20', s(2, 2, 2, 2, 2, 2), 'gangseo-2021.xlsx'),
    ];
    expect(() => buildSummaryTable(reports)).toThrow(
      'figures of different years are never added into one table: 2021 (mapo-2021.xlsx, gangseo-2021.xlsx), 2022 (mapo-2022.xlsx). Choose one year (--year).',
    );
    const table = buildSummaryTable(reports, undefined, { year: 2021 });
    expect(table.year).toBe(2021);
    expect(table.rows.map((r) => [r.district, r.year])).toEqual([
      ['강서구', 2021],
      ['마포구', 2021],
    ]);
    expect(table.total).toMatchObject({ year: 2021, meetings: 3 });
    expect(table.mean.year).toBe(2021);
    expect(table.notes.map((n) => n.en)).toEqual([
      'mapo-2022.xlsx (report date 2022-12-20): left out, it is of 2022, not 2021.',
    ]);
  });

  it('every row carries its year and quarter; 총계 and 평균 the quarter all rows share', () => {
    const q4 = reportOf('강서구', 2021, '2021-12-20', s(1, 1, 1, 1, 1, 1));
    const q2 = reportOf('마포구', 2021, '2021-06-20', s(1, 1, 1, 1, 1, 1));
    q2.info.quarter = 2;
    const mixed = buildSummaryTable([q4, q2]);
    expect(mixed.rows.map((r) => r.quarter)).toEqual([4, 2]);
    expect([mixed.quarter, mixed.total.quarter, mixed.mean.quarter]).toEqual([null, null, null]);
    const same = buildSummaryTable([q4]);
    expect([same.quarter, same.total.quarter, same.mean.quarter]).toEqual([null, 4, 4]);
    expect(same.missing).toEqual([]);
  });

  it('a report without district or year is left out with a note', () => {
    const r = reportOf('마포구', 2021, '2021-12-20', s(1, 1, 1, 1, 1, 1));
    r.info.district = null;
    const table = buildSummaryTable([r]);
    expect(table.rows).toHaveLength(0);
    expect(table.notes[0].en).toContain('left out');
  });
});

// Random district-year figures as the engine can produce them (attendance may exceed what was
// expected, or be recorded for a group nobody was expected in).
const sums = fc.record({
  meetings: fc.integer({ min: 0, max: 120 }),
  hoursTenths: fc.integer({ min: 1, max: 3000 }),
  ao: fc.integer({ min: 0, max: 400 }),
  ac: fc.integer({ min: 0, max: 900 }),
  eo: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 })),
  ec: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 900 })),
  odd: fc.double({ min: 0, max: 0.1, noNaN: true }),
});
const reports = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...newestStandard.districts.map((d) => d.name)), sums), {
    minLength: 1,
    maxLength: 25,
    selector: ([d]) => d,
  })
  .map((list) =>
    list.map(([district, x]) =>
      reportOf(district, 2021, '2021-12-20', {
        meetings: x.meetings,
        // Hours need not be in tenths: a 40-minute meeting is 0.666… hours.
        hours: x.meetings === 0 ? 0 : x.hoursTenths / 10 + x.odd,
        ao: x.ao,
        ac: x.ac,
        eo: x.eo,
        ec: x.ec,
      }),
    ),
  );

describe('our own consolidated table always passes --check', () => {
  it('as CSV', () => {
    fc.assert(
      fc.property(reports, (rs) => {
        const snapshot = textRowsToSnapshot('summary.csv', parseCsv(summaryCsv(buildSummaryTable(rs))));
        const check = checkSummaryTable(snapshot);
        expect(check.tables).toHaveLength(1);
        expect(check.findings).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('as Markdown', () => {
    fc.assert(
      fc.property(reports, (rs) => {
        const snapshot = textRowsToSnapshot(
          'summary.md',
          parseMarkdownTable(summaryMarkdown(buildSummaryTable(rs))),
        );
        expect(checkSummaryTable(snapshot).findings).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('as .xlsx', async () => {
    await fc.assert(
      fc.asyncProperty(reports, async (rs) => {
        const buf = Buffer.from(await buildSummaryWorkbook(buildSummaryTable(rs)).xlsx.writeBuffer());
        const { snapshot } = await readWorkbookBuffer(buf, 'summary.xlsx');
        const check = checkSummaryTable(snapshot);
        expect(check.tables).toHaveLength(1);
        expect(check.findings).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('--check never throws on what people type', () => {
  const headers = newestStandard.summaryTable.columns.map((c) => c.header);
  const cellValue = fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constantFrom('-', '–', '81.7%', '1,204', '12명', '총계', '평균', '%', ''),
  );
  const cell = fc.oneof(
    cellValue.map((value) => ({ value })),
    fc.record({ value: fc.constant(null), error: fc.constantFrom('#DIV/0!', '#REF!') }),
    fc.record({ value: fc.double(), numberFormat: fc.constantFrom('0.0%', '0.0', '#,##0') }),
  );

  it('random rows under a real header', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.option(cell), { maxLength: 12 }), { maxLength: 30 }), (rows) => {
        const check = checkSummaryTable({
          sheets: [{ name: 's', rows: [headers.map((h) => ({ value: h })), ...rows] }],
        });
        expect(check.tables).toHaveLength(1);
        for (const f of check.findings) expect(f.code).toBe('summary-inconsistent');
      }),
      { numRuns: 300 },
    );
  });

  it('random CSV and Markdown text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        checkSummaryTable(textRowsToSnapshot('t.csv', parseCsv(text)));
        checkSummaryTable(textRowsToSnapshot('t.md', parseMarkdownTable(text)));
      }),
      { numRuns: 300 },
    );
  });
});
