// `delib summary --check` on hand-made consolidated tables, generated here with exceljs: title
// rows, alias headers, rates as '81.7%', 0.817 and 81.7, a footnote — as city staff make them.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Finding } from '../../src/engine';
import { delib } from './support';

interface District {
  name: string;
  ao: number;
  ac: number;
  eo: number;
  ec: number;
  hours: number;
  meetings: number;
}

const DISTRICTS: District[] = [
  { name: '강남구', ao: 40, ac: 100, eo: 50, ec: 120, hours: 30, meetings: 20 },
  { name: '강동구', ao: 45, ac: 50, eo: 50, ec: 60, hours: 20, meetings: 10 },
  { name: '강북구', ao: 40, ac: 90, eo: 50, ec: 100, hours: 15, meetings: 10 },
  { name: '강서구', ao: 110, ac: 300, eo: 120, ec: 350, hours: 62.5, meetings: 40 },
  { name: '관악구', ao: 0, ac: 30, eo: 0, ec: 40, hours: 5, meetings: 5 },
];

const HEADERS = [
  '구분', // an alias of 자치구
  '참석률(종합)',
  '참석율 (행정)',
  '참석율(민간)',
  '참석인원(계)',
  '참석인원(행정)',
  '참석인원(민간)',
  '진행시간(종합)',
  '회의횟수',
  '진행시간\n(1회평균)',
];
const TITLE_ROWS = 1;
const FIRST = TITLE_ROWS + 2;
const TOTAL_ROW = FIRST + DISTRICTS.length;
const MEAN_ROW = TOTAL_ROW + 1;

type Row = (string | number)[];

/** A consistent table: 종합 rates as '81.7%' text, 행정 as fractions, 민간 as percent numbers. */
function consistentRows(): Row[] {
  const rate = (a: number, e: number) => (e === 0 ? null : a / e);
  const asText = (r: number | null) => (r === null ? '–' : `${(r * 100).toFixed(1)}%`);
  const asFraction = (r: number | null) => (r === null ? '-' : r);
  const asPercent = (r: number | null) => (r === null ? '' : Math.round(r * 1000) / 10);
  const rows: Row[] = DISTRICTS.map((d) => [
    d.name,
    asText(rate(d.ao + d.ac, d.eo + d.ec)),
    asFraction(rate(d.ao, d.eo)),
    asPercent(rate(d.ac, d.ec)),
    d.ao + d.ac,
    d.ao,
    d.ac,
    d.hours,
    d.meetings,
    Math.round((d.hours / d.meetings) * 10) / 10,
  ]);
  const sum = (f: (d: District) => number) => DISTRICTS.reduce((s, d) => s + f(d), 0);
  const mean = (f: (d: District) => number) => sum(f) / DISTRICTS.length;
  const meanRate = (f: (d: District) => number | null) => {
    const xs = DISTRICTS.map(f).filter((x): x is number => x !== null);
    return xs.reduce((s, x) => s + x, 0) / xs.length;
  };
  const hours = sum((d) => d.hours);
  const meetings = sum((d) => d.meetings);
  rows.push([
    '총계',
    '-',
    '-',
    '-',
    sum((d) => d.ao + d.ac),
    sum((d) => d.ao),
    sum((d) => d.ac),
    hours,
    meetings,
    Math.round((hours / meetings) * 10) / 10,
  ]);
  rows.push([
    '평균',
    asText(meanRate((d) => rate(d.ao + d.ac, d.eo + d.ec))),
    meanRate((d) => rate(d.ao, d.eo)),
    Math.round(meanRate((d) => rate(d.ac, d.ec)) * 1000) / 10,
    mean((d) => d.ao + d.ac),
    mean((d) => d.ao),
    mean((d) => d.ac),
    Math.round(mean((d) => d.hours) * 10) / 10,
    mean((d) => d.meetings),
    Math.round((hours / meetings) * 10) / 10,
  ]);
  return rows;
}

async function writeTable(file: string, rows: Row[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('설명').getCell('A1').value = '이 파일은 2021년 자치구별 집계입니다.';
  const ws = wb.addWorksheet('2021년 집계');
  ws.getCell('A1').value = '2021년 자치구별 숙의공론장 운영 현황';
  ws.getRow(TITLE_ROWS + 1).values = HEADERS;
  rows.forEach((r, i) => (ws.getRow(FIRST + i).values = r));
  ws.getCell(MEAN_ROW + 2, 1).value = '자료: 각 자치구 통합시트';
  await wb.xlsx.writeFile(file);
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-check-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function check(name: string, rows: Row[]): Promise<{ code: number; findings: Finding[] }> {
  const file = path.join(dir, name);
  await writeTable(file, rows);
  const run = await delib(['summary', '--check', '--format', 'json', file]);
  expect(run.err).toBe('');
  const report = JSON.parse(run.out);
  expect(report.tables).toEqual([{ sheet: '2021년 집계', headerRow: 2, rows: DISTRICTS.length + 3 }]);
  return { code: run.code, findings: report.findings };
}

const column = (header: string) => String.fromCharCode(65 + HEADERS.indexOf(header));

it('a consistent hand-made table has no findings', async () => {
  const { code, findings } = await check('consistent.xlsx', consistentRows());
  expect(findings).toEqual([]);
  expect(code).toBe(0);
});

// Each case plants one contradiction; it must be found at its cell. Other findings may only be on
// the planted row or on 총계/평균 (which then disagree with the rows above).
const planted: [string, string, number, string, (rows: Row[]) => void][] = [
  ['종합 ≠ 행정 + 민간 (count)', '참석인원(계)', FIRST + 1, 'attendees.total', (r) => (r[1][4] = 100)],
  [
    'pooled 종합 rate outside 행정..민간',
    '참석률(종합)',
    FIRST + 2,
    'attendanceRate.total',
    (r) => (r[2][1] = '95.0%'),
  ],
  // 1.5625 h written as 1.9 (a whole 2 would stand for 1.5–2.5, and agree).
  ['1회평균 ≠ hours ÷ meetings', '진행시간\n(1회평균)', FIRST + 3, 'hoursPerMeeting', (r) => (r[3][9] = 1.9)],
  [
    '종합 rate given where both groups are undefined',
    '참석률(종합)',
    FIRST + 4,
    'attendanceRate.total',
    (r) => {
      r[4][3] = '–';
    },
  ],
  ['총계 disagrees with the rows above', '회의횟수', TOTAL_ROW, 'meetings', (r) => (r[5][8] = 86)],
  [
    '평균 disagrees with the rows above',
    '참석율 (행정)',
    MEAN_ROW,
    'attendanceRate.official',
    // The mean of 0.8, 0.9, 0.8, 0.9167 is 0.854; 0.99 is off by more than its written precision.
    (r) => (r[6][2] = 0.99),
  ],
  ['평균 hours disagree', '진행시간(종합)', MEAN_ROW, 'hoursTotal', (r) => (r[6][7] = 30)],
];

it.each(planted)('finds: %s', async (label, header, row, field, mutate) => {
  const rows = consistentRows();
  mutate(rows);
  const { code, findings } = await check(`planted-${row}-${field}.xlsx`, rows);
  expect(code).toBe(1);
  const district = String(rows[row - FIRST][0]);
  const hit = findings.find((f) => f.cell === `${column(header)}${row}`);
  expect(hit).toMatchObject({
    code: 'summary-inconsistent',
    severity: 'error',
    sheet: '2021년 집계',
    row,
    field,
    value: district,
  });
  expect(hit!.message.ko.startsWith(`${district}: `)).toBe(true);
  expect(hit!.message.en.startsWith(`${district}: `)).toBe(true);
  for (const f of findings) expect([row, TOTAL_ROW, MEAN_ROW]).toContain(f.row);
});

it('suggests the fix where one is known', async () => {
  const rows = consistentRows();
  rows[1][4] = 100;
  rows[3][9] = 1.9;
  const { findings } = await check('fixes.xlsx', rows);
  expect(findings.find((f) => f.row === FIRST + 1 && f.field === 'attendees.total')?.fix).toBe(95);
  expect(findings.find((f) => f.row === FIRST + 3 && f.field === 'hoursPerMeeting')?.fix).toBe(1.6);
});

it('prints readable lines and exits 1; a file without a table exits 2', async () => {
  const rows = consistentRows();
  rows[2][1] = '95.0%';
  const file = path.join(dir, 'text.xlsx');
  await writeTable(file, rows);
  const run = await delib(['summary', '--check', file]);
  expect(run.code).toBe(1);
  expect(run.out).toContain(`2021년 집계!B${FIRST + 2}`);
  expect(run.out).toContain('강북구: 참석율(종합) 95.0%');

  const other = path.join(dir, 'other.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('s').getCell('A1').value = '표 없음';
  await wb.xlsx.writeFile(other);
  const none = await delib(['summary', '--check', other]);
  expect(none.code).toBe(2);
  expect(none.err).toContain('no consolidated table found');
});
