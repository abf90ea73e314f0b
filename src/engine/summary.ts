// The city's consolidated table (standard §2): one row per district-year from the districts'
// validation reports, then 총계 and 평균. Pure: the CLI renders it as text, CSV, Markdown or .xlsx.
import type { Standard, Text } from '../standard/types';
import { newestStandard } from '../standard';
import type { GroupFigures, Metrics, RateFigures, ValidationReport } from './report';

export type SummaryFigures = Metrics;

export interface SummaryRow extends SummaryFigures {
  district: string;
  /** The 5-digit administrative code; null on the 총계 and 평균 rows. */
  districtCode: string | null;
  /** The district-year; on 총계/평균 the year all rows share, else null. */
  year: number | null;
  /** The quarter the chosen submission reports (1–4); null on 총계/평균. */
  quarter: number | null;
}

export interface SummaryTable {
  rows: SummaryRow[];
  /** Sums of counts and hours; rates null (the standard shows '-'); 1회평균 = hours ÷ meetings. */
  total: SummaryRow;
  /** Arithmetic mean of the district rows for every column; 1회평균 = 총계 hours ÷ 총계 meetings. */
  mean: SummaryRow;
  /** What the reader must know: replaced submissions, files left out. */
  notes: Text[];
}

const GROUPS = ['total', 'official', 'civilian'] as const;

function describe(r: ValidationReport): { ko: string; en: string } {
  const file = r.file ?? '?';
  const date = r.info.reportDate ?? '?';
  return { ko: `${file}(작성일 ${date})`, en: `${file} (report date ${date})` };
}

/** True when `b` replaces `a`: a later 작성일; on a tie (or no dates) the later-given file. */
function supersedes(b: ValidationReport, a: ValidationReport): boolean {
  const da = a.info.reportDate ?? '';
  const db = b.info.reportDate ?? '';
  return db >= da;
}

function rowOf(r: ValidationReport): SummaryRow {
  const m = r.metrics.overall;
  return {
    district: r.info.district!,
    districtCode: r.info.districtCode,
    year: r.info.year,
    quarter: r.info.quarter,
    meetings: m.meetings,
    hoursTotal: m.hoursTotal,
    hoursPerMeeting: m.hoursPerMeeting,
    attendees: { ...m.attendees },
    expected: { ...m.expected },
    attendanceRate: { ...m.attendanceRate },
  };
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const mean = (xs: number[]) => (xs.length ? sum(xs) / xs.length : 0);
const meanDefined = (xs: (number | null)[]) => {
  const defined = xs.filter((x): x is number => x !== null);
  return defined.length ? mean(defined) : null;
};

function groupFigures(
  rows: SummaryRow[],
  pick: (r: SummaryRow) => GroupFigures,
  f: (xs: number[]) => number,
) {
  return Object.fromEntries(
    GROUPS.map((g) => [g, f(rows.map((r) => pick(r)[g]))]),
  ) as unknown as GroupFigures;
}

function commonYear(rows: SummaryRow[]): number | null {
  const years = new Set(rows.map((r) => r.year));
  return years.size === 1 ? rows[0].year : null;
}

export function totalRow(rows: SummaryRow[], standard: Standard = newestStandard): SummaryRow {
  const meetings = sum(rows.map((r) => r.meetings));
  const hoursTotal = sum(rows.map((r) => r.hoursTotal));
  return {
    district: standard.summaryTable.totalLabel,
    districtCode: null,
    year: commonYear(rows),
    quarter: null,
    meetings,
    hoursTotal,
    hoursPerMeeting: meetings === 0 ? null : hoursTotal / meetings,
    attendees: groupFigures(rows, (r) => r.attendees, sum),
    expected: groupFigures(rows, (r) => r.expected, sum),
    attendanceRate: { total: null, official: null, civilian: null },
  };
}

export function meanRow(rows: SummaryRow[], standard: Standard = newestStandard): SummaryRow {
  const total = totalRow(rows, standard);
  const rates = Object.fromEntries(
    GROUPS.map((g) => [g, meanDefined(rows.map((r) => r.attendanceRate[g]))]),
  ) as unknown as RateFigures;
  return {
    district: standard.summaryTable.meanLabel,
    districtCode: null,
    year: total.year,
    quarter: null,
    meetings: mean(rows.map((r) => r.meetings)),
    hoursTotal: mean(rows.map((r) => r.hoursTotal)),
    hoursPerMeeting: total.hoursPerMeeting,
    attendees: groupFigures(rows, (r) => r.attendees, mean),
    expected: groupFigures(rows, (r) => r.expected, mean),
    attendanceRate: rates,
  };
}

export function buildSummaryTable(
  reports: readonly ValidationReport[],
  standard: Standard = newestStandard,
): SummaryTable {
  const notes: Text[] = [];
  const chosen = new Map<string, ValidationReport>();
  for (const r of reports) {
    const { district, year } = r.info;
    if (!district || year === null) {
      const d = describe(r);
      notes.push({
        ko: `${d.ko}: 자치구나 연도를 읽을 수 없어 집계에서 뺐습니다.`,
        en: `${d.en}: left out, its district or year cannot be read.`,
      });
      continue;
    }
    const key = `${district}\u0000${year}`;
    const previous = chosen.get(key);
    if (!previous) {
      chosen.set(key, r);
      continue;
    }
    const [winner, loser] = supersedes(r, previous) ? [r, previous] : [previous, r];
    chosen.set(key, winner);
    const w = describe(winner);
    const l = describe(loser);
    notes.push({
      ko: `${district} ${year}년: 같은 자치구·연도의 파일이 둘입니다. 작성일이 늦은 ${w.ko}을(를) 쓰고 ${l.ko}은(는) 뺐습니다.`,
      en: `${district} ${year}: two files for the same district-year; the later report date wins: ${w.en} is used, ${l.en} is left out.`,
    });
  }
  const rows = [...chosen.values()]
    .map(rowOf)
    .sort((a, b) => a.district.localeCompare(b.district, 'ko') || (a.year ?? 0) - (b.year ?? 0));
  for (const r of [...chosen.values()].filter((x) => x.stats.errors > 0)) {
    const d = describe(r);
    notes.push({
      ko: `${d.ko}: 오류 ${r.stats.errors}건이 있어 수치가 틀릴 수 있습니다(delib validate로 확인하세요).`,
      en: `${d.en}: ${r.stats.errors} errors, so its figures may be wrong (see delib validate).`,
    });
  }
  return { rows, total: totalRow(rows, standard), mean: meanRow(rows, standard), notes };
}

/** A consolidated-table column's value (`attendees.total`, `district` …) for a row. */
export function summaryValue(row: SummaryRow, metric: string): string | number | null {
  if (metric === 'district') return row.district;
  const [head, tail] = metric.split('.');
  const v = (row as unknown as Record<string, unknown>)[head];
  if (tail === undefined) return typeof v === 'number' ? v : v === null ? null : null;
  const inner = (v as Record<string, unknown> | undefined)?.[tail];
  return typeof inner === 'number' ? inner : null;
}
