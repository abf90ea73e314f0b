// One cell of a table read by its column definition: the value, or the findings that say why it
// cannot be used. Shared by 숙의공론장 and 협치회의 구성.
import type { ColumnDefinition, EnumName, Standard } from '../standard/types';
import type { Finding } from './report';
import type { Cell } from './snapshot';
import { isBlankCell } from './snapshot';
import { makeFinding, type Place } from './findings';
import { parseDate, parseHours, parseNumber, parseText } from './parse';
import { headerKey, trimAscii } from './text';

export type FieldValue = number | string | null;

interface EnumIndex {
  values: Set<string>;
  /** Folded value or near miss → the intended value. */
  intended: Map<string, string>;
}

const enumCache = new WeakMap<Standard, Map<EnumName, EnumIndex>>();

export function enumIndex(standard: Standard, name: EnumName): EnumIndex {
  let byName = enumCache.get(standard);
  if (!byName) enumCache.set(standard, (byName = new Map()));
  let index = byName.get(name);
  if (!index) {
    index = { values: new Set(), intended: new Map() };
    for (const def of standard.enums[name]) {
      index.values.add(def.value);
      for (const text of [def.value, ...def.nearMisses]) index.intended.set(headerKey(text), def.value);
    }
    byName.set(name, index);
  }
  return index;
}

function labelParams(def: ColumnDefinition) {
  return { field: def.label.ko, fieldEn: def.label.en };
}

function bound(
  standard: Standard,
  kind: keyof Standard['wording']['bounds'],
  params: Record<string, number>,
) {
  const b = standard.wording.bounds[kind];
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));
  return { detailKo: fill(b.ko), detailEn: fill(b.en) };
}

/**
 * Reads a non-computed cell. Blank required cells give `required`; unreadable ones `type-error`;
 * readable values out of bounds `constraint-error` (the value is still returned, so a negative
 * count shows up in the findings rather than vanishing from them).
 */
/** Where a cell is, for the findings about it; built only when there is a finding. */
export interface CellAt {
  sheet: string;
  /** Column letters (`H`). */
  column: string;
  row: number;
}

const placeAt = (at: CellAt, def: ColumnDefinition): Place => ({
  sheet: at.sheet,
  cell: at.column + at.row,
  row: at.row,
  field: def.key,
});

export function readField(
  standard: Standard,
  def: ColumnDefinition,
  cell: Cell | null | undefined,
  at: CellAt,
  out: Finding[],
): FieldValue {
  if (
    cell &&
    typeof cell.value === 'number' &&
    !cell.error &&
    (def.type === 'count' || def.type === 'integer') &&
    !def.warnAbove
  ) {
    // The common case, kept free of allocations: a count typed as a number, within bounds.
    const n = cell.value;
    if (
      Number.isInteger(n) &&
      (def.min === undefined || n >= def.min) &&
      (def.max === undefined || n <= def.max)
    )
      return n;
  }
  if (cell?.error) {
    const place = placeAt(at, def);
    out.push(makeFinding(standard, 'formula-error', place, cell.error, labelParams(def)));
    return null;
  }
  if (isBlankCell(cell)) {
    if (def.required) out.push(makeFinding(standard, 'required', placeAt(at, def), null, labelParams(def)));
    return null;
  }
  const raw = cell!.value;
  return readValue(standard, def, cell!, raw, at, out);
}

function readValue(
  standard: Standard,
  def: ColumnDefinition,
  cell: Cell,
  raw: Cell['value'],
  at: CellAt,
  out: Finding[],
): FieldValue {
  switch (def.type) {
    case 'text': {
      const text = parseText(raw);
      if (text === null) return typeError(standard, def, raw, at, out);
      if (def.maxLength !== undefined && [...text].length > def.maxLength) {
        out.push(
          makeFinding(standard, 'constraint-error', placeAt(at, def), text, {
            ...labelParams(def),
            ...bound(standard, 'maxLength', { max: def.maxLength }),
          }),
        );
      }
      return text;
    }
    case 'enum': {
      const index = enumIndex(standard, def.enum!);
      if (typeof raw === 'string' && index.values.has(raw)) return raw;
      const text = typeof raw === 'string' ? trimAscii(raw) : parseText(raw);
      if (text === null) return typeError(standard, def, raw, at, out);
      if (index.values.has(text)) return text;
      const fix = index.intended.get(headerKey(text)) ?? null;
      const hint = standard.wording.fixHint;
      out.push(
        makeFinding(
          standard,
          'enum-error',
          placeAt(at, def),
          raw,
          {
            ...labelParams(def),
            fixKo: fix ? hint.ko.replace('{fix}', fix) : '',
            fixEn: fix ? hint.en.replace('{fix}', fix) : '',
          },
          fix,
        ),
      );
      return null;
    }
    case 'date': {
      const serial = parseDate(raw);
      return Number.isNaN(serial) ? typeError(standard, def, raw, at, out) : serial;
    }
    default: {
      const n = def.type === 'hours' ? parseHours(raw, cell.numberFormat) : parseNumber(raw);
      if (Number.isNaN(n)) return typeError(standard, def, raw, at, out);
      return withinBounds(standard, def, n, raw, at, out) ? n : null;
    }
  }
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
  let detail: { detailKo: string; detailEn: string } | null = null;
  if ((def.type === 'count' || def.type === 'integer') && !Number.isInteger(n))
    detail = bound(standard, 'integer', {});
  else if (def.min !== undefined && (def.minExclusive ? n <= def.min : n < def.min))
    detail = bound(standard, def.minExclusive ? 'minExclusive' : 'min', { min: def.min });
  else if (def.max !== undefined && n > def.max) detail = bound(standard, 'max', { max: def.max });
  if (detail) {
    out.push(
      makeFinding(standard, 'constraint-error', placeAt(at, def), raw, { ...labelParams(def), ...detail }),
    );
    return false;
  }
  if (def.warnAbove && n > def.warnAbove.value) {
    out.push(
      makeFinding(standard, def.warnAbove.code, placeAt(at, def), n, {
        ...labelParams(def),
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
  const type = standard.wording.types[def.type];
  out.push(
    makeFinding(standard, 'type-error', placeAt(at, def), raw, {
      ...labelParams(def),
      type: type.ko,
      typeEn: type.en,
    }),
  );
  return null;
}
