// The standard's §2 metrics: pooled rates (Σ attended ÷ Σ expected per group), undefined (null)
// when nothing was expected, rates above 100% kept. One definition for the pane, 요약, reports
// and SharePoint. Unreadable or blank values contribute nothing to their sums: such rows carry
// error findings, which block submission, so an invalid workbook's figures are provisional.
import type { Standard } from '../standard/types';
import type { ForumRecord, Metrics, TableRecord, WorkbookMetrics } from './report';
import { quarterOfSerial } from './dates';

/**
 * Sums in millionths, as integers: floating-point addition depends on order, and a district's
 * figures must not change when its rows are sorted. Past 2^53 the sum continues in BigInt.
 */
class ExactSum {
  private micro = 0;
  private big: bigint | null = null;

  /** Adds v (or subtracts it, sign -1): exact, so removing a row undoes adding it to the bit. */
  add(v: number | null, sign: 1 | -1 = 1): void {
    if (v === null) return;
    const scaled = sign * Math.round(v * 1e6);
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

class Sums {
  meetings = 0;
  hours = new ExactSum();
  ao = new ExactSum();
  ac = new ExactSum();
  eo = new ExactSum();
  ec = new ExactSum();

  add(f: ForumRecord, sign: 1 | -1): void {
    this.meetings += sign;
    this.hours.add(f.hours, sign);
    this.ao.add(f.attendedOfficial, sign);
    this.ac.add(f.attendedCivilian, sign);
    this.eo.add(f.expectedOfficial, sign);
    this.ec.add(f.expectedCivilian, sign);
  }

  metrics(): Metrics {
    const [hours, ao, ac, eo, ec] = [
      this.hours.value,
      this.ao.value,
      this.ac.value,
      this.eo.value,
      this.ec.value,
    ];
    return {
      meetings: this.meetings,
      hoursTotal: hours,
      hoursPerMeeting: this.meetings === 0 ? null : hours / this.meetings,
      attendees: { total: ao + ac, official: ao, civilian: ac },
      expected: { total: eo + ec, official: eo, civilian: ec },
      attendanceRate: { total: rate(ao + ac, eo + ec), official: rate(ao, eo), civilian: rate(ac, ec) },
    };
  }
}

const rate = (attended: number, expected: number): number | null =>
  expected === 0 ? null : attended / expected;

/**
 * Running sums for the whole workbook, each quarter and each forum type. The live path adds and
 * removes single rows, so a keystroke never re-sums the sheet.
 */
export class MetricsTally {
  private readonly overall = new Sums();
  private readonly quarters = [new Sums(), new Sums(), new Sums(), new Sums()];
  private readonly types: Map<string, Sums>;

  constructor(standard: Standard) {
    this.types = new Map(standard.enums.forumType.map((t) => [t.value, new Sums()]));
  }

  add(record: TableRecord, sign: 1 | -1 = 1): void {
    // The typed view: these columns are every standard's (metrics as data will name them in the standard).
    const f = record as ForumRecord;
    this.overall.add(f, sign);
    if (f.date !== null) this.quarters[quarterOfSerial(f.date) - 1].add(f, sign);
    const byType = f.type === null ? undefined : this.types.get(f.type);
    if (byType) byType.add(f, sign);
  }

  metrics(): WorkbookMetrics {
    const byType: Record<string, Metrics> = {};
    for (const [type, sums] of this.types) byType[type] = sums.metrics();
    const [q1, q2, q3, q4] = this.quarters.map((q) => q.metrics());
    return { overall: this.overall.metrics(), byQuarter: { '1': q1, '2': q2, '3': q3, '4': q4 }, byType };
  }
}

export function computeMetrics(forums: readonly TableRecord[], standard: Standard): WorkbookMetrics {
  const tally = new MetricsTally(standard);
  for (const f of forums) tally.add(f);
  return tally.metrics();
}
