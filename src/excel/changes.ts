// Turning Excel's change events into work: which rows of which sheet changed, coalesced so a burst
// becomes one pass, and passes never overlap. A change after a quiet moment is validated at once
// (the user sees it within one pass); changes arriving during a pass or within `debounceMs` of the
// last one wait for the window to close and are validated together.
import { parseAddress } from '../engine/snapshot';

/** Beyond this many rows in one event a full read is cheaper than a row-by-row one. */
export const FULL_PASS_ROWS = 20_000;

export type ParsedChange =
  { kind: 'rows'; first: number; last: number; lastColumn: number } | { kind: 'full' };

/**
 * What an onChanged event means for reading. Inserted or deleted rows, columns or cells shift
 * everything below or right of them, so they call for a full read; whole columns and huge ranges too.
 */
export function parseChange(address: string, changeType: string): ParsedChange {
  if (changeType !== 'RangeEdited' && changeType !== 'Unknown') return { kind: 'full' };
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const parts = local.split(':');
  try {
    const a = parseAddress(parts[0]);
    const b = parseAddress(parts[1] ?? parts[0]);
    const first = Math.min(a.row, b.row);
    const last = Math.max(a.row, b.row);
    if (last - first + 1 > FULL_PASS_ROWS) return { kind: 'full' };
    return { kind: 'rows', first, last, lastColumn: Math.max(a.column, b.column) };
  } catch {
    // `C:C` or `5:5` (whole columns or rows) or anything unexpected.
    return { kind: 'full' };
  }
}

export interface ChangeBatch {
  /** Changed rows by worksheet id, and the right-most column touched there (0-based). */
  rows: Map<string, { rows: Set<number>; lastColumn: number }>;
  full: boolean;
}

type Timers = { set: (f: () => void, ms: number) => unknown; clear: (t: unknown) => void };

const realTimers: Timers = {
  set: (f, ms) => setTimeout(f, ms),
  clear: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
};

export class ChangeCoalescer {
  private batch: ChangeBatch = { rows: new Map(), full: false };
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private waiters: (() => void)[] = [];
  private lastEnd = -Infinity;

  constructor(
    private readonly run: (batch: ChangeBatch) => Promise<void>,
    private readonly debounceMs: number,
    private readonly timers: Timers = realTimers,
  ) {}

  addRows(sheetId: string, first: number, last: number, lastColumn: number): void {
    let entry = this.batch.rows.get(sheetId);
    if (!entry) this.batch.rows.set(sheetId, (entry = { rows: new Set(), lastColumn }));
    for (let r = first; r <= last; r++) entry.rows.add(r);
    entry.lastColumn = Math.max(entry.lastColumn, lastColumn);
    if (entry.rows.size > FULL_PASS_ROWS) this.batch.full = true;
    this.schedule();
  }

  requestFull(): void {
    this.batch.full = true;
    this.schedule();
  }

  get pending(): boolean {
    return this.batch.full || this.batch.rows.size > 0;
  }

  /** Resolves once nothing is waiting, scheduled or running. */
  idle(): Promise<void> {
    if (!this.pending && !this.running && this.timer === null) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops whatever is waiting (the session is closing). */
  cancel(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    this.batch = { rows: new Map(), full: false };
    this.settle();
  }

  private schedule(): void {
    // An armed timer already bounds the wait; resetting it on every event would let a steady
    // stream of edits postpone validation for ever.
    if (this.timer !== null || this.running) return;
    const sinceLast = now() - this.lastEnd;
    const delay = sinceLast >= this.debounceMs ? 0 : this.debounceMs - sinceLast;
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private async flush(): Promise<void> {
    // One pass at a time: changes arriving meanwhile wait for the next one.
    if (this.running) return;
    if (!this.pending) return this.settle();
    const batch = this.batch;
    this.batch = { rows: new Map(), full: false };
    this.running = this.run(batch).catch(() => undefined);
    await this.running;
    this.running = null;
    this.lastEnd = now();
    if (this.pending && this.timer === null) this.schedule();
    this.settle();
  }

  private settle(): void {
    if (this.pending || this.running || this.timer !== null) return;
    const w = this.waiters.splice(0);
    for (const f of w) f();
  }
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
