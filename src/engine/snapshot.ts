// A host-neutral picture of a workbook's cells: what the engine validates. Two readers fill it:
// src/xlsx (exceljs, Node) and src/excel (Office.js). Dates are Excel serial numbers, as Office.js
// reports them, so both readers agree without time zones getting involved.

export type CellValue = string | number | boolean | null;

export interface Cell {
  /** The value shown by Excel (for a formula: its cached result). `null` for an empty cell. */
  value: CellValue;
  /** The formula text with its leading `=`, when the cell holds one. */
  formula?: string;
  /** The Excel error value (`#DIV/0!`, `#REF!` …) when the cell holds one; `value` is then null. */
  error?: string;
  numberFormat?: string;
}

export interface SheetSnapshot {
  name: string;
  /**
   * `rows[r][c]` is the cell at Excel row r + 1, column c + 1; missing entries are empty cells.
   * Rows may be ragged.
   */
  rows: (Cell | null | undefined)[][];
  /**
   * Whether Excel shows the sheet tab. Absent means visible (a host or test that does not know).
   * Both readers fill it: the .xlsx reader from workbook.xml's `state`, Office.js from
   * `Worksheet.visibility`.
   */
  visibility?: SheetVisibility;
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** Which rows of which sheet changed (Excel row numbers), as a host's change events report them. */
export interface RowChange {
  sheet: string;
  rows: number[];
}

const A = 'A'.charCodeAt(0);

/** 0-based column index → Excel letters (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(A + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index and 1-based Excel row → A1 address. */
export function cellAddress(column: number, row: number): string {
  return columnLetter(column) + row;
}

/** A1 address → { column (0-based), row (1-based) }. */
export function parseAddress(address: string): { column: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - A + 1);
  return { column: column - 1, row: Number(m[2]) };
}

export function isBlankCell(cell: Cell | null | undefined): boolean {
  if (!cell) return true;
  if (cell.error) return false;
  const v = cell.value;
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A cell's value as text ('' for an empty cell), for matching labels and headers. */
export function cellText(cell: Cell | null | undefined): string {
  if (!cell || cell.value === null || cell.value === undefined) return '';
  return String(cell.value);
}
