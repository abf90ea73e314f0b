// The city's consolidated table (standard §2): one row per district, then 총계 and 평균, for one
// year. Made from districts' files here and from SharePoint's Submissions by src/city (the data
// book), with the same rows and sums. Pure: the CLI renders it as text, CSV, Markdown or .xlsx.
import type { Standard, Text } from '../standard/types';
import { newestStandard } from '../standard';
import type { Metrics, ValidationReport } from './report';
import { consolidateFigures, copyFigures, metricValue } from './metric-values';
import { BilingualError } from '../bilingual';

export type SummaryFigures = Metrics;

export interface SummaryRow extends SummaryFigures {
  district: string;
  /** The 5-digit administrative code; null on the 총계 and 평균 rows. */
  districtCode: string | null;
  /** The district-year; on 총계/평균 the table's year. */
  year: number | null;
  /**
   * In a year's table, the quarter the submission reports (its figures cover 1분기 … this one); in
   * a quarter's table, that quarter. On 총계/평균 the quarter every row shares, else null.
   */
  quarter: number | null;
}

/** A due district with nothing to show (the city's data book): listed, never counted. */
export interface MissingRow {
  district: string;
  districtCode: string;
  year: number;
}

export interface SummaryTable {
  /** The year every row is of (a table never mixes years); null only for an empty table. */
  year: number | null;
  /** For a quarter's table, the quarter whose forums it counts; null for a year's (cumulative) table. */
  quarter: number | null;
  rows: SummaryRow[];
  /** Due districts without figures, shown as 미제출 and left out of 총계 and 평균 (empty for files). */
  missing: MissingRow[];
  /** Sums of counts and hours; rates null (the standard shows '-'); 1회평균 = hours ÷ meetings. */
  total: SummaryRow;
  /** Arithmetic mean of the district rows for every column; 1회평균 = 총계 hours ÷ 총계 meetings. */
  mean: SummaryRow;
  /** What the reader must know: replaced submissions, files left out. */
  notes: Text[];
}

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

/** A district's row from its figures. */
export function summaryRow(
  district: { district: string; districtCode: string | null },
  year: number | null,
  quarter: number | null,
  m: Metrics,
): SummaryRow {
  return {
    district: district.district,
    districtCode: district.districtCode,
    year,
    quarter,
    ...copyFigures(m),
  };
}

function rowOf(r: ValidationReport): SummaryRow {
  const { district, districtCode, year, quarter } = r.info;
  return summaryRow({ district: district!, districtCode }, year, quarter, r.metrics.overall);
}

/** The value every row shares, else null. */
function common<T>(values: T[]): T | null {
  return values.length > 0 && values.every((v) => v === values[0]) ? values[0] : null;
}

/** 총계 or 평균 over the district rows, as the standard's metric definitions say (§2). */
function consolidatedRow(rows: SummaryRow[], standard: Standard, line: 'total' | 'mean'): SummaryRow {
  return {
    district: line === 'total' ? standard.summaryTable.totalLabel : standard.summaryTable.meanLabel,
    districtCode: null,
    year: common(rows.map((r) => r.year)),
    quarter: common(rows.map((r) => r.quarter)),
    ...consolidateFigures(standard, rows, line),
  };
}

/** Sums of counts and hours; `mean` ratios (rates) null, shown '-'; `pooled` ones (1회평균) recomputed. */
export function totalRow(rows: SummaryRow[], standard: Standard = newestStandard): SummaryRow {
  return consolidatedRow(rows, standard, 'total');
}

/** The mean of the district rows for every column; a `pooled` ratio is 총계's (hours ÷ meetings). */
export function meanRow(rows: SummaryRow[], standard: Standard = newestStandard): SummaryRow {
  return consolidatedRow(rows, standard, 'mean');
}

/**
 * The table over district rows: sorted 가나다 (then by year), 총계 and 평균 over the rows with
 * figures only. `quarter` is set for a quarter's table; every row then carries it.
 */
export function summaryTableOf(
  parts: {
    rows: SummaryRow[];
    year?: number;
    quarter?: number | null;
    missing?: MissingRow[];
    notes?: Text[];
  },
  standard: Standard = newestStandard,
): SummaryTable {
  const rows = [...parts.rows].sort(
    (a, b) => a.district.localeCompare(b.district, 'ko') || (a.year ?? 0) - (b.year ?? 0),
  );
  const missing = [...(parts.missing ?? [])].sort((a, b) => a.district.localeCompare(b.district, 'ko'));
  const years = new Set([...rows, ...missing].map((r) => r.year));
  if (parts.year !== undefined) years.add(parts.year);
  if (years.size > 1) throw mixedYears([...years]);
  const total = totalRow(rows, standard);
  const mean = meanRow(rows, standard);
  const year = [...years][0] ?? null;
  const quarter = parts.quarter ?? null;
  for (const r of [total, mean]) {
    r.year = year;
    if (quarter !== null) r.quarter = quarter;
  }
  return { year, quarter, rows, missing, total, mean, notes: parts.notes ?? [] };
}

function mixedYears(years: (number | null)[], files?: Map<number, string[]>): BilingualError {
  const list = [...years].sort((a, b) => (a ?? 0) - (b ?? 0));
  const ko = list.map((y) => `${y}년${files?.get(y!) ? `(${files.get(y!)!.join(', ')})` : ''}`).join(', ');
  const en = list.map((y) => `${y}${files?.get(y!) ? ` (${files.get(y!)!.join(', ')})` : ''}`).join(', ');
  return new BilingualError(
    `연도가 다른 자료는 한 표(총계)로 합치지 않습니다: ${ko}. 한 해를 고르세요 (--year).`,
    `figures of different years are never added into one table: ${en}. Choose one year (--year).`,
  );
}

/** The years the reports are of (those whose year could be read), ascending. */
export function reportYears(reports: readonly ValidationReport[]): number[] {
  const years = new Set<number>();
  for (const r of reports) if (r.info.year !== null) years.add(r.info.year);
  return [...years].sort((a, b) => a - b);
}

/**
 * The consolidated table of districts' files (standard §2): one row per district-year, the later
 * 작성일 winning. Files of different years are never added into one 총계: give `year` to keep one
 * year's files (the others are left out with a note), else mixed years throw a bilingual error.
 */
export function buildSummaryTable(
  reports: readonly ValidationReport[],
  standard: Standard = newestStandard,
  options: { year?: number } = {},
): SummaryTable {
  const notes: Text[] = [];
  const years = reportYears(reports);
  if (options.year === undefined && years.length > 1) {
    const files = new Map<number, string[]>();
    for (const r of reports)
      if (r.info.year !== null) files.set(r.info.year, [...(files.get(r.info.year) ?? []), r.file ?? '?']);
    throw mixedYears(years, files);
  }
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
    if (options.year !== undefined && year !== options.year) {
      const d = describe(r);
      notes.push({
        ko: `${d.ko}: ${year}년 자료라 ${options.year}년 표에서 뺐습니다.`,
        en: `${d.en}: left out, it is of ${year}, not ${options.year}.`,
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
  for (const r of [...chosen.values()].filter((x) => x.stats.errors > 0)) {
    const d = describe(r);
    notes.push({
      ko: `${d.ko}: 오류 ${r.stats.errors}건이 있어 수치가 틀릴 수 있습니다(delib validate로 확인하세요).`,
      en: `${d.en}: ${r.stats.errors} errors, so its figures may be wrong (see delib validate).`,
    });
  }
  return summaryTableOf({ rows: [...chosen.values()].map(rowOf), notes }, standard);
}

/** The table's lines in display order: district rows and 미제출 rows together in 가나다 order. */
export function tableLines(table: SummaryTable): ({ row: SummaryRow } | { missing: MissingRow })[] {
  const lines: ({ row: SummaryRow } | { missing: MissingRow })[] = [
    ...table.rows.map((row) => ({ row })),
    ...table.missing.map((missing) => ({ missing })),
  ];
  const name = (l: (typeof lines)[number]) => ('row' in l ? l.row.district : l.missing.district);
  // Stable: rows of one district (different years) keep their order.
  return lines
    .map((l, i) => ({ l, i }))
    .sort((a, b) => name(a.l).localeCompare(name(b.l), 'ko') || a.i - b.i)
    .map((x) => x.l);
}

/** A consolidated-table column's value (`attendees.total`, `district` …) for a row. */
export function summaryValue(row: SummaryRow, metric: string): string | number | null {
  return metric === 'district' ? row.district : metricValue(row, metric);
}
