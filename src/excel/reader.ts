// Reading the standard sheets into the engine's snapshot. Every range request stays within
// MAX_ROWS_PER_REQUEST rows, all of a pass's requests are queued before one sync, and each cell's
// data travels once: `formulas` carries constants and formula text, only formula cells add their
// results, and error values are located by address (getSpecialCells … 'Errors') instead of a
// `valueTypes` grid — which keeps a 10,000-row sheet's read under the 5 MB payload cap of Excel on
// the web.
import type { Cell, CellValue } from '../engine/snapshot';

export const MAX_ROWS_PER_REQUEST = 5000;
/** Wide sheets get shorter chunks so one request stays small whatever the column count. */
export const MAX_CELLS_PER_REQUEST = 65_000;

/** Excel's error values, as `formulas` / `values` show them. */
export const EXCEL_ERRORS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

/** What was read of one sheet: cells by Excel row number (1-based). */
export type RowCells = Map<number, (Cell | null)[]>;

/** A block of rows to read: Excel rows first..last, columns [firstColumn, firstColumn + columns). */
export interface RowBlock {
  first: number;
  last: number;
  firstColumn: number;
  columns: number;
}

export function rowsPerRequest(columns: number): number {
  return Math.max(
    1,
    Math.min(MAX_ROWS_PER_REQUEST, Math.floor(MAX_CELLS_PER_REQUEST / Math.max(1, columns))),
  );
}

/** Sorted distinct rows → contiguous blocks, each cut to the request size. */
export function blocksFor(rows: Iterable<number>, firstColumn: number, columns: number): RowBlock[] {
  const sorted = [...new Set(rows)].filter((r) => r >= 1).sort((a, b) => a - b);
  const limit = rowsPerRequest(columns);
  const out: RowBlock[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r === last.last + 1 && last.last - last.first + 1 < limit) last.last = r;
    else out.push({ first: r, last: r, firstColumn, columns });
  }
  return out;
}

export function rangeBlocks(first: number, last: number, firstColumn: number, columns: number): RowBlock[] {
  const limit = rowsPerRequest(columns);
  const out: RowBlock[] = [];
  for (let r = first; r <= last; r += limit)
    out.push({ first: r, last: Math.min(last, r + limit - 1), firstColumn, columns });
  return out;
}

type Loaded = {
  range: Excel.Range;
  formulaCells: Excel.RangeAreas;
  constantErrors: Excel.RangeAreas;
  block: RowBlock;
};

/** Queues the loads for `blocks` (no sync); call the returned function after the sync. */
export function queueRowReads(sheet: Excel.Worksheet, blocks: readonly RowBlock[]): () => RowCells {
  const loaded: Loaded[] = blocks.map((block) => {
    const range = sheet.getRangeByIndexes(
      block.first - 1,
      block.firstColumn,
      block.last - block.first + 1,
      block.columns,
    );
    range.load('formulas,numberFormat');
    const formulaCells = range.getSpecialCellsOrNullObject('Formulas');
    formulaCells.areas.load('items/values,items/rowIndex,items/columnIndex');
    const constantErrors = range.getSpecialCellsOrNullObject('Constants', 'Errors');
    constantErrors.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
    return { range, formulaCells, constantErrors, block };
  });
  return () => {
    const out: RowCells = new Map();
    for (const l of loaded) collect(out, l);
    return out;
  };
}

const key = (row0: number, column: number) => row0 * 16384 + column;

function collect(out: RowCells, { range, formulaCells, constantErrors, block }: Loaded): void {
  const results = new Map<number, unknown>();
  const errors = new Set<number>();
  if (!constantErrors.isNullObject) {
    for (const a of constantErrors.areas.items) {
      for (let i = 0; i < a.rowCount; i++)
        for (let j = 0; j < a.columnCount; j++) errors.add(key(a.rowIndex + i, a.columnIndex + j));
    }
  }
  if (!formulaCells.isNullObject) {
    for (const area of formulaCells.areas.items) {
      area.values.forEach((line, i) =>
        line.forEach((v, j) => results.set(key(area.rowIndex + i, area.columnIndex + j), v)),
      );
    }
  }
  const formulas = range.formulas;
  const formats = range.numberFormat;
  for (let i = 0; i < formulas.length; i++) {
    const row = block.first + i;
    const cells: (Cell | null)[] = new Array(block.firstColumn + block.columns).fill(null);
    for (let j = 0; j < block.columns; j++) {
      const k = key(row - 1, block.firstColumn + j);
      cells[block.firstColumn + j] = toCell(formulas[i][j], formats[i]?.[j], results.get(k), errors.has(k));
    }
    out.set(row, trimTrailing(cells));
  }
}

function trimTrailing(cells: (Cell | null)[]): (Cell | null)[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === null) n--;
  return n === cells.length ? cells : cells.slice(0, n);
}

/**
 * One cell from Office.js's `formulas` entry, its number format, its result (formula cells) and
 * whether Excel lists it among constant error cells (text that merely looks like `#N/A` is text).
 */
export function toCell(
  formulaOrValue: unknown,
  numberFormat: unknown,
  result: unknown,
  constantError = false,
): Cell | null {
  const format = typeof numberFormat === 'string' && numberFormat !== 'General' ? numberFormat : undefined;
  const withFormat = (c: Cell): Cell => (format ? { ...c, numberFormat: format } : c);
  if (typeof formulaOrValue === 'string' && formulaOrValue.startsWith('=') && formulaOrValue.length > 1) {
    if (typeof result === 'string' && EXCEL_ERRORS.has(result))
      return withFormat({ value: null, formula: formulaOrValue, error: result });
    return withFormat({ value: scalar(result), formula: formulaOrValue });
  }
  if (formulaOrValue === '' || formulaOrValue === null || formulaOrValue === undefined) return null;
  if (constantError) return withFormat({ value: null, error: String(formulaOrValue) });
  return withFormat({ value: scalar(formulaOrValue) });
}

function scalar(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

export function isPayloadLimit(e: unknown): boolean {
  return typeof e === 'object' && e !== null && PAYLOAD_CODES.has(String((e as { code?: unknown }).code));
}

export interface SheetRead {
  sheetId: string;
  blocks: RowBlock[];
}

/**
 * Reads the blocks of several sheets in one sync. Excel on the web refuses a sync whose response
 * passes 5 MB; then the read is done again in pieces — one sync per block, halving a block that is
 * still too big — so a huge sheet costs more syncs instead of failing. `alsoQueue` adds other loads
 * to the first attempt and is queued again on its own if that attempt is refused.
 */
export async function readSheets(
  context: Excel.RequestContext,
  reads: readonly SheetRead[],
  alsoQueue: () => void = () => undefined,
): Promise<{ cells: Map<string, RowCells>; syncs: number }> {
  const sheet = (id: string) => context.workbook.worksheets.getItem(id);
  const all = reads.map((r) => ({ id: r.sheetId, collect: queueRowReads(sheet(r.sheetId), r.blocks) }));
  alsoQueue();
  try {
    await context.sync();
    return { cells: new Map(all.map((a) => [a.id, a.collect()])), syncs: 1 };
  } catch (e) {
    if (!isPayloadLimit(e)) throw e;
  }
  alsoQueue();
  await context.sync();
  let syncs = 2;
  const cells = new Map<string, RowCells>(reads.map((r) => [r.sheetId, new Map()]));
  const pending = reads.flatMap((r) => r.blocks.map((block) => ({ id: r.sheetId, block })));
  while (pending.length > 0) {
    const { id, block } = pending.shift()!;
    const collect = queueRowReads(sheet(id), [block]);
    syncs++;
    try {
      await context.sync();
      for (const [row, line] of collect()) cells.get(id)!.set(row, line);
    } catch (e) {
      if (!isPayloadLimit(e) || block.first === block.last) throw e;
      const mid = Math.floor((block.first + block.last) / 2);
      pending.unshift({ id, block: { ...block, last: mid } }, { id, block: { ...block, first: mid + 1 } });
    }
  }
  return { cells, syncs };
}
