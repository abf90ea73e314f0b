// The standard's §2 metrics over the forum rows, overall and by each of its groupings, as running
// sums: the live path adds and removes single rows, so a keystroke never re-sums the sheet. What is
// summed, and by what the rows are grouped, is the standard's data (src/engine/metric-values.ts).
// Unreadable or blank values contribute nothing to their sums: such rows carry error findings,
// which block submission, so an invalid workbook's figures are provisional.
import type { Standard } from '../standard/types';
import type { Finding, Metrics, TableRecord, WorkbookMetrics } from './report';
import { quarterOfSerial } from './dates';
import { groupsOf, metricPlan, type MetricPlan } from './metric-values';

/** A row's summed values, read once per row and added to each of its groups. */
interface ScaledRow {
  /** sign · round(v · 10⁶) per summed column; 0 where the value is blank (it adds nothing). */
  scaled: number[];
  raw: number[];
  sign: 1 | -1;
}

/**
 * The sums of many sets of rows (the whole workbook, each group of each grouping): per set its row
 * count and the Σ of each summed column in millionths, as integers — floating-point addition
 * depends on order, and a district's figures must not change when its rows are sorted; exact, so
 * removing a row undoes adding it to the bit. Past 2^53 a sum continues in BigInt. One flat array:
 * a row is added to five or so sets on every keystroke.
 */
class SumTable {
  private readonly rows: number[];
  private readonly micro: number[];
  /** The sums that left the safe integers, by cell; null while none did. */
  private big: Map<number, bigint> | null = null;

  constructor(
    sets: number,
    private readonly width: number,
  ) {
    this.rows = Array.from({ length: sets }, () => 0);
    this.micro = Array.from({ length: sets * width }, () => 0);
  }

  add(set: number, row: ScaledRow): void {
    this.rows[set] += row.sign;
    const base = set * this.width;
    for (let i = 0; i < this.width; i++) {
      const s = row.scaled[i];
      if (s === 0) continue;
      const at = base + i;
      if (this.big === null) {
        const next = this.micro[at] + s;
        if (Number.isSafeInteger(next) && Number.isSafeInteger(s)) {
          this.micro[at] = next;
          continue;
        }
        this.big = new Map();
      }
      const huge = Number.isFinite(s) ? BigInt(s) : BigInt(row.sign * Math.round(row.raw[i])) * 1_000_000n;
      this.big.set(at, (this.big.get(at) ?? BigInt(this.micro[at])) + huge);
    }
  }

  metrics(set: number, plan: MetricPlan): Metrics {
    const sums = Array.from({ length: this.width }, (_, i) => {
      const at = set * this.width + i;
      const b = this.big?.get(at);
      return (b === undefined ? this.micro[at] : Number(b)) / 1e6;
    });
    return plan.nest(plan.evaluate({ rows: this.rows[set], sums }));
  }
}

/** A row as the tally sees it: its values and the findings on it (is a blank cell blank?). */
export interface TalliedRow {
  record: TableRecord;
  readonly findings: readonly Finding[];
}

/** A grouping compiled against the record's slots. */
interface CompiledGrouping {
  key: string;
  groupKeys: string[];
  slot: number;
  column: string;
  /** The group of a row, or -1 for none. */
  groupOf(value: unknown, row: TalliedRow): number;
}

function compileGroupings(standard: Standard): CompiledGrouping[] {
  const columns = standard.sheets.forums.columns.map((c) => c.key);
  return standard.groupings.map((g) => {
    const slot = columns.indexOf(g.column);
    if (slot < 0) throw new Error(`the grouping '${g.key}' reads the unknown column '${g.column}'`);
    const groupKeys = groupsOf(g, standard).map((x) => x.key);
    const index = new Map(groupKeys.map((k, i) => [k, i]));
    const blank = g.blank ? groupKeys.length - 1 : -1;
    const byValue = (value: unknown, row: TalliedRow) => {
      if (typeof value === 'string') return index.get(value) ?? -1;
      // Blank, or given but unreadable (then a finding names the column): only blank is 미기재.
      if (blank < 0) return -1;
      for (const f of row.findings) if (f.field === g.column) return -1;
      return blank;
    };
    return {
      key: g.key,
      groupKeys,
      slot,
      column: g.column,
      groupOf:
        g.by === 'quarter'
          ? (value: unknown) => (typeof value === 'number' ? quarterOfSerial(value) - 1 : -1)
          : byValue,
    };
  });
}

/** Running sums for the whole workbook (set 0) and every group of every grouping of the standard. */
export class MetricsTally {
  private readonly plan: MetricPlan;
  private readonly sumSlots: number[];
  private readonly groupings: CompiledGrouping[];
  /** The first set of each grouping's groups. */
  private readonly firstSet: number[];
  private readonly sums: SumTable;
  /** Scratch for the row being added. */
  private readonly row: ScaledRow;

  constructor(standard: Standard) {
    this.plan = metricPlan(standard);
    const columns = standard.sheets.forums.columns.map((c) => c.key);
    this.sumSlots = this.plan.sumColumns.map((k) => columns.indexOf(k));
    this.groupings = compileGroupings(standard);
    let sets = 1;
    this.firstSet = this.groupings.map((g) => {
      const first = sets;
      sets += g.groupKeys.length;
      return first;
    });
    this.sums = new SumTable(sets, this.sumSlots.length);
    this.row = { scaled: this.sumSlots.map(() => 0), raw: this.sumSlots.map(() => 0), sign: 1 };
  }

  /** Adds a row (or removes it, sign -1): exact, so removing a row undoes adding it to the bit. */
  add(row: TalliedRow, sign: 1 | -1 = 1): void {
    const values = row.record.values;
    const s = this.row;
    s.sign = sign;
    for (let i = 0; i < this.sumSlots.length; i++) {
      const v = values[this.sumSlots[i]];
      const n = typeof v === 'number' ? v : 0;
      s.raw[i] = n;
      s.scaled[i] = sign * Math.round(n * 1e6);
    }
    this.sums.add(0, s);
    for (let g = 0; g < this.groupings.length; g++) {
      const grouping = this.groupings[g];
      const at = grouping.groupOf(values[grouping.slot], row);
      if (at >= 0) this.sums.add(this.firstSet[g] + at, s);
    }
  }

  metrics(): WorkbookMetrics {
    const out: Record<string, unknown> = { overall: this.sums.metrics(0, this.plan) };
    this.groupings.forEach((g, i) => {
      const figures: Record<string, Metrics> = {};
      g.groupKeys.forEach((key, j) => (figures[key] = this.sums.metrics(this.firstSet[i] + j, this.plan)));
      out[g.key] = figures;
    });
    return out as WorkbookMetrics;
  }
}

/** The metrics of records read without their findings (every empty grouping cell counts as blank). */
export function computeMetrics(forums: readonly TableRecord[], standard: Standard): WorkbookMetrics {
  const tally = new MetricsTally(standard);
  const row: TalliedRow = { record: forums[0], findings: [] };
  for (const record of forums) {
    row.record = record;
    tally.add(row);
  }
  return tally.metrics();
}
