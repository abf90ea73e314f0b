import { validateWorkbook, type Finding } from '../../src/engine';
import { standard2021_1 } from '../../src/standard/2021.1';
import { FORUM_HEADERS, INFO, council, forum, resetIds, workbook, type BuildOptions } from './build';

beforeEach(resetIds);

const findingsOf = (opts: BuildOptions): Finding[] => validateWorkbook(workbook(opts)).report.findings;
const withCode = (opts: BuildOptions, code: string) => findingsOf(opts).filter((f) => f.code === code);

describe('a clean workbook', () => {
  it('has no findings at all', () => {
    const report = validateWorkbook(workbook({ forums: [forum(), forum(), forum()] })).report;
    expect(report.findings).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.stats).toEqual({ rows: 3, errors: 0, warnings: 0, infos: 0 });
    expect(report.info).toMatchObject({
      district: '강서구',
      districtCode: '11500',
      year: 2021,
      quarter: 2,
      reportDate: '2021-06-28',
    });
  });
});

describe('structure', () => {
  it('missing-sheet for each absent required sheet, and nothing else about it', () => {
    const f = withCode({ omitSheets: ['협치회의 구성'] }, 'missing-sheet');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', sheet: '협치회의 구성', cell: null });
  });
  it('finds sheets with surrounding and full-width differences', () => {
    const snap = workbook({ forums: [forum()] });
    snap.sheets[1].name = ' 숙의공론장 ';
    snap.sheets[2].name = '협치회의\u3000구성';
    expect(validateWorkbook(snap).report.findings.filter((f) => f.code === 'missing-sheet')).toEqual([]);
  });
  it('missing-column for a required header, not for an optional one', () => {
    const headers = FORUM_HEADERS.filter((h) => h !== '대상인원(민간)' && h !== '비고');
    const f = withCode({ headers, forums: [forum()] }, 'missing-column');
    expect(f.map((x) => x.field)).toEqual(['expectedCivilian']);
  });
  it('duplicate-column and extra-column', () => {
    const headers = [...FORUM_HEADERS, '유형', '담당자'];
    expect(withCode({ headers, forums: [forum()] }, 'duplicate-column')).toMatchObject([
      { field: 'type', cell: 'N1' },
    ]);
    expect(withCode({ headers, forums: [forum()] }, 'extra-column')).toMatchObject([
      { severity: 'info', value: '담당자', cell: 'O1' },
    ]);
  });
  it('matches headers across spaces, line breaks, full-width parentheses, aliases, order and title rows', () => {
    const headers = [
      '연 번',
      '일자',
      '숙의공론장\n명칭',
      '유형',
      '진행시간\n(시간)',
      '대상인원（행정）',
      '대상인원 (민간)',
      '참석인원(행정)',
      '참석인원(민간) ',
      '참석인원(계)',
      '참석률(%)',
      '주관',
      '비고',
    ];
    const keys = standard2021_1.sheets.forums.columns.map((c) => c.key);
    const opts = {
      headers,
      keys: [...keys.slice(0, 4), 'hours', ...keys.slice(6, 12), 'host', 'note'],
      titleRows: [['2021년 숙의공론장 운영 현황'], []],
      forums: [forum()],
    };
    const report = validateWorkbook(workbook(opts)).report;
    expect(report.findings).toEqual([]);
    expect(report.stats.rows).toBe(1);
  });
  it('without a header row within the first 10 rows, every required column is missing', () => {
    const opts = { titleRows: Array.from({ length: 10 }, () => ['제목']), forums: [forum()] };
    expect(withCode(opts, 'missing-column').length).toBe(
      standard2021_1.sheets.forums.columns.filter((c) => c.required).length,
    );
  });
});

describe('기본정보', () => {
  it.each([
    ['강서', '강서구'],
    ['서울특별시 강서구', '강서구'],
    ['중구', '중구'],
    ['중', '중구'],
  ])('reads the district %s as %s', (text, name) => {
    expect(validateWorkbook(workbook({ info: { ...INFO, 자치구: text } })).report.info.district).toBe(name);
  });
  it.each([1, '1', '1분기', '1/4분기', 'Q1', '1Q'])('reads the quarter %p as 1', (q) => {
    expect(validateWorkbook(workbook({ info: { ...INFO, 분기: q } })).report.info.quarter).toBe(1);
  });
  it('missing-info for blank or unreadable required values, not for a blank phone', () => {
    const info = { ...INFO, 자치구: '강서시', 작성자: '', 연락처: null };
    expect(withCode({ info }, 'missing-info').map((f) => f.field)).toEqual(['district', 'author']);
  });
  it('a year outside 2018–2100 is a constraint-error; a malformed phone a type-error', () => {
    expect(withCode({ info: { ...INFO, 연도: 2017 } }, 'constraint-error')).toMatchObject([
      { field: 'year', cell: 'B2' },
    ]);
    expect(withCode({ info: { ...INFO, 연락처: '전화 주세요' } }, 'type-error')).toMatchObject([
      { field: 'phone' },
    ]);
  });
});

describe('숙의공론장 values', () => {
  it('required: a blank count is not zero', () => {
    const f = withCode({ forums: [forum(), forum({ expectedCivilian: null })] }, 'required');
    expect(f).toMatchObject([{ row: 3, field: 'expectedCivilian', cell: 'H3' }]);
  });
  it('skips blank rows and trailing blank rows', () => {
    const report = validateWorkbook(workbook({ forums: [forum(), {}, forum(), {}, {}] })).report;
    expect(report.stats.rows).toBe(2);
    expect(report.findings).toEqual([]);
  });
  it.each([
    ['12명', 12],
    ['1,204', 1204],
    ['１２', 12],
    [' 7 ', 7],
  ])('reads the count %p', (text, n) => {
    const v = validateWorkbook(
      workbook({ forums: [forum({ expectedCivilian: text, attendedCivilian: 0 })] }),
    );
    expect(v.forums[0].expectedCivilian).toBe(n);
    expect(v.report.findings).toEqual([]);
  });
  it.each(['1,2', '세명', 'abc', true])('type-error for the count %p, never a silent zero', (text) => {
    const v = validateWorkbook(workbook({ forums: [forum({ attendedOfficial: text })] }));
    expect(v.report.findings).toMatchObject([
      { code: 'type-error', field: 'attendedOfficial', row: 2, cell: 'I2' },
    ]);
    expect(v.forums[0].attendedOfficial).toBeNull();
  });
  it.each([
    [45352, '2024-03-01'],
    ['2021-03-05', '2021-03-05'],
    ['2021.3.5', '2021-03-05'],
    ['2021. 3. 5.', '2021-03-05'],
    ['21.03.05', '2021-03-05'],
    ['2021년 3월 5일', '2021-03-05'],
  ])('reads the date %p', (value, iso) => {
    const info = { ...INFO, 연도: Number(iso.slice(0, 4)), 작성일: `${iso.slice(0, 4)}-12-31` };
    const v = validateWorkbook(workbook({ info, forums: [forum({ date: value })] }));
    expect(v.report.findings).toEqual([]);
    expect(v.forums[0].date).toBe(Math.round((Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86400000));
  });
  it.each(['2021-02-30', '3월 5일', '2021/13/01'])('type-error for the date %p', (value) => {
    expect(withCode({ forums: [forum({ date: value })] }, 'type-error')).toMatchObject([{ field: 'date' }]);
  });
  it.each([
    ['1.5', 1.5],
    ['1시간 30분', 1.5],
    ['90분', 1.5],
    ['2시간', 2],
    [{ value: 0.0625, numberFormat: 'h:mm' }, 1.5],
  ])('reads the hours %p', (value, hours) => {
    const v = validateWorkbook(workbook({ forums: [forum({ hours: value as never })] }));
    expect(v.forums[0].hours).toBeCloseTo(hours, 10);
    expect(v.report.findings).toEqual([]);
  });
  it('enum-error with the intended value as the fix for near misses, and none for a stranger', () => {
    const f = withCode(
      {
        forums: [
          forum({ type: '워킹 그룹' }),
          forum({ type: '워크샵' }),
          forum({ type: '워킹그룹\u3000' }),
          forum({ type: '회식' }),
        ],
      },
      'enum-error',
    );
    expect(f.map((x) => x.fix)).toEqual(['워킹그룹', '워크숍', '워킹그룹', null]);
    expect(f[0].message.ko).toContain('워킹그룹');
  });
  it('accepts every forum type of the standard', () => {
    const forums = standard2021_1.enums.forumType.map((t) => forum({ type: t.value }));
    expect(findingsOf({ forums })).toEqual([]);
  });
  it.each([
    ['hours', 0],
    ['hours', 25],
    ['expectedOfficial', -1],
    ['attendedCivilian', 2.5],
    ['id', 0],
    ['name', '가'.repeat(201)],
  ])('constraint-error for %s = %p', (field, value) => {
    expect(withCode({ forums: [forum({ [field]: value })] }, 'constraint-error')).toMatchObject([{ field }]);
  });
  it('a value out of its bounds does not move the figures', () => {
    const v = validateWorkbook(workbook({ forums: [forum({ expectedCivilian: -7 }), forum({ hours: 25 })] }));
    expect(v.forums[0].expectedCivilian).toBeNull();
    expect(v.report.metrics.overall.expected.civilian).toBe(10);
    expect(v.report.metrics.overall.hoursTotal).toBe(1.5);
  });
  it('no constraint-error at the bounds', () => {
    expect(
      findingsOf({
        forums: [forum({ hours: 8, expectedOfficial: 0, attendedOfficial: 0, name: '가'.repeat(200) })],
      }),
    ).toEqual([]);
  });
  it('long-meeting above 8 hours, and not at 8', () => {
    expect(withCode({ forums: [forum({ hours: 8 }), forum({ hours: 8.5 })] }, 'long-meeting')).toMatchObject([
      { row: 3, severity: 'warning' },
    ]);
  });
  it('formula-error for an Excel error value', () => {
    expect(
      withCode({ forums: [forum({ hours: { value: null, error: '#DIV/0!' } })] }, 'formula-error'),
    ).toMatchObject([{ field: 'hours', value: '#DIV/0!', severity: 'error' }]);
  });
});

describe('숙의공론장 rows and table', () => {
  it('date-out-of-year and date-after-report', () => {
    const f = findingsOf({
      forums: [forum({ date: '2020-12-31' }), forum({ date: '2021-06-29' }), forum({ date: '2021-06-28' })],
    });
    expect(f.map((x) => [x.code, x.row])).toEqual([
      ['date-out-of-year', 2],
      ['date-after-report', 3],
    ]);
  });
  it('attendance-without-expected once per row; attendance-above-expected per group; neither on equality', () => {
    const forums = [
      forum({ expectedOfficial: 0, expectedCivilian: 0, attendedOfficial: 2, attendedCivilian: 5 }),
      forum({ expectedOfficial: 2, attendedOfficial: 3, expectedCivilian: 5, attendedCivilian: 6 }),
      forum({ expectedOfficial: 3, attendedOfficial: 3, expectedCivilian: 0, attendedCivilian: 0 }),
    ];
    const f = findingsOf({ forums });
    expect(f.map((x) => [x.code, x.row, x.field])).toEqual([
      ['attendance-without-expected', 2, null],
      ['attendance-above-expected', 3, 'attendedOfficial'],
      ['attendance-above-expected', 3, 'attendedCivilian'],
    ]);
  });
  it('duplicate-id on the repeat, pointing at the first; id-gap where numbering jumps forward only', () => {
    const forums = [
      forum({ id: 1 }),
      forum({ id: 2 }),
      forum({ id: 2 }),
      forum({ id: 200 }),
      forum({ id: 4 }),
      forum({ id: 5 }),
    ];
    const f = findingsOf({ forums });
    expect(f.map((x) => [x.code, x.row])).toEqual([
      ['duplicate-id', 4],
      ['id-gap', 5],
    ]);
    expect(f[0].message.en).toContain('row 3');
  });
  it('id-gap when numbering does not start at 1, and not for 1, 2, 3', () => {
    expect(withCode({ forums: [forum({ id: 3 })] }, 'id-gap')).toHaveLength(1);
    resetIds();
    expect(withCode({ forums: [forum(), forum(), forum()] }, 'id-gap')).toHaveLength(0);
  });
  it('duplicate-row for the same date, name and type', () => {
    const same = { date: '2021-03-05', name: '분과회의 1차', type: '분과회의' };
    const f = withCode(
      { forums: [forum(same), forum({ ...same, type: '워크숍' }), forum(same)] },
      'duplicate-row',
    );
    expect(f).toMatchObject([{ row: 4, severity: 'warning' }]);
  });
  it('computed-overwritten for a typed total or rate that differs, not for formulas or matching values', () => {
    const forums = [
      forum({ attendedTotal: 999 }),
      forum({ attendedTotal: 11, attendanceRate: 78.6 }),
      forum({ attendedTotal: { value: 5, formula: '=I4+J4' }, attendanceRate: 0.7857 }),
      forum({ attendanceRate: 50 }),
    ];
    const f = withCode({ forums }, 'computed-overwritten');
    expect(f.map((x) => [x.row, x.field])).toEqual([
      [2, 'attendedTotal'],
      [5, 'attendanceRate'],
    ]);
  });
  it('an error in a computed cell caused by an unreadable input is not reported twice', () => {
    const forums = [
      forum({
        attendedOfficial: { value: null, error: '#REF!' },
        attendedTotal: { value: null, error: '#REF!', formula: '=I2+J2' },
      }),
    ];
    expect(findingsOf({ forums }).map((x) => x.field)).toEqual(['attendedOfficial']);
  });
});

describe('협치회의 구성', () => {
  it('composition-civilian below 70%, not at 70%', () => {
    const low = council(10, (i) => (i < 6 ? '민간' : '행정'));
    const ok = council(10, (i) => (i < 7 ? '민간' : '행정'));
    expect(withCode({ councilRows: low }, 'composition-civilian')).toMatchObject([
      { value: '60.0%', severity: 'warning' },
    ]);
    expect(withCode({ councilRows: ok }, 'composition-civilian')).toEqual([]);
  });
  it('composition-gender for the gender below 40%, not at 40%', () => {
    const low = council(10, undefined, (i) => (i < 3 ? '여' : '남'));
    const ok = council(10, undefined, (i) => (i < 4 ? '여' : '남'));
    expect(withCode({ councilRows: low }, 'composition-gender')).toMatchObject([{ value: '30.0%' }]);
    expect(withCode({ councilRows: ok }, 'composition-gender')).toEqual([]);
  });
  it('never puts a member name into a finding', () => {
    const rows = council(10);
    rows[2][1] = { value: null, error: '#N/A' } as never;
    rows[3][1] = '가'.repeat(5);
    rows[4][0] = 1;
    const json = JSON.stringify(validateWorkbook(workbook({ councilRows: rows })).report);
    for (const r of rows) if (typeof r[1] === 'string') expect(json).not.toContain(r[1]);
    expect(withCode({ councilRows: rows }, 'duplicate-id')).toMatchObject([
      { sheet: '협치회의 구성', row: 6 },
    ]);
  });
  it('thresholds come from the standard data', () => {
    const strict = {
      ...standard2021_1,
      council: { ...standard2021_1.council, civilian: { value: '민간', minShare: 0.9 } },
    };
    const snap = workbook({ councilRows: council(10) });
    expect(validateWorkbook(snap, strict).report.findings.map((f) => f.code)).toContain(
      'composition-civilian',
    );
  });
});
