// Council composition (standard §2.1): one function behind the warnings, the report's `council`
// and the city's composition table; the 2021 plan's totals (682 members: 492 민간, 48 구의원, 142 행정).
import fc from 'fast-check';
import { validateWorkbook } from '../../src/engine';
import { councilComposition, type CompositionCounts } from '../../src/engine/composition';
import { compositionTable, compositionTableOf } from '../../src/city';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { buildStandardWorkbook } from '../../src/xlsx/write';
import { exampleWorkbook } from '../../src/workbook/example';
import { newestStandard } from '../../src/standard';
import { workbook, council } from '../engine/build';
import { demoRegister, nameOf, SEOCHO, submission } from './fixtures';

describe('the composition in the validation report', () => {
  it('report.council: members by sector and gender, both shares, compliance', () => {
    const rows = council(
      10,
      (i) => (i < 7 ? '민간' : i < 8 ? '구의원' : '행정'),
      (i) => (i < 4 ? '여' : '남'),
    );
    const { report } = validateWorkbook(workbook({ councilRows: rows }));
    expect(report.council).toEqual({
      members: 10,
      bySector: { civilian: 7, councillor: 1, official: 2 },
      byGender: { female: 4, male: 6 },
      civilianShare: 0.7,
      minGenderShare: 0.4,
      compliant: true,
    });
    expect(report.findings.filter((f) => f.code.startsWith('composition-'))).toEqual([]);
  });

  it('an empty council has no shares and is not judged; a missing sheet gives null', () => {
    const empty = validateWorkbook(workbook({ councilRows: [] })).report.council;
    expect(empty).toEqual({
      members: 0,
      bySector: { civilian: 0, councillor: 0, official: 0 },
      byGender: { female: 0, male: 0 },
      civilianShare: null,
      minGenderShare: null,
      compliant: null,
    });
    expect(validateWorkbook(workbook({ omitSheets: ['협치회의 구성'] })).report.council).toBeNull();
  });

  it('unreadable 구분 or 성별 still counts the member, in no group', () => {
    const rows = council(
      5,
      (i) => (i === 0 ? '시민위원' : '민간'),
      (i) => (i === 1 ? '' : '여'),
    );
    const c = validateWorkbook(workbook({ councilRows: rows })).report.council!;
    expect(c.members).toBe(5);
    expect(c.bySector.civilian).toBe(4);
    expect(c.byGender).toEqual({ female: 4, male: 0 });
    expect(c.compliant).toBe(false);
  });

  it('the warnings and the metric never disagree (one function serves both)', () => {
    const member = fc.tuple(fc.constantFrom('민간', '구의원', '행정'), fc.constantFrom('남', '여'));
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 40 }), (members) => {
        const rows = members.map(([s, g], i) => [i + 1, `위원${i + 1}`, s, g, '복지', '2020-01-02']);
        const { report } = validateWorkbook(workbook({ councilRows: rows }));
        const c = report.council!;
        const codes = report.findings.map((f) => f.code);
        expect(codes.includes('composition-civilian')).toBe(c.civilianShare! < 0.7);
        expect(codes.includes('composition-gender')).toBe(c.minGenderShare! < 0.4);
        expect(c.compliant).toBe(!codes.some((x) => x.startsWith('composition-')));
        const records = members.map(([sector, gender]) => ({
          get: (key: string) => (key === 'sector' ? sector : key === 'gender' ? gender : undefined),
        }));
        expect(c).toEqual(councilComposition(records));
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * 24 due districts: 22 councils summing to the 2021 plan's 682 members (492 민간, 48 구의원,
 * 142 행정), two districts without a 협치회의 (no members), 서초구 not due.
 */
function planCouncils(): { code: string; counts: CompositionCounts }[] {
  const due = newestStandard.districts.filter((d) => d.code !== SEOCHO);
  return due.map((d, i) => {
    if (i >= 22)
      return {
        code: d.code,
        counts: {
          members: 0,
          bySector: { civilian: 0, councillor: 0, official: 0 },
          byGender: { female: 0, male: 0 },
        },
      };
    // 31 members: 22 민간, 2 구의원, 7 행정; the first 8 trade a 행정 for a 민간, the next 4 for a 구의원.
    const civilian = 22 + (i < 8 ? 1 : 0) - (i === 20 ? 3 : 0) + (i === 21 ? 3 : 0);
    const councillor = 2 + (i >= 8 && i < 12 ? 1 : 0);
    const official = 31 - civilian - councillor;
    const female = i === 5 ? 11 : 13 + (i % 3);
    return {
      code: d.code,
      counts: {
        members: 31,
        bySector: { civilian, councillor, official },
        byGender: { female, male: 31 - female },
      },
    };
  });
}

describe('the city’s composition table', () => {
  const councils = planCouncils();
  const submissions = councils.map(({ code, counts }) =>
    submission({
      code,
      quarter: 1,
      at: '2021-03-30T10:00:00+09:00',
      council: { ...counts, civilianShare: null, minGenderShare: null, compliant: null },
    }),
  );
  const table = compositionTable({ submissions, register: demoRegister(), year: 2021 });

  it('총계 is the 2021 plan’s: 682 members, 492 민간, 48 구의원, 142 행정', () => {
    expect(table.total).toMatchObject({
      district: '총계',
      districtCode: null,
      year: 2021,
      members: 682,
      civilian: 492,
      councillor: 48,
      official: 142,
      compliant: null,
    });
    expect(table.total.female + table.total.male).toBe(682);
    expect(table.total.civilianShare).toBeCloseTo(492 / 682, 12);
    expect(table.total.femaleShare).toBeCloseTo(table.total.female / 682, 12);
  });

  it('one row per due district, 가나다 order; shares and 충족 recomputed from the counts with the standard’s thresholds', () => {
    expect(table.rows).toHaveLength(24);
    expect(table.rows.map((r) => r.district)).toEqual(
      [...table.rows.map((r) => r.district)].sort((a, b) => a.localeCompare(b, 'ko')),
    );
    expect(table.thresholds).toEqual({ civilian: 0.7, gender: 0.4 });
    const low = table.rows.find((r) => r.districtCode === councils[20].code)!;
    expect(low).toMatchObject({ members: 31, civilian: 19, compliant: false });
    expect(low.civilianShare).toBeCloseTo(19 / 31, 12);
    const fewWomen = table.rows.find((r) => r.districtCode === councils[5].code)!;
    expect(fewWomen).toMatchObject({ female: 11, compliant: false });
    const none = table.rows.find((r) => r.districtCode === councils[22].code)!;
    expect(none).toMatchObject({ members: 0, civilianShare: null, femaleShare: null, compliant: null });
    expect(table.compliantDistricts).toEqual({ met: 20, of: 22 });
    expect(table.missing).toEqual([]);
  });

  it('a due district without a submission, or whose item carries no composition, is 미제출 and not summed', () => {
    const fewer = compositionTable({
      submissions: [...submissions.slice(1, 23), { ...submissions[23], council: null }],
      register: demoRegister(),
      year: 2021,
    });
    expect(fewer.missing.map((m) => m.district).sort()).toEqual(
      [nameOf(councils[0].code), nameOf(councils[23].code)].sort(),
    );
    expect(fewer.total.members).toBe(682 - 31);
    expect(fewer.notes.map((n) => n.en)).toEqual([
      `${nameOf(councils[23].code)}: its submission carries no council composition.`,
    ]);
  });

  it('compositionTableOf makes the same table from counts', () => {
    const direct = compositionTableOf(
      2021,
      councils.map((c) => ({ district: nameOf(c.code), districtCode: c.code, counts: c.counts })),
    );
    expect(direct.rows).toEqual(table.rows);
    expect(direct.total).toEqual(table.total);
  });
});

it('from a real workbook to the table: counts travel, names never do', async () => {
  const example = exampleWorkbook(newestStandard);
  const buffer = Buffer.from(await buildStandardWorkbook(newestStandard, example).xlsx.writeBuffer());
  const { snapshot } = await readWorkbookBuffer(buffer, 'mapo.xlsx');
  const { report, standard } = validateWorkbook(snapshot);
  // The newest version (2021.2) counts the council as 2021.1 does.
  expect(standard.version).toBe('2021.2');
  expect(report.council).toMatchObject({ members: 20, bySector: { civilian: 15 }, compliant: true });
  const s = submission({
    code: '11440',
    quarter: 4,
    at: '2021-12-20T10:00:00+09:00',
    council: report.council,
  });
  const table = compositionTable({ submissions: [s], register: demoRegister(), year: 2021 });
  expect(table.rows).toEqual([expect.objectContaining({ district: '마포구', members: 20, civilian: 15 })]);
  const text = JSON.stringify({ report, table });
  for (const m of example.council) expect(text).not.toContain(String(m.name));
});
