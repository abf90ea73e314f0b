// A formula as the stamp covers it: the same whatever row it sits in and wherever the district moved
// the standard's columns, different as soon as it computes something else. References become
// positions relative to the cell (`R[0]`, `C[-2]`) and, where they point into a standard table's
// column, that column's key (`{attendedOfficial}`); absolute parts stay absolute. Excel writes some
// functions with a `_xlfn.` prefix in the file and without it through Office.js: the prefix goes.
import { parseAddress } from '../engine/snapshot';

/** The standard column key of a sheet column (0-based), or null: by sheet name, null for the cell's own sheet. */
export type ColumnKeys = (sheet: string | null, column: number) => string | null;

// A reference, possibly after a sheet prefix: a cell (`$A$1`), whole columns (`A:C`) or rows (`1:3`).
const REFERENCE =
  /(?<![\w.$\u0080-\uffff])((?:'(?:[^']|'')+'|[A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*)!)?(\$?[A-Z]{1,3}\$?\d{1,7}(?![\w(.])|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}(?![\w(.])|\$?\d{1,7}:\$?\d{1,7}(?![\w(.]))/g;

function columnIndex(letters: string): number {
  return parseAddress(`${letters}1`).column;
}

function sheetOf(prefix: string | undefined): string | null {
  if (!prefix) return null;
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/**
 * `formula` (with its `=`) at Excel row `row`, column `column` (0-based), with references made
 * position-independent. String literals are left as they are.
 */
export function normalizeFormula(formula: string, row: number, column: number, keys: ColumnKeys): string {
  let sheet: string | null = null;
  const col = (absolute: boolean, letters: string): string => {
    const c = columnIndex(letters);
    const key = keys(sheet, c);
    if (key !== null) return `{${key}}`;
    return absolute ? `C${c + 1}` : `C[${c - column}]`;
  };
  const rw = (absolute: boolean, digits: string): string => {
    const r = Number(digits);
    return absolute ? `R${r}` : `R[${r - row}]`;
  };
  const reference = (ref: string): string => {
    const cell = /^(\$?)([A-Z]{1,3})(\$?)(\d+)$/.exec(ref);
    if (cell) return rw(cell[3] === '$', cell[4]) + col(cell[1] === '$', cell[2]);
    const [a, b] = ref.split(':');
    const columns = /^\$?[A-Z]/.test(a);
    const part = (p: string) =>
      columns ? col(p.startsWith('$'), p.replace('$', '')) : rw(p.startsWith('$'), p.replace('$', ''));
    return `${part(a)}:${part(b)}`;
  };
  return formula
    .replace(/_xl(?:fn|ws)\./g, '')
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part.replace(REFERENCE, (match, prefix: string | undefined, ref: string, offset: number) => {
        // The end of a range (`A1:B2`, `'x'!A1:B2`) is on the sheet of its start.
        if (prefix !== undefined || part[offset - 1] !== ':') sheet = sheetOf(prefix);
        return `${prefix ?? ''}${reference(ref)}`;
      });
    })
    .join('');
}
