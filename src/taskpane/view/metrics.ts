// The live metrics as table rows and chart bars: one table per grouping of the workbook's standard
// (분기별, 유형별; 2021.2's 단계별 and 진행방식별). Columns and their order are the standard's
// consolidated table (the data-book layout); labels, kinds and display rules its metric list.
import type { Metrics, WorkbookMetrics } from '../../engine/report';
import type { MetricKind, Standard } from '../../standard/types';
import { metricOf, metricValue, shownGroups, tableMetrics } from '../../engine/metric-values';
import { formatMetric } from '../../engine/metric-format';
import type { Lang } from './language';

export interface MetricColumn {
  key: string;
  label: string;
  kind: MetricKind;
}

export interface MetricRow {
  key: string;
  label: string;
  cells: string[];
  /** The raw value of the standard's chart metric (참석율(종합)), for the chart. */
  rate: number | null;
}

export interface MetricGroupingTable {
  /** The grouping's report key (`byQuarter`, `byStage` …). */
  key: string;
  /** 분기별, 단계별 … */
  title: string;
  /** Every quarter; list values (and 미기재) only where rows were, in the standard's order. */
  rows: MetricRow[];
}

export interface MetricTables {
  columns: MetricColumn[];
  /** The chart metric's name (참석율(종합)). */
  chartLabel: string;
  overall: MetricRow;
  groupings: MetricGroupingTable[];
}

export function metricColumns(lang: Lang, standard: Standard): MetricColumn[] {
  return tableMetrics(standard).map((m) => ({ key: m.key, label: m.label[lang], kind: m.kind }));
}

function row(key: string, label: string, metrics: Metrics, standard: Standard, lang: Lang): MetricRow {
  return {
    key,
    label,
    cells: tableMetrics(standard).map((m) =>
      formatMetric(metricValue(metrics, m.key), m.key, standard, { lang, grouping: true }),
    ),
    rate: metricValue(metrics, standard.chartMetric),
  };
}

export function metricTables(
  metrics: WorkbookMetrics,
  lang: Lang,
  labels: { overall: string },
  standard: Standard,
): MetricTables {
  return {
    columns: metricColumns(lang, standard),
    chartLabel: metricOf(standard, standard.chartMetric)?.label[lang] ?? standard.chartMetric,
    overall: row('overall', labels.overall, metrics.overall, standard, lang),
    groupings: standard.groupings.map((g) => ({
      key: g.key,
      title: g.label[lang],
      rows: shownGroups(metrics, g, standard).map((x) =>
        row(`${g.key}:${x.key}`, x.label[lang], x.figures, standard, lang),
      ),
    })),
  };
}

export interface Bar {
  key: string;
  label: string;
  /** 0..1 share of the chart's width; 0 for an undefined rate. */
  width: number;
  text: string;
  undefinedRate: boolean;
}

/** Bars of the chart metric, scaled to the largest (at least 100% for a rate: above is legal). */
export function rateBars(rows: readonly MetricRow[], lang: Lang, standard: Standard): Bar[] {
  const floor = metricOf(standard, standard.chartMetric)?.display.percent ? 1 : 0;
  const max = Math.max(floor, ...rows.map((r) => r.rate ?? 0)) || 1;
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    width: r.rate === null ? 0 : Math.max(0, r.rate) / max,
    text: formatMetric(r.rate, standard.chartMetric, standard, { lang, grouping: true }),
    undefinedRate: r.rate === null,
  }));
}
