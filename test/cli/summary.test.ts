import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SummaryTable } from '../../src/engine/summary';
import { writeStandardWorkbook } from '../../src/xlsx/write';
import { exampleWorkbook, serialOf } from '../../src/workbook/example';
import { newestStandard } from '../../src/standard';
import { readWorkbookFile } from '../../src/xlsx/read';
import { delib, expectNoStack, samples } from './support';

const clean = path.join(samples, 'gangseo-2021-q1.xlsx');
const messy = path.join(samples, 'dobong-2021-q2-messy.xlsx');

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-summary-'));
  // Two submissions of 마포구 2021: June (fewer rows) and December; given in both orders below.
  const june = exampleWorkbook(newestStandard, { rows: 24 });
  june.info.quarter = 2;
  june.info.reportDate = serialOf(2021, 6, 28);
  june.forums = june.forums.filter((f) => (f.date as number) <= serialOf(2021, 6, 28));
  await writeStandardWorkbook(path.join(dir, 'mapo-june.xlsx'), newestStandard, june);
  await writeStandardWorkbook(
    path.join(dir, 'mapo-dec.xlsx'),
    newestStandard,
    exampleWorkbook(newestStandard),
  );
  await writeStandardWorkbook(
    path.join(dir, 'mapo-2020.xlsx'),
    newestStandard,
    exampleWorkbook(newestStandard, { year: 2020 }),
  );
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('delib summary', () => {
  it('reproduces the clean sample expected metrics as the city table row', async () => {
    const run = await delib(['summary', '--format', 'json', clean]);
    expect(run.code).toBe(0);
    const table: SummaryTable = JSON.parse(run.out);
    const expected = JSON.parse(
      await fs.readFile(path.join(samples, 'gangseo-2021-q1.expected.json'), 'utf8'),
    ).metrics;
    expect(table.rows).toHaveLength(1);
    const row = table.rows[0];
    expect(row).toMatchObject({
      district: '강서구',
      districtCode: '11500',
      year: 2021,
      quarter: 1,
      meetings: 40,
    });
    expect(row.hoursTotal).toBeCloseTo(expected.hoursTotal, 9);
    expect(row.hoursPerMeeting!).toBeCloseTo(expected.hoursPerMeeting, 9);
    expect(row.attendees).toEqual(expected.attendees);
    expect(row.expected).toEqual(expected.expected);
    for (const g of ['total', 'official', 'civilian'] as const) {
      expect(row.attendanceRate[g]!).toBeCloseTo(expected.attendanceRate[g], 9);
    }
    expect(table.total.attendanceRate).toEqual({ total: null, official: null, civilian: null });
    expect(Object.keys(table)).toEqual(['year', 'quarter', 'rows', 'missing', 'total', 'mean', 'notes']);
    expect([table.year, table.quarter, table.missing]).toEqual([2021, null, []]);
  });

  it('prints a readable table: 가나다 order, 총계 with - rates, 평균, display rounding', async () => {
    const run = await delib(['summary', messy, clean]);
    // The messy sample has errors: the table is still made, with a note, and the exit code says so.
    expect(run.code).toBe(1);
    const lines = run.out.split('\n');
    expect(lines[0]).toMatch(/^자치구\s+연도\s+분기\s+참석율\(종합\)/);
    // Each row says its year and the quarters its cumulative figures cover.
    expect(lines[2]).toMatch(/^강서구\s+2021\s+1분기\s+87\.2%/);
    expect(lines[3]).toMatch(/^도봉구\s+2021\s+1~2분기\s/);
    expect(lines[4]).toMatch(/^총계\s+2021\s+-\s+-\s+-/);
    expect(lines[5]).toMatch(/^평균\s+2021\s/);
    expect(lines[2]).toContain('87.2%');
    expect(lines[2]).toContain('62.5');
    expect(run.out).toContain('오류 8건');
    expect(run.out).not.toMatch(/위원\d\d/);
  });

  it('--lang en prints English headers and district names', async () => {
    const run = await delib(['summary', '--lang', 'en', clean]);
    expect(run.out.split('\n')[0]).toMatch(/^District\s+Year\s+Quarter\s+Attendance rate \(total\)/);
    expect(run.out).toMatch(/\nGangseo-gu\s+2021\s+Q1\s+87\.2%/);
    expect(run.out).toMatch(/\nTotal\s+2021\s+Q1\s+-/);
  });

  it('the later 작성일 wins for the same district-year, in either order, and says so', async () => {
    for (const files of [
      ['mapo-june.xlsx', 'mapo-dec.xlsx'],
      ['mapo-dec.xlsx', 'mapo-june.xlsx'],
    ]) {
      const run = await delib(['summary', '--format', 'json', ...files], dir);
      expect(run.code).toBe(0);
      const table: SummaryTable = JSON.parse(run.out);
      expect(table.rows).toHaveLength(1);
      expect(table.rows[0]).toMatchObject({ district: '마포구', quarter: 4, meetings: 40 });
      expect(table.notes).toHaveLength(1);
      expect(table.notes[0].ko).toContain('mapo-dec.xlsx(작성일 2021-12-20)');
      expect(table.notes[0].en).toContain('the later report date wins');
    }
    const text = await delib(['summary', 'mapo-june.xlsx', 'mapo-dec.xlsx'], dir);
    expect(text.out).toContain('작성일이 늦은 mapo-dec.xlsx');
  });

  it.each(['csv', 'md', 'xlsx'])('--format %s --out writes a table that passes --check', async (format) => {
    const out = path.join(dir, `city.${format}`);
    const run = await delib(
      ['summary', '--format', format, '--out', out, clean, messy, 'mapo-dec.xlsx'],
      dir,
    );
    expect(run.code).toBe(1);
    expect(run.out).toContain('3');
    const check = await delib(['summary', '--check', out]);
    expect(check.err).toBe('');
    expect(check.out).toContain('불일치 0건');
    expect(check.code).toBe(0);
  });

  it('CSV and Markdown go to stdout without --out', async () => {
    const csv = await delib(['summary', '--format', 'csv', clean]);
    expect(csv.out.split('\r\n')[0]).toBe(
      '자치구,연도,분기,참석율(종합),참석율(행정),참석율(민간),참석인원(종합),참석인원(행정),참석인원(민간),진행시간(종합),회의횟수(종합),진행시간(1회평균)',
    );
    expect(csv.out.split('\r\n')[1]).toBe('강서구,2021,1분기,87.2%,91.7%,85.7%,410,110,300,62.5,40,1.6');
    const md = await delib(['summary', '--format', 'md', clean]);
    expect(md.out.split('\n')[3]).toBe(
      '| 총계 | 2021 | 1분기 | - | - | - | 410 | 110 | 300 | 62.5 | 40 | 1.6 |',
    );
  });

  it('never adds different years into one 총계: refuses with one line, or keeps --year', async () => {
    const mixed = await delib(['summary', 'mapo-2020.xlsx', 'mapo-dec.xlsx'], dir);
    expect(mixed.code).toBe(2);
    expect(mixed.out).toBe('');
    expect(mixed.err).toBe(
      '✗ 연도가 다른 자료는 한 표(총계)로 합치지 않습니다: 2020년(mapo-2020.xlsx), 2021년(mapo-dec.xlsx). 한 해를 고르세요 (--year). / ' +
        'figures of different years are never added into one table: 2020 (mapo-2020.xlsx), 2021 (mapo-dec.xlsx). Choose one year (--year).\n',
    );
    const one = await delib(
      ['summary', '--year', '2020', '--format', 'json', 'mapo-2020.xlsx', 'mapo-dec.xlsx'],
      dir,
    );
    expect(one.code).toBe(0);
    const table: SummaryTable = JSON.parse(one.out);
    expect(table.year).toBe(2020);
    expect(table.rows.map((r) => [r.district, r.year, r.quarter])).toEqual([['마포구', 2020, 4]]);
    expect(table.notes[0].en).toContain('left out, it is of 2021, not 2020');
    for (const bad of ['20', '1999', 'next'])
      expect((await delib(['summary', '--year', bad, 'mapo-dec.xlsx'], dir)).err).toContain(
        '--year is a year 2018–2100',
      );
  });

  it('the .xlsx carries year and quarter columns too', async () => {
    const out = path.join(dir, 'years.xlsx');
    expect(
      (await delib(['summary', '--format', 'xlsx', '--out', out, 'mapo-june.xlsx', clean], dir)).code,
    ).toBe(0);
    const { snapshot } = await readWorkbookFile(out);
    const rows = snapshot.sheets[0].rows.map((r) => r.slice(0, 4).map((c) => c?.value ?? null));
    expect(rows.slice(0, 5)).toEqual([
      ['자치구', '연도', '분기', '참석율(종합)'],
      ['강서구', 2021, '1분기', expect.any(Number)],
      ['마포구', 2021, '1~2분기', expect.any(Number)],
      ['총계', 2021, null, '-'],
      ['평균', 2021, null, expect.any(Number)],
    ]);
  });

  it('usage errors and bad files', async () => {
    expect((await delib(['summary'])).code).toBe(2);
    expect((await delib(['summary', '--format', 'xlsx', clean])).err).toContain('--out');
    expect((await delib(['summary', '--format', 'pdf', clean])).code).toBe(2);
    expect((await delib(['summary', '--check', clean, messy])).code).toBe(2);
    const bad = await delib(['summary', 'nope.xlsx', clean], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('✗ nope.xlsx: 파일이 없습니다 / file not found\n');
    expect(bad.out).toContain('강서구');
    const unwritable = await delib([
      'summary',
      '--format',
      'csv',
      '--out',
      path.join(dir, 'no', 'such', 'dir.csv'),
      clean,
    ]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.err).toContain('cannot write');
    expectNoStack(unwritable);
  });
});
