// Colouring the cells that have findings. Only `format.fill` is ever written here — never values —
// so a highlight cannot wipe what the user typed. The add-in remembers which cells it coloured (in
// memory and in the document's settings) and clears only those, so a user's own fills elsewhere stay.
import type { Finding } from '../engine/report';
import type { Severity } from '../standard/types';
import { parseAddress, cellAddress } from '../engine/snapshot';
import type { DocumentSettings } from './settings';
import { shiftedColumn, type ColumnBlock } from '../workbook/upgrade';

/** Excel's own "light red" and "neutral yellow" fills, familiar to users. */
export const HIGHLIGHT_COLOURS: Record<'error' | 'warning', string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
};
export const HIGHLIGHT_SETTINGS_KEY = 'delib.highlights.v1';
/** Address text per getRanges call; long lists are split over several calls in the same sync. */
export const MAX_ADDRESS_CHARS = 2000;

type Level = 'e' | 'w';
/** Per worksheet id: cell address → the level the add-in coloured it. */
export type HighlightMemory = Map<string, Map<string, Level>>;

const levelOf = (s: Severity): Level | null => (s === 'error' ? 'e' : s === 'warning' ? 'w' : null);
const colourOf = (l: Level) => (l === 'e' ? HIGHLIGHT_COLOURS.error : HIGHLIGHT_COLOURS.warning);

/** The fill each finding's cell should have; an error wins over a warning on the same cell. */
export function desiredHighlights(
  findings: readonly Finding[],
  sheetIds: ReadonlyMap<string, string>,
): HighlightMemory {
  const out: HighlightMemory = new Map();
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue;
    const level = levelOf(f.severity);
    const id = sheetIds.get(f.sheet);
    if (!level || !id) continue;
    let cells = out.get(id);
    if (!cells) out.set(id, (cells = new Map()));
    if (cells.get(f.cell) !== 'e') cells.set(f.cell, level);
  }
  return out;
}

export interface HighlightPlan {
  /** Per sheet id: cells to fill, by level, and cells to clear. */
  sheets: Map<string, { fill: Record<Level, string[]>; clear: string[] }>;
  next: HighlightMemory;
}

/**
 * What to write to go from `memory` to `desired`. Cells in `rewrite` (rows the user just changed:
 * a paste may have replaced their fill) are filled again even when memory says they already are.
 */
export function planHighlights(
  memory: HighlightMemory,
  desired: HighlightMemory,
  rewrite: ReadonlyMap<string, ReadonlySet<number>> | 'all',
): HighlightPlan {
  const sheets: HighlightPlan['sheets'] = new Map();
  const next: HighlightMemory = new Map();
  const ids = new Set([...memory.keys(), ...desired.keys()]);
  for (const id of ids) {
    const had = memory.get(id) ?? new Map<string, Level>();
    const want = desired.get(id) ?? new Map<string, Level>();
    const rows = rewrite === 'all' ? 'all' : rewrite.get(id);
    const plan = { fill: { e: [] as string[], w: [] as string[] }, clear: [] as string[] };
    for (const [cell, level] of want) {
      const forced = rows === 'all' || (rows !== undefined && rows.has(parseAddress(cell).row));
      if (forced || had.get(cell) !== level) plan.fill[level].push(cell);
    }
    for (const cell of had.keys()) if (!want.has(cell)) plan.clear.push(cell);
    if (plan.fill.e.length || plan.fill.w.length || plan.clear.length) sheets.set(id, plan);
    if (want.size) next.set(id, new Map(want));
  }
  return { sheets, next };
}

/** Cells → compact address lists (vertical runs become C5:C9), split to MAX_ADDRESS_CHARS. */
export function addressChunks(cells: readonly string[]): string[] {
  const byColumn = new Map<number, number[]>();
  for (const a of cells) {
    const { column, row } = parseAddress(a);
    let rows = byColumn.get(column);
    if (!rows) byColumn.set(column, (rows = []));
    rows.push(row);
  }
  const parts: string[] = [];
  for (const [column, rows] of [...byColumn].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    const flush = () =>
      parts.push(
        start === prev
          ? cellAddress(column, start)
          : `${cellAddress(column, start)}:${cellAddress(column, prev)}`,
      );
    for (const r of rows.slice(1)) {
      if (r === prev) continue;
      if (r === prev + 1) prev = r;
      else {
        flush();
        start = prev = r;
      }
    }
    flush();
  }
  const chunks: string[] = [];
  let current = '';
  for (const p of parts) {
    if (current && current.length + 1 + p.length > MAX_ADDRESS_CHARS) {
      chunks.push(current);
      current = p;
    } else current = current ? `${current},${p}` : p;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Queues the fills and clears of a plan (no sync). Returns how many getRanges calls it queued. */
export function queueHighlights(context: Excel.RequestContext, plan: HighlightPlan): number {
  let calls = 0;
  for (const [id, p] of plan.sheets) {
    const sheet = context.workbook.worksheets.getItem(id);
    // Clears first: a cell moving from warning to error is in `fill` only, never in `clear`.
    for (const address of addressChunks(p.clear)) {
      sheet.getRanges(address).format.fill.clear();
      calls++;
    }
    for (const level of ['w', 'e'] as const) {
      for (const address of addressChunks(p.fill[level])) {
        sheet.getRanges(address).format.fill.color = colourOf(level);
        calls++;
      }
    }
  }
  return calls;
}

type Stored = Record<string, Record<string, Level>>;

export function loadMemory(settings: DocumentSettings): HighlightMemory {
  const stored = settings.load<Stored>(HIGHLIGHT_SETTINGS_KEY);
  const out: HighlightMemory = new Map();
  if (!stored || typeof stored !== 'object') return out;
  for (const [id, cells] of Object.entries(stored)) {
    const m = new Map<string, Level>();
    for (const [cell, level] of Object.entries(cells ?? {})) {
      if ((level === 'e' || level === 'w') && /^[A-Z]{1,3}\d{1,7}$/.test(cell)) m.set(cell, level);
    }
    if (m.size) out.set(id, m);
  }
  return out;
}

export function storeMemory(settings: DocumentSettings, memory: HighlightMemory): Promise<void> {
  const stored: Stored = {};
  for (const [id, cells] of memory) stored[id] = Object.fromEntries(cells);
  return settings.save(HIGHLIGHT_SETTINGS_KEY, stored);
}

/** Forgets sheets that no longer exist (their cells went with them). */
export function pruneMemory(memory: HighlightMemory, liveIds: ReadonlySet<string>): HighlightMemory {
  return new Map([...memory].filter(([id]) => liveIds.has(id)));
}

/**
 * The memory after whole columns were inserted (an upgrade): each remembered cell at or right of an
 * insertion moves right with its column (`moved`: the insertions per worksheet id).
 */
export function shiftMemory(
  memory: HighlightMemory,
  moved: ReadonlyMap<string, readonly ColumnBlock[]>,
): HighlightMemory {
  const out: HighlightMemory = new Map();
  for (const [id, cells] of memory) {
    const blocks = moved.get(id) ?? [];
    const next = new Map<string, Level>();
    for (const [address, level] of cells) {
      const { row, column } = parseAddress(address);
      next.set(cellAddress(shiftedColumn(column, blocks), row), level);
    }
    out.set(id, next);
  }
  return out;
}
