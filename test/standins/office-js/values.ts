// Values and functions of the stand-in's formula evaluator.
import type { Box } from './address';
import type { StandInModel, StandInSheet } from './model';

export type Err = { error: string };
/** A range stays a reference: functions visit only the cells that exist (ranges reach row 1048576). */
export type Grid = { sheet: StandInSheet; box: Box };
export type V = number | string | boolean | null | Err | Grid;

export const isErr = (v: V): v is Err => typeof v === 'object' && v !== null && 'error' in v;
export const isGrid = (v: V): v is Grid => typeof v === 'object' && v !== null && 'box' in v;

export function text(v: V): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function num(v: V): number | Err {
  if (isErr(v)) return v;
  if (v === null || v === '') return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isGrid(v)) return { error: '#VALUE!' };
  const n = Number(v);
  return Number.isFinite(n) ? n : { error: '#VALUE!' };
}

export function arith(op: string, a: V, b: V): V {
  const x = num(a);
  const y = num(b);
  if (isErr(x)) return x;
  if (isErr(y)) return y;
  if (op === '+') return x + y;
  if (op === '-') return x - y;
  if (op === '*') return x * y;
  if (y === 0) return { error: '#DIV/0!' };
  return x / y;
}

export function compare(op: string, a: V, b: V): V {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  if (isGrid(a) || isGrid(b)) return { error: '#VALUE!' };
  // A blank cell equals both "" and 0, as in Excel.
  const blankAs = (other: V) => (typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0);
  const x0 = a ?? blankAs(b);
  const y0 = b ?? blankAs(a);
  const x = typeof x0 === 'string' ? x0.toLowerCase() : x0;
  const y = typeof y0 === 'string' ? y0.toLowerCase() : y0;
  if (op === '=') return x === y;
  if (op === '<>') return x !== y;
  // Excel orders numbers before text; a number never satisfies a comparison with text here.
  if (typeof x !== typeof y) return false;
  if (op === '<') return x < y;
  if (op === '>') return x > y;
  if (op === '<=') return x <= y;
  return x >= y;
}

export function cellValue(c: { value: V; error?: string } | undefined): V {
  if (!c) return null;
  return c.error ? { error: c.error } : c.value;
}

/** Every existing cell of the arguments (blank cells are skipped, as SUM and COUNTA do). */
function flat(model: StandInModel, args: V[]): V[] {
  const out: V[] = [];
  for (const a of args) {
    if (!isGrid(a)) {
      out.push(a);
      continue;
    }
    for (const [r, cols] of a.sheet.rows) {
      if (r < a.box.row || r >= a.box.row + a.box.rowCount) continue;
      for (const [c, cell] of cols)
        if (c >= a.box.column && c < a.box.column + a.box.columnCount) out.push(cellValue(cell));
    }
  }
  return out;
}

function matches(value: V, criterion: V): boolean {
  if (value === null) return false;
  if (typeof criterion === 'string') {
    const m = /^(<>|<=|>=|=|<|>)(.*)$/.exec(criterion);
    if (m) {
      const rhs: V = m[2] !== '' && Number.isFinite(Number(m[2])) ? Number(m[2]) : m[2];
      return compare(m[1], value, rhs) === true;
    }
  }
  return compare('=', value, criterion) === true;
}

export function callFunction(model: StandInModel, name: string, args: V[]): V {
  const firstErr = (vs: V[]) => vs.find(isErr);
  const truthy = (v: V) => v !== null && v !== false && v !== 0 && v !== '';
  switch (name) {
    case 'SUM': {
      const vs = flat(model, args);
      return firstErr(vs) ?? vs.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
    }
    case 'COUNT':
      return flat(model, args).filter((v) => typeof v === 'number').length;
    case 'AVERAGE': {
      const vs = flat(model, args);
      const e = firstErr(vs);
      if (e) return e;
      const ns = vs.filter((v): v is number => typeof v === 'number');
      return ns.length ? ns.reduce((s, x) => s + x, 0) / ns.length : { error: '#DIV/0!' };
    }
    case 'COUNTA':
      return flat(model, args).filter((v) => v !== null && v !== '').length;
    case 'AND':
    case 'OR': {
      const vs = flat(model, args);
      const e = firstErr(vs);
      if (e) return e;
      return name === 'AND' ? vs.every(truthy) : vs.some(truthy);
    }
    case 'IF':
      return isErr(args[0]) ? args[0] : truthy(args[0]) ? args[1] : (args[2] ?? false);
    case 'IFERROR':
      return isErr(args[0]) ? args[1] : args[0];
    case 'DATE': {
      const [y, m, d] = args.map(num);
      for (const v of [y, m, d]) if (isErr(v)) return v;
      return Math.round(Date.UTC(y as number, (m as number) - 1, d as number) / 86400000) + 25569;
    }
    case 'ROUND': {
      const x = num(args[0]);
      const d = num(args[1] ?? 0);
      if (isErr(x)) return x;
      if (isErr(d)) return d;
      return Math.round(x * 10 ** d) / 10 ** d;
    }
    case 'VALUE': {
      const v = args[0];
      if (typeof v === 'string') {
        const n = Number(v.trim());
        return v.trim() !== '' && Number.isFinite(n) ? n : { error: '#VALUE!' };
      }
      return num(v);
    }
    case 'TRIM':
      return isErr(args[0]) ? args[0] : text(args[0]).trim().replace(/ +/g, ' ');
    case 'LEN':
      return isErr(args[0]) ? args[0] : text(args[0]).length;
    case 'LEFT':
    case 'RIGHT': {
      if (isErr(args[0])) return args[0];
      const n = num(args[1] ?? 1);
      if (isErr(n)) return n;
      const t = text(args[0]);
      return name === 'LEFT' ? t.slice(0, n) : t.slice(Math.max(0, t.length - n));
    }
    case 'INT':
    case 'ABS': {
      const x = num(args[0]);
      if (isErr(x)) return x;
      return name === 'INT' ? Math.floor(x) : Math.abs(x);
    }
    case 'MIN':
    case 'MAX': {
      const vs = flat(model, args);
      const e = firstErr(vs);
      if (e) return e;
      const ns = vs.filter((v): v is number => typeof v === 'number');
      return ns.length ? (name === 'MIN' ? Math.min(...ns) : Math.max(...ns)) : 0;
    }
    case 'YEAR':
    case 'MONTH':
    case 'DAY': {
      const x = num(args[0]);
      if (isErr(x)) return x;
      const d = new Date(Math.round((x - 25569) * 86400000));
      return name === 'YEAR' ? d.getUTCFullYear() : name === 'MONTH' ? d.getUTCMonth() + 1 : d.getUTCDate();
    }
    case 'ISNUMBER':
      return typeof args[0] === 'number';
    case 'ISBLANK':
      return args[0] === null;
    case 'SUMIFS':
    case 'COUNTIFS':
      return conditional(name === 'SUMIFS' ? args[0] : null, name === 'SUMIFS' ? args.slice(1) : args);
    default:
      return { error: '#NAME?' };
  }
}

/** SUMIFS / COUNTIFS over same-shaped ranges, visiting only rows that exist on the first range's sheet. */
function conditional(sumRange: V, pairs: V[]): V {
  const ranges: Grid[] = [];
  for (let k = 0; k < pairs.length; k += 2) {
    const r = pairs[k];
    if (!isGrid(r)) return { error: '#VALUE!' };
    ranges.push(r);
  }
  if (sumRange !== null && !isGrid(sumRange)) return { error: '#VALUE!' };
  for (let k = 1; k < pairs.length; k += 2) if (isErr(pairs[k])) return pairs[k];
  const first = ranges[0];
  const at = (g: Grid, offset: number) => cellValue(g.sheet.rows.get(g.box.row + offset)?.get(g.box.column));
  let total = 0;
  for (const r of first.sheet.rows.keys()) {
    const offset = r - first.box.row;
    if (offset < 0 || offset >= first.box.rowCount) continue;
    if (!ranges.every((g, k) => matches(at(g, offset), pairs[k * 2 + 1]))) continue;
    if (!sumRange) total += 1;
    else {
      const v = at(sumRange, offset);
      if (isErr(v)) return v;
      if (typeof v === 'number') total += v;
    }
  }
  return total;
}
