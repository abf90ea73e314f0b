// The 요약 sheet: native Excel formulas computing the standard's §2 metrics over the 숙의공론장 columns,
// overall, per quarter and per forum type, so the figures stay live in Excel without the add-in.
//
// Ranges run from the first data row to Excel's last row (e.g. '숙의공론장'!$F$5:$F$1048576) rather
// than a fixed maximum or whole columns: they need no table object, count every row a district adds
// below the table, and leave out the title and header rows above it (whole columns would sweep a
// number typed into a title row into the sums). Only SUM/SUMIFS/COUNTA/COUNTIFS are used — they skip
// text and blanks and need no array evaluation, so the long ranges cost only the used rows.
//
// The engine's meaning is kept: pooled rates Σ참석 ÷ Σ대상 per group, counts from the 행정 and 민간
// columns (never the possibly overwritten 참석인원(계)), and an undefined rate or average shown as '–'.
// Quarters are by the month of 일자 within 기본정보's 연도 (a row outside the year is already a
// date-out-of-year error).
import type { Standard } from '../standard/types';
import { columnLetter } from '../engine/snapshot';
import { LAST_EXCEL_ROW, lettersOf, type WorkbookLayout } from './layout';

/** How an undefined rate or average is shown (standard §2). */
export const UNDEFINED_DISPLAY = '–';

/** Where the 요약 formulas read from: our template's places, or those located in a district's copy. */
export interface SummarySource {
  forumSheet: string;
  /** Column letter of each 숙의공론장 key the formulas use (date, name, type, hours, the four counts). */
  letters: Record<string, string>;
  firstDataRow: number;
  lastRow: number;
  /** Absolute reference to 기본정보's 연도 value, e.g. '기본정보'!$B$3. */
  yearCell: string;
}

export type SummaryGroup =
  { kind: 'overall' } | { kind: 'quarter'; quarter: 1 | 2 | 3 | 4 } | { kind: 'type'; type: string };

export interface SummaryCellLayout {
  metric: string;
  formula: string;
  numberFormat: string;
}

export interface SummaryRowLayout {
  group: SummaryGroup;
  label: string;
  row: number;
  cells: SummaryCellLayout[];
}

export interface SummarySheetLayout {
  name: string;
  titleRows: string[];
  headerRow: number;
  /** Header texts, column A first (the group label). */
  headers: string[];
  widths: number[];
  /** Metric key of each column from B on, in the standard's order. */
  metrics: string[];
  rows: SummaryRowLayout[];
}

const GROUP_HEADER = '구분';
const OVERALL_LABEL = '전체';
const quarterLabel = (q: number) => `${q}분기`;
const SUMMARY_NOTE = '자동 계산 — 직접 입력하지 마세요 / Generated: do not type here.';

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function standardSummarySource(layout: WorkbookLayout): SummarySource {
  const yearRow = layout.info.rows.find((r) => r.key === 'year');
  if (!yearRow) throw new Error('the standard has no 연도 field');
  return {
    forumSheet: layout.forums.name,
    letters: lettersOf(layout.forums),
    firstDataRow: layout.forums.firstDataRow,
    lastRow: LAST_EXCEL_ROW,
    yearCell: `${quoteSheet(layout.info.name)}!$B$${yearRow.row}`,
  };
}

function numberFormatOf(metric: string): string {
  if (metric.startsWith('attendanceRate')) return '0.0%';
  if (metric === 'hoursTotal' || metric === 'hoursPerMeeting') return '0.0';
  return '#,##0';
}

export function summarySheetLayout(source: SummarySource, standard: Standard): SummarySheetLayout {
  const range = (key: string) => {
    const letter = source.letters[key];
    if (!letter) throw new Error(`the 숙의공론장 column '${key}' was not located`);
    return `${quoteSheet(source.forumSheet)}!$${letter}$${source.firstDataRow}:$${letter}$${source.lastRow}`;
  };
  const metrics = standard.metrics.map((m) => m.key);
  const col = (metric: string) => columnLetter(metrics.indexOf(metric) + 1);
  const groups: SummaryGroup[] = [
    { kind: 'overall' },
    ...([1, 2, 3, 4] as const).map((quarter): SummaryGroup => ({ kind: 'quarter', quarter })),
    ...standard.enums.forumType.map((t): SummaryGroup => ({ kind: 'type', type: t.value })),
  ];
  const criteria = (g: SummaryGroup): string[] => {
    if (g.kind === 'overall') return [];
    if (g.kind === 'type') return [range('type'), `"${g.type.replace(/"/g, '""')}"`];
    // 연도 as typed: 2021, '2021' or '2021년' all give 2021.
    const year = `VALUE(LEFT(TRIM(${source.yearCell}),4))`;
    // DATE(y, 13, 1) is 1 January of the next year, so the fourth quarter needs no special case.
    const from = `DATE(${year},${3 * g.quarter - 2},1)`;
    const to = `DATE(${year},${3 * g.quarter + 1},1)`;
    return [range('date'), `">="&${from}`, range('date'), `"<"&${to}`];
  };
  const headerRow = 4;
  const rows = groups.map((group, i): SummaryRowLayout => {
    const row = headerRow + 1 + i;
    const c = criteria(group);
    const sum = (key: string) => (c.length ? `SUMIFS(${range(key)},${c.join(',')})` : `SUM(${range(key)})`);
    const meetings = c.length ? `COUNTIFS(${c.join(',')})` : `COUNTA(${range('name')})`;
    const at = (metric: string) => `${col(metric)}${row}`;
    const ratio = (num: string, den: string) =>
      `IF(${at(den)}=0,"${UNDEFINED_DISPLAY}",${at(num)}/${at(den)})`;
    const formulaOf: Record<string, string> = {
      meetings,
      hoursTotal: sum('hours'),
      hoursPerMeeting: ratio('hoursTotal', 'meetings'),
      'attendees.official': sum('attendedOfficial'),
      'attendees.civilian': sum('attendedCivilian'),
      'attendees.total': `${at('attendees.official')}+${at('attendees.civilian')}`,
      'expected.official': sum('expectedOfficial'),
      'expected.civilian': sum('expectedCivilian'),
      'expected.total': `${at('expected.official')}+${at('expected.civilian')}`,
      'attendanceRate.total': ratio('attendees.total', 'expected.total'),
      'attendanceRate.official': ratio('attendees.official', 'expected.official'),
      'attendanceRate.civilian': ratio('attendees.civilian', 'expected.civilian'),
    };
    return {
      group,
      row,
      label:
        group.kind === 'overall'
          ? OVERALL_LABEL
          : group.kind === 'quarter'
            ? quarterLabel(group.quarter)
            : group.type,
      cells: metrics.map((metric) => {
        const f = formulaOf[metric];
        if (!f) throw new Error(`no 요약 formula for the metric '${metric}'`);
        return { metric, formula: `=${f}`, numberFormat: numberFormatOf(metric) };
      }),
    };
  });
  return {
    name: standard.sheets.summary.name,
    titleRows: [
      `${standard.title.ko} — ${standard.sheets.summary.name} (${standard.version})`,
      SUMMARY_NOTE,
      '',
    ],
    headerRow,
    headers: [GROUP_HEADER, ...standard.metrics.map((m) => m.label.ko)],
    widths: [12, ...metrics.map(() => 13)],
    metrics,
    rows,
  };
}
