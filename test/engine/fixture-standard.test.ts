// A standard is data: a fixture version registered only here — a required count column with a metric
// summing it, an optional list column with a grouping by it, and a new forum type — flows through the
// template, validation, re-validation, the metrics and the 요약 formulas (recalculated by LibreOffice),
// the consolidated table, summary --check and every output format, the pane's metrics view, the stamp,
// the SharePoint lists, the submitted rows and the Submissions metric columns, with no code edit.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { revalidateRows, validateWorkbook, type Cell } from '../../src/engine';
import { defineRegistry, newestStandard, registry } from '../../src/standard';
import type { Standard } from '../../src/standard/types';
import { exampleWorkbook } from '../../src/workbook/example';
import { standardLayout } from '../../src/workbook';
import { buildStandardWorkbook } from '../../src/xlsx/write';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { canonicalData, createStamp, checkStamp, stampDataOf } from '../../src/stamp';
import { listSpecs } from '../../src/graph/schema';
import { forumFields } from '../../src/graph/target';
import { buildPlan } from '../../src/submission/plan';
import { submissionFields } from '../../src/graph/target';
import { metricColumnName } from '../../src/graph/schema';
import { buildSummaryTable, checkSummaryTable } from '../../src/engine';
import { groupingFigures, metricValue } from '../../src/engine/metric-values';
import { standardSummarySource, summarySheetLayout } from '../../src/workbook';
import { summaryCsv, summaryMarkdown, summaryText } from '../../src/cli/summary-output';
import { reportText } from '../../src/cli/report-text';
import { buildSummaryWorkbook } from '../../src/xlsx/summary';
import { metricTables } from '../../src/taskpane/view/metrics';
import { compareYears } from '../../src/city';
import { expectSummaryEqualsMetrics, recalculate, withLibreOffice } from '../support/libreoffice';

const t = (ko: string, en: string) => ({ ko, en });
const base = newestStandard;
const fixture: Standard = {
  ...base,
  version: '2099.1',
  sheets: {
    ...base.sheets,
    forums: {
      ...base.sheets.forums,
      columns: [
        ...base.sheets.forums.columns,
        {
          key: 'volunteers',
          header: '자원봉사자',
          aliases: ['봉사자'],
          label: t('자원봉사자', 'Volunteers'),
          type: 'count',
          required: true,
          min: 0,
        },
        {
          key: 'venue',
          header: '장소구분',
          aliases: [],
          label: t('장소구분', 'Venue'),
          type: 'enum',
          enum: 'venue',
          required: false,
        },
      ],
    },
  },
  metrics: [
    ...base.metrics,
    {
      key: 'volunteers',
      label: t('자원봉사자', 'Volunteers'),
      kind: 'count',
      definition: { kind: 'sum', column: 'volunteers' },
      display: { digits: 0, fractionDigits: 1 },
    },
  ],
  groupings: [
    ...base.groupings,
    {
      key: 'byVenue',
      label: t('장소구분별', 'By venue'),
      column: 'venue',
      by: 'value',
      blank: { key: '미기재', label: t('미기재', 'Not given') },
    },
  ],
  summaryTable: {
    ...base.summaryTable,
    columns: [
      ...base.summaryTable.columns,
      { header: '자원봉사자', aliases: ['봉사자'], metric: 'volunteers' },
    ],
  },
  enums: {
    ...base.enums,
    forumType: [
      ...base.enums.forumType.filter((e) => !e.fallback),
      { value: '시민배심원', label: t('시민배심원', 'Citizens’ jury'), nearMisses: ['배심원'] },
      ...base.enums.forumType.filter((e) => e.fallback),
    ],
    venue: [
      { value: '구청', label: t('구청', 'District office'), nearMisses: [] },
      { value: '마을', label: t('마을', 'Neighbourhood'), nearMisses: ['동네'] },
    ],
  },
};
const registered = defineRegistry([...registry.versions, fixture]);

async function roundTrip(standard: Standard, rows = 30) {
  const example = exampleWorkbook(standard, { rows, seed: 11 });
  const buf = Buffer.from(await buildStandardWorkbook(standard, example).xlsx.writeBuffer());
  return (await readWorkbookBuffer(buf, 'fixture.xlsx')).snapshot;
}

describe('a fixture standard registered only in this test', () => {
  let snapshot: Awaited<ReturnType<typeof roundTrip>>;
  beforeAll(async () => {
    snapshot = await roundTrip(fixture);
  });
  const forumSheet = () => snapshot.sheets.find((s) => s.name === fixture.sheets.forums.name)!;
  const layout = standardLayout(fixture);
  const column = (key: string) => layout.forums.columns.findIndex((c) => c.key === key);

  it('the template carries its columns, its list and its version', () => {
    const headerRow = forumSheet().rows[layout.forums.headerRow - 1].map((c) => c?.value);
    expect(headerRow.slice(-2)).toEqual(['자원봉사자', '장소구분']);
    expect(layout.forums.columns.find((c) => c.key === 'type')!.validation).toMatchObject({
      values: expect.arrayContaining(['시민배심원']),
    });
    expect(layout.forums.columns.find((c) => c.key === 'venue')!.validation).toEqual({
      kind: 'list',
      values: ['구청', '마을'],
    });
  });

  it('validates against the fixture when 표준버전 names it, with no finding; the product does not know it', () => {
    const v = validateWorkbook(snapshot, registered);
    expect(v.report.standard).toBe('2099.1');
    expect(v.report.findings).toEqual([]);
    expect(v.forums.some((f) => f.type === '시민배심원')).toBe(true);
    expect(v.forums[0].get('volunteers')).toEqual(expect.any(Number));
    expect(v.report.metrics.byType['시민배심원'].meetings).toBeGreaterThan(0);
    const product = validateWorkbook(snapshot);
    expect(product.report.findings.map((f) => f.code)).toContain('unknown-standard');
  });

  it('its rules fire: a blank required count, a value off its list, a type a 2021.1 workbook lacks', () => {
    const edited = structuredClone(snapshot);
    const rows = edited.sheets.find((s) => s.name === fixture.sheets.forums.name)!.rows;
    const first = layout.forums.firstDataRow - 1;
    rows[first][column('volunteers')] = null;
    rows[first + 1][column('venue')] = { value: '동네' };
    const f = validateWorkbook(edited, registered).report.findings;
    expect(f.map((x) => [x.code, x.field, x.fix])).toEqual([
      ['required', 'volunteers', null],
      ['enum-error', 'venue', '마을'],
    ]);
    const old = validateWorkbook(
      {
        sheets: edited.sheets.map((s) =>
          s.name === '기본정보' ? { ...s, rows: s.rows.filter((r) => r[0]?.value !== '표준버전') } : s,
        ),
      },
      registered,
    );
    // As 2021.1 (no 표준버전), its type is a later version's: 기타, naming 2099.1.
    const jury = old.report.findings.find((x) => x.code === 'enum-error' && x.value === '시민배심원')!;
    expect(jury.fix).toBe('기타');
    expect(jury.message.en).toContain('2099.1');
  });

  it('revalidating a changed row equals a full run', () => {
    const live = structuredClone(snapshot);
    const rows = live.sheets.find((s) => s.name === fixture.sheets.forums.name)!.rows;
    let v = validateWorkbook(live, registered);
    for (const [r, value] of [
      [layout.forums.firstDataRow + 2, '-4'],
      [layout.forums.firstDataRow + 5, '3명'],
      [layout.forums.firstDataRow + 2, 7],
    ] as const) {
      rows[r - 1][column('volunteers')] = { value } as Cell;
      v = revalidateRows(v, live, [{ sheet: fixture.sheets.forums.name, rows: [r] }]);
      const full = validateWorkbook(live, registered);
      expect(v.report).toEqual(full.report);
      expect(v.forums).toEqual(full.forums);
    }
  });

  it('its columns enter the stamp: changing one changes the hash and is one changed row', () => {
    const v = validateWorkbook(snapshot, registered);
    expect(canonicalData(stampDataOf(v))).toContain('"volunteers":');
    const stamp = createStamp(v, { engine: 'test', at: '2021-12-31T00:00:00Z', by: 'test' });
    const edited = structuredClone(snapshot);
    const cell = edited.sheets.find((s) => s.name === fixture.sheets.forums.name)!.rows[
      layout.forums.firstDataRow - 1
    ];
    cell[column('volunteers')] = { value: 999 };
    expect(
      checkStamp(stamp, validateWorkbook(edited, registered), null, { standards: registered }),
    ).toMatchObject({
      status: 'changed',
      rowsChanged: 1,
    });
  });

  it('its columns are SharePoint columns and are submitted', () => {
    const forums = listSpecs(fixture).find((l) => l.role === 'forums')!;
    expect(forums.columns.find((c) => c.name === 'Volunteers')).toMatchObject({ kind: 'number' });
    expect(forums.columns.find((c) => c.name === 'Venue')).toMatchObject({
      kind: 'choice',
      choices: ['구청', '마을'],
    });
    expect(forums.columns.find((c) => c.name === 'ForumType')!.choices).toContain('시민배심원');
    const plan = buildPlan(validateWorkbook(snapshot, registered), { engine: 'test' });
    expect(plan.standard).toBe('2099.1');
    expect(Object.keys(plan.rows[0].forum)).toEqual(expect.arrayContaining(['volunteers', 'venue']));
    const fields = forumFields(plan, plan.rows[0]);
    expect(fields.Volunteers).toBe(plan.rows[0].forum.volunteers);
    // Every submitted key has a column in the list.
    const names = new Set(forums.columns.map((c) => c.name));
    for (const key of Object.keys(fields)) if (key !== 'Title') expect(names.has(key)).toBe(true);
  });

  it('its count column has a metric and its list column a grouping, 미기재 for blanks', () => {
    const v = validateWorkbook(snapshot, registered);
    const volunteers = v.forums.reduce((sum, f) => sum + (f.get('volunteers') as number), 0);
    const m = v.report.metrics;
    expect(metricValue(m.overall, 'volunteers')).toBe(volunteers);
    const byVenue = groupingFigures(m, 'byVenue');
    expect(Object.keys(byVenue)).toEqual(['구청', '마을', '미기재']);
    const blank = v.forums.filter((f) => f.get('venue') === null).length;
    expect(blank).toBeGreaterThan(0);
    expect(byVenue['미기재'].meetings).toBe(blank);
    const sum = (k: string) => Object.values(byVenue).reduce((s, x) => s + (metricValue(x, k) ?? 0), 0);
    expect(sum('meetings')).toBe(v.forums.length);
    expect(sum('volunteers')).toBe(volunteers);
    // A value off the list is in no group (an enum-error), not in 미기재.
    const edited = structuredClone(snapshot);
    edited.sheets.find((s) => s.name === fixture.sheets.forums.name)!.rows[layout.forums.firstDataRow - 1][
      column('venue')
    ] = { value: '동네' };
    const off = groupingFigures(validateWorkbook(edited, registered).report.metrics, 'byVenue');
    expect(Object.values(off).reduce((s, x) => s + x.meetings, 0)).toBe(v.forums.length - 1);
  });

  it('the consolidated table carries its metric: every output, summary --check, the year comparison', async () => {
    const reports = await Promise.all(
      ['마포구', '강서구'].map(async (district, i) => {
        const example = exampleWorkbook(fixture, { rows: 12 + i * 5, seed: 3 + i, district });
        const buf = Buffer.from(await buildStandardWorkbook(fixture, example).xlsx.writeBuffer());
        const snap = (await readWorkbookBuffer(buf, `${district}.xlsx`)).snapshot;
        return { ...validateWorkbook(snap, registered).report, file: `${district}.xlsx` };
      }),
    );
    const table = buildSummaryTable(reports, fixture);
    const each = reports.map((r) => metricValue(r.metrics.overall, 'volunteers')!);
    expect(metricValue(table.total, 'volunteers')).toBe(each[0] + each[1]);
    expect(metricValue(table.mean, 'volunteers')).toBe((each[0] + each[1]) / 2);
    expect(summaryText(table, 'en', fixture)).toContain('Volunteers');
    expect(summaryCsv(table, fixture).split('\r\n')[0].split(',').pop()).toBe('자원봉사자');
    expect(summaryMarkdown(table, fixture)).toContain(`| ${each[0] + each[1]} |`);
    const text = reportText(reports[0], 'ko', fixture);
    expect(text).toContain('자원봉사자');
    expect(text).toContain('미기재(장소구분)');
    expect(compareYears({ ...table, year: 2020 }, table, fixture).total.volunteers).toMatchObject({
      unit: 'count',
      change: 0,
    });

    // The .xlsx output read back and checked: consistent, then a 총계 that is not the sum.
    const wb = buildSummaryWorkbook(table, fixture);
    const read = async () =>
      (await readWorkbookBuffer(Buffer.from(await wb.xlsx.writeBuffer()), 'book.xlsx')).snapshot;
    expect(checkSummaryTable(await read(), fixture).findings).toEqual([]);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).indexOf('자원봉사자');
    const totalRow = sheet.getColumn(1).values.indexOf(fixture.summaryTable.totalLabel);
    sheet.getCell(totalRow, header).value = each[0] + each[1] + 7;
    const found = checkSummaryTable(await read(), fixture).findings;
    expect(found.map((f) => [f.code, f.field, f.row])).toEqual([
      ['summary-inconsistent', 'volunteers', totalRow],
    ]);
    expect(found[0].fix).toBe(each[0] + each[1]);
  });

  it('the pane shows its metric as a column and its grouping as a table', () => {
    const v = validateWorkbook(snapshot, registered);
    const tables = metricTables(v.report.metrics, 'en', { overall: 'Overall' }, fixture);
    const at = tables.columns.findIndex((c) => c.key === 'volunteers');
    expect(tables.columns[at]).toEqual({ key: 'volunteers', label: 'Volunteers', kind: 'count' });
    expect(tables.overall.cells[at]).toBe(
      metricValue(v.report.metrics.overall, 'volunteers')!.toLocaleString('en-US'),
    );
    const venue = tables.groupings.find((g) => g.key === 'byVenue')!;
    expect(venue.title).toBe('By venue');
    expect(venue.rows.map((r) => r.label)).toEqual(['District office', 'Neighbourhood', 'Not given (Venue)']);
  });

  it('its metric is a Submissions column, filled from the overall figures; MetricsDetail has its grouping', () => {
    const submissions = listSpecs(fixture).find((l) => l.role === 'submissions')!;
    expect(submissions.columns.find((c) => c.name === metricColumnName('volunteers'))).toMatchObject({
      kind: 'number',
      displayName: { ko: '자원봉사자', en: 'Volunteers' },
    });
    const v = validateWorkbook(snapshot, registered);
    const plan = buildPlan(v, { engine: 'test' });
    const fields = submissionFields(plan, fixture, null);
    expect(fields.Volunteers).toBe(metricValue(v.report.metrics.overall, 'volunteers'));
    expect(Object.keys(JSON.parse(fields.MetricsDetail as string))).toEqual([
      'byQuarter',
      'byType',
      'byStage',
      'byFormat',
      'byVenue',
    ]);
    const names = new Set(submissions.columns.map((c) => c.name));
    for (const key of Object.keys(fields)) if (key !== 'Title') expect(names.has(key)).toBe(true);
  });
});

withLibreOffice('fixture-standard.test')(
  "the fixture standard's 요약 formulas, recalculated by LibreOffice",
  () => {
    let dir: string;
    beforeAll(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-fixture-lo-'));
    });
    afterAll(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it('equal the engine overall and per group, its metric and grouping included', async () => {
      const example = exampleWorkbook(fixture, { rows: 30, seed: 11 });
      const file = path.join(dir, 'fixture.xlsx');
      await fs.writeFile(file, Buffer.from(await buildStandardWorkbook(fixture, example).xlsx.writeBuffer()));
      const out = recalculate(dir, [file]);
      const original = (await readWorkbookBuffer(await fs.readFile(file), 'fixture.xlsx')).snapshot;
      const recalculated = (
        await readWorkbookBuffer(await fs.readFile(path.join(out, 'fixture.xlsx')), 'out.xlsx')
      ).snapshot;
      const v = validateWorkbook(original, registered);
      expect(v.report.findings).toEqual([]);
      const layout = summarySheetLayout(standardSummarySource(standardLayout(fixture)), fixture);
      expect(layout.metrics).toContain('volunteers');
      expect(layout.rows.map((r) => r.label)).toEqual(
        expect.arrayContaining(['구청', '마을', '미기재(장소구분)']),
      );
      const { compared } = expectSummaryEqualsMetrics(recalculated, layout, v.report.metrics, fixture);
      expect(compared).toBe(layout.rows.length * fixture.metrics.length);
    }, 120_000);
  },
);
