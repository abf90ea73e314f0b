// Inserting or repairing the standard sheets through Office.js: what is missing is added, what a
// district typed stays exactly as it was.
import { newestStandard } from '../../src/standard';
import { standard2021_1 } from '../../src/standard/2021.1';
import { standardLayout } from '../../src/workbook';
import { FORUMS, INFO, LETTERS, forumRow, workbook } from './fixtures';
import { type Booted, boot } from './helpers';

let booted: Booted | null = null;
afterEach(async () => {
  await booted?.session.dispose();
  booted?.standin.uninstall();
  booted = null;
});

const layout = standardLayout(standard2021_1);
const SUMMARY = standard2021_1.sheets.summary.name;

test('into an empty workbook: the four sheets of the newest standard, headers, tables, hints, frozen headers, 요약 formulas', async () => {
  const layout = standardLayout(newestStandard);
  booted = await boot({ sheets: [{ name: 'Sheet1', rows: [['메모']] }] });
  const { session, standin } = booted;
  expect(session.getState().report?.findings.map((f) => f.code)).toContain('missing-sheet');
  await session.insertStandardSheets();
  expect(standin.user.sheetNames()).toEqual(['Sheet1', INFO, FORUMS, layout.council.name, SUMMARY]);
  expect(standin.user.values('Sheet1', 'A1')).toEqual([['메모']]);
  const forums = standin.model.findSheet(FORUMS)!;
  expect(forums.tables.map((t) => t.name)).toEqual(['tblForums']);
  expect(forums.freeze.rows).toBe(layout.forums.headerRow);
  const last = layout.forums.columns[layout.forums.columns.length - 1].letter;
  const header = standin.user.values(
    FORUMS,
    `A${layout.forums.headerRow}:${last}${layout.forums.headerRow}`,
  )[0];
  expect(header).toEqual(layout.forums.columns.map((c) => c.header));
  const typeList = forums.validations.find((v) => v.box.column === 3)?.rule as { list: { source: string } };
  expect(typeList.list.source.split(',')).toEqual(newestStandard.enums.forumType.map((t) => t.value));
  // The new sheets say which version they follow, so the engine checks them against it.
  const version = layout.info.rows.find((r) => r.preset !== undefined)!;
  expect(standin.user.values(INFO, `B${version.row}`)).toEqual([[newestStandard.version]]);
  const state = session.getState();
  expect(state.report?.standard).toBe(newestStandard.version);
  expect(state.report?.findings.some((f) => f.code === 'missing-sheet')).toBe(false);
  expect(state.report?.findings.some((f) => f.code === 'missing-column')).toBe(false);
  expect(state.report?.stats.rows).toBe(0);
  expect(standin.user.cell(SUMMARY, 'B5')?.formula).toMatch(/^=/);
  // The stand-in knows every function the layout uses (a blank 연도 still gives Excel's #VALUE!).
  const summary = standin.model.findSheet(SUMMARY)!;
  const errors = [...summary.rows.values()]
    .flatMap((cols) => [...cols.values()])
    .filter((c) => c.error === '#NAME?');
  expect(errors).toEqual([]);
});

test('repairing a district copy: data untouched, missing header and computed formulas added, 요약 agrees with the engine', async () => {
  const wb = workbook(12);
  const forumSheet = wb.sheets.find((s) => s.name === FORUMS)!;
  const header = forumSheet.rows![layout.forums.headerRow - 1];
  const noteColumn = header.indexOf('비고');
  // The district deleted 비고 and typed over a computed cell, and one row lost its formulas.
  for (const row of forumSheet.rows!) if (row) row.splice(noteColumn, 1);
  const totalColumn = LETTERS.attendedTotal.charCodeAt(0) - 65;
  forumSheet.rows![forumRow(2) - 1][totalColumn] = 99;
  forumSheet.rows![forumRow(5) - 1][totalColumn] = '';
  booted = await boot(wb);
  const { session, standin } = booted;
  const before = standin.user.values(FORUMS, `A1:L${forumRow(11)}`);
  await session.insertStandardSheets();
  const after = standin.user.values(FORUMS, `A1:L${forumRow(11)}`);
  const expected = before.map((r) => [...r]);
  expected[forumRow(5) - 1][totalColumn] = 12; // the restored formula's result (4 + 8)
  expect(after).toEqual(expected);
  expect(standin.user.cell(FORUMS, `${LETTERS.attendedTotal}${forumRow(5)}`)?.formula).toMatch(/^=IF\(/);
  expect(standin.user.values(FORUMS, `M${layout.forums.headerRow}`)).toEqual([['비고']]);
  const report = session.getState().report!;
  expect(report.findings.filter((f) => f.code === 'missing-column')).toEqual([]);
  // 요약's native formulas (evaluated by the stand-in) give the engine's figures.
  const overall = report.metrics.overall;
  const row = standin.user.values(SUMMARY, 'A5:M5')[0];
  const metricAt = (key: string) => row[1 + standard2021_1.metrics.findIndex((m) => m.key === key)];
  expect(metricAt('meetings')).toBe(overall.meetings);
  expect(metricAt('hoursTotal')).toBe(overall.hoursTotal);
  expect(metricAt('attendees.total')).toBe(overall.attendees.total);
  expect(metricAt('attendanceRate.total')).toBeCloseTo(overall.attendanceRate.total!, 12);
  const q1 = standin.user.values(SUMMARY, 'A6:M6')[0];
  expect(q1[1]).toBe(report.metrics.byQuarter['1'].meetings);
});

test('a 2021.1 copy is repaired as 2021.1: no 2021.2 column, its list, and 표준버전 says so', async () => {
  booted = await boot(workbook(3));
  const { session, standin } = booted;
  expect(session.getState().report?.standard).toBe('2021.1');
  await session.insertStandardSheets();
  const headerRow = standin.user.values(FORUMS, `A${layout.forums.headerRow}:Z${layout.forums.headerRow}`)[0];
  expect(headerRow.filter((h) => h !== null)).toEqual(layout.forums.columns.map((c) => c.header));
  const forums = standin.model.findSheet(FORUMS)!;
  const typeList = forums.validations.find((v) => v.box.column === 3)?.rule as { list: { source: string } };
  expect(typeList.list.source.split(',')).toEqual(standard2021_1.enums.forumType.map((t) => t.value));
  const version = layout.info.rows.find((r) => r.preset !== undefined)!;
  expect(standin.user.values(INFO, `B${version.row}`)).toEqual([['2021.1']]);
  expect(session.getState().report).toMatchObject({ standard: '2021.1', valid: true });
});

test('a 2021.2 copy is repaired as 2021.2: a missing 관련 의제 is added, a typed 표준버전 stays as typed', async () => {
  const v2 = standardLayout(newestStandard);
  const wb = workbook(3);
  const info = wb.sheets.find((s) => s.name === INFO)!;
  const versionRow = v2.info.rows.find((r) => r.preset !== undefined)!.row;
  // Typed by hand into a General cell, Excel keeps 2021.2 as a number: still read as the version.
  info.rows![versionRow - 1] = ['표준버전', ' 2021.2 '];
  const forums = wb.sheets.find((s) => s.name === FORUMS)!;
  forums.rows![v2.forums.headerRow - 1] = [...forums.rows![v2.forums.headerRow - 1], '단계', '진행방식'];
  booted = await boot(wb);
  const { session, standin } = booted;
  expect(session.getState().report?.standard).toBe('2021.2');
  await session.insertStandardSheets();
  const last = v2.forums.columns[v2.forums.columns.length - 1].letter;
  expect(standin.user.values(FORUMS, `${last}${v2.forums.headerRow}`)).toEqual([['관련 의제']]);
  expect(standin.user.values(INFO, `B${versionRow}`)).toEqual([[2021.2]]);
  const typeList = standin.model.findSheet(FORUMS)!.validations.find((v) => v.box.column === 3)?.rule as {
    list: { source: string };
  };
  expect(typeList.list.source.split(',')).toContain('성과공유회');
  expect(session.getState().report?.findings.filter((f) => f.code === 'missing-column')).toEqual([]);
});
