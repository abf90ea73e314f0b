// One 숙의공론장 row: its record and the findings that belong to it alone. Table-wide findings
// (duplicate ids, gaps, duplicate rows) are derived from many rows in ./validate.ts.
import type { ColumnDefinition, Standard } from '../standard/types';
import type { Finding, ForumRecord } from './report';
import type { Cell, SheetSnapshot } from './snapshot';
import { cellAddress, columnLetter, isBlankCell } from './snapshot';
import { makeFinding, type Place } from './findings';
import { readField, type CellAt, type FieldValue } from './fields';
import type { TableLayout } from './locate';
import { isoFromSerial, serialFromYmd } from './dates';
import { parseNumber } from './parse';

export interface ForumContext {
  standard: Standard;
  sheet: SheetSnapshot;
  layout: TableLayout;
  year: number | null;
  reportDate: number | null;
  /** Serials of 1 January and 31 December of 연도, for the out-of-year check. */
  yearStart: number | null;
  yearEnd: number | null;
  inputs: PresentColumn[];
  computed: PresentColumn[];
  /** Values of one row by the standard's column order, reused row after row. */
  scratch: FieldValue[];
  slot: Record<keyof ForumRecord, number>;
}

interface PresentColumn {
  def: ColumnDefinition;
  column: number;
  letter: string;
  slot: number;
}

export interface ForumRow {
  record: ForumRecord;
  findings: Finding[];
  /** 일자|명칭|유형 when all three are readable: two rows with one key are duplicates. */
  duplicateKey: string | null;
}

export function forumContext(
  standard: Standard,
  sheet: SheetSnapshot,
  layout: TableLayout,
  year: number | null,
  reportDate: number | null,
): ForumContext {
  const keys = standard.sheets.forums.columns.map((c) => c.key);
  const slot = Object.fromEntries(keys.map((k, i) => [k, i])) as Record<keyof ForumRecord, number>;
  const present = (computed: boolean) =>
    layout.present
      .filter((p) => !p.def.computed === !computed)
      .map((p) => ({ ...p, letter: columnLetter(p.column), slot: keys.indexOf(p.def.key) }));
  return {
    standard,
    sheet,
    layout,
    year,
    reportDate,
    yearStart: year === null ? null : serialFromYmd(year, 1, 1),
    yearEnd: year === null ? null : serialFromYmd(year, 12, 31),
    inputs: present(false),
    computed: present(true),
    scratch: keys.map(() => null),
    slot,
  };
}

const GROUPS = [
  { group: 'official', expected: 'expectedOfficial', attended: 'attendedOfficial' },
  { group: 'civilian', expected: 'expectedCivilian', attended: 'attendedCivilian' },
] as const;

function isBlankRow(ctx: ForumContext, cells: SheetSnapshot['rows'][number] | undefined): boolean {
  if (!cells) return true;
  for (const p of ctx.inputs) if (!isBlankCell(cells[p.column])) return false;
  return true;
}

/** Σ of the fields named, or null when any of them is blank or unreadable. */
function sumOf(fields: Record<string, FieldValue>, keys: readonly string[]): number | null {
  let total = 0;
  for (const k of keys) {
    const v = fields[k];
    if (typeof v !== 'number') return null;
    total += v;
  }
  return total;
}

const num = (v: FieldValue): number | null => (typeof v === 'number' ? v : null);
const str = (v: FieldValue): string | null => (typeof v === 'string' ? v : null);
const NO_FINDINGS: Finding[] = [];

/** Reads Excel row `row`; null when the row is blank (blank rows are skipped, never findings). */
export function readForumRow(ctx: ForumContext, row: number): ForumRow | null {
  const cells = ctx.sheet.rows[row - 1];
  if (!cells || isBlankRow(ctx, cells)) return null;
  const { standard, scratch: v, slot } = ctx;
  const findings: Finding[] = [];
  v.fill(null);
  const at: CellAt = { sheet: ctx.sheet.name, column: '', row };
  for (const p of ctx.inputs) {
    at.column = p.letter;
    v[p.slot] = readField(standard, p.def, cells[p.column], at, findings);
  }
  const record: ForumRecord = {
    row,
    id: num(v[slot.id]),
    date: num(v[slot.date]),
    name: str(v[slot.name]),
    type: str(v[slot.type]),
    host: str(v[slot.host]),
    hours: num(v[slot.hours]),
    expectedOfficial: num(v[slot.expectedOfficial]),
    expectedCivilian: num(v[slot.expectedCivilian]),
    attendedOfficial: num(v[slot.attendedOfficial]),
    attendedCivilian: num(v[slot.attendedCivilian]),
    attendedTotal: null,
    attendanceRate: null,
    note: str(v[slot.note]),
  };
  const { attendedOfficial: ao, attendedCivilian: ac, expectedOfficial: eo, expectedCivilian: ec } = record;
  if (ao !== null && ac !== null) {
    record.attendedTotal = ao + ac;
    if (eo !== null && ec !== null && eo + ec !== 0) record.attendanceRate = (ao + ac) / (eo + ec);
  }

  if (record.date !== null) checkDate(ctx, record as ForumRecord & { date: number }, findings);
  checkAttendance(ctx, record, findings);
  for (const p of ctx.computed) {
    const cell = cells[p.column];
    if (!isBlankCell(cell)) {
      checkComputed(
        ctx,
        p.def,
        cell,
        p.letter,
        row,
        record as unknown as Record<string, FieldValue>,
        findings,
      );
    }
  }

  const duplicateKey =
    record.date !== null && record.name !== null && record.type !== null
      ? `${record.date}|${record.name}|${record.type}`
      : null;
  return { record, findings: findings.length ? findings : NO_FINDINGS, duplicateKey };
}

function placeOf(ctx: ForumContext, key: string, row: number): Place {
  const column = ctx.layout.columns.get(key);
  return {
    sheet: ctx.sheet.name,
    cell: column === undefined ? null : cellAddress(column, row),
    row,
    field: key,
  };
}

function checkDate(ctx: ForumContext, record: ForumRecord & { date: number }, out: Finding[]): void {
  if (
    ctx.yearStart !== null &&
    ctx.yearEnd !== null &&
    (record.date < ctx.yearStart || record.date > ctx.yearEnd)
  ) {
    out.push(
      makeFinding(
        ctx.standard,
        'date-out-of-year',
        placeOf(ctx, 'date', record.row),
        isoFromSerial(record.date),
        {
          year: ctx.year,
        },
      ),
    );
  } else if (ctx.reportDate !== null && record.date > ctx.reportDate) {
    out.push(
      makeFinding(
        ctx.standard,
        'date-after-report',
        placeOf(ctx, 'date', record.row),
        isoFromSerial(record.date),
        {
          reportDate: isoFromSerial(ctx.reportDate),
        },
      ),
    );
  }
}

function checkAttendance(ctx: ForumContext, record: ForumRecord, out: Finding[]): void {
  const { standard } = ctx;
  if (record.expectedOfficial !== 0 && record.expectedCivilian !== 0 && !aboveExpected(record)) return;
  const unexpected = GROUPS.filter((g) => record[g.expected] === 0 && (record[g.attended] ?? 0) > 0);
  if (unexpected.length) {
    // One finding per row: the row, not each group, is what the district has to correct.
    const first = placeOf(ctx, unexpected[0].attended, record.row);
    const words = standard.wording.groups;
    out.push(
      makeFinding(
        standard,
        'attendance-without-expected',
        { ...first, field: null },
        unexpected.reduce((n, g) => n + (record[g.attended] ?? 0), 0),
        {
          groupKo: unexpected.map((g) => words[g.group].ko).join('·'),
          groupEn: unexpected.map((g) => words[g.group].en).join(' and '),
        },
      ),
    );
  }
  for (const g of GROUPS) {
    const attended = record[g.attended];
    const expected = record[g.expected];
    if (attended !== null && expected !== null && expected > 0 && attended > expected) {
      out.push(
        makeFinding(standard, 'attendance-above-expected', placeOf(ctx, g.attended, record.row), attended, {
          groupKo: standard.wording.groups[g.group].ko,
          groupEn: standard.wording.groups[g.group].en,
          expected,
        }),
      );
    }
  }
}

function aboveExpected(r: ForumRecord): boolean {
  return (
    (r.attendedOfficial ?? 0) > (r.expectedOfficial ?? Infinity) ||
    (r.attendedCivilian ?? 0) > (r.expectedCivilian ?? Infinity)
  );
}

const UNDEFINED_MARKS = new Set(['', '-', '–', '—']);

/**
 * A computed column holding a typed value (no formula) that differs from what its formula would
 * give. Errors there are reported only when the inputs are readable: an error caused by an
 * already-reported input is not a second problem to fix.
 */
function computedValue(spec: NonNullable<ColumnDefinition['computed']>, fields: Record<string, FieldValue>) {
  if (spec.kind === 'sum') return sumOf(fields, spec.of) ?? undefined;
  const n = sumOf(fields, spec.numerator);
  const d = sumOf(fields, spec.denominator);
  return n === null || d === null ? undefined : d === 0 ? null : n / d;
}

function checkComputed(
  ctx: ForumContext,
  def: ColumnDefinition,
  cell: Cell | null | undefined,
  letter: string,
  row: number,
  fields: Record<string, FieldValue>,
  out: Finding[],
): void {
  const spec = def.computed!;
  /** undefined: an input is unreadable (already reported); null: the rate is undefined. */
  const expected = computedValue(spec, fields);
  if (expected === undefined) return;
  const place: Place = { sheet: ctx.sheet.name, cell: letter + row, row, field: def.key };
  const label = { field: def.label.ko, fieldEn: def.label.en };
  if (cell?.error) {
    if (expected !== null) out.push(makeFinding(ctx.standard, 'formula-error', place, cell.error, label));
    return;
  }
  if (!cell || cell.formula || isBlankCell(cell)) return;
  const typed = parseNumber(typeof cell.value === 'string' ? cell.value.replace(/%$/, '') : cell.value);
  const matches =
    expected === null
      ? typeof cell.value === 'string' && UNDEFINED_MARKS.has(cell.value.trim())
      : spec.kind === 'sum'
        ? typed === expected
        : Math.abs(typed - expected) <= 0.0005 + 1e-9 || Math.abs(typed - expected * 100) <= 0.05 + 1e-9;
  if (!matches) {
    const shown =
      expected === null ? '–' : spec.kind === 'ratio' ? Math.round(expected * 1000) / 10 : expected;
    out.push(
      makeFinding(ctx.standard, 'computed-overwritten', place, cell.value, { ...label, expected: shown }),
    );
  }
}
