// Properties the engine must keep whatever districts paste: it never throws, its metrics ignore
// row and column order, and incremental re-validation always equals a full run.
import fc from 'fast-check';
import {
  revalidateRows,
  validateWorkbook,
  type Cell,
  type CellValue,
  type Finding,
  type SheetVisibility,
  type WorkbookSnapshot,
} from '../../src/engine';
import type { Standard } from '../../src/standard/types';
import { registry } from '../../src/standard';
import { generalReader, readCell, valuesRule } from '../../src/engine/rules/values';
import { hoursText, numberText, parseHours, parseNumber } from '../../src/engine/parse';
import { standard2021_1 } from '../../src/standard/2021.1';
import { standard2021_2 } from '../../src/standard/2021.2';
import { COUNCIL_HEADERS, FORUM_HEADERS, INFO } from './build';

const { sheets } = standard2021_1;
const SHEET_NAMES = [
  sheets.info.name,
  sheets.forums.name,
  sheets.council.name,
  ' 숙의공론장',
  '요약',
  'Sheet1',
];

const anyValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.double(),
  fc.integer({ min: -5, max: 50 }),
  fc.boolean(),
  fc.constantFrom(
    '12명',
    '1,204',
    '１２',
    '1,2',
    '2021. 3. 5.',
    '21.03.05',
    '1시간 30분',
    '90분',
    '워킹 그룹',
    '분과회의',
    '-',
    '',
    ' ',
    '\u3000',
  ),
  fc.constantFrom(...FORUM_HEADERS, ...COUNCIL_HEADERS, ...Object.keys(INFO)),
);

const anyCell: fc.Arbitrary<Cell | null> = fc.oneof(
  fc.constant(null),
  anyValue.map((value) => ({ value })),
  fc.record({
    value: anyValue,
    formula: fc.option(fc.constant('=A1+B1'), { nil: undefined }),
    error: fc.option(fc.constantFrom('#DIV/0!', '#REF!', '#N/A'), { nil: undefined }),
    numberFormat: fc.option(fc.constantFrom('General', 'yyyy-mm-dd', 'h:mm', '0.0%'), { nil: undefined }),
  }),
);

const anySheet = fc.record({
  name: fc.constantFrom(...SHEET_NAMES),
  rows: fc.array(fc.array(anyCell, { maxLength: 16 }), { maxLength: 25 }),
});

/** A plausible workbook: standard sheets with standard headers, rows of mostly valid values. */
const forumValue = (key: string): fc.Arbitrary<CellValue> => {
  const valid: Record<string, fc.Arbitrary<CellValue>> = {
    id: fc.integer({ min: 1, max: 12 }),
    // Two dates often enough that rows repeat (duplicate-row) and edits undo repeats.
    date: fc.oneof(fc.integer({ min: 44197, max: 44560 }), fc.constantFrom(44300, 44301)),
    name: fc.constantFrom('분과회의 1차', '공론장', '워크숍 A'),
    type: fc.constantFrom('분과회의', '공론장', '워크숍', '워킹 그룹'),
    hours: fc.oneof(fc.double({ min: 0.1, max: 12, noNaN: true }), fc.constantFrom('20분', '1시간 10분')),
    note: fc.constant(null),
    host: fc.constant('자치행정과'),
    stage: fc.constantFrom('계획수립', '평가', '계획', null),
    format: fc.constantFrom('대면', '온라인', '비대면', null),
    agenda: fc.constantFrom('마을 의제', '가'.repeat(201), null),
  };
  const count = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom('12명', '1,204'));
  return fc.oneof({ weight: 8, arbitrary: valid[key] ?? count }, { weight: 1, arbitrary: anyValue });
};

const forumRowOf = (standard: Standard) =>
  fc.tuple(...standard.sheets.forums.columns.map((c) => forumValue(c.key)));
const forumRow = forumRowOf(standard2021_1);

/** The workbook of a standard: its headers, and its 표준버전 unless it is the one absence means. */
function plausibleOf(standard: Standard) {
  const info = standard === standard2021_1 ? INFO : { ...INFO, 표준버전: standard.version };
  const headers = standard.sheets.forums.columns.map((c) => c.header);
  return (rows: CellValue[][], councilRows: CellValue[][]): WorkbookSnapshot => {
    const toCells = (r: CellValue[]) => r.map((value) => ({ value }));
    return {
      sheets: [
        { name: sheets.info.name, rows: Object.entries(info).map(([k, v]) => toCells([k, v])) },
        { name: sheets.forums.name, rows: [toCells(headers), ...rows.map(toCells)] },
        { name: sheets.council.name, rows: [toCells(COUNCIL_HEADERS), ...councilRows.map(toCells)] },
      ],
    };
  };
}
const plausible = plausibleOf(standard2021_1);

const councilRow = fc.tuple(
  fc.integer({ min: 1, max: 12 }),
  fc.constant('위원'),
  fc.constantFrom('민간', '행정', '구의원', '시민'),
  fc.constantFrom('남', '여'),
  fc.constant('복지'),
  fc.constant(null),
);

describe('the engine never throws', () => {
  it('on any cell content, sheet shape and size', () => {
    fc.assert(
      fc.property(fc.array(anySheet, { maxLength: 5 }), (s) => {
        const v = validateWorkbook({ sheets: s });
        expect(() => JSON.stringify(v.report)).not.toThrow();
        expect(v.report.stats.errors + v.report.stats.warnings + v.report.stats.infos).toBe(
          v.report.findings.length,
        );
      }),
      { numRuns: 300 },
    );
  });
  it('on standard sheets with junk in any cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(anyValue, { minLength: 13, maxLength: 15 }), { maxLength: 30 }),
        (rows) => {
          validateWorkbook(plausible(rows, []));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('metrics', () => {
  it('do not depend on row order or column order', () => {
    fc.assert(
      fc.property(
        fc.array(forumRow, { maxLength: 40 }),
        fc.func(fc.integer()),
        fc.shuffledSubarray(
          FORUM_HEADERS.map((_, i) => i),
          { minLength: FORUM_HEADERS.length },
        ),
        (rows, rank, columnOrder) => {
          const a = validateWorkbook(plausible(rows as CellValue[][], [])).report.metrics;
          const shuffled = rows
            .map((r, i) => ({ r, k: rank(i) }))
            .sort((x, y) => x.k - y.k)
            .map((x) => columnOrder.map((c) => x.r[c]));
          const snap = plausible(shuffled as CellValue[][], []);
          snap.sheets[1].rows[0] = columnOrder.map((c) => ({ value: FORUM_HEADERS[c] }));
          expect(validateWorkbook(snap).report.metrics).toEqual(a);
        },
      ),
      { numRuns: 200 },
    );
  });
});

type Edit = {
  sheet: 0 | 1 | 2;
  row: number;
  col: number;
  value: CellValue;
  /** Now and then the user hides or shows the sheet instead (no row change is reported). */
  visibility?: SheetVisibility;
};

const anyEdit: fc.Arbitrary<Edit> = fc.record({
  sheet: fc.constantFrom<0 | 1 | 2>(1, 1, 1, 1, 2, 0),
  row: fc.integer({ min: 0, max: 35 }),
  col: fc.integer({ min: 0, max: 17 }),
  visibility: fc.option(fc.constantFrom<SheetVisibility>('visible', 'hidden', 'veryHidden'), {
    nil: undefined,
    freq: 12,
  }),
  value: fc.oneof(
    forumValue('id'),
    forumValue('date'),
    forumValue('type'),
    forumValue('hours'),
    forumValue('count'),
    anyValue,
  ),
});

/** An edit of one of the given columns of a data row, with a plausible value for its key. */
const editOf = (columns: { key: string; col: number }[]): fc.Arbitrary<Edit> =>
  fc.constantFrom(...columns).chain(({ key, col }) =>
    fc.record({
      sheet: fc.constant<1>(1),
      row: fc.integer({ min: 1, max: 26 }),
      col: fc.constant(col),
      value: forumValue(key),
    }),
  );

/**
 * An edit of a data row's 연번, 일자, 명칭 or 유형 with a plausible value: what the indexes behind
 * duplicate-id, id-gap and duplicate-row must follow (taking a row out of them before putting it
 * back in). Generic edits alone rarely hit them, and often fall back to a full run.
 */
const keyEdit = editOf((['id', 'date', 'name', 'type'] as const).map((key, col) => ({ key, col })));

/**
 * An edit of 2021.2's 단계 or 진행방식 (extra columns in a 2021.1 sheet): a row moving between the
 * groups of the metrics by 단계 and 진행방식 — a value, 미기재 (blank), or no group (off the list).
 */
const groupEdit = editOf(
  (['stage', 'format'] as const).map((key) => ({
    key,
    col: standard2021_2.sheets.forums.columns.findIndex((c) => c.key === key),
  })),
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 1, arbitrary: anyEdit },
  { weight: 2, arbitrary: keyEdit },
  { weight: 1, arbitrary: groupEdit },
);

describe('incremental validation', () => {
  it.each([
    ['2021.1', standard2021_1],
    ['2021.2', standard2021_2],
  ])('always equals a full run (%s)', (_version, standard) => {
    const build = plausibleOf(standard);
    fc.assert(
      fc.property(
        fc.array(forumRowOf(standard), { maxLength: 25 }),
        fc.array(councilRow, { maxLength: 10 }),
        fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        (rows, members, batches) => {
          const snap = build(rows as CellValue[][], members as CellValue[][]);
          let live = validateWorkbook(snap);
          for (const batch of batches) {
            const changed = new Map<string, Set<number>>();
            for (const e of batch) {
              const sheet = snap.sheets[e.sheet];
              if (e.visibility) {
                // A host reports a sheet hidden or shown as no row change at all.
                sheet.visibility = e.visibility;
                continue;
              }
              while (sheet.rows.length <= e.row) sheet.rows.push([]);
              sheet.rows[e.row][e.col] = e.value === null ? null : { value: e.value };
              const set = changed.get(sheet.name) ?? new Set<number>();
              set.add(e.row + 1);
              changed.set(sheet.name, set);
            }
            live = revalidateRows(
              live,
              snap,
              [...changed].map(([sheet, rs]) => ({ sheet, rows: [...rs] })),
            );
            const full = validateWorkbook(snap);
            expect(live.report).toEqual(full.report);
            expect(live.forums).toEqual(full.forums);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('re-reads only the changed rows (a changed row elsewhere is not picked up)', () => {
    const rows = [[1, 44200, '회의', '분과회의', '과', 1, 2, 2, 2, 2, null, null, null]] as CellValue[][];
    const snap = plausible(rows, []);
    const before = validateWorkbook(snap);
    (snap.sheets[1].rows[1][6] as Cell).value = '잘못';
    expect(revalidateRows(before, snap, []).report.stats.errors).toBe(0);
    expect(
      revalidateRows(validateWorkbook(plausible(rows, [])), snap, [{ sheet: sheets.forums.name, rows: [2] }])
        .report.stats.errors,
    ).toBe(1);
  });
});

/** Counts and hours as typed, and near misses: what the hand-written readers of parse.ts take or refuse. */
const typedNumber: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom(
      '0',
      '1',
      '3',
      '9',
      '12',
      '0000000000000007',
      ' ',
      '명',
      '인',
      '회',
      '시간',
      '시',
      '분',
      '.5',
      ',',
      'h',
      '１',
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

describe('numbers typed as text', () => {
  // parseNumber and parseHours read the common forms by hand; whatever the text, they must give
  // what the general (regex) readers give.
  it('read as the general readers read them', () => {
    fc.assert(
      fc.property(typedNumber, (text) => {
        expect(parseNumber(text)).toBe(numberText(text));
        expect(parseHours(text)).toBe(hoursText(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('compiled readers', () => {
  // Each column's reader takes common values on a fast path; whatever a cell holds, it must give
  // exactly what the general path gives, findings included.
  const columns = [standard2021_1, standard2021_2].flatMap((standard) =>
    [...standard.sheets.forums.columns, ...standard.sheets.council.columns]
      .filter((def) => !def.computed)
      .map((def) => ({ standard, def })),
  );
  const cell: fc.Arbitrary<Cell | null | undefined> = fc.oneof(
    anyCell,
    fc.constant(undefined),
    fc.record({ value: fc.oneof(fc.double(), fc.integer({ min: -3, max: 30 }), fc.constant(Infinity)) }),
    fc.record({ value: typedNumber }),
    // Around the 200-character bounds (명칭, 관련 의제), with surrounding spaces.
    fc.record({
      value: fc
        .tuple(fc.constantFrom('', ' '), fc.integer({ min: 195, max: 205 }))
        .map(([pad, n]) => pad + '가'.repeat(n) + pad),
    }),
    fc.record({
      value: fc.constantFrom(
        ...columns.flatMap(({ standard, def }) =>
          def.enum ? standard.enums[def.enum].map((e) => e.value) : [],
        ),
        ' 대면',
        '',
      ),
    }),
  );
  it('agree with the general path on any cell', () => {
    fc.assert(
      fc.property(fc.constantFrom(...columns), cell, ({ standard, def }, c) => {
        const context = { standard, registry };
        const at = { sheet: 's', column: 'C', row: 3 };
        const fast: Finding[] = [];
        const general: Finding[] = [];
        expect(readCell(valuesRule.compile(def, context), c, at, fast)).toEqual(
          generalReader(def, context)(c, at, general),
        );
        expect(fast).toEqual(general);
      }),
      { numRuns: 3000 },
    );
  });
});
