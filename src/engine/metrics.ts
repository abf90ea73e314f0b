// The standard's §2 metrics over the forum rows, overall and by each of its groupings, as running
// sums: the live path adds and removes single rows, so a keystroke never re-sums the sheet. What is
// summed, and by what the rows are grouped, is the standard's data (src/engine/metric-values.ts).
// Unreadable or blank values contribute nothing to their sums: such rows carry error findings,
// which block submission, so an invalid workbook's figures are provisional.
import type { Standard } from '../standard/types';
import type { Finding, Metrics, TableRecord, WorkbookMetrics } from './report';
import { quarterOfSerial } from './dates';
import { groupsOf, metricPlan, type MetricPlan } from './metric-values';

/**
 * A sum in millionths, as an integer: floating-point addition depends on order, and a district's
 * figures must not change when its rows are sorted. Past 2^53 the sum continues in BigInt.
 */
class ExactSum {
  private micro = 0;
  private big: bigint | null = null;

  /**
   * Adds a value given as its signed millionths `scaled` (sign · round(v · 10⁶), see `ScaledRow`):
   * exact, so removing a row undoes adding it to the bit. `v` serves only past 2^53.
   */
  add(scaled: number, v: number, sign: 1 | -1): void {
    if (this.big === null) {
      const next = this.micro + scaled;
      if (Number.isSafeInteger(next) && Number.isSafeInteger(scaled)) {
        this.micro = next;
        return;
      }
      this.big = BigInt(this.micro);
    }
    const huge = Number.isFinite(scaled) ? BigInt(scaled) : BigInt(sign * Math.round(v)) * 1_000_000n;
    this.big += huge;
  }

  get value(): number {
    return (this.big === null ? this.micro : Number(this.big)) / 1e6;
  }
}

/** A row's summed values, read once per row and added to each of its groups. */
interface ScaledRow {
  /** sign · round(v · 10⁶) per summed column; 0 where the value is blank (it adds nothing). */
  scaled: number[];
  raw: number[];
  sign: 1 | -1;
}

/** One set of rows: its count and the exact Σ of each summed column. */
class GroupSums {
  rows = 0;
  readonly sums: ExactSum[];
  constructor(columns: number) {
    this.sums = Array.from({ length: columns }, () => new ExactSum());
  }

  add(row: ScaledRow): void {
    this.rows += row.sign;
    for (let i = 0; i < this.sums.length; i++) this.sums[i].add(row.scaled[i], row.raw[i], row.sign);
  }

  metrics(plan: MetricPlan): Metrics {
    return plan.nest(plan.evaluate({ rows: this.rows, sums: this.sums.map((s) => s.value) }));
  }
}

/** A row as the tally sees it: its values and the findings on it (is a blank cell blank?). */
export interface TalliedRow {
  record: TableRecord;
  findings: readonly Finding[];
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
      if (blank < 0 || row.findings.some((f) => f.field === g.column)) return -1;
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

/** Running sums for the whole workbook and every group of every grouping of the standard. */
export class MetricsTally {
  private readonly plan: MetricPlan;
  private readonly sumSlots: number[];
  private readonly groupings: CompiledGrouping[];
  private readonly overall: GroupSums;
  private readonly groups: GroupSums[][];
  /** Scratch for the row being added. */
  private readonly row: ScaledRow;

  constructor(standard: Standard) {
    this.plan = metricPlan(standard);
    const columns = standard.sheets.forums.columns.map((c) => c.key);
    this.sumSlots = this.plan.sumColumns.map((k) => columns.indexOf(k));
    this.groupings = compileGroupings(standard);
    const width = this.sumSlots.length;
    this.overall = new GroupSums(width);
    this.groups = this.groupings.map((g) => g.groupKeys.map(() => new GroupSums(width)));
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
    this.overall.add(s);
    for (let g = 0; g < this.groupings.length; g++) {
      const grouping = this.groupings[g];
      const at = grouping.groupOf(values[grouping.slot], row);
      if (at >= 0) this.groups[g][at].add(s);
    }
  }

  metrics(): WorkbookMetrics {
    const out: Record<string, unknown> = { overall: this.overall.metrics(this.plan) };
    this.groupings.forEach((g, i) => {
      const figures: Record<string, Metrics> = {};
      g.groupKeys.forEach((key, j) => (figures[key] = this.groups[i][j].metrics(this.plan)));
      out[g.key] = figures;
    });
    return out as WorkbookMetrics;
  }
}

/** The metrics of records read without their findings (every empty grouping cell counts as blank). */
export function computeMetrics(forums: readonly TableRecord[], standard: Standard): WorkbookMetrics {
  const tally = new MetricsTally(standard);
  for (const record of forums) tally.add({ record, findings: [] });
  return tally.metrics();
}
