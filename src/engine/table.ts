// One standard table of one workbook, kept between passes: each row's record and findings, and the
// indexes the table rules read (연번 → rows, duplicate key → rows). A changed row is taken out of
// the indexes and the metrics and put back in, so re-reading it costs one row whatever the size.
import type { FieldValue, Finding, TableRecord } from './report';
import type { SheetSnapshot } from './snapshot';
import { columnLetter } from './snapshot';
import type { CompiledTable } from './compile';
import type { TableLayout } from './rules/headers';
import type { CellAt, CellPlan, Period, RowInput } from './rules/types';
import { readCell } from './rules/values';
import type { MetricsTally } from './metrics';

export interface RowResult {
  record: TableRecord;
  findings: Finding[];
}

interface BoundInput {
  plan: CellPlan;
  column: number;
  letter: string;
  slot: number;
}

/**
 * The Excel rows holding one key, ascending. Almost every key has one row, so that case is a bare
 * number: a full pass indexes every row and must not allocate for it.
 */
type Held = number | number[] | undefined;

function withRow(held: Held, row: number): Held {
  if (held === undefined) return row;
  if (typeof held === 'number') return held < row ? [held, row] : [row, held];
  let i = held.length;
  while (i > 0 && held[i - 1] > row) i--;
  held.splice(i, 0, row);
  return held;
}

function withoutRow(held: Held, row: number): Held {
  if (held === undefined || typeof held === 'number') return held === row ? undefined : held;
  const i = held.indexOf(row);
  if (i >= 0) held.splice(i, 1);
  return held.length === 1 ? held[0] : held;
}

/** The first row holding the key when `row` is a later repeat of it; null otherwise. */
const firstOf = (held: Held, row: number): number | null =>
  held !== undefined && typeof held !== 'number' && held[0] !== row ? held[0] : null;

/** Key → the rows holding it. */
export class RowIndex<K> {
  private readonly map = new Map<K, number | number[]>();

  add(key: K, row: number): void {
    this.map.set(key, withRow(this.map.get(key), row)!);
  }

  remove(key: K, row: number): void {
    const held = withoutRow(this.map.get(key), row);
    if (held === undefined) this.map.delete(key);
    else this.map.set(key, held);
  }

  firstBefore(key: K, row: number): number | null {
    return firstOf(this.map.get(key), row);
  }
}

/** The rows of one key, held by whoever needs them without a lookup. */
export class RowSet {
  private held: Held;

  add(row: number): void {
    this.held = withRow(this.held, row);
  }

  remove(row: number): void {
    this.held = withoutRow(this.held, row);
  }

  firstBefore(row: number): number | null {
    return firstOf(this.held, row);
  }
}

/**
 * Rows by several values at once (명칭, 일자, 유형): nested maps, one level per value, so a row is
 * indexed without building a key string. Rows with a blank part are not indexed.
 */
export class CompoundRowIndex {
  private readonly root = new Map<FieldValue, Map<FieldValue, unknown> | RowSet>();

  constructor(private readonly slots: readonly number[]) {}

  /**
   * Indexes the row; returns the rows equal to it in every part (itself included), or null when a
   * part is blank. The caller keeps it: removing the row and asking for its first twin then need no
   * walk down the maps, which every pass would do for every row.
   */
  add(values: readonly FieldValue[], row: number): RowSet | null {
    for (const s of this.slots) if (values[s] === null) return null;
    let map = this.root as Map<FieldValue, unknown>;
    const last = this.slots.length - 1;
    for (let i = 0; i < last; i++) {
      const v = values[this.slots[i]];
      let next = map.get(v) as Map<FieldValue, unknown> | undefined;
      if (!next) map.set(v, (next = new Map()));
      map = next;
    }
    const v = values[this.slots[last]];
    let rows = map.get(v) as RowSet | undefined;
    if (!rows) map.set(v, (rows = new RowSet()));
    rows.add(row);
    return rows;
  }
}

const NO_FINDINGS: Finding[] = [];

export class TableState {
  /** Indexed by Excel row; undefined for blank rows. */
  readonly rows: (RowResult | undefined)[] = [];
  readonly ids = new RowIndex<number>();
  private readonly repeats: CompoundRowIndex | null;
  /** By Excel row: the rows equal to it in every duplicate key (see CompoundRowIndex.add). */
  private readonly twins: (RowSet | null | undefined)[] = [];
  private readonly inputs: BoundInput[];
  private readonly input: RowInput;
  private readonly at: CellAt;
  private readonly scratch: Finding[] = [];

  constructor(
    readonly table: CompiledTable,
    public sheet: SheetSnapshot,
    readonly layout: TableLayout,
    period: Period,
    readonly tally: MetricsTally | null,
  ) {
    this.repeats = table.duplicateSlots ? new CompoundRowIndex(table.duplicateSlots) : null;
    const columnOf = table.keys.map((k) => layout.columns.get(k) ?? -1);
    this.inputs = table.compiled.flatMap((c) =>
      c.plan && columnOf[c.slot] >= 0
        ? [{ plan: c.plan, column: columnOf[c.slot], letter: columnLetter(columnOf[c.slot]), slot: c.slot }]
        : [],
    );
    // Sheet order, as findings about one row are listed left to right.
    this.inputs.sort((a, b) => a.column - b.column);
    this.at = { sheet: sheet.name, column: '', row: 0 };
    this.input = { record: null as unknown as TableRecord, cells: [], sheet: sheet.name, period, columnOf };
  }

  /** Reads every row below the header. */
  readAll(): this {
    if (this.layout.headerRow)
      for (let r = this.layout.headerRow + 1; r <= this.sheet.rows.length; r++) this.put(r);
    return this;
  }

  /** (Re-)reads Excel row `r`, keeping the indexes and the metrics in step. */
  put(r: number): void {
    const old = this.rows[r];
    if (old) {
      const id = this.idOf(old.record);
      if (id !== null) this.ids.remove(id, r);
      this.twins[r]?.remove(r);
      this.twins[r] = undefined;
      this.tally?.add(old, -1);
    }
    const row = this.read(r) ?? undefined;
    this.rows[r] = row;
    if (row) {
      const id = this.idOf(row.record);
      if (id !== null) this.ids.add(id, r);
      this.twins[r] = this.repeats?.add(row.record.values, r);
      this.tally?.add(row);
    }
  }

  /** The first row equal to `record` in every duplicate key when it is a later repeat; else null. */
  firstDuplicateBefore(record: TableRecord): number | null {
    return this.twins[record.row]?.firstBefore(record.row) ?? null;
  }

  private idOf(record: TableRecord): number | null {
    const slot = this.table.idSlot;
    const id = slot === null ? null : record.values[slot];
    return typeof id === 'number' ? id : null;
  }

  /** Excel row `r` read and checked; null when the row is blank (blank rows are never findings). */
  read(r: number): RowResult | null {
    const cells = this.sheet.rows[r - 1];
    if (!cells) return null;
    const inputs = this.inputs;
    let blank = true;
    for (let i = 0; i < inputs.length; i++) {
      // isBlankCell, inlined: this runs for every row on every pass.
      const cell = cells[inputs[i].column];
      const v = cell?.value;
      if (cell && (cell.error || (v != null && (typeof v !== 'string' || v.trim() !== '')))) {
        blank = false;
        break;
      }
    }
    if (blank) return null;
    const table = this.table;
    const out = this.scratch;
    if (out.length) out.length = 0;
    const values = table.blank.slice();
    const at = this.at;
    at.row = r;
    for (let i = 0; i < inputs.length; i++) {
      const p = inputs[i];
      at.column = p.letter;
      values[p.slot] = readCell(p.plan, cells[p.column], at, out);
    }
    for (const c of table.computedColumns) values[c.slot] = c.compute!(values) ?? null;
    const record = new table.Record(r, values);
    const input = this.input;
    input.record = record;
    input.cells = cells;
    for (const check of table.rowChecks) check(input, out);
    return { record, findings: out.length ? out.slice() : NO_FINDINGS };
  }
}
