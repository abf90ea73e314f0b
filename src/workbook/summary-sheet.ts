// The 요약 sheet: native Excel formulas computing the standard's §2 metrics over the 숙의공론장 columns,
// overall and per group of each of the standard's groupings (quarters, forum types; in 2021.2 단계
// and 진행방식), so the figures stay live in Excel without the add-in. Each formula comes from its
// metric's definition: a row count is COUNTA/COUNTIFS, a column's sum SUM/SUMIFS, a sum of metrics
// and a ratio refer to the cells of the same row.
//
// Ranges run from the first data row to Excel's last row (e.g. '숙의공론장'!$F$5:$F$1048576) rather
// than a fixed maximum or whole columns: they need no table object, count every row a district adds
// below the table, and leave out the title and header rows above it (whole columns would sweep a
// number typed into a title row into the sums). Only SUM/SUMIFS/COUNTA/COUNTIFS are used — they skip
// text and blanks and need no array evaluation, so the long ranges cost only the used rows.
//
// The engine's meaning is kept: pooled ratios of sums, totals from the 행정 and 민간 columns (never
// the possibly overwritten 참석인원(계)), and an undefined ratio shown as '–'. Quarters are by the
// month of 일자 within 기본정보's 연도 (a row outside the year is already a date-out-of-year error). A
// blank group (미기재) counts the rows with a 명칭 and the column empty.
import type { GroupingDefinition, MetricDefinition, Standard } from '../standard/types';
import { columnLetter } from '../engine/snapshot';
import { excelNumberFormat } from '../engine/metric-format';
import { groupLabel, groupsOf, rowsMetric } from '../engine/metric-values';
import { LAST_EXCEL_ROW, lettersOf, type WorkbookLayout } from './layout';

/** Where the 요약 formulas read from: our template's places, or those located in a district's copy. */
export interface SummarySource {
  forumSheet: string;
  /** Column letter of each 숙의공론장 key located (the formulas use the metrics' and groupings'). */
  letters: Record<string, string>;
  firstDataRow: number;
  lastRow: number;
  /** Absolute reference to 기본정보's 연도 value, e.g. '기본정보'!$B$3. */
  yearCell: string;
}

/** A 요약 row's group: everything, or one group (`1`, `협치회의`, `미기재`) of a grouping (`byQuarter` …). */
export type SummaryGroup = { kind: 'overall' } | { kind: 'group'; grouping: string; group: string };

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
const SUMMARY_NOTE = '자동 계산 — 직접 입력하지 마세요 / Generated: do not type here.';

/** A text as a string literal inside an Excel formula (`"–"`, quotes doubled). */
export function formulaText(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

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

/** A group's criteria (range, condition pairs) for COUNTIFS/SUMIFS. */
type Criteria = string[];

export function summarySheetLayout(source: SummarySource, standard: Standard): SummarySheetLayout {
  const located = (key: string) => source.letters[key] !== undefined;
  const range = (key: string) => {
    const letter = source.letters[key];
    if (!letter) throw new Error(`the 숙의공론장 column '${key}' was not located`);
    return `${quoteSheet(source.forumSheet)}!$${letter}$${source.firstDataRow}:$${letter}$${source.lastRow}`;
  };
  const metrics = standard.metrics.map((m) => m.key);
  const col = (metric: string) => columnLetter(metrics.indexOf(metric) + 1);
  // The column a row count looks at (명칭): a blank group's rows are those with it filled.
  const counted = rowsMetric(standard)?.definition;
  const rowKey = counted?.kind === 'rows' ? counted.countedBy : null;

  const criteriaOf = (grouping: GroupingDefinition, group: string): Criteria => {
    if (grouping.blank?.key === group) {
      if (!rowKey) throw new Error('a blank group needs a metric counting rows');
      return [range(rowKey), '"<>"', range(grouping.column), '""'];
    }
    if (grouping.by === 'value') return [range(grouping.column), formulaText(group)];
    const quarter = Number(group);
    // 연도 as typed: 2021, '2021' or '2021년' all give 2021.
    const year = `VALUE(LEFT(TRIM(${source.yearCell}),4))`;
    // DATE(y, 13, 1) is 1 January of the next year, so the fourth quarter needs no special case.
    const from = `DATE(${year},${3 * quarter - 2},1)`;
    const to = `DATE(${year},${3 * quarter + 1},1)`;
    return [range(grouping.column), `">="&${from}`, range(grouping.column), `"<"&${to}`];
  };

  const formulaOf = (m: MetricDefinition, c: Criteria, row: number): string => {
    const f = m.definition;
    const at = (metric: string) => `${col(metric)}${row}`;
    switch (f.kind) {
      case 'rows':
        return c.length ? `COUNTIFS(${c.join(',')})` : `COUNTA(${range(f.countedBy)})`;
      case 'sum':
        return c.length ? `SUMIFS(${range(f.column)},${c.join(',')})` : `SUM(${range(f.column)})`;
      case 'add':
        return f.of.map(at).join('+');
      case 'ratio':
        return `IF(${at(f.denominator)}=0,"${standard.figureMarks.undefined}",${at(f.numerator)}/${at(f.denominator)})`;
    }
  };

  // A grouping whose column a district's copy lacks (an optional one) has no rows here.
  const groups: { group: SummaryGroup; label: string; criteria: Criteria }[] = [
    { group: { kind: 'overall' }, label: OVERALL_LABEL, criteria: [] },
    ...standard.groupings
      .filter((g) => located(g.column))
      .flatMap((g) =>
        groupsOf(g, standard).map((x) => ({
          group: { kind: 'group' as const, grouping: g.key, group: x.key },
          label: groupLabel(g, x, standard).ko,
          criteria: criteriaOf(g, x.key),
        })),
      ),
  ];
  const headerRow = 4;
  const rows = groups.map(({ group, label, criteria }, i): SummaryRowLayout => {
    const row = headerRow + 1 + i;
    return {
      group,
      row,
      label,
      cells: standard.metrics.map((m) => ({
        metric: m.key,
        formula: `=${formulaOf(m, criteria, row)}`,
        numberFormat: excelNumberFormat(m.display),
      })),
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
