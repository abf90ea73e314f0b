// The live metrics as table rows and chart bars. Which columns and in which order comes from the
// standard's consolidated table (the data-book layout), labels from the standard's metric list.
import type { Metrics, WorkbookMetrics } from '../../engine/report';
import type { Standard } from '../../standard/types';
import { formatCount, formatHours, formatRate } from './format';
import type { Lang } from './language';

export type MetricKind = 'rate' | 'hours' | 'count';

export interface MetricColumn {
  key: string;
  label: string;
  kind: MetricKind;
}

export interface MetricRow {
  key: string;
  label: string;
  cells: string[];
  /** Raw attendance rate (total), for the chart. */
  rate: number | null;
}

export function metricValue(metrics: Metrics, key: string): number | null {
  let v: unknown = metrics;
  for (const part of key.split('.'))
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : null;
  return typeof v === 'number' ? v : null;
}

function kindOf(key: string): MetricKind {
  if (key.startsWith('attendanceRate')) return 'rate';
  if (key.startsWith('hours')) return 'hours';
  return 'count';
}

export function metricColumns(lang: Lang, standard: Standard): MetricColumn[] {
  const labels = new Map(standard.metrics.map((m) => [m.key, m.label[lang]]));
  return standard.summaryTable.columns
    .filter((c) => labels.has(c.metric))
    .map((c) => ({ key: c.metric, label: labels.get(c.metric) as string, kind: kindOf(c.metric) }));
}

export function formatMetric(metrics: Metrics, column: MetricColumn, lang: Lang): string {
  const v = metricValue(metrics, column.key);
  if (column.kind === 'rate') return formatRate(v, lang);
  if (column.kind === 'hours') return formatHours(v, lang);
  return formatCount(v, lang);
}

function row(key: string, label: string, metrics: Metrics, columns: MetricColumn[], lang: Lang): MetricRow {
  return {
    key,
    label,
    cells: columns.map((c) => formatMetric(metrics, c, lang)),
    rate: metrics.attendanceRate.total,
  };
}

export interface MetricTables {
  columns: MetricColumn[];
  overall: MetricRow;
  byQuarter: MetricRow[];
  /** Forum types that have at least one meeting, in the standard's order. */
  byType: MetricRow[];
}

export function metricTables(
  metrics: WorkbookMetrics,
  lang: Lang,
  labels: { overall: string; quarter: (q: number) => string },
  standard: Standard,
): MetricTables {
  const columns = metricColumns(lang, standard);
  const quarters = (['1', '2', '3', '4'] as const).map((q) =>
    row(`q${q}`, labels.quarter(Number(q)), metrics.byQuarter[q], columns, lang),
  );
  const typeLabels = new Map(standard.enums.forumType.map((t) => [t.value, t.label[lang]]));
  const order = standard.enums.forumType.map((t) => t.value);
  const types = Object.keys(metrics.byType)
    .filter((type) => metrics.byType[type].meetings > 0)
    .sort((a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999))
    .map((type) => row(`t:${type}`, typeLabels.get(type) ?? type, metrics.byType[type], columns, lang));
  return {
    columns,
    overall: row('overall', labels.overall, metrics.overall, columns, lang),
    byQuarter: quarters,
    byType: types,
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

/** Bars scaled to the largest rate (at least 100%, since rates above 100% are legal). */
export function rateBars(rows: readonly MetricRow[], lang: Lang): Bar[] {
  const max = Math.max(1, ...rows.map((r) => r.rate ?? 0));
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    width: r.rate === null ? 0 : Math.max(0, r.rate) / max,
    text: formatRate(r.rate, lang),
    undefinedRate: r.rate === null,
  }));
}
