// A1 addresses for the stand-in. Self-contained on purpose: the stand-in is loaded in the browser
// preview and must not pull anything from src/.

export interface Box {
  /** 0-based first row / column. */
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** Excel's limits, used for whole-row / whole-column references. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Splits `'My sheet'!A1:B2` into the sheet name (or null) and the local part. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1).trim() };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7})$/;

/** Parses a local address (`B7`, `A5:M10004`, `A:C`, `5:9`) into a box; throws on anything else. */
export function parseBox(local: string): Box {
  const parts = local.split(':');
  if (parts.length > 2 || parts[0] === '') throw new Error(`InvalidArgument: ${local}`);
  const [a, b = parts[0]] = parts;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r1 = Number(ca[2]) - 1;
    const r2 = Number(cb[2]) - 1;
    const c1 = columnIndex(ca[1]);
    const c2 = columnIndex(cb[1]);
    return box(Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2));
  }
  const ka = COLS.exec(a);
  const kb = COLS.exec(b);
  if (ka && kb && parts.length === 2) {
    const c1 = columnIndex(ka[1]);
    const c2 = columnIndex(kb[1]);
    return box(0, Math.min(c1, c2), MAX_ROWS - 1, Math.max(c1, c2));
  }
  const ra = ROWS.exec(a);
  const rb = ROWS.exec(b);
  if (ra && rb && parts.length === 2) {
    const r1 = Number(ra[1]) - 1;
    const r2 = Number(rb[1]) - 1;
    return box(Math.min(r1, r2), 0, Math.max(r1, r2), MAX_COLUMNS - 1);
  }
  throw new Error(`InvalidArgument: ${local}`);
}

function box(r1: number, c1: number, r2: number, c2: number): Box {
  if (r1 < 0 || c1 < 0 || r2 >= MAX_ROWS || c2 >= MAX_COLUMNS)
    throw new Error('InvalidArgument: out of the grid');
  return { row: r1, column: c1, rowCount: r2 - r1 + 1, columnCount: c2 - c1 + 1 };
}

export function formatBox(b: Box): string {
  const first = columnName(b.column) + (b.row + 1);
  if (b.rowCount === 1 && b.columnCount === 1) return first;
  return `${first}:${columnName(b.column + b.columnCount - 1)}${b.row + b.rowCount}`;
}

/** Excel quotes a sheet name in an address when it is not a plain identifier. */
export function qualify(sheet: string, local: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${local}`;
}
