// The normalised data a stamp vouches for: what the engine read (기본정보, the forum rows and the
// council rows), not the file's bytes, so re-saving, reformatting or moving columns keeps a stamp
// valid while any changed value breaks it. Every part is derived from the standard's column list:
// a column a new version adds enters the hash with no code change. Council members' names (the
// personal columns) enter the hash input only: the stamp stores no per-member digest of a name,
// just one digest over all names together.
import type { CouncilRecord, ReportInfo, TableRecord } from '../engine/report';
import { registry } from '../standard';
import type { ColumnDefinition, Standard } from '../standard/types';
import { sha256Hex } from './sha256';

export interface StampData {
  /** The standard the data was read with (its column list decides what is hashed). */
  standard: Standard;
  info: ReportInfo;
  forums: readonly TableRecord[];
  council: readonly CouncilRecord[];
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
 * whether or not it declares 2021.1 — and the same as before 표준버전 existed.
 */
function infoData(standard: Standard, info: ReportInfo): Record<string, unknown> {
  const selector = standard.sheets.info.fields.find((f) => f.selectsStandard)?.key;
  if (selector === undefined) return info;
  const declared = info[selector];
  if (declared !== null && declared !== registry.absent.version) return info;
  const { [selector]: _omitted, ...rest } = info;
  return rest;
}

/** What of a row is hashed: its own columns, by key. Row numbers are left out (inserting a blank
 * row moves rows without changing data), and so are computed columns (they follow from others). */
function rowData(columns: readonly ColumnDefinition[], record: TableRecord, withPersonal: boolean) {
  const out: Record<string, unknown> = {};
  for (const c of columns) if (!c.computed && (withPersonal || !c.personal)) out[c.key] = record.get(c.key);
  return out;
}

/** Each member's personal value (the name), or all of them by key when a standard has several. */
function personalData(columns: readonly ColumnDefinition[], record: TableRecord): unknown {
  const personal = columns.filter((c) => c.personal);
  if (personal.length === 1) return record.get(personal[0].key);
  return Object.fromEntries(personal.map((c) => [c.key, record.get(c.key)]));
}

/** The text whose SHA-256 is the stamp's hash. */
export function canonicalData(data: StampData): string {
  const { forums, council } = data.standard.sheets;
  return canonicalJson({
    info: infoData(data.standard, data.info),
    forums: data.forums.map((f) => rowData(forums.columns, f, true)),
    council: data.council.map((c) => rowData(council.columns, c, true)),
  });
}

export function dataHash(data: StampData): string {
  return sha256Hex(canonicalData(data));
}

/** Length of a row digest in hex: 64 bits tell rows apart and keep a 10,000-row stamp small. */
export const ROW_DIGEST_HEX = 16;

// Rows repeat between passes; hashing only new texts keeps a keystroke cheap in a large sheet.
const cache = new Map<string, string>();
const byRecord = new WeakMap<object, string>();
const CACHE_LIMIT = 50_000;

function digest(kind: string, text: string): string {
  const key = kind + text;
  let d = cache.get(key);
  if (d === undefined) {
    d = kind + sha256Hex(key).slice(0, ROW_DIGEST_HEX);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, d);
  }
  return d;
}

/**
 * One digest per unit that can change: `i` 기본정보, `f` each forum row, `c` each council row
 * without its personal columns, `n` all council names together. Each is its kind letter + 16 hex.
 */
export function rowDigests(data: StampData): string[] {
  const { forums, council } = data.standard.sheets;
  const out = [digest('i', canonicalJson(infoData(data.standard, data.info)))];
  for (const f of data.forums) {
    // The engine keeps the record objects of unchanged rows between passes (and never mutates
    // them), so a keystroke in a 10,000-row sheet serialises one row, not all of them.
    let d = byRecord.get(f);
    if (d === undefined) byRecord.set(f, (d = digest('f', canonicalJson(rowData(forums.columns, f, true)))));
    out.push(d);
  }
  for (const c of data.council) out.push(digest('c', canonicalJson(rowData(council.columns, c, false))));
  out.push(digest('n', canonicalJson(data.council.map((c) => personalData(council.columns, c)))));
  return out;
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
