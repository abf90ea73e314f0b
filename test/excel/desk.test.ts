// The city's consolidation workbook on the strict Office.js stand-in: made in a blank workbook,
// refreshed in place (twice = the same workbook; nothing duplicated), in a fixed number of syncs
// however many districts, cells a person typed into never written over by surprise, and never in a
// district's own workbook.
import { writeDesk, DESK_WRITTEN_KEY } from '../../src/excel/desk';
import { documentSettings } from '../../src/excel/settings';
import { defaultRunner } from '../../src/excel/host';
import { DESK_SHEETS, RATE_CHART_NAME, STATE_FILLS } from '../../src/workbook/desk';
import { newestStandard } from '../../src/standard';
import { installOfficeStandIn, seriesOf, type OfficeStandIn } from '../standins/office-js';
import { mixedCity } from '../city/mixed-city';
import { submission } from '../city/fixtures';
import { sheetsOf, workbookState } from './desk-fixtures';

let standin: OfficeStandIn;
beforeEach(() => {
  standin = installOfficeStandIn(globalThis, { sheets: [{ name: 'Sheet1' }] });
});
afterEach(() => standin.uninstall());

const write = (sheets = sheetsOf(), overwrite = false) =>
  writeDesk(defaultRunner, sheets, documentSettings(), { overwrite });
const sheet = (name: string) => standin.model.findSheet(name)!;
const text = (name: string, address: string) => standin.user.values(name, address)[0][0];

test('a blank workbook gets the four sheets: board, data book with formulas and a chart, composition, comparison', async () => {
  const sheets = sheetsOf();
  const result = await write(sheets);
  expect(result).toEqual({ kind: 'written', sheets: Object.values(DESK_SHEETS), syncs: 2 });
  expect(standin.model.sheets.map((s) => s.name)).toEqual(['Sheet1', ...Object.values(DESK_SHEETS)]);

  // The board: title with year, quarter and due date; states coloured by conditional formats.
  expect(text(DESK_SHEETS.board, 'A1')).toBe('2021년 4분기 제출 현황 — 기한 2021-12-31 (한국 시간), 지남');
  const board = sheet(DESK_SHEETS.board);
  expect(board.conditionalFormats.map((c) => c.fill).sort()).toEqual(
    Object.values(STATE_FILLS)
      .map((f) => f.toUpperCase())
      .sort(),
  );
  const late = board.conditionalFormats.find((c) => c.formula.endsWith('"지연 제출"'))!;
  expect(late.formula).toBe('=$D6="지연 제출"');
  // A late row shows the late fill in every column; an on-time row does not.
  const lateRow = [...board.rows].find(([, cols]) => cols.get(3)?.value === '지연 제출')![0];
  expect(standin.model.shownFill(board, lateRow, 0)).toBe(STATE_FILLS.late.toUpperCase());
  const onTimeRow = [...board.rows].find(([, cols]) => cols.get(3)?.value === '기한 내 제출')![0];
  expect(standin.model.shownFill(board, onTimeRow, 0)).toBe(STATE_FILLS['on-time'].toUpperCase());
  // File links: the cell says 열기 and links to the workbook.
  const linked = [...board.rows.values()].flatMap((cols) => [...cols.values()]).filter((c) => c.hyperlink);
  expect(linked.length).toBeGreaterThan(10);
  expect(linked.every((c) => c.value === '열기' && /^https:\/\//.test(c.hyperlink!.address))).toBe(true);

  // The data book: 총계 and 평균 are formulas over the district rows; the chart plots the three rates.
  const book = sheet(DESK_SHEETS.dataBook);
  const layout = sheets[1];
  const totalRow = layout.cells.findIndex((r) => r[0] === '총계');
  expect(layout.cells[totalRow + 1][0]).toBe('평균');
  const formulas = [...book.rows.get(totalRow)!.values()].filter((c) => c.formula).map((c) => c.formula);
  expect(formulas).toContain('=SUM(G5:G28)');
  expect(formulas.some((f) => f!.startsWith('=IF(K'))).toBe(true);
  expect(book.charts).toHaveLength(1);
  const chart = book.charts[0];
  expect(chart).toMatchObject({
    name: RATE_CHART_NAME,
    chartType: 'ColumnClustered',
    title: '2021년 자치구별 참석율',
  });
  const value = (r: number, c: number) => standin.model.cell(book, r, c)?.value ?? null;
  const series = seriesOf(chart, value);
  expect(series.map((s) => s.name)).toEqual(['참석율(종합)', '참석율(행정)', '참석율(민간)']);
  expect(series[0].values).toHaveLength(24);
  expect(chart.categories).toEqual({ row: 4, column: 0, rowCount: 24, columnCount: 1 });

  // The composition: below-threshold shares highlighted, the counts' 총계 summed by formulas.
  const comp = sheet(DESK_SHEETS.composition);
  expect(comp.conditionalFormats).toHaveLength(2);
  const shares = sheets[2].cells.map((r, i) => ({ r: i, civ: r[8] }));
  const low = shares.find(
    (x) => typeof x.civ === 'number' && x.civ < newestStandard.council.civilian.minShare,
  )!;
  const ok = shares.find((x) => typeof x.civ === 'number' && x.civ >= 0.75)!;
  expect(standin.model.shownFill(comp, low.r, 8)).toBe('#F8CBAD');
  expect(standin.model.shownFill(comp, ok.r, 8)).toBeNull();
  // The settings remember exactly what was written (for the next refresh).
  const written = standin.model.settings.get(DESK_WRITTEN_KEY) as { sheets: Record<string, unknown> };
  expect(Object.keys(written.sheets)).toEqual(Object.values(DESK_SHEETS));
});

test('refreshing twice gives the same workbook: same sheets, one chart, conditional formats not added again', async () => {
  const sheets = sheetsOf();
  await write(sheets);
  const once = workbookState(standin.model);
  const second = await write(sheets);
  expect(second).toMatchObject({ kind: 'written', syncs: 2 + 1 });
  expect(workbookState(standin.model)).toEqual(once);
  await write(sheets);
  expect(workbookState(standin.model)).toEqual(once);
  expect(sheet(DESK_SHEETS.dataBook).charts).toHaveLength(1);
});

test('a refresh with new submissions updates the same sheets and chart in place', async () => {
  const city = mixedCity();
  await write(sheetsOf(city));
  const chartId = sheet(DESK_SHEETS.dataBook).charts[0].id;
  const missing = city.register.districts.find(
    (d) =>
      d.dueYears.includes(2021) &&
      !city.submissions.some((s) => s.districtCode === d.code && s.year === 2021),
  )!;
  city.submissions.push(submission({ code: missing.code, quarter: 4, at: '2022-01-10T01:00:00Z' }));
  const before = standin.user.values(DESK_SHEETS.board, 'A6:D29').find((r) => r[0] === missing.name)!;
  expect(before[3]).toBe('미제출');
  expect(await write(sheetsOf(city))).toMatchObject({ kind: 'written' });
  const after = standin.user.values(DESK_SHEETS.board, 'A6:D29').find((r) => r[0] === missing.name)!;
  expect(after[3]).toBe('지연 제출');
  expect(sheet(DESK_SHEETS.dataBook).charts.map((c) => c.id)).toEqual([chartId]);
  expect(standin.model.sheets).toHaveLength(5);
});

test('syncs do not grow with the districts: 5 or 24 districts, made or refreshed', async () => {
  const counts: number[] = [];
  for (const n of [5, 24]) {
    standin.uninstall();
    standin = installOfficeStandIn(globalThis, { sheets: [{ name: 'Sheet1' }] });
    const sheets = sheetsOf(mixedCity(n));
    standin.resetStats();
    await write(sheets);
    counts.push(standin.stats().syncs);
    standin.resetStats();
    await write(sheets);
    counts.push(standin.stats().syncs);
  }
  expect(counts).toEqual([2, 3, 2, 3]);
});

test('a cell someone typed into stops the refresh before anything is written; overwrite is a choice', async () => {
  await write();
  standin.user.setValues(DESK_SHEETS.dataBook, 'D5', [[0.5]]);
  standin.user.setValues(DESK_SHEETS.board, 'I3', [['메모: 전화함']]);
  // Beside the table (past its last column) is the officer's own: never a conflict, never touched.
  standin.user.setValues(DESK_SHEETS.board, 'K3', [['내 칸']]);
  const before = workbookState(standin.model);
  const result = await write();
  expect(result.kind).toBe('conflicts');
  if (result.kind !== 'conflicts') return;
  expect(result.total).toBe(2);
  expect(result.conflicts).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ sheet: DESK_SHEETS.dataBook, cell: 'D5', now: '0.5' }),
      { sheet: DESK_SHEETS.board, cell: 'I3', wrote: '', now: '메모: 전화함' },
    ]),
  );
  expect(workbookState(standin.model)).toEqual(before);
  const forced = await write(sheetsOf(), true);
  expect(forced.kind).toBe('written');
  expect(text(DESK_SHEETS.board, 'I3')).toBeNull();
  expect(text(DESK_SHEETS.board, 'K3')).toBe('내 칸');
});

test('a note below the table is reported before a longer table would cover it', async () => {
  await write(sheetsOf(mixedCity(5)));
  // The 5-district data book ends by row 15; the 24-district one reaches below row 20.
  standin.user.setValues(DESK_SHEETS.dataBook, 'A20', [['내 메모']]);
  const result = await write(sheetsOf(mixedCity(24)));
  expect(result).toMatchObject({
    kind: 'conflicts',
    conflicts: [{ sheet: DESK_SHEETS.dataBook, cell: 'A20', wrote: '' }],
  });
  expect(text(DESK_SHEETS.dataBook, 'A20')).toBe('내 메모');
});

test('a sheet of the same name the desk did not make is not written over; text from SharePoint stays text', async () => {
  standin.uninstall();
  standin = installOfficeStandIn(globalThis, {
    sheets: [{ name: DESK_SHEETS.board, rows: [['손으로 만든 표']] }],
  });
  const result = await write();
  expect(result).toMatchObject({ kind: 'conflicts', conflicts: [{ sheet: DESK_SHEETS.board, cell: 'A1' }] });
  // A creator whose display name is a formula is written as text, never run.
  const city = mixedCity();
  city.submissions.forEach((s) => (s.createdBy.upn = null));
  city.submissions.forEach((s) => (s.createdBy.displayName = '=HYPERLINK("http://evil","x")'));
  await write(sheetsOf(city), true);
  const cells = [...sheet(DESK_SHEETS.board).rows.values()].flatMap((c) => [...c.values()]);
  const evil = cells.filter((c) => String(c.value).startsWith('=HYPERLINK'));
  expect(evil.length).toBeGreaterThan(0);
  expect(evil.every((c) => !c.formula && c.numberFormat === '@')).toBe(true);
});

test("a district's workbook is refused with a message in both languages, nothing written", async () => {
  standin.uninstall();
  standin = installOfficeStandIn(globalThis, { sheets: [{ name: '숙의공론장' }] });
  await expect(write()).rejects.toMatchObject({
    ko: expect.stringContaining('자치구 통합시트'),
    en: expect.stringContaining("a district's sheets"),
  });
  expect(standin.model.sheets.map((s) => s.name)).toEqual(['숙의공론장']);
});
