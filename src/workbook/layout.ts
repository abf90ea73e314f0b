// The standard workbook's layout as pure data, derived from the standard. Two writers apply it: the
// exceljs writer (src/xlsx/write.ts, `delib template`) and the Office.js inserter (src/excel). Neither
// decides a sheet name, a header, a list or a formula itself: they all come from here.
import type { ColumnDefinition, Standard, TableSheetDefinition } from '../standard/types';
import { columnLetter } from '../engine/snapshot';

/** A data-validation rule on a column (or a 기본정보 value cell). */
export type ValidationRule =
  | { kind: 'list'; values: string[] }
  | { kind: 'whole' | 'decimal'; min?: number; max?: number; minExclusive?: boolean };

export interface LayoutColumn {
  key: string;
  header: string;
  /** Excel column letter in the standard workbook (A, B, …). */
  letter: string;
  width: number;
  numberFormat?: string;
  validation?: ValidationRule;
  /** True for a computed column: write `formulaFor(layoutSheet, row)` into every data row. */
  computed: boolean;
}

export interface TableSheetLayout {
  name: string;
  /** Text of the rows above the header (row 1, 2, …); '' leaves a row empty. */
  titleRows: string[];
  /** Excel row number of the header row. */
  headerRow: number;
  /** Excel row number of the first data row. */
  firstDataRow: number;
  columns: LayoutColumn[];
  table: string;
  /** Freeze everything above the first data row. */
  freezeRows: number;
}

export interface InfoRowLayout {
  key: string;
  label: string;
  /** Excel row of this label (column A) and its value (column B). */
  row: number;
  numberFormat?: string;
  validation?: ValidationRule;
  example?: string;
  /**
   * A value written even into the blank workbook: 표준버전 is the form's, not the district's answer,
   * so the workbook declares the version it was made for.
   */
  preset?: string;
}

export interface InfoSheetLayout {
  name: string;
  /** Row 1 holds these two headers (label, value), as the city's copies do. */
  headerRow: number;
  headers: [string, string];
  rows: InfoRowLayout[];
  widths: [number, number];
}

export interface WorkbookLayout {
  standard: string;
  info: InfoSheetLayout;
  forums: TableSheetLayout;
  council: TableSheetLayout;
}

/**
 * Data rows with formulas pre-filled in a blank template. The 요약 formulas do not depend on it: they
 * reach to the sheet's last row (see summary-sheet.ts).
 */
export const PREFILLED_ROWS = 100;

/** Excel's last row: the 요약 ranges end here so rows added by hand are always counted. */
export const LAST_EXCEL_ROW = 1048576;

// Layout wording that the standard leaves to the workbook's author (not headers the engine reads).
const INFO_HEADERS: [string, string] = ['항목', '값'];
const FORUM_NOTE =
  '한 행에 숙의공론장 한 건. 참석인원(계)·참석율(%)은 자동 계산됩니다 / One forum per row; the total and rate are computed.';
const COUNCIL_NOTE = '성명은 제출·출력되지 않습니다 / Names are never submitted nor printed.';

/** 가나다 order, as the standard asks for displayed district lists. */
export function districtNamesSorted(standard: Standard): string[] {
  return standard.districts.map((d) => d.name).sort((a, b) => a.localeCompare(b, 'ko'));
}

function validationFor(column: ColumnDefinition, standard: Standard): ValidationRule | undefined {
  if (column.computed) return undefined;
  if (column.type === 'enum' && column.enum) {
    return { kind: 'list', values: standard.enums[column.enum].map((e) => e.value) };
  }
  if (column.type === 'count' || column.type === 'integer') {
    return { kind: 'whole', min: column.min, max: column.max };
  }
  if (column.type === 'hours' || column.type === 'decimal') {
    return { kind: 'decimal', min: column.min, max: column.max, minExclusive: column.minExclusive };
  }
  return undefined;
}

function tableLayout(def: TableSheetDefinition, titleRows: string[], standard: Standard): TableSheetLayout {
  const headerRow = titleRows.length + 1;
  return {
    name: def.name,
    titleRows,
    headerRow,
    firstDataRow: headerRow + 1,
    table: def.table,
    freezeRows: headerRow,
    columns: def.columns.map((c, i) => ({
      key: c.key,
      header: c.header,
      letter: columnLetter(i),
      width: c.width ?? 12,
      numberFormat: c.numberFormat,
      validation: validationFor(c, standard),
      computed: c.computed !== undefined,
    })),
  };
}

export function standardLayout(standard: Standard): WorkbookLayout {
  const info = standard.sheets.info;
  const sheetTitle = (name: string) => `${standard.title.ko} — ${name} (${standard.version})`;
  return {
    standard: standard.version,
    info: {
      name: info.name,
      headerRow: 1,
      headers: INFO_HEADERS,
      widths: [14, 28],
      rows: info.fields.map((f, i) => ({
        key: f.key,
        label: f.label,
        row: i + 2,
        example: f.selectsStandard ? undefined : f.example,
        preset: f.selectsStandard ? standard.version : undefined,
        // 표준버전 as text: Excel would turn 2021.2 into a number (and 2021.10 into 2021.1).
        numberFormat: f.type === 'date' ? 'yyyy-mm-dd' : f.selectsStandard ? '@' : undefined,
        validation:
          f.type === 'district'
            ? { kind: 'list', values: districtNamesSorted(standard) }
            : f.type === 'quarter'
              ? { kind: 'list', values: ['1', '2', '3', '4'] }
              : f.type === 'integer'
                ? { kind: 'whole', min: f.min, max: f.max }
                : undefined,
      })),
    },
    forums: tableLayout(
      standard.sheets.forums,
      [sheetTitle(standard.sheets.forums.name), FORUM_NOTE, ''],
      standard,
    ),
    council: tableLayout(
      standard.sheets.council,
      [sheetTitle(standard.sheets.council.name), COUNCIL_NOTE, ''],
      standard,
    ),
  };
}

/** Column letter of each key in a table sheet layout. */
export function lettersOf(sheet: TableSheetLayout): Record<string, string> {
  return Object.fromEntries(sheet.columns.map((c) => [c.key, c.letter]));
}

/**
 * The formula of a computed column in Excel row `row`, given where each key's column is. Blank inputs
 * give "" (a blank count is not zero, and a blank row must stay blank); a zero denominator gives ""
 * (an undefined rate, never 0% nor #DIV/0!). The rate is a fraction shown with the column's % format.
 */
export function computedFormula(
  column: ColumnDefinition,
  row: number,
  letters: Record<string, string>,
): string | undefined {
  const c = column.computed;
  if (!c) return undefined;
  const refs = (keys: string[]) => keys.map((k) => `${letters[k]}${row}`);
  const sum = (keys: string[]) => refs(keys).join('+');
  const allBlank = (keys: string[]) =>
    `AND(${refs(keys)
      .map((r) => `${r}=""`)
      .join(',')})`;
  if (c.kind === 'sum') return `=IF(${allBlank(c.of)},"",${sum(c.of)})`;
  const num = sum(c.numerator);
  const den = sum(c.denominator);
  // A fraction either way: `percent` is shown by the column's 0.0% number format, not by ×100.
  return `=IF(OR(${allBlank(c.numerator)},(${den})=0),"",(${num})/(${den}))`;
}

/** The standard's column definition behind a layout column. */
export function columnDefinition(
  sheet: 'forums' | 'council',
  key: string,
  standard: Standard,
): ColumnDefinition {
  const def = standard.sheets[sheet].columns.find((c) => c.key === key);
  if (!def) throw new Error(`unknown column ${sheet}.${key}`);
  return def;
}

/** Excel's list-validation formula: a quoted comma list (Excel caps it at 255 characters). */
export function listFormula(values: string[]): string {
  return `"${values.join(',')}"`;
}
