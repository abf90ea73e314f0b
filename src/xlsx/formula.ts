// A shared formula (<f t="shared" si="0"/>) holds its text only in the first cell; every other cell
// of the group uses that text moved by its own offset, as Excel does when a formula is filled down.
// Relative references move, `$`-anchored parts stay; strings, quoted sheet names, structured
// references and function names are left alone.

/** Excel's grid: column XFD, row 1,048,576. */
export const MAX_COLUMN = 16_384;
export const MAX_ROW = 1_048_576;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;

/** Letters, digits, `_ . $ \\` and anything beyond ASCII (unquoted Korean sheet names). */
function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c === 0x2e ||
    c === 0x24 ||
    c === 0x5c ||
    c > 0x7f
  );
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function moveColumn(anchor: string, letters: string, by: number): string | null {
  const n = anchor ? columnNumber(letters) : columnNumber(letters) + by;
  return n < 1 || n > MAX_COLUMN ? null : anchor + columnLetters(n);
}

function moveRow(anchor: string, digits: string, by: number): string | null {
  const n = anchor ? Number(digits) : Number(digits) + by;
  return n < 1 || n > MAX_ROW ? null : anchor + n;
}

function moveCell(token: string, dRow: number, dCol: number): string | null {
  const m = CELL.exec(token);
  if (!m || columnNumber(m[2]) > MAX_COLUMN || Number(m[4]) > MAX_ROW || Number(m[4]) < 1) return null;
  const column = moveColumn(m[1], m[2], dCol);
  const row = moveRow(m[3], m[4], dRow);
  return column && row ? column + row : '#REF!';
}

/** Copies a quoted run (`"text"` or `'sheet'`, the quote doubled inside) from `i`; returns its end. */
function quoted(formula: string, i: number): number {
  const q = formula[i];
  let j = i + 1;
  while (j < formula.length) {
    if (formula[j] === q) {
      if (formula[j + 1] === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return j;
}

function bracketed(formula: string, i: number): number {
  let depth = 0;
  for (let j = i; j < formula.length; j++) {
    if (formula[j] === '[') depth++;
    else if (formula[j] === ']' && --depth === 0) return j + 1;
  }
  return formula.length;
}

function word(formula: string, i: number): number {
  let j = i;
  while (j < formula.length && isWordChar(formula[j])) j++;
  return j;
}

/** A `A:C` or `3:5` range moves both ends; null when the two words are not such a range. */
function movedRange(a: string, b: string, dRow: number, dCol: number): string | null {
  const ca = COLUMN.exec(a);
  const cb = COLUMN.exec(b);
  if (ca && cb) {
    const x = moveColumn(ca[1], ca[2], dCol);
    const y = moveColumn(cb[1], cb[2], dCol);
    return x && y ? `${x}:${y}` : '#REF!';
  }
  const ra = ROW.exec(a);
  const rb = ROW.exec(b);
  if (ra && rb) {
    const x = moveRow(ra[1], ra[2], dRow);
    const y = moveRow(rb[1], rb[2], dRow);
    return x && y ? `${x}:${y}` : '#REF!';
  }
  return null;
}

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = quoted(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (ch === '[') {
      const end = bracketed(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (isWordChar(ch)) {
      const end = word(formula, i);
      const token = formula.slice(i, end);
      if (formula[end] === ':' && isWordChar(formula[end + 1])) {
        const end2 = word(formula, end + 1);
        const range = movedRange(token, formula.slice(end + 1, end2), dRow, dCol);
        if (range !== null) {
          out += range;
          i = end2;
          continue;
        }
      }
      const next = formula[end];
      const moved = next === '(' || next === '!' || next === '[' ? null : moveCell(token, dRow, dCol);
      out += moved ?? token;
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
