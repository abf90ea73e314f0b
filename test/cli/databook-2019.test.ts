// `summary --check` on a typed copy of a 2019-style data book (test/fixtures/databook-2019.csv): 25
// districts numbered in a `구분` column beside 자치구, rates as `81.7%`, counts as `1,204`, 총계 with
// `-` for its rates and its 1회평균, 평균 counts and hours printed as whole numbers (2,212 for
// 2,211.68). It holds exactly two real contradictions: 노원구's 1회평균 (2.8 for 173.5 h ÷ 77) and
// 마포구's pooled 참석율(종합) (91.2%, outside 행정 78.1% … 민간 84.6%).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { checkSummaryTable } from '../../src/engine/summary-check';
import type { Finding } from '../../src/engine';
import type { WorkbookSnapshot } from '../../src/engine/snapshot';
import { parseCsv, textRowsToSnapshot } from '../../src/workbook/text-table';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { delib } from './support';

const FILE = path.resolve(__dirname, '../fixtures/databook-2019.csv');
const HEADER_ROW = 3;
const rowOf = (district: string, rows: string[][]) =>
  rows.findIndex((r) => r[1] === district || r[0] === district) + 1;

let typed: string[][];
beforeAll(async () => {
  typed = parseCsv(await fs.readFile(FILE, 'utf8'));
});

const check = (rows: string[][]): Finding[] => checkSummaryTable(textRowsToSnapshot('2019', rows)).findings;
const brief = (fs: Finding[]) => fs.map((f) => [f.value, f.field, f.cell]);

describe('the 2019 data book as typed', () => {
  it('finds exactly its two real contradictions, named by district', () => {
    const findings = check(typed);
    expect(brief(findings)).toEqual([
      ['노원구', 'hoursPerMeeting', `K${rowOf('노원구', typed)}`],
      ['마포구', 'attendanceRate.total', `C${rowOf('마포구', typed)}`],
    ]);
    expect(findings[0].message.ko).toBe('노원구: 진행시간(1회평균) 2.8 ≠ 173.5 ÷ 77 = 2.25');
    expect(findings[0].fix).toBe(2.3);
    expect(findings[1].message.en).toBe(
      '마포구: Attendance rate (total) 91.2% is not between officials 78.1% and citizens 84.6%',
    );
    for (const f of findings) expect(f.code).toBe('summary-inconsistent');
  });

  it('the command line says the same, and names no row number as a district', async () => {
    const run = await delib(['summary', '--check', '--format', 'json', FILE]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.out);
    expect(report.tables).toEqual([{ sheet: 'databook-2019.csv', headerRow: HEADER_ROW, rows: 27 }]);
    expect(report.findings.map((f: Finding) => f.value)).toEqual(['노원구', '마포구']);
    const text = await delib(['summary', '--check', FILE]);
    expect(text.out).toContain('불일치 2건');
    expect(text.out).not.toMatch(/\b(9|13): /);
  });

  it('as an .xlsx with numbers, number formats and 총계/평균 written across merged 구분·자치구 cells', async () => {
    const snapshot = await asWorkbook(typed);
    expect(brief(checkSummaryTable(snapshot).findings)).toEqual([
      ['노원구', 'hoursPerMeeting', `K${rowOf('노원구', typed)}`],
      ['마포구', 'attendanceRate.total', `C${rowOf('마포구', typed)}`],
    ]);
  });

  it('with the two contradictions corrected, nothing', async () => {
    const fixed = corrected();
    expect(check(fixed)).toEqual([]);
    expect(checkSummaryTable(await asWorkbook(fixed)).findings).toEqual([]);
  });
});

/** The book with its two contradictions corrected (what the printer should have typed). */
function corrected(): string[][] {
  const rows = typed.map((r) => [...r]);
  rows[rowOf('노원구', rows) - 1][10] = '2.3';
  rows[rowOf('마포구', rows) - 1][2] = '82.7%';
  // The book's 평균 averaged the typed 91.2%; with 82.7% the mean is 81.8%.
  rows[rowOf('평균', rows) - 1][2] = '81.8%';
  return rows;
}

/** The same table as Excel holds it: figures as numbers with display formats. */
async function asWorkbook(rows: string[][]): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2019 데이터북');
  rows.forEach((r, i) => {
    r.forEach((text, c) => {
      const cell = ws.getCell(i + 1, c + 1);
      const n = Number(text.replace(/[,%]/g, ''));
      if (i + 1 <= HEADER_ROW || c < 2 || text === '' || text === '-' || Number.isNaN(n)) {
        cell.value = text === '' ? null : text;
      } else if (text.endsWith('%')) {
        cell.value = n / 100;
        cell.numFmt = '0.0%';
      } else {
        cell.value = n;
        cell.numFmt = text.includes('.') ? '0.0' : '#,##0';
      }
    });
    if (r[0] === '총계' || r[0] === '평균') ws.mergeCells(i + 1, 1, i + 1, 2);
  });
  return (await readWorkbookBuffer(Buffer.from(await wb.xlsx.writeBuffer()), 'book.xlsx')).snapshot;
}

describe('each kind of contradiction is still caught in the 2019 book', () => {
  // [what, row label, column index, new text, field]
  const cases: [string, string, number, string, string][] = [
    ['종합 ≠ 행정 + 민간 on a district row (exact)', '강남구', 5, '1,285', 'attendees.total'],
    ['a pooled rate outside its groups', '도봉구', 2, '70.0%', 'attendanceRate.total'],
    ['a district 1회평균 off by more than its rounding', '성동구', 10, '2.4', 'hoursPerMeeting'],
    ["a district's 1회평균 left as '-'", '송파구', 10, '-', 'hoursPerMeeting'],
    ['총계 meetings ≠ the sum of the rows', '총계', 9, '2,173', 'meetings'],
    ['총계 hours ≠ the sum of the rows', '총계', 8, '4730.0', 'hoursTotal'],
    ["총계's 1회평균 given, and wrong", '총계', 10, '2.9', 'hoursPerMeeting'],
    ['평균 attendees off by more than a whole number rounds', '평균', 5, '2,214', 'attendees.total'],
    ['평균 hours off by more than a whole number rounds', '평균', 8, '190', 'hoursTotal'],
    ['평균 meetings', '평균', 9, '87', 'meetings'],
    ['평균 rate', '평균', 3, '81.9%', 'attendanceRate.official'],
    ['평균 1회평균 ≠ 총계 hours ÷ 총계 meetings', '평균', 10, '2.4', 'hoursPerMeeting'],
  ];

  it.each(cases)('%s', (_what, label, column, text, field) => {
    const rows = corrected();
    const at = rowOf(label, rows);
    rows[at - 1][column] = text;
    const findings = check(rows);
    const letter = String.fromCharCode(65 + column);
    expect(findings.find((f) => f.cell === `${letter}${at}`)).toMatchObject({ field, value: label });
    // Only the changed row, or the 총계/평균 rows that now disagree with it.
    for (const f of findings) expect([at, rowOf('총계', rows), rowOf('평균', rows)]).toContain(f.row);
  });

  it('each figure is read at the precision it is written with', () => {
    const rows = corrected();
    const mean = rows[rowOf('평균', rows) - 1];
    // 평균 참석인원(종합) is 55,292 ÷ 25 = 2,211.68.
    expect([mean[5], mean[8], mean[9]]).toEqual(['2,212', '188', '85']);
    mean[5] = '2,211.7';
    expect(check(rows)).toEqual([]);
    for (const wrong of ['2,211.5', '2,211', '2,213']) {
      mean[5] = wrong;
      expect(brief(check(rows))).toEqual([['평균', 'attendees.total', `F${rowOf('평균', rows)}`]]);
    }
  });
});
