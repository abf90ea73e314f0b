// The normalised data a stamp vouches for: what the engine read (기본정보, the forum rows and the
// council rows), not the file's bytes, so re-saving, reformatting or moving columns keeps a stamp
// valid while any changed value breaks it. Council members' names enter the hash input only: the
// stamp stores no per-member digest of a name, just one digest over all names together.
import type { CouncilRecord, ForumRecord, ReportInfo } from '../engine/report';
import { sha256Hex } from './sha256';

export interface StampData {
  info: ReportInfo;
  forums: readonly ForumRecord[];
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

// Row numbers are left out (inserting a blank row moves rows without changing data), and so are
// the computed 참석인원(계) / 참석율 (they follow from the counts).
function forumData(f: ForumRecord): Record<string, unknown> {
  return {
    id: f.id,
    date: f.date,
    name: f.name,
    type: f.type,
    host: f.host,
    hours: f.hours,
    expectedOfficial: f.expectedOfficial,
    expectedCivilian: f.expectedCivilian,
    attendedOfficial: f.attendedOfficial,
    attendedCivilian: f.attendedCivilian,
    note: f.note,
  };
}

function councilData(c: CouncilRecord, withName: boolean): Record<string, unknown> {
  const base = { id: c.id, sector: c.sector, gender: c.gender, field: c.field, appointedOn: c.appointedOn };
  return withName ? { ...base, name: c.name } : base;
}

/** The text whose SHA-256 is the stamp's hash. */
export function canonicalData(data: StampData): string {
  return canonicalJson({
    info: data.info,
    forums: data.forums.map(forumData),
    council: data.council.map((c) => councilData(c, true)),
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
 * without its name, `n` all council names together. Each digest is its kind letter + 16 hex.
 */
export function rowDigests(data: StampData): string[] {
  const out = [digest('i', canonicalJson(data.info))];
  for (const f of data.forums) {
    // The engine keeps the record objects of unchanged rows between passes (and never mutates
    // them), so a keystroke in a 10,000-row sheet serialises one row, not all of them.
    let d = byRecord.get(f);
    if (d === undefined) byRecord.set(f, (d = digest('f', canonicalJson(forumData(f)))));
    out.push(d);
  }
  for (const c of data.council) out.push(digest('c', canonicalJson(councilData(c, false))));
  out.push(digest('n', canonicalJson(data.council.map((c) => c.name))));
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
