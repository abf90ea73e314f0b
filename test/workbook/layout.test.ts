import { standard2021_1 } from '../../src/standard/2021.1';
import {
  columnDefinition,
  computedFormula,
  districtNamesSorted,
  lettersOf,
  listFormula,
  standardLayout,
  standardSummarySource,
  summarySheetLayout,
  LAST_EXCEL_ROW,
} from '../../src/workbook';

const layout = standardLayout(standard2021_1);

describe('standardLayout follows the standard data', () => {
  it('has the standard sheets with the standard headers, in order', () => {
    expect(layout.info.name).toBe(standard2021_1.sheets.info.name);
    expect(layout.info.rows.map((r) => r.label)).toEqual(
      standard2021_1.sheets.info.fields.map((f) => f.label),
    );
    expect(layout.forums.columns.map((c) => c.header)).toEqual(
      standard2021_1.sheets.forums.columns.map((c) => c.header),
    );
    expect(layout.council.columns.map((c) => c.header)).toEqual(
      standard2021_1.sheets.council.columns.map((c) => c.header),
    );
    expect(layout.forums.table).toBe('tblForums');
    expect(layout.council.table).toBe('tblCouncil');
  });

  it('puts title rows above the header and freezes through the header', () => {
    expect(layout.forums.headerRow).toBe(layout.forums.titleRows.length + 1);
    expect(layout.forums.firstDataRow).toBe(layout.forums.headerRow + 1);
    expect(layout.forums.freezeRows).toBe(layout.forums.headerRow);
    // Within the engine's header search (standard: first 10 rows).
    expect(layout.forums.headerRow).toBeLessThanOrEqual(standard2021_1.headerSearch.maxRows);
  });

  it('offers the standard enums as lists and the districts in 가나다 order', () => {
    const by = (key: string) => layout.forums.columns.find((c) => c.key === key)!;
    expect(by('type').validation).toEqual({
      kind: 'list',
      values: standard2021_1.enums.forumType.map((e) => e.value),
    });
    const council = (key: string) => layout.council.columns.find((c) => c.key === key)!;
    expect(council('sector').validation).toEqual({ kind: 'list', values: ['민간', '구의원', '행정'] });
    expect(council('gender').validation).toEqual({ kind: 'list', values: ['남', '여'] });
    const districts = districtNamesSorted(standard2021_1);
    expect(districts).toHaveLength(25);
    expect(districts[0]).toBe('강남구');
    expect(districts[24]).toBe('중랑구');
    expect(layout.info.rows.find((r) => r.key === 'district')!.validation).toEqual({
      kind: 'list',
      values: districts,
    });
    expect(listFormula(districts).length).toBeLessThanOrEqual(255);
    expect(listFormula(['a', 'b'])).toBe('"a,b"');
  });

  it('bounds counts and hours as the standard does', () => {
    const by = (key: string) => layout.forums.columns.find((c) => c.key === key)!;
    expect(by('expectedOfficial').validation).toEqual({ kind: 'whole', min: 0, max: undefined });
    expect(by('hours').validation).toEqual({ kind: 'decimal', min: 0, max: 24, minExclusive: true });
    expect(by('attendedTotal').validation).toBeUndefined();
  });
});

describe('computed columns', () => {
  const letters = lettersOf(layout.forums);
  it('참석인원(계) = 행정 + 민간, blank when both are blank', () => {
    expect(computedFormula(columnDefinition('forums', 'attendedTotal', standard2021_1), 5, letters)).toBe(
      '=IF(AND(I5="",J5=""),"",I5+J5)',
    );
  });
  it('참석율(%) = 계 ÷ 대상, blank (undefined, never 0) when nothing was expected', () => {
    expect(computedFormula(columnDefinition('forums', 'attendanceRate', standard2021_1), 7, letters)).toBe(
      '=IF(OR(AND(I7="",J7=""),(G7+H7)=0),"",(I7+J7)/(G7+H7))',
    );
  });
  it('input columns have none', () => {
    expect(computedFormula(columnDefinition('forums', 'hours', standard2021_1), 5, letters)).toBeUndefined();
  });
});

describe('요약 sheet formulas', () => {
  const source = standardSummarySource(layout);
  const summary = summarySheetLayout(source, standard2021_1);

  it('has one row per group: overall, four quarters, every forum type', () => {
    expect(summary.rows.map((r) => r.label)).toEqual([
      '전체',
      '1분기',
      '2분기',
      '3분기',
      '4분기',
      ...standard2021_1.enums.forumType.map((t) => t.value),
    ]);
    expect(summary.metrics).toEqual(standard2021_1.metrics.map((m) => m.key));
    expect(summary.headers.slice(1)).toEqual(standard2021_1.metrics.map((m) => m.label.ko));
  });

  it('reads A1 ranges from the first data row to the last Excel row, no table objects', () => {
    const all = summary.rows.flatMap((r) => r.cells.map((c) => c.formula)).join('\n');
    expect(all).not.toMatch(/tbl|\[#/);
    expect(all).toContain(`'숙의공론장'!$F$5:$F$${LAST_EXCEL_ROW}`);
    expect(all).toContain("'기본정보'!$B$3");
  });

  it('shows an undefined rate as – and uses pooled sums', () => {
    const overall = summary.rows[0].cells;
    const f = (metric: string) => overall.find((c) => c.metric === metric)!.formula;
    expect(f('attendanceRate.total')).toBe('=IF(H5=0,"–",E5/H5)');
    expect(f('attendees.official')).toBe(`=SUM('숙의공론장'!$I$5:$I$${LAST_EXCEL_ROW})`);
    const q4 = summary.rows[4].cells.find((c) => c.metric === 'meetings')!.formula;
    expect(q4).toContain("DATE(VALUE(LEFT(TRIM('기본정보'!$B$3),4)),10,1)");
    expect(q4).toContain("DATE(VALUE(LEFT(TRIM('기본정보'!$B$3),4)),13,1)");
  });

  it('follows a located source (a district copy with other columns and rows)', () => {
    const moved = summarySheetLayout(
      {
        ...source,
        forumSheet: "Dobong's",
        letters: { ...source.letters, hours: 'E' },
        firstDataRow: 3,
      },
      standard2021_1,
    );
    const hours = moved.rows[0].cells.find((c) => c.metric === 'hoursTotal')!.formula;
    expect(hours).toBe(`=SUM('Dobong''s'!$E$3:$E$${LAST_EXCEL_ROW})`);
  });
});
