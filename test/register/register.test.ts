// The district register (standard §6): a good file in the forms city officers really type, each kind
// of bad row reported with its row number and nothing imported, the queries, and the way back.
import fc from 'fast-check';
import type { SheetSnapshot } from '../../src/engine/snapshot';
import {
  parseRegister,
  registerRows,
  dueDistricts,
  isCityOfficer,
  roleFor,
  submitPermission,
  standingOf,
  districtsOf,
  isDue,
  type DistrictRegister,
} from '../../src/register';
import { parseCsv, textRowsToSnapshot } from '../../src/workbook/text-table';
import { newestStandard } from '../../src/standard';

type Value = string | number | null;
const sheet = (rows: Value[][]): SheetSnapshot => ({
  name: '명부',
  rows: rows.map((r) => r.map((value) => ({ value }))),
});

const HEADER = ['자치구코드', '자치구', '제출 대상 연도', '제출자'];
const GROUP = '0F3C9D2A-1B2C-4D5E-8F90-A1B2C3D4E5F6';
const OFFICERS = 'lee.officer@seoul.go.kr; 5b0c2f5e-6a1d-4c55-9d1e-0c2a7e1f4b10';

/** The whole register as the 2021 plan has it: 24 districts due in 2021, 서초구 not. */
function goodRows(): Value[][] {
  return [
    HEADER,
    ['11000', '서울특별시', '', OFFICERS],
    ...newestStandard.districts.map((d): Value[] => [
      d.code,
      d.name,
      d.code === '11650' ? '' : '2020, 2021',
      `gu${d.code}@seoul.go.kr`,
    ]),
  ];
}

describe('a good register', () => {
  it('is read whole: districts, due years, people and groups, the city officers', () => {
    const { register, problems } = parseRegister(sheet(goodRows()));
    expect(problems).toEqual([]);
    expect(register!.districts).toHaveLength(25);
    expect(register!.officers).toEqual({
      people: ['lee.officer@seoul.go.kr'],
      groups: ['5b0c2f5e-6a1d-4c55-9d1e-0c2a7e1f4b10'],
    });
    expect(dueDistricts(register!, 2021)).toHaveLength(24);
    expect(dueDistricts(register!, 2021).map((d) => d.name)[0]).toBe('강남구');
    expect(dueDistricts(register!, 2022)).toEqual([]);
    expect(isDue(register!, '11650', 2021)).toBe(false);
    expect(isDue(register!, '11500', 2020)).toBe(true);
  });

  it('reads the forms people type: title rows, headers with spaces and line breaks, codes as numbers, 년, full-width separators', () => {
    const rows: Value[][] = [
      ['2021년 자치구 제출자 명부'],
      [],
      ['자치구 코드', '자치구명', '제출대상\n연도', ' 제출자 ', '비고'],
      [11000, '서울시', null, 'Lee.Officer@Seoul.go.kr'],
      [11500, '강서', '2021년', `kim@gangseo.go.kr；${GROUP}\npark@gangseo.go.kr`],
      ['11680', '서울특별시 강남구', 2021, 'a@gangnam.go.kr, A@GANGNAM.GO.KR'],
      ['１１６５０', '서초구', '', ''],
      [null, null, null, null],
    ];
    const { register, problems } = parseRegister(sheet(rows));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(register!.districts).toEqual([
      {
        code: '11500',
        name: '강서구',
        dueYears: [2021],
        submitters: { people: ['kim@gangseo.go.kr', 'park@gangseo.go.kr'], groups: [GROUP.toLowerCase()] },
      },
      {
        code: '11680',
        name: '강남구',
        dueYears: [2021],
        submitters: { people: ['a@gangnam.go.kr'], groups: [] },
      },
      { code: '11650', name: '서초구', dueYears: [], submitters: { people: [], groups: [] } },
    ]);
    // The districts without a row are warned about, never silently due.
    const absent = problems.filter((p) => p.code === 'district-absent');
    expect(absent).toHaveLength(22);
    expect(absent[0]).toMatchObject({ severity: 'warning', row: null });
    expect(absent.find((p) => p.value === '마포구')!.message).toEqual({
      ko: '마포구(11440) 행이 없습니다: 어느 해에도 제출 대상이 아니고 제출자도 없습니다.',
      en: 'Mapo-gu (11440) has no row: it is never due and nobody may submit for it.',
    });
  });

  it('reads a UTF-8 CSV the same way (row numbers are line numbers)', () => {
    const csv =
      '\uFEFF자치구코드,자치구,제출 대상 연도,제출자\r\n11000,서울특별시,,lee@seoul.go.kr\r\n11440,마포구,"2020, 2021",mapo@mapo.go.kr\r\n11500,강서구,2021,x\r\n';
    const { register, problems } = parseRegister(textRowsToSnapshot('r.csv', parseCsv(csv)).sheets[0]);
    expect(register).toBeNull();
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.row])).toEqual([
      ['bad-submitter', 4],
    ]);
  });

  it('warns, and still imports, when a due district has no submitter or the city row names no officer', () => {
    const rows = goodRows();
    rows[1][3] = '';
    rows[3][3] = '';
    const { register, problems } = parseRegister(sheet(rows));
    expect(register).not.toBeNull();
    expect(problems.map((p) => [p.code, p.row])).toEqual([
      ['no-officers', 2],
      ['due-without-submitters', 4],
    ]);
    expect(problems[1].message.en).toContain('Jung-gu is due but lists no submitter');
  });
});

describe('bad rows: every one reported with its row number, nothing imported', () => {
  it('each kind of bad row', () => {
    const rows = goodRows();
    // Rows are Excel rows: the header is row 1, the city row 2, districts from row 3 (종로구, 중구 …).
    rows[2] = ['1111', '종로구', '2021', 'a@jongno.go.kr']; // row 3: bad code
    rows[3] = ['11999', '중구', '2021', 'a@junggu.go.kr']; // row 4: not a district
    rows[4] = ['11170', '성동구', '2021', 'a@yongsan.go.kr']; // row 5: name does not match code
    rows[5] = ['11200', '성동구', '2021, 21, 1999, 이천', 'a@sd.go.kr']; // row 6: bad years
    rows[6] = ['11215', '광진구', '2021', '김민수; kim@; kim@seoul; ok@gwangjin.go.kr']; // row 7: bad submitters
    rows[7] = ['11200', '성동구', '2021', 'b@sd.go.kr']; // row 8: 성동구 again
    rows[1] = ['11000', '서울특별시', '2021', OFFICERS]; // row 2: the city is never due
    const { register, problems } = parseRegister(sheet(rows));
    expect(register).toBeNull();
    expect(problems.map((p) => [p.code, p.row, p.value])).toEqual([
      ['city-due', 2, '2021'],
      ['bad-code', 3, '1111'],
      ['unknown-district', 4, '11999'],
      ['name-mismatch', 5, '성동구'],
      ['bad-year', 6, '21'],
      ['bad-year', 6, '1999'],
      ['bad-year', 6, '이천'],
      ['bad-submitter', 7, '김민수'],
      ['bad-submitter', 7, 'kim@'],
      ['bad-submitter', 7, 'kim@seoul'],
      ['duplicate-district', 8, '11200'],
    ]);
    for (const p of problems) {
      expect(p.severity).toBe('error');
      expect(p.message.ko).toMatch(new RegExp(`^${p.row}행`));
      expect(p.message.en).toMatch(new RegExp(`^Row ${p.row}`));
    }
    expect(problems[3].message).toEqual({
      ko: "5행: 자치구 '성동구'가 코드 11170(용산구)와 맞지 않습니다.",
      en: "Row 5: the name '성동구' does not match code 11170 (용산구).",
    });
    expect(problems[10].message.en).toBe('Row 8: 성동구 (11200) is also on row 6.');
  });

  it('missing columns and a missing city row are file-wide problems', () => {
    const noSubmitters = goodRows().map((r) => r.slice(0, 3));
    const a = parseRegister(sheet(noSubmitters));
    expect(a.register).toBeNull();
    expect(a.problems.map((p) => [p.code, p.value])).toEqual([['missing-column', '제출자']]);
    const noCity = goodRows().filter((r) => r[0] !== '11000');
    const b = parseRegister(sheet(noCity));
    expect(b.register).toBeNull();
    expect(b.problems.map((p) => p.code)).toEqual(['missing-city']);
    expect(parseRegister(sheet([['아무것도 아님']])).problems.map((p) => p.code)).toEqual([
      'missing-column',
      'missing-column',
      'missing-column',
      'missing-column',
    ]);
  });

  it('limits: rows, submitters per row, characters per cell — one line each, nothing imported', () => {
    const many = [...goodRows(), ...Array.from({ length: 300 }, () => ['11440', '마포구', '2021', 'a@b.kr'])];
    const rows = parseRegister(sheet(many));
    expect(rows.register).toBeNull();
    expect(rows.problems.filter((p) => p.code === 'too-many-rows')).toEqual([
      expect.objectContaining({
        row: 202,
        message: expect.objectContaining({ en: 'A register has at most 200 rows (stopped at row 202).' }),
      }),
    ]);
    const crowd = goodRows();
    crowd[5][3] = Array.from({ length: 101 }, (_, i) => `p${i}@seoul.go.kr`).join(';');
    crowd[6][3] = 'x'.repeat(10_001);
    const { problems } = parseRegister(sheet(crowd));
    expect(problems.map((p) => [p.code, p.row])).toEqual([
      ['too-many-submitters', 6],
      ['cell-too-long', 7],
    ]);
    // Blank rows below the table (a sheet formatted to its last row) are not rows.
    const tall: SheetSnapshot = { name: 's', rows: [...sheet(goodRows()).rows, ...new Array(1_000_000)] };
    expect(parseRegister(tall)).toEqual(parseRegister(sheet(goodRows())));
  });
});

describe('queries', () => {
  const { register } = parseRegister(
    sheet([
      HEADER,
      ['11000', '서울특별시', '', OFFICERS],
      ['11440', '마포구', '2021', 'Kim@Mapo.go.kr; lee.officer@seoul.go.kr'],
      ['11500', '강서구', '2021', GROUP],
      ['11650', '서초구', '', ''],
    ]),
  );
  const r = register as DistrictRegister;

  it('who may submit for a district: its own submitters first, then the city officers on its behalf', () => {
    expect(roleFor(r, { upn: 'kim@mapo.go.kr' }, '11440')).toBe('district');
    expect(roleFor(r, { upn: ' KIM@MAPO.GO.KR ' }, '11440')).toBe('district');
    expect(roleFor(r, { upn: 'kim@mapo.go.kr' }, '11500')).toBeNull();
    // An officer who is also on 마포구's row submits as 마포구; for 강서구 on its behalf.
    expect(roleFor(r, { upn: 'Lee.Officer@seoul.go.kr' }, '11440')).toBe('district');
    expect(roleFor(r, { upn: 'lee.officer@seoul.go.kr' }, '11500')).toBe('city');
    expect(roleFor(r, { upn: 'x@gangseo.go.kr', groupIds: [GROUP.toLowerCase()] }, '11500')).toBe('district');
    expect(roleFor(r, { upn: 'x@gangseo.go.kr', objectId: GROUP }, '11500')).toBe('district');
    expect(roleFor(r, { upn: null, groupIds: ['5B0C2F5E-6A1D-4C55-9D1E-0C2A7E1F4B10'] }, '11650')).toBe(
      'city',
    );
    expect(roleFor(r, { upn: null }, '11440')).toBeNull();
    expect(roleFor(r, { upn: '', objectId: '', groupIds: [''] }, '11440')).toBeNull();
  });

  it('city officers, and the districts a person submits for', () => {
    expect(isCityOfficer(r, { upn: 'LEE.OFFICER@seoul.go.kr' })).toBe(true);
    expect(isCityOfficer(r, { upn: 'kim@mapo.go.kr' })).toBe(false);
    expect(districtsOf(r, { upn: 'lee.officer@seoul.go.kr' }).map((d) => d.name)).toEqual(['마포구']);
  });

  it('a refusal names the district, the account and who keeps the register, in both languages', () => {
    expect(submitPermission(r, { upn: 'kim@mapo.go.kr' }, '11440')).toEqual({
      allowed: true,
      role: 'district',
    });
    const refused = submitPermission(r, { upn: 'kim@mapo.go.kr' }, '11500');
    expect(refused).toEqual({
      allowed: false,
      reason: {
        ko: 'kim@mapo.go.kr 계정은 강서구 제출자 명부에 없어 강서구 통합시트를 제출할 수 없습니다. 명부는 서울시 서울협치담당관에서 관리하니, 추가가 필요하면 그곳에 요청하세요.',
        en: "kim@mapo.go.kr is not on the register of submitters for Gangseo-gu (강서구), so it cannot submit Gangseo-gu (강서구)'s workbook. The register is kept by the city's 서울협치담당관 (governance office): ask there to be added.",
      },
    });
    // A district with no row at all is named as the standard names it, not by its code.
    const absent = submitPermission({ ...r, districts: [] }, { upn: null }, '11650');
    expect(absent.allowed ? null : absent.reason.en).toMatch(
      /^\? is not on the register of submitters for Seocho-gu \(서초구\)/,
    );
  });

  it('standing: on by name or id; off when known; unknown only where a group could admit a person whose groups are not known', () => {
    expect(standingOf(r, { upn: 'KIM@mapo.go.kr' }, '11440')).toBe('on');
    expect(standingOf(r, { upn: 'x@gangseo.go.kr', objectId: GROUP }, '11500')).toBe('on');
    // 강서구's row names a group, and so does the city's: someone else may be in either.
    expect(standingOf(r, { upn: 'x@gangseo.go.kr' }, '11500')).toBe('unknown');
    // With the person's groups known, the answer is exact.
    expect(standingOf(r, { upn: 'x@gangseo.go.kr', groupIds: [] }, '11500')).toBe('off');
    const names = { officers: { people: ['lee.officer@seoul.go.kr'], groups: [] }, districts: r.districts };
    expect(standingOf(names, { upn: 'x@mapo.go.kr' }, '11440')).toBe('off');
    expect(standingOf(names, { upn: 'lee.officer@seoul.go.kr' }, '11650')).toBe('on');
  });
});

describe('the register back as rows', () => {
  it('header, the city, then districts in 가나다 order', () => {
    const { register } = parseRegister(sheet(goodRows()));
    const rows = registerRows(register!);
    expect(rows[0]).toEqual(HEADER);
    expect(rows[1]).toEqual(['11000', '서울특별시', '', OFFICERS]);
    expect(rows[2]).toEqual(['11680', '강남구', '2020, 2021', 'gu11680@seoul.go.kr']);
    expect(rows).toHaveLength(27);
  });

  const codes = newestStandard.districts.map((d) => d.code);
  const submitters = fc.record({
    people: fc.uniqueArray(
      fc
        .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,8}$/), fc.constantFrom('seoul.go.kr', 'mapo.go.kr'))
        .map(([a, b]) => `${a}@${b}`),
      { maxLength: 4 },
    ),
    groups: fc.uniqueArray(
      fc.uuid().map((u) => u.toLowerCase()),
      { maxLength: 2 },
    ),
  });
  const registers = fc.record({
    officers: submitters,
    districts: fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1, maxLength: 25 }).chain((cs) =>
      fc.tuple(
        ...cs.map((code) =>
          fc.record({
            code: fc.constant(code),
            name: fc.constant(newestStandard.districts.find((d) => d.code === code)!.name),
            dueYears: fc
              .uniqueArray(fc.integer({ min: 2018, max: 2100 }), { maxLength: 4 })
              .map((ys) => ys.sort((a, b) => a - b)),
            submitters,
          }),
        ),
      ),
    ),
  });

  it('reading the rows again gives the same register', () => {
    fc.assert(
      fc.property(registers, (reg) => {
        const again = parseRegister(sheet(registerRows(reg)));
        expect(again.problems.filter((p) => p.severity === 'error')).toEqual([]);
        const sorted = [...reg.districts].sort((a, b) => a.name.localeCompare(b.name, 'ko'));
        expect(again.register).toEqual({ ...reg, districts: sorted });
      }),
      { numRuns: 100 },
    );
  });
});
