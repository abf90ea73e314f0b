// A small formula evaluator so formula cells in the stand-in carry results (computed columns, the
// 요약 sheet in the preview). It covers arithmetic, comparisons, references, ranges and a handful of
// functions; anything else evaluates to #NAME?, as Excel shows for an unknown function.
import { columnName, parseBox, splitSheet } from './address';
import type { StandInModel, StandInSheet } from './model';
import { type V, arith, callFunction, cellValue, compare, isErr, isGrid, text } from './values';

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|('(?:[^']|'')+'!|[\p{L}_][\p{L}\p{N}_.]*!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)|(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+)|([A-Za-z_][A-Za-z0-9_.]*)|(<>|<=|>=|[-+*/^&=<>(),%:]))/uy;

interface Tok {
  kind: 'str' | 'ref' | 'num' | 'name' | 'op';
  text: string;
  sheet?: string;
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw new Error('syntax');
    pos = TOKEN.lastIndex;
    if (m[1]) out.push({ kind: 'str', text: m[1].slice(1, -1).replace(/""/g, '"') });
    else if (m[3])
      out.push({
        kind: 'ref',
        text: m[3],
        sheet: m[2] ? (splitSheet(m[2] + 'A1').sheet ?? undefined) : undefined,
      });
    else if (m[4]) out.push({ kind: 'num', text: m[4] });
    else if (m[5]) out.push({ kind: 'name', text: m[5].toUpperCase() });
    else out.push({ kind: 'op', text: m[6] });
  }
  return out;
}

export function evaluateFormula(
  model: StandInModel,
  sheet: StandInSheet,
  _row: number,
  _col: number,
  formula: string,
): { value: string | number | boolean | null; error?: string } {
  let toks: Tok[];
  try {
    toks = tokenize(formula.replace(/^=/, ''));
  } catch {
    return { value: null, error: '#NAME?' };
  }
  let i = 0;
  const peek = () => toks[i];
  const eat = (text?: string) => {
    const t = toks[i];
    if (!t || (text !== undefined && t.text !== text)) throw new Error('syntax');
    i++;
    return t;
  };
  const readRef = (t: Tok): V => {
    const target = t.sheet ? model.findSheet(t.sheet) : sheet;
    if (!target) return { error: '#REF!' };
    const b = parseBox(t.text);
    if (b.rowCount === 1 && b.columnCount === 1) return cellValue(model.cell(target, b.row, b.column));
    return { sheet: target, box: b };
  };
  const primary = (): V => {
    const t = eat();
    if (t.kind === 'num') return Number(t.text);
    if (t.kind === 'str') return t.text;
    if (t.kind === 'ref') return readRef(t);
    if (t.kind === 'op' && t.text === '(') {
      const v = comparison();
      eat(')');
      return v;
    }
    if (t.kind === 'op' && t.text === '-') return arith('-', 0, unary());
    if (t.kind === 'op' && t.text === '+') return unary();
    if (t.kind === 'name') {
      if (t.text === 'TRUE' || t.text === 'FALSE') return t.text === 'TRUE';
      eat('(');
      const args: V[] = [];
      if (peek()?.text !== ')') {
        args.push(comparison());
        while (peek()?.text === ',') {
          eat(',');
          args.push(comparison());
        }
      }
      eat(')');
      return callFunction(model, t.text, args);
    }
    throw new Error('syntax');
  };
  const unary = (): V => {
    let v = primary();
    while (peek()?.text === '%') {
      eat('%');
      v = arith('/', v, 100);
    }
    return v;
  };
  const term = (): V => {
    let v = unary();
    while (peek()?.text === '*' || peek()?.text === '/') v = arith(eat().text, v, unary());
    return v;
  };
  const additive = (): V => {
    let v = term();
    while (peek()?.text === '+' || peek()?.text === '-') v = arith(eat().text, v, term());
    return v;
  };
  const concat = (): V => {
    let v = additive();
    while (peek()?.text === '&') {
      eat('&');
      const w = additive();
      if (isErr(v)) continue;
      v = isErr(w) ? w : text(v) + text(w);
    }
    return v;
  };
  const comparison = (): V => {
    const v = concat();
    const op = peek()?.text;
    if (op && ['=', '<>', '<', '>', '<=', '>='].includes(op)) {
      eat();
      return compare(op, v, concat());
    }
    return v;
  };
  try {
    const v = comparison();
    if (i < toks.length) throw new Error('syntax');
    const s = isGrid(v) ? cellValue(model.cell(v.sheet, v.box.row, v.box.column)) : v;
    if (isErr(s)) return { value: null, error: s.error };
    return { value: s === null ? 0 : (s as string | number | boolean) };
  } catch {
    return { value: null, error: '#NAME?' };
  }
}

/**
 * The formula as written for the cell `rows` below and `columns` right of the one it was written for:
 * relative references move, `$`-fixed parts stay (what Excel does for conditional formats).
 */
export function relativeFormula(formula: string, rows: number, columns: number): string {
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(?<![\w.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/g,
            (_m, fixCol: string, col: string, fixRow: string, row: string) => {
              const c = fixCol ? col : columnName(columnIndexOf(col) + columns);
              const r = fixRow ? row : String(Number(row) + rows);
              return `${fixCol}${c}${fixRow}${r}`;
            },
          ),
    )
    .join('');
}

function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
