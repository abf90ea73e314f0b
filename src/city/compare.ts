// Two years' data books side by side: per district present in both, the change in every column of
// the consolidated table — counts and hours as differences, rates in percentage points — and which
// districts have figures in only one of the years. 총계 and 평균 are compared too (each over its own
// year's districts, as printed).
import type { Standard, Text } from '../standard/types';
import { newestStandard } from '../standard';
import { BilingualError } from '../bilingual';
import { summaryValue, type SummaryRow, type SummaryTable } from '../engine/summary';
import { metricOf } from '../engine/metric-values';
import type { DistrictRef } from './types';

export type ChangeUnit = 'count' | 'hours' | 'percentPoint';

export interface MetricChange {
  from: number | null;
  to: number | null;
  /** to − from (rates: in percentage points); null when either side is undefined. */
  change: number | null;
  unit: ChangeUnit;
}

/** Changes keyed by the consolidated table's metric keys, in its column order. */
export type Changes = Record<string, MetricChange>;

export interface DistrictChange extends DistrictRef {
  /** The quarter each year's row reports (a year's figures are cumulative up to it). */
  quarters: { from: number | null; to: number | null };
  changes: Changes;
}

export interface YearComparison {
  from: number;
  to: number;
  /** Set when two quarters' tables are compared. */
  quarter: number | null;
  /** Districts with figures in both years, in 가나다 order. */
  rows: DistrictChange[];
  total: Changes;
  mean: Changes;
  onlyFrom: DistrictRef[];
  onlyTo: DistrictRef[];
  notes: Text[];
}

/** A change's unit by the metric's kind: a rate's change is in percentage points. */
export function unitOf(metric: string, standard: Standard = newestStandard): ChangeUnit {
  const kind = metricOf(standard, metric)?.kind ?? 'count';
  return kind === 'rate' ? 'percentPoint' : kind;
}

function changes(a: SummaryRow, b: SummaryRow, standard: Standard): Changes {
  const out: Changes = {};
  for (const { metric } of standard.summaryTable.columns) {
    if (metric === 'district') continue;
    const from = summaryValue(a, metric) as number | null;
    const to = summaryValue(b, metric) as number | null;
    const unit = unitOf(metric, standard);
    const scale = unit === 'percentPoint' ? 100 : 1;
    out[metric] = { from, to, change: from === null || to === null ? null : (to - from) * scale, unit };
  }
  return out;
}

const ref = (r: SummaryRow): DistrictRef => ({ district: r.district, districtCode: r.districtCode ?? '' });

export function compareYears(
  from: SummaryTable,
  to: SummaryTable,
  standard: Standard = newestStandard,
): YearComparison {
  if (from.year === null || to.year === null)
    throw new BilingualError(
      '연도를 알 수 없는 표는 비교할 수 없습니다',
      'a table without a year cannot be compared',
    );
  if (from.quarter !== to.quarter)
    throw new BilingualError(
      '분기 표는 같은 분기끼리만 비교합니다 (연간 표는 연간 표와)',
      "a quarter's table compares only with the same quarter's (a year's with a year's)",
    );
  const byCode = (t: SummaryTable) => new Map(t.rows.map((r) => [r.districtCode, r]));
  const a = byCode(from);
  const b = byCode(to);
  const rows: DistrictChange[] = [];
  const notes: Text[] = [];
  for (const r of from.rows) {
    const other = b.get(r.districtCode);
    if (!other) continue;
    rows.push({
      ...ref(r),
      quarters: { from: r.quarter, to: other.quarter },
      changes: changes(r, other, standard),
    });
    if (from.quarter === null && r.quarter !== other.quarter)
      notes.push({
        ko: `${r.district}: ${from.year}년은 ${r.quarter}분기까지, ${to.year}년은 ${other.quarter}분기까지의 수치입니다.`,
        en: `${r.district}: ${from.year} covers up to Q${r.quarter}, ${to.year} up to Q${other.quarter}.`,
      });
  }
  return {
    from: from.year,
    to: to.year,
    quarter: from.quarter,
    rows,
    total: changes(from.total, to.total, standard),
    mean: changes(from.mean, to.mean, standard),
    onlyFrom: from.rows.filter((r) => !b.has(r.districtCode)).map(ref),
    onlyTo: to.rows.filter((r) => !a.has(r.districtCode)).map(ref),
    notes,
  };
}
