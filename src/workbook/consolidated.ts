// The consolidated table's layout (standard §2) for every writer — the CLI's text, CSV and Markdown,
// the .xlsx, the city desk in Excel: which columns, in which order, how the period and a 미제출
// district read, what the 총계 row shows for rates. Values stay numbers; each writer rounds for display.
import type { Standard, Text } from '../standard/types';
import { submissionStates } from '../standard/calendar';
import { metricOf } from '../engine/metric-values';
import {
  summaryValue,
  tableLines,
  type MissingRow,
  type SummaryRow,
  type SummaryTable,
} from '../engine/summary';

export type Lang = keyof Text;

/** A ratio the 총계 row leaves out (`-`): one averaged across districts, not pooled (참석율). */
function notOnTotal(key: string, standard: Standard): boolean {
  const f = metricOf(standard, key)?.definition;
  return f?.kind === 'ratio' && f.across === 'mean';
}

export interface ConsolidatedColumn {
  /** `district`, `year`, `quarter`, or a metric key (`attendanceRate.total` …). */
  key: string;
  header: string;
}

/** 자치구, 연도, 분기, then the standard's metric columns (a table says which period it covers). */
export function consolidatedColumns(standard: Standard, lang: Lang = 'ko'): ConsolidatedColumn[] {
  const info = (key: string) => standard.sheets.info.fields.find((f) => f.key === key)!.labelText[lang];
  const metricLabel = (metric: string, header: string) =>
    lang === 'ko' ? header : (metricOf(standard, metric)?.label.en ?? header);
  const [district, ...metrics] = standard.summaryTable.columns;
  return [
    { key: 'district', header: lang === 'ko' ? district.header : 'District' },
    { key: 'year', header: info('year') },
    { key: 'quarter', header: info('quarter') },
    ...metrics.map((c) => ({ key: c.metric, header: metricLabel(c.metric, c.header) })),
  ];
}

/**
 * The period a row's figures cover: in a quarter's table that quarter (`2분기`); in a year's table
 * the submission is cumulative, so 1분기 up to the quarter it reports (`1~3분기`).
 */
export function periodText(table: SummaryTable, quarter: number | null, lang: Lang = 'ko'): string {
  if (quarter === null) return '';
  const one = (q: number) => (lang === 'ko' ? `${q}분기` : `Q${q}`);
  if (table.quarter !== null || quarter === 1) return one(quarter);
  return lang === 'ko' ? `1~${quarter}분기` : `Q1–Q${quarter}`;
}

export type ConsolidatedLine =
  | { kind: 'district'; row: SummaryRow }
  | { kind: 'missing'; missing: MissingRow }
  | { kind: 'total'; row: SummaryRow }
  | { kind: 'mean'; row: SummaryRow };

/** Districts and 미제출 districts in 가나다 order, then 총계 and 평균. */
export function consolidatedLines(table: SummaryTable): ConsolidatedLine[] {
  return [
    ...tableLines(table).map((l): ConsolidatedLine =>
      'row' in l ? { kind: 'district', row: l.row } : { kind: 'missing', missing: l.missing },
    ),
    { kind: 'total', row: table.total },
    { kind: 'mean', row: table.mean },
  ];
}

/** How a 미제출 district's period cell reads; its figure cells stay empty. */
export function missingText(lang: Lang = 'ko'): string {
  return submissionStates.missing[lang];
}

/** The English name of a district (or 총계/평균 → Total/Mean) for English tables. */
export function englishLabel(standard: Standard, label: string): string {
  if (label === standard.summaryTable.totalLabel) return 'Total';
  if (label === standard.summaryTable.meanLabel) return 'Mean';
  return standard.districts.find((d) => d.name === label)?.nameEn ?? label;
}

/**
 * A line's cells, column by column: text for the district, year, period, 미제출 and the 총계 rates;
 * unrounded numbers for figures; null for an undefined figure (shown `–`); '' for no figure at all.
 */
export function lineCells(
  table: SummaryTable,
  line: ConsolidatedLine,
  columns: ConsolidatedColumn[],
  standard: Standard,
  lang: Lang = 'ko',
): (string | number | null)[] {
  const name = (label: string) => (lang === 'ko' ? label : englishLabel(standard, label));
  if (line.kind === 'missing') {
    const m = line.missing;
    const fixed: Record<string, string | number> = {
      district: name(m.district),
      year: m.year,
      quarter: missingText(lang),
    };
    return columns.map((c) => fixed[c.key] ?? '');
  }
  const row = line.row;
  return columns.map((c) => {
    if (c.key === 'district') return name(row.district);
    if (c.key === 'year') return row.year ?? '';
    if (c.key === 'quarter') return periodText(table, row.quarter, lang);
    if (line.kind === 'total' && notOnTotal(c.key, standard)) return standard.figureMarks.notApplicable;
    return summaryValue(row, c.key);
  });
}
