// The standard's §2 metrics: pooled rates (Σ attended ÷ Σ expected per group), undefined (null)
// when nothing was expected, rates above 100% kept. One definition for the pane, 요약, reports
// and SharePoint. Unreadable or blank values contribute nothing to their sums: such rows carry
// error findings, which block submission, so an invalid workbook's figures are provisional.
import type { Standard } from '../standard/types';
import { currentStandard } from '../standard';
import type { ForumRecord, Metrics, WorkbookMetrics } from './report';
import { quarterOfSerial } from './dates';

/**
 * Sums in millionths, as integers: floating-point addition depends on order, and a district's
 * figures must not change when its rows are sorted. Past 2^53 the sum continues in BigInt.
 */
class ExactSum {
  private micro = 0;
  private big: bigint | null = null;

  add(v: number | null): void {
    if (v === null) return;
    const scaled = Number.isFinite(v * 1e6) ? Math.round(v * 1e6) : Math.round(v);
    const exact = Number.isFinite(v * 1e6) ? BigInt(scaled) : BigInt(scaled) * 1_000_000n;
    if (this.big === null) {
      const next = this.micro + scaled;
      if (Number.isSafeInteger(next) && Number.isSafeInteger(scaled)) {
        this.micro = next;
        return;
      }
      this.big = BigInt(this.micro);
    }
    this.big += exact;
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
}

const zero = (): Sums => new Sums();

function add(s: Sums, f: ForumRecord): void {
  s.meetings++;
  s.hours.add(f.hours);
  s.ao.add(f.attendedOfficial);
  s.ac.add(f.attendedCivilian);
  s.eo.add(f.expectedOfficial);
  s.ec.add(f.expectedCivilian);
}

const rate = (attended: number, expected: number): number | null =>
  expected === 0 ? null : attended / expected;

function metricsFromSums(s: Sums): Metrics {
  const [hours, ao, ac, eo, ec] = [s.hours.value, s.ao.value, s.ac.value, s.eo.value, s.ec.value];
  return {
    meetings: s.meetings,
    hoursTotal: hours,
    hoursPerMeeting: s.meetings === 0 ? null : hours / s.meetings,
    attendees: { total: ao + ac, official: ao, civilian: ac },
    expected: { total: eo + ec, official: eo, civilian: ec },
    attendanceRate: { total: rate(ao + ac, eo + ec), official: rate(ao, eo), civilian: rate(ac, ec) },
  };
}

export function metricsOf(forums: readonly ForumRecord[]): Metrics {
  const s = zero();
  for (const f of forums) add(s, f);
  return metricsFromSums(s);
}

export function computeMetrics(
  forums: readonly ForumRecord[],
  standard: Standard = currentStandard,
): WorkbookMetrics {
  const overall = zero();
  const quarters = [zero(), zero(), zero(), zero()];
  const types = new Map<string, Sums>(standard.enums.forumType.map((t) => [t.value, zero()]));
  for (const f of forums) {
    add(overall, f);
    if (f.date !== null) add(quarters[quarterOfSerial(f.date) - 1], f);
    const byType = f.type === null ? undefined : types.get(f.type);
    if (byType) add(byType, f);
  }
  const byType: Record<string, Metrics> = {};
  for (const [type, sums] of types) byType[type] = metricsFromSums(sums);
  return {
    overall: metricsFromSums(overall),
    byQuarter: {
      '1': metricsFromSums(quarters[0]),
      '2': metricsFromSums(quarters[1]),
      '3': metricsFromSums(quarters[2]),
      '4': metricsFromSums(quarters[3]),
    },
    byType,
  };
}
