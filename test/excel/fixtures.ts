// Standard workbooks for the Excel-folder tests and the bench, built from the layout so headers,
// positions and computed formulas are the standard's own.
import { standard2021_1 } from '../../src/standard/2021.1';
import { computedFormula, lettersOf, standardLayout } from '../../src/workbook';
import type { InitialWorkbook } from '../standins/office-js';
import { excelDateSerial } from '../standins/office-js';

const layout = standardLayout(standard2021_1);
export const FORUMS = layout.forums.name;
export const COUNCIL = layout.council.name;
export const INFO = layout.info.name;
export const FIRST_DATA_ROW = layout.forums.firstDataRow;
export const LETTERS = lettersOf(layout.forums);
const TYPES = standard2021_1.enums.forumType.map((t) => t.value);

/** Excel row number of forum row i (0-based). */
export const forumRow = (i: number) => FIRST_DATA_ROW + i;

/** One valid 숙의공론장 row (all values as a district would type them into the template). */
export function forumValues(i: number): unknown[] {
  const row = forumRow(i);
  const date = excelDateSerial(2021, 1 + (i % 12), 1 + (i % 28))!;
  const values: Record<string, unknown> = {
    id: i + 1,
    date,
    name: `주민자치 숙의공론장 ${i + 1}차 회의`,
    type: TYPES[i % TYPES.length],
    host: '자치행정과',
    hours: 2,
    expectedOfficial: 5,
    expectedCivilian: 10,
    attendedOfficial: 4,
    attendedCivilian: 8,
    note: '',
  };
  return layout.forums.columns.map((c) => {
    if (c.computed) {
      const def = standard2021_1.sheets.forums.columns.find((d) => d.key === c.key)!;
      return computedFormula(def, row, LETTERS);
    }
    return values[c.key] ?? '';
  });
}

export function workbook(forumRows: number, options: { summary?: boolean } = {}): InitialWorkbook {
  const infoRows: unknown[][] = [[...layout.info.headers]];
  const infoValues: Record<string, unknown> = {
    district: '강서구',
    year: 2021,
    quarter: 4,
    department: '자치행정과',
    author: '홍길동',
    phone: '02-2600-1234',
    reportDate: excelDateSerial(2021, 12, 31),
  };
  for (const r of layout.info.rows) infoRows[r.row - 1] = [r.label, infoValues[r.key]];
  const table = (l: typeof layout.forums, data: unknown[][]) => {
    const rows: unknown[][] = l.titleRows.map((t) => [t]);
    rows[l.headerRow - 1] = l.columns.map((c) => c.header);
    data.forEach((d, i) => (rows[l.firstDataRow - 1 + i] = d));
    return rows;
  };
  const members = Array.from({ length: 10 }, (_, i) => [
    i + 1,
    `위원${i + 1}`,
    i < 7 ? '민간' : i < 9 ? '행정' : '구의원',
    i % 2 ? '여' : '남',
    '',
    '',
  ]);
  const sheets: InitialWorkbook['sheets'] = [
    { name: INFO, rows: infoRows },
    {
      name: FORUMS,
      rows: table(
        layout.forums,
        Array.from({ length: forumRows }, (_, i) => forumValues(i)),
      ),
    },
    { name: COUNCIL, rows: table(layout.council, members) },
  ];
  if (options.summary) sheets.push({ name: standard2021_1.sheets.summary.name, rows: [] });
  return { sheets };
}

/** A1 address of a forum column in forum row i. */
export const forumCell = (key: string, i: number) => `${LETTERS[key]}${forumRow(i)}`;
