// The findings of standard §1.1–§1.3 and §5 added with 2021.2's registry: unknown-standard,
// date-after-quarter, council-empty and hidden-sheet. Each fires where it should and stays quiet
// where it should not.
import { validateWorkbook, type Cell, type Finding } from '../../src/engine';
import { newestStandard, registry } from '../../src/standard';
import { standard2021_1 } from '../../src/standard/2021.1';
import { FORUM_HEADERS, INFO, forum, resetIds, workbook, type BuildOptions } from './build';

beforeEach(resetIds);

const findingsOf = (opts: BuildOptions): Finding[] => validateWorkbook(workbook(opts)).report.findings;
const withCode = (opts: BuildOptions, code: string) => findingsOf(opts).filter((f) => f.code === code);
const FORUMS = standard2021_1.sheets.forums.name;
const COUNCIL = standard2021_1.sheets.council.name;

describe('unknown-standard', () => {
  it('fires for a version the product does not know, at the 표준버전 cell, naming the known ones', () => {
    const f = withCode({ info: { ...INFO, 표준버전: '2030.1' }, forums: [forum()] }, 'unknown-standard');
    expect(f).toMatchObject([
      { severity: 'error', sheet: '기본정보', cell: 'B8', field: 'standardVersion', value: '2030.1' },
    ]);
    expect(f[0].message.en).toContain('2021.1, 2021.2');
    expect(f[0].message.ko).toContain(registry.unknown.version);
  });

  it('checks the data anyway, against the newest standard, so the other problems show too', () => {
    const v = validateWorkbook(
      workbook({
        info: { ...INFO, 표준버전: '2022.1' },
        forums: [forum({ hours: 30 }), forum({ type: '포럼' })],
      }),
    );
    expect(v.standard).toBe(registry.unknown);
    expect(v.report.standard).toBe(newestStandard.version);
    expect(v.report.info.standardVersion).toBe('2022.1');
    expect(v.report.findings.map((f) => f.code).sort()).toEqual(['constraint-error', 'unknown-standard']);
    expect(v.report.valid).toBe(false);
  });

  it('fires for an Excel error in 표준버전 rather than taking it as absent', () => {
    const info = { ...INFO, 표준버전: { value: null, error: '#REF!' } as unknown as string };
    expect(withCode({ info, forums: [forum()] }, 'unknown-standard')).toMatchObject([{ value: '#REF!' }]);
  });

  it('is quiet for an absent, blank, known or number-typed version', () => {
    for (const version of [undefined, null, ' ', '2021.1', ' 2021.2 ', 2021.2, '２０２１.２']) {
      const info = version === undefined ? INFO : { ...INFO, 표준버전: version };
      expect(withCode({ info, forums: [forum()] }, 'unknown-standard')).toEqual([]);
    }
    expect(validateWorkbook(workbook({ info: { ...INFO, 표준버전: 2021.2 } })).report.standard).toBe(
      '2021.2',
    );
  });

  it('absent means 2021.1 (standard §1.1), however new the product is', () => {
    const v = validateWorkbook(workbook({ forums: [forum()] }));
    expect(v.report.standard).toBe('2021.1');
    expect(v.report.info.standardVersion).toBeNull();
  });
});

describe('date-after-quarter', () => {
  // A 1분기 submission written in April: the report date is after the quarter, the forum is not.
  const q1 = { ...INFO, 분기: '1분기', 작성일: '2021-04-10' };

  it('fires for a forum after the last day of the reported quarter', () => {
    const f = withCode({ info: q1, forums: [forum({ date: '2021-04-01' })] }, 'date-after-quarter');
    expect(f).toMatchObject([{ severity: 'error', field: 'date', row: 2, cell: 'B2', value: '2021-04-01' }]);
    expect(f[0].message.ko).toContain('2021-03-31');
    expect(f[0].message.en).toContain('Q1');
  });

  it('is quiet on the quarter’s last day and for earlier quarters (submissions are cumulative)', () => {
    const info = { ...INFO, 분기: 2, 작성일: '2021-07-05' };
    const forums = [
      forum({ date: '2021-06-30' }),
      forum({ date: '2021-01-02' }),
      forum({ date: '2021-04-01' }),
    ];
    expect(findingsOf({ info, forums })).toEqual([]);
  });

  it('the 4th quarter ends on 31 December: only out-of-year dates are after it', () => {
    const info = { ...INFO, 분기: 'Q4', 작성일: '2022-01-10' };
    expect(findingsOf({ info, forums: [forum({ date: '2021-12-31' })] })).toEqual([]);
    resetIds();
    expect(findingsOf({ info, forums: [forum({ date: '2022-01-02' })] }).map((f) => f.code)).toEqual([
      'date-out-of-year',
    ]);
  });

  it('one finding per cell: out of year, then after the report date, then after the quarter', () => {
    // 2분기 written 2021-06-28 (INFO): July is after both 작성일 and the quarter.
    const f = findingsOf({
      forums: [forum({ date: '2022-07-01' }), forum({ date: '2021-07-02' }), forum({ date: '2021-06-29' })],
    });
    expect(f.map((x) => [x.code, x.row])).toEqual([
      ['date-out-of-year', 2],
      ['date-after-report', 3],
      ['date-after-report', 4],
    ]);
    const late = { ...INFO, 작성일: '2021-08-01' };
    resetIds();
    expect(findingsOf({ info: late, forums: [forum({ date: '2021-07-02' })] }).map((x) => x.code)).toEqual([
      'date-after-quarter',
    ]);
  });

  it('is quiet when 분기 or 연도 cannot be read (missing-info says so)', () => {
    const info = { ...INFO, 분기: '다섯째', 작성일: '2021-12-31' };
    expect(withCode({ info, forums: [forum({ date: '2021-11-01' })] }, 'date-after-quarter')).toEqual([]);
  });
});

describe('council-empty', () => {
  it('fires for a council sheet with its header and no member', () => {
    expect(withCode({ councilRows: [] }, 'council-empty')).toMatchObject([
      { severity: 'warning', sheet: COUNCIL, cell: null, row: null },
    ]);
  });

  it('fires for a council sheet with nothing at all, next to its missing columns', () => {
    const snap = workbook({ forums: [forum()] });
    snap.sheets[2].rows = [];
    const codes = validateWorkbook(snap).report.findings.map((f) => f.code);
    expect(codes).toContain('council-empty');
    expect(codes).toContain('missing-column');
  });

  it('is quiet with one member, with blank rows only under members, and without the sheet', () => {
    const one = [[1, '위원1', '민간', '여', '', null]];
    expect(withCode({ councilRows: one }, 'council-empty')).toEqual([]);
    expect(withCode({ councilRows: [[null], [], ...one] }, 'council-empty')).toEqual([]);
    const noSheet = findingsOf({ omitSheets: [COUNCIL] }).map((f) => f.code);
    expect(noSheet).toContain('missing-sheet');
    expect(noSheet).not.toContain('council-empty');
  });

  it('is not a council whose header cannot be found but holds data', () => {
    const snap = workbook({});
    snap.sheets[2].rows = [[{ value: '명단' }], [{ value: '홍길동' }, { value: '민간' }]];
    expect(validateWorkbook(snap).report.findings.map((f) => f.code)).not.toContain('council-empty');
  });
});

describe('hidden-sheet', () => {
  const bad: Cell[][] = [
    FORUM_HEADERS.map((h) => ({ value: h })),
    [1, '2021-03-02', '회의', '회식', '과', -5, 3, 3, 3, 3].map((value) => ({ value })),
  ];

  it('fires for a hidden or very hidden standard sheet, 요약 included', () => {
    for (const visibility of ['hidden', 'veryHidden'] as const) {
      const f = withCode({ forums: [forum()], visibility: { [FORUMS]: visibility } }, 'hidden-sheet');
      expect(f).toMatchObject([{ severity: 'error', sheet: FORUMS, cell: null }]);
      expect(f[0].message.en).toContain(visibility === 'hidden' ? 'hidden' : 'very hidden');
    }
    const summary = withCode({ extraSheets: [{ name: '요약', visibility: 'hidden' }] }, 'hidden-sheet');
    expect(summary).toMatchObject([{ sheet: '요약' }]);
  });

  it('is quiet for visible standard sheets and for hidden sheets the standard does not name', () => {
    expect(
      withCode(
        { forums: [forum()], extraSheets: [{ name: '메모', visibility: 'veryHidden' }] },
        'hidden-sheet',
      ),
    ).toEqual([]);
  });

  it('an attacker’s twin: the real sheet very hidden, a visible copy with errors — the copy is checked', () => {
    const v = validateWorkbook(
      workbook({
        forums: [forum(), forum()],
        visibility: { [FORUMS]: 'veryHidden' },
        extraSheets: [{ name: `${FORUMS} `, rows: bad }],
      }),
    );
    const codes = v.report.findings.map((f) => `${f.code}@${f.sheet}`);
    expect(codes).toContain(`hidden-sheet@${FORUMS}`);
    // The visible copy's own errors are reported: it is what the district sees.
    expect(codes).toContain(`enum-error@${FORUMS} `);
    expect(codes).toContain(`constraint-error@${FORUMS} `);
    expect(v.report.valid).toBe(false);
    expect(v.report.stats.rows).toBe(1);
    const twin = v.report.findings.find((f) => f.code === 'hidden-sheet')!;
    expect(twin.message.en).toContain(`'${FORUMS} '`);
    // One finding per sheet: very hidden and a twin, said once.
    expect(v.report.findings.filter((f) => f.code === 'hidden-sheet')).toHaveLength(1);
  });

  it('two visible twins: the exact name is checked, the other is the finding', () => {
    const v = validateWorkbook(
      workbook({ forums: [forum()], extraSheets: [{ name: `\u3000${FORUMS}`, rows: bad }] }),
    );
    expect(v.report.findings.filter((f) => f.code === 'hidden-sheet')).toMatchObject([
      { sheet: `\u3000${FORUMS}` },
    ]);
    expect(v.report.findings.map((f) => f.code)).not.toContain('enum-error');
  });

  it('a hidden 기본정보 still decides the standard and the dates (it is read, and reported)', () => {
    const v = validateWorkbook(
      workbook({ standard: newestStandard, forums: [forum()], visibility: { 기본정보: 'hidden' } }),
    );
    expect(v.report.standard).toBe(newestStandard.version);
    expect(v.report.findings.map((f) => f.code)).toEqual(['hidden-sheet']);
  });
});
