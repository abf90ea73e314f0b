// One cell read by its column definition: the value, or the findings that say why it cannot be
// used. Compiled once per standard and column into a plan (types.ts CellPlan) whose common case
// (a count typed as a number, a known list value) `readCell` takes first; anything else goes
// through the general path below. Shared by 숙의공론장 and 협치회의 구성.
import type { ColumnDefinition, EnumName, Standard, Text } from '../../standard/types';
import type { FieldValue, Finding } from '../report';
import type { Cell } from '../snapshot';
import { isBlankCell } from '../snapshot';
import { fillText, makeFinding, type Place } from '../findings';
import { MAX_SERIAL, parseDate, parseHours, parseNumber, parseText } from '../parse';
import { headerKey, trimAscii } from '../text';
import type { CellAt, CellPlan, CellReader, CompileContext, RuleOf } from './types';

interface EnumIndex {
  values: Set<string>;
  /** Folded value or near miss → the intended value. */
  intended: Map<string, string>;
  /** Folded value → the first later version that knows it (a 2021.2 type in a 2021.1 workbook). */
  later: Map<string, string>;
  /** The list's catch-all value (기타), offered for a value only a later version knows. */
  fallback: string | null;
}

function enumIndex(name: EnumName, { standard, registry }: CompileContext): EnumIndex {
  const defs = standard.enums[name] ?? [];
  const index: EnumIndex = {
    values: new Set(defs.map((d) => d.value)),
    intended: new Map(),
    later: new Map(),
    fallback: defs.find((d) => d.fallback)?.value ?? null,
  };
  for (const def of defs)
    for (const text of [def.value, ...def.nearMisses]) index.intended.set(headerKey(text), def.value);
  const versions = registry?.versions ?? [];
  const position = versions.indexOf(standard);
  if (position >= 0) {
    for (const later of versions.slice(position + 1)) {
      for (const def of later.enums[name] ?? []) {
        const key = headerKey(def.value);
        if (!index.values.has(def.value) && !index.later.has(key)) index.later.set(key, later.version);
      }
    }
  }
  return index;
}

const placeAt = (at: CellAt, def: ColumnDefinition): Place => ({
  sheet: at.sheet,
  cell: at.column + at.row,
  row: at.row,
  field: def.key,
});

/** What a finding quotes of a cell: never a personal value (a council member's name). */
const quoted = (def: ColumnDefinition, raw: Cell['value']) => (def.personal ? null : raw);

function bound(
  standard: Standard,
  kind: keyof Standard['wording']['bounds'],
  params: Record<string, number>,
): Text {
  return fillText(standard.wording.bounds[kind], params);
}

/** The general path: every case, findings included. */
function readSlow(
  standard: Standard,
  def: ColumnDefinition,
  index: EnumIndex | null,
  cell: Cell | null | undefined,
  at: CellAt,
  out: Finding[],
): FieldValue {
  if (cell?.error) {
    out.push(makeFinding(standard, 'formula-error', placeAt(at, def), cell.error, { field: def.label }));
    return null;
  }
  if (isBlankCell(cell)) {
    if (def.required)
      out.push(makeFinding(standard, 'required', placeAt(at, def), null, { field: def.label }));
    return null;
  }
  const raw = cell!.value;
  switch (def.type) {
    case 'text': {
      const text = parseText(raw);
      if (text === null) return typeError(standard, def, raw, at, out);
      if (def.maxLength !== undefined && [...text].length > def.maxLength) {
        out.push(
          makeFinding(standard, 'constraint-error', placeAt(at, def), quoted(def, text), {
            field: def.label,
            detail: bound(standard, 'maxLength', { max: def.maxLength }),
          }),
        );
      }
      return text;
    }
    case 'enum': {
      const text = typeof raw === 'string' ? trimAscii(raw) : parseText(raw);
      if (text === null) return typeError(standard, def, raw, at, out);
      if (index!.values.has(text)) return text;
      enumError(standard, def, index!, text, raw, at, out);
      return null;
    }
    case 'date': {
      const serial = parseDate(raw);
      return Number.isNaN(serial) ? typeError(standard, def, raw, at, out) : serial;
    }
    default: {
      const n = def.type === 'hours' ? parseHours(raw, cell!.numberFormat) : parseNumber(raw);
      if (Number.isNaN(n)) return typeError(standard, def, raw, at, out);
      return withinBounds(standard, def, n, raw, at, out) ? n : null;
    }
  }
}

function enumError(
  standard: Standard,
  def: ColumnDefinition,
  index: EnumIndex,
  text: string,
  raw: Cell['value'],
  at: CellAt,
  out: Finding[],
): void {
  const key = headerKey(text);
  const intended = index.intended.get(key);
  const laterVersion = intended === undefined ? index.later.get(key) : undefined;
  const fix = intended ?? (laterVersion !== undefined ? index.fallback : null);
  const hint =
    laterVersion !== undefined
      ? fillText(standard.wording.laterVersionHint, {
          version: laterVersion,
          current: standard.version,
          fix: index.fallback ?? '',
        })
      : fix !== null
        ? fillText(standard.wording.fixHint, { fix })
        : null;
  out.push(
    makeFinding(standard, 'enum-error', placeAt(at, def), quoted(def, raw), { field: def.label, hint }, fix),
  );
}

/**
 * False (after reporting it) when the value breaks its bounds: a negative count or a 25-hour
 * meeting must not move the district's figures, so such a value is not used.
 */
function withinBounds(
  standard: Standard,
  def: ColumnDefinition,
  n: number,
  raw: Cell['value'],
  at: CellAt,
  out: Finding[],
): boolean {
  let detail: Text | null = null;
  if ((def.type === 'count' || def.type === 'integer') && !Number.isInteger(n))
    detail = bound(standard, 'integer', {});
  else if (def.min !== undefined && (def.minExclusive ? n <= def.min : n < def.min))
    detail = bound(standard, def.minExclusive ? 'minExclusive' : 'min', { min: def.min });
  else if (def.max !== undefined && n > def.max) detail = bound(standard, 'max', { max: def.max });
  if (detail) {
    out.push(
      makeFinding(standard, 'constraint-error', placeAt(at, def), quoted(def, raw), {
        field: def.label,
        detail,
      }),
    );
    return false;
  }
  if (def.warnAbove && n > def.warnAbove.value) {
    out.push(
      makeFinding(standard, def.warnAbove.code, placeAt(at, def), def.personal ? null : n, {
        field: def.label,
        max: def.warnAbove.value,
      }),
    );
  }
  return true;
}

function typeError(
  standard: Standard,
  def: ColumnDefinition,
  raw: Cell['value'],
  at: CellAt,
  out: Finding[],
): null {
  out.push(
    makeFinding(standard, 'type-error', placeAt(at, def), quoted(def, raw), {
      field: def.label,
      type: standard.wording.types[def.type],
    }),
  );
  return null;
}

/** The general path alone, as a reader: what every fast path must agree with (tested). */
export function generalReader(
  def: ColumnDefinition,
  context: CompileContext,
  index: EnumIndex | null = def.type === 'enum' && def.enum ? enumIndex(def.enum, context) : null,
): CellReader {
  return (cell, at, out) => readSlow(context.standard, def, index, cell, at, out);
}

/**
 * A character trim() keeps at either end: printable ASCII or a Hangul syllable, what nearly every
 * cell starts and ends with. Such text is its own trimmed form, without trim()'s call and copy.
 */
const solid = (c: number) => (c > 32 && c < 127) || (c >= 0xac00 && c <= 0xd7a3);

const within = (p: CellPlan, n: number) =>
  (p.minExclusive ? n > p.min : n >= p.min) && n <= p.max && (!p.integer || Number.isInteger(n));

/**
 * One cell read by its column's plan. Each common case accepts only what the general path would
 * return unchanged and without a finding, so both always agree (the property tests hold them to
 * it); anything else goes to the general path.
 */
export function readCell(p: CellPlan, cell: Cell | null | undefined, at: CellAt, out: Finding[]): FieldValue {
  if (!cell) {
    if (p.optional) return null;
  } else if (cell.error === undefined) {
    const v = cell.value;
    if (v === null) {
      if (p.optional) return null;
    } else if (p.common === 'number') {
      if (typeof v === 'number') {
        if (within(p, v) && (!p.plainOnly || cell.numberFormat === undefined))
          return p.date ? Math.floor(v) : v;
      } else if (typeof v === 'string' && p.parse !== null) {
        const n = p.parse(v);
        if (p.date ? !Number.isNaN(n) : within(p, n)) return n;
      }
    } else if (typeof v === 'string') {
      if (p.common === 'enum') {
        if (p.values!.has(v)) return v;
      } else if (p.common === 'text') {
        const text = solid(v.charCodeAt(0)) && solid(v.charCodeAt(v.length - 1)) ? v : v.trim();
        // Length in UTF-16 units bounds the length in characters from above.
        if (text !== '' && text.length <= p.longest) return text;
      }
    }
  }
  return p.slow(cell, at, out);
}

// The parsers the general path uses for text, with the argument it gives them.
const countFromText = (text: string) => parseNumber(text);
const hoursFromText = (text: string) => parseHours(text);

/** What each type takes on its common path (see CellPlan); other types always take the general one. */
const COMMON: Partial<
  Record<ColumnDefinition['type'], Pick<CellPlan, 'common' | 'integer' | 'plainOnly' | 'date' | 'parse'>>
> = {
  count: { common: 'number', integer: true, plainOnly: false, date: false, parse: countFromText },
  integer: { common: 'number', integer: true, plainOnly: false, date: false, parse: countFromText },
  decimal: { common: 'number', integer: false, plainOnly: true, date: false, parse: countFromText },
  hours: { common: 'number', integer: false, plainOnly: true, date: false, parse: hoursFromText },
  date: { common: 'number', integer: false, plainOnly: false, date: true, parse: parseDate },
  text: { common: 'text', integer: false, plainOnly: false, date: false, parse: null },
  enum: { common: 'enum', integer: false, plainOnly: false, date: false, parse: null },
};

/** The plan of one column (see CellPlan). */
function compilePlan(def: ColumnDefinition, context: CompileContext): CellPlan {
  const index = def.type === 'enum' && def.enum ? enumIndex(def.enum, context) : null;
  if (def.type === 'enum' && !index) throw new Error(`the column '${def.key}' names no list`);
  const common = COMMON[def.type];
  const date = common?.date === true;
  return {
    common: common?.common ?? 'none',
    optional: !def.required,
    // Dates: the serials Excel can display.
    min: date ? 1 : (def.min ?? -Number.MAX_VALUE),
    minExclusive: !date && def.minExclusive === true,
    max: date ? MAX_SERIAL : Math.min(def.max ?? Number.MAX_VALUE, def.warnAbove?.value ?? Number.MAX_VALUE),
    integer: common?.integer ?? false,
    plainOnly: common?.plainOnly ?? false,
    date,
    parse: common?.parse ?? null,
    longest: def.maxLength ?? Infinity,
    values: index?.values ?? null,
    slow: generalReader(def, context, index),
  };
}

export const valuesRule: RuleOf<'cell'> = {
  codes: ['required', 'type-error', 'enum-error', 'constraint-error', 'formula-error'],
  scope: 'cell',
  compile: compilePlan,
};
