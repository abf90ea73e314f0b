// What a stamp (format 2) vouches for, as canonical JSON and its SHA-256. It covers the data as the
// engine read it and the cells a person reading the workbook sees beside it:
//  - 기본정보's fields, each forum row's and council row's standard columns (by key, not position:
//    moving a column or inserting a blank row changes nothing), with council members' names
//    replaced by their stand-ins (names.ts) — so the hash, which the city receives as StampHash,
//    holds no name, and the name-free copy uploaded with a submission hashes like the original;
//  - each forum row's computed cells (참석인원(계), 참석율) as they are: the formula, made
//    position-independent (formula.ts), or a typed value — a typed-over rate breaks the stamp;
//  - the cells of a data row under no standard header (extra columns), by their header text;
//  - the list of sheets, with each one's visibility, in workbook order (a sheet added, renamed or
//    hidden after stamping is a change; the contents of sheets that are not the standard's are not
//    covered);
//  - every cell of 요약 (formulas and typed values, not formula results), but its stamp line.
// The council members' names themselves are covered by one local digest (`n`), never by the hash.
// Every part is derived from the standard's column list: a column a new version adds is covered
// with no code change.
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../engine/snapshot';
import { cellAddress, cellText, columnLetter, isBlankCell } from '../engine/snapshot';
import type { CouncilRecord, ReportInfo, TableRecord } from '../engine/report';
import { findSheet, locateTable, type TableLayout } from '../engine/locate';
import { sheetKey } from '../engine/text';
import { registry } from '../standard';
import type { ColumnDefinition, Standard, TableSheetDefinition } from '../standard/types';
import { computedFormula } from '../workbook/layout';
import { normalizeFormula, type ColumnKeys } from './formula';
import { NameScrubber, standardVocabulary } from './names';
import { sha256Hex } from './sha256';
import { STAMP_LINE_PREFIX, STAMP_PROPERTIES, STAMP_STATUS_TEXT } from './shown';

export interface StampData {
  /** The standard the data was read with (its column list decides what is hashed). */
  standard: Standard;
  info: ReportInfo;
  forums: readonly TableRecord[];
  council: readonly CouncilRecord[];
  /** The cells the records were read from (computed cells, extra columns, the sheets, 요약). */
  snapshot: WorkbookSnapshot;
}

/** JSON with object keys sorted at every level, so the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/**
 * 기본정보 by field key. 표준버전 enters only when it says something its absence does not (a
 * version other than the one an absent 표준버전 means), so a 2021.1 workbook hashes the same
 * whether or not it declares 2021.1.
 */
export function infoData(standard: Standard, info: ReportInfo): Record<string, unknown> {
  const selector = standard.sheets.info.fields.find((f) => f.selectsStandard)?.key;
  if (selector === undefined) return info;
  const declared = info[selector];
  if (declared !== null && declared !== registry.absent.version) return info;
  const { [selector]: _omitted, ...rest } = info;
  return rest;
}

/** Each member's personal value (the name), or all of them by key when a standard has several. */
export function personalData(columns: readonly ColumnDefinition[], record: TableRecord): unknown {
  const personal = columns.filter((c) => c.personal);
  if (personal.length === 1) return record.get(personal[0].key);
  return Object.fromEntries(personal.map((c) => [c.key, record.get(c.key)]));
}

/** The `n` digest: all council members' personal values (names) together, in row order. */
export function namesDigest(personalValues: readonly unknown[]): string {
  return unitDigest('n', canonicalJson(personalValues));
}

/** The personal values of the council rows, in row order: the names the stamp keeps out of its hash. */
export function councilNames(data: Pick<StampData, 'standard' | 'council'>): (string | null)[] {
  const personal = data.standard.sheets.council.columns.filter((c) => c.personal);
  return data.council.map((c) => {
    const values = personal.map((p) => c.get(p.key)).filter((v) => v !== null && v !== undefined);
    return values.length ? values.map(String).join(' ') : null;
  });
}

/** The texts besides the standard's own that a name never replaces (what the stamp reads back). */
const STAMP_WORDS = [STAMP_LINE_PREFIX, STAMP_STATUS_TEXT, ...Object.values(STAMP_PROPERTIES)];

const scrubbers = new Map<string, NameScrubber>();

/** The name replacement for a workbook's council (one per distinct list of names, kept briefly). */
export function scrubberOf(data: Pick<StampData, 'standard' | 'council'>): NameScrubber {
  const names = councilNames(data);
  const key = `${data.standard.version}\u0000${JSON.stringify(names)}`;
  let s = scrubbers.get(key);
  if (!s) {
    if (scrubbers.size >= 8) scrubbers.clear();
    scrubbers.set(key, (s = new NameScrubber(names, standardVocabulary(data.standard, STAMP_WORDS))));
  }
  return s;
}

/** Length of a unit digest in hex: 64 bits tell rows apart and keep a 10,000-row stamp small. */
export const ROW_DIGEST_HEX = 16;

// Rows repeat between passes; hashing only new texts keeps a keystroke cheap in a large sheet.
const digestCache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** A unit's digest: its kind letter and the first 16 hex of SHA-256 over kind and text. */
export function unitDigest(kind: string, text: string): string {
  const key = kind + text;
  let d = digestCache.get(key);
  if (d === undefined) {
    d = kind + sha256Hex(key).slice(0, ROW_DIGEST_HEX);
    if (digestCache.size >= CACHE_LIMIT) digestCache.clear();
    digestCache.set(key, d);
  }
  return d;
}

/** Everything about the workbook a row's coverage needs, prepared once per StampData. */
class Coverage {
  readonly scrub: NameScrubber;
  private readonly layouts = new Map<
    string,
    { layout: TableLayout; keys: Map<number, string>; letters: Record<string, string> }
  >();
  /** The standard's own formula of a computed column, made position-independent once (the common case). */
  private readonly standardFormulas = new Map<string, unknown>();

  constructor(readonly data: StampData) {
    this.scrub = scrubberOf(data);
    for (const table of [data.standard.sheets.forums, data.standard.sheets.council]) {
      const sheet = findSheet(data.snapshot, table.name);
      if (!sheet) continue;
      const layout = locateTable(sheet, table, data.standard);
      const keys = new Map([...layout.columns].map(([key, column]) => [column, key]));
      const letters = Object.fromEntries(
        [...layout.columns].map(([key, column]) => [key, columnLetter(column)]),
      );
      this.layouts.set(sheetKey(this.scrub.identifier(sheet.name)), { layout, keys, letters });
    }
  }

  value(v: unknown): unknown {
    return typeof v === 'string' ? this.scrub.text(v) : v;
  }

  /** A cell as it is: a formula (position-independent), an error typed in, a value, or nothing. */
  cell(cell: Cell | null | undefined, row: number, column: number, own: string): unknown {
    if (cell?.formula) {
      const keys: ColumnKeys = (sheet, c) => this.layouts.get(sheetKey(sheet ?? own))?.keys.get(c) ?? null;
      return { f: normalizeFormula(this.scrub.formula(cell.formula), row, column, keys) };
    }
    if (cell?.error) return { e: cell.error };
    if (isBlankCell(cell)) return null;
    return { v: this.value(cell!.value) };
  }

  /** A table row's unit: its columns by key (names left out), computed cells, extra columns. */
  row(table: TableSheetDefinition, sheet: SheetSnapshot | undefined, record: TableRecord): string {
    const out: Record<string, unknown> = {};
    for (const c of table.columns) if (!c.computed && !c.personal) out[c.key] = this.value(record.get(c.key));
    const own = sheet ? this.scrub.identifier(sheet.name) : '';
    const entry = this.layouts.get(sheetKey(own));
    const cells = sheet?.rows[record.row - 1] ?? [];
    if (entry) {
      const computed: Record<string, unknown> = {};
      for (const c of table.columns) {
        const column = c.computed ? entry.layout.columns.get(c.key) : undefined;
        if (column === undefined) continue;
        const cell = cells[column];
        // The template's formula in its own row normalises the same in every row: once is enough.
        if (cell?.formula && cell.formula === computedFormula(c, record.row, entry.letters)) {
          const k = `${own}\u0000${c.key}`;
          if (!this.standardFormulas.has(k))
            this.standardFormulas.set(k, this.cell(cell, record.row, column, own));
          computed[c.key] = this.standardFormulas.get(k);
        } else computed[c.key] = this.cell(cell, record.row, column, own);
      }
      if (Object.keys(computed).length) out['#computed'] = computed;
      const extra: Record<string, unknown> = {};
      const header = sheet!.rows[entry.layout.headerRow - 1] ?? [];
      cells.forEach((cell, column) => {
        if (entry.keys.has(column) || (isBlankCell(cell) && !cell?.formula)) return;
        const title = cellText(header[column]).trim();
        let key = title ? this.scrub.text(title) : `@${columnLetter(column)}`;
        while (key in extra) key += '#';
        extra[key] = this.cell(cell, record.row, column, own);
      });
      if (Object.keys(extra).length) out['#extra'] = extra;
    }
    return canonicalJson(out);
  }

  info(): string {
    const info = infoData(this.data.standard, this.data.info);
    return canonicalJson(Object.fromEntries(Object.entries(info).map(([k, v]) => [k, this.value(v)])));
  }

  /** Every sheet in workbook order with its visibility (contents of others' sheets not covered). */
  sheets(): string {
    return canonicalJson(
      this.data.snapshot.sheets.map((s) => [this.scrub.identifier(s.name), s.visibility ?? 'visible']),
    );
  }

  /** Every 요약 cell by address, but the stamp line (written after the hash is taken). */
  summary(): string {
    const sheet = findSheet(this.data.snapshot, this.data.standard.sheets.summary.name);
    if (!sheet) return 'null';
    const own = this.scrub.identifier(sheet.name);
    const out: Record<string, unknown> = {};
    sheet.rows.forEach((cells, r) =>
      (cells ?? []).forEach((cell, c) => {
        if (isBlankCell(cell) && !cell?.formula) return;
        if (typeof cell?.value === 'string' && !cell.formula && cell.value.startsWith(STAMP_LINE_PREFIX))
          return;
        out[cellAddress(c, r + 1)] = this.cell(cell, r + 1, c, own);
      }),
    );
    return canonicalJson(out);
  }
}

/** A unit of covered data: its canonical JSON and its digest. */
export interface StampUnit {
  text: string;
  digest: string;
}

/** The units of data a stamp covers, and the names' digest. */
export interface StampUnits {
  info: StampUnit;
  forums: StampUnit[];
  council: StampUnit[];
  sheets: StampUnit;
  summary: StampUnit;
  /** Digest of the council members' names (local: the hash never covers names). */
  names: string;
}

const unit = (kind: string, text: string): StampUnit => ({ text, digest: unitDigest(kind, text) });

// The engine keeps the record objects of unchanged rows between passes (and never mutates them),
// so a keystroke in a 10,000-row sheet serialises and hashes one row, not all of them.
const rowCache = new WeakMap<object, { key: string; unit: StampUnit }>();

export function stampUnits(data: StampData): StampUnits {
  const coverage = new Coverage(data);
  const { forums, council } = data.standard.sheets;
  const key = coverage.scrub.key;
  const rows = (kind: string, table: TableSheetDefinition, records: readonly TableRecord[]) => {
    const sheet = findSheet(data.snapshot, table.name);
    return records.map((r) => {
      const cached = rowCache.get(r);
      if (cached && cached.key === key) return cached.unit;
      const made = unit(kind, coverage.row(table, sheet, r));
      rowCache.set(r, { key, unit: made });
      return made;
    });
  };
  return {
    info: unit('i', coverage.info()),
    forums: rows('f', forums, data.forums),
    council: rows('c', council, data.council),
    sheets: unit('w', coverage.sheets()),
    summary: unit('y', coverage.summary()),
    names: namesDigest(data.council.map((c) => personalData(council.columns, c))),
  };
}

const texts = (units: readonly StampUnit[]) => units.map((u) => u.text).join(',');

/** The text whose SHA-256 is the stamp's hash (canonical JSON, keys sorted). */
export function canonicalText(units: StampUnits): string {
  return (
    `{"council":[${texts(units.council)}],"format":"2","forums":[${texts(units.forums)}],` +
    `"info":${units.info.text},"sheets":${units.sheets.text},"summary":${units.summary.text}}`
  );
}

/** The canonical text of the data (what the hash is taken of): no council member's name is in it. */
export function canonicalData(data: StampData): string {
  return canonicalText(stampUnits(data));
}

export function dataHash(data: StampData): string {
  return sha256Hex(canonicalData(data));
}

/**
 * One digest per unit that can change: `i` 기본정보, `f` each forum row, `c` each council row, `n`
 * the council members' names together, `w` the sheet list, `y` 요약. Kind letter + 16 hex.
 */
export function unitDigests(units: StampUnits): string[] {
  return [
    units.info.digest,
    ...units.forums.map((u) => u.digest),
    ...units.council.map((u) => u.digest),
    units.names,
    units.sheets.digest,
    units.summary.digest,
  ];
}

export function rowDigests(data: StampData): string[] {
  return unitDigests(stampUnits(data));
}

/** How many units differ between two digest lists (as multisets: moving a row changes nothing). */
export function unitsChanged(stamped: readonly string[], current: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const d of stamped) counts.set(d, (counts.get(d) ?? 0) + 1);
  let added = 0;
  for (const d of current) {
    const n = counts.get(d) ?? 0;
    if (n > 0) counts.set(d, n - 1);
    else added++;
  }
  let removed = 0;
  for (const n of counts.values()) removed += n;
  return Math.max(added, removed);
}
