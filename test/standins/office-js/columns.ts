// Inserting whole columns, as Excel does it: every cell at or right of the insertion moves right, and
// so does everything that points at cells — formulas on every sheet (relative and absolute
// references alike), data validation, tables, column widths, frozen columns. A table or a reference
// that spans the insertion grows; one that ends just left of it does not (Excel's rule: inserting at
// a table's right edge leaves the table as it was). New columns inside a table get header names
// `Column1`, `Column2` … as Excel gives them. Self-contained, like the rest of the stand-in.
import { columnName } from './address';
import type { StandInCell, StandInSheet } from './model';

/** Where a column span [first, last] lies after `count` columns are inserted before column `at`. */
export function shiftSpan(first: number, last: number, at: number, count: number): [number, number] {
  if (first >= at) return [first + count, last + count];
  if (last >= at) return [first, last + count];
  return [first, last];
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

// A string literal (skipped), or a reference: optional sheet, then a cell, a cell range or a column
// range. Not preceded or followed by what would make it part of a name or a function call.
const REFERENCE =
  /("(?:[^"]|"")*")|(?<![\p{L}\p{N}_.$])((?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)?(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+)?)?(?![\p{L}\p{N}_(.!])/gu;

function sheetOf(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/**
 * A formula with its references to `target`'s columns moved as an insertion of `count` columns before
 * `at` moves the cells. `ownSheet` is the sheet the formula is on (unqualified references).
 */
export function shiftFormula(
  formula: string,
  ownSheet: string,
  target: string,
  at: number,
  count: number,
): string {
  return formula.replace(
    REFERENCE,
    (
      whole,
      str: string | undefined,
      prefix = '',
      d1,
      c1: string,
      d2,
      r1 = '',
      d3 = '',
      c2,
      d4 = '',
      r2 = '',
    ) => {
      if (str !== undefined || c1 === undefined) return whole;
      const isRange = c2 !== undefined;
      // `A1` and `A1:B2` are cells; `A:B` is a column range; `A` alone or `A1:B` is a name.
      if (isRange ? (r1 === '') !== (r2 === '') : r1 === '') return whole;
      const sheet = prefix ? sheetOf(prefix) : ownSheet;
      if (sheet.toLowerCase() !== target.toLowerCase()) return whole;
      const a = columnIndex(c1);
      const b = isRange ? columnIndex(c2) : a;
      const [x, y] = isRange
        ? shiftSpan(Math.min(a, b), Math.max(a, b), at, count)
        : shiftSpan(a, a, at, count);
      const first = `${prefix}${d1}${columnName(x)}${d2}${r1}`;
      return isRange ? `${first}:${d3}${columnName(y)}${d4}${r2}` : first;
    },
  );
}

/** Moves the sheet's cells, validations, tables, widths and frozen columns for the insertion. */
export function insertColumnsInSheet(sheet: StandInSheet, at: number, count: number): void {
  for (const [r, cols] of sheet.rows) {
    const next = new Map<number, StandInCell>();
    for (const [c, cell] of cols) next.set(c >= at ? c + count : c, cell);
    sheet.rows.set(r, next);
  }
  for (const v of sheet.validations) {
    const [first, last] = shiftSpan(v.box.column, v.box.column + v.box.columnCount - 1, at, count);
    v.box = { ...v.box, column: first, columnCount: last - first + 1 };
  }
  for (const t of sheet.tables) {
    const end = t.box.column + t.box.columnCount - 1;
    const [first, last] = shiftSpan(t.box.column, end, at, count);
    t.box = { ...t.box, column: first, columnCount: last - first + 1 };
    // New columns inside a table: Excel names their headers Column1, Column2 … (unique in the table).
    if (t.hasHeaders && first < at && end >= at) {
      const header = sheet.rows.get(t.box.row) ?? new Map();
      sheet.rows.set(t.box.row, header);
      const taken = new Set([...header.values()].map((c) => String(c.value ?? '')));
      let n = 1;
      for (let c = at; c < at + count; c++) {
        while (taken.has(`Column${n}`)) n++;
        header.set(c, { value: `Column${n}` });
        taken.add(`Column${n++}`);
      }
    }
  }
  const widths = new Map<number, number>();
  for (const [c, w] of sheet.columnWidths) widths.set(c >= at ? c + count : c, w);
  sheet.columnWidths = widths;
  if (sheet.freeze.columns > at) sheet.freeze = { ...sheet.freeze, columns: sheet.freeze.columns + count };
}

/** The last column holding anything, to refuse an insertion that would push it off the grid. */
export function lastUsedColumn(sheet: StandInSheet): number {
  let last = -1;
  for (const cols of sheet.rows.values())
    for (const [c, cell] of cols)
      if (cell.value !== null || cell.formula || cell.error) last = Math.max(last, c);
  return last;
}
