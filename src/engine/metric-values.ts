// The standard's metrics (§2) and groupings as one lookup, for every consumer: the engine's running
// sums, the consolidated table and its check, the 요약 formulas, the CLI, the .xlsx outputs, the pane
// and the SharePoint columns. A metric is its standard's data (key, kind, definition, display); no
// code here or elsewhere names one or guesses a kind from a key.
import type { GroupingDefinition, MetricDefinition, MetricFormula, Standard, Text } from '../standard/types';
import type { Metrics, WorkbookMetrics } from './report';

/**
 * A metric's value by its dotted key (`attendanceRate.total`) in a metrics object as the report
 * holds it (nested by the key's parts); null when absent or undefined.
 */
export function metricValue(figures: object | null | undefined, key: string): number | null {
  let v: unknown = figures;
  let from = 0;
  for (;;) {
    const dot = key.indexOf('.', from);
    const part = dot < 0 ? key.slice(from) : key.slice(from, dot);
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
    if (dot < 0) break;
    from = dot + 1;
  }
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The standard's definition of a metric key, or undefined. */
export function metricOf(standard: Standard, key: string): MetricDefinition | undefined {
  return metricPlan(standard).byKey.get(key);
}

/** The metrics a metric's formula reads. */
function inputsOf(f: MetricFormula): string[] {
  if (f.kind === 'add') return f.of;
  if (f.kind === 'ratio') return [f.numerator, f.denominator];
  return [];
}

/** What one set of rows adds up to: its row count and the Σ of each summed column (plan.sumColumns). */
export interface BaseFigures {
  rows: number;
  sums: readonly number[];
}

/** A standard's metrics compiled once: checked, in dependency order, with their report paths. */
export interface MetricPlan {
  readonly metrics: readonly MetricDefinition[];
  readonly byKey: ReadonlyMap<string, MetricDefinition>;
  /** The distinct columns `sum` metrics read, in first-use order. */
  readonly sumColumns: readonly string[];
  /** Every metric's value, by index in `metrics`, from a set of rows' base figures. */
  evaluate(base: BaseFigures): (number | null)[];
  /** Values by index in `metrics` → the report's nested object, in the standard's order. */
  nest(values: readonly (number | null)[]): Metrics;
}

const ratio = (n: number | null, d: number | null) => (n === null || d === null || d === 0 ? null : n / d);

function compilePlan(standard: Standard): MetricPlan {
  const metrics = standard.metrics;
  const index = new Map(metrics.map((m, i) => [m.key, i]));
  if (index.size !== metrics.length) throw new Error('the standard repeats a metric key');
  const columns = new Set(standard.sheets.forums.columns.map((c) => c.key));
  const sumColumns: string[] = [];
  for (const m of metrics) {
    const f = m.definition;
    const used = f.kind === 'sum' ? f.column : f.kind === 'rows' ? f.countedBy : null;
    if (used !== null && !columns.has(used))
      throw new Error(`the metric '${m.key}' reads the unknown column '${used}'`);
    if (f.kind === 'sum' && !sumColumns.includes(f.column)) sumColumns.push(f.column);
    for (const input of inputsOf(f))
      if (!index.has(input)) throw new Error(`the metric '${m.key}' uses the unknown metric '${input}'`);
  }
  // Dependency order (a metric after its inputs); a cycle is a broken standard.
  const order: number[] = [];
  const state: (0 | 1 | 2)[] = metrics.map(() => 0);
  const visit = (i: number) => {
    if (state[i] === 2) return;
    if (state[i] === 1) throw new Error(`the metric '${metrics[i].key}' is defined in a circle`);
    state[i] = 1;
    for (const input of inputsOf(metrics[i].definition)) visit(index.get(input)!);
    state[i] = 2;
    order.push(i);
  };
  metrics.forEach((_, i) => visit(i));
  const steps = order.map((i): ((v: (number | null)[], base: BaseFigures) => number | null) => {
    const f = metrics[i].definition;
    switch (f.kind) {
      case 'rows':
        return (_, base) => base.rows;
      case 'sum': {
        const s = sumColumns.indexOf(f.column);
        return (_, base) => base.sums[s];
      }
      case 'add': {
        const parts = f.of.map((k) => index.get(k)!);
        return (v) => {
          let total = 0;
          for (const p of parts) {
            const x = v[p];
            if (x === null) return null;
            total += x;
          }
          return total;
        };
      }
      case 'ratio': {
        const n = index.get(f.numerator)!;
        const d = index.get(f.denominator)!;
        return (v) => ratio(v[n], v[d]);
      }
    }
  });
  const paths = metrics.map((m) => m.key.split('.'));
  return {
    metrics,
    byKey: new Map(metrics.map((m) => [m.key, m])),
    sumColumns,
    evaluate(base) {
      const v: (number | null)[] = metrics.map(() => null);
      order.forEach((i, step) => (v[i] = steps[step](v, base)));
      return v;
    },
    nest(values) {
      const out: Record<string, unknown> = {};
      paths.forEach((path, i) => {
        let at = out;
        for (let p = 0; p < path.length - 1; p++) at = (at[path[p]] ??= {}) as Record<string, unknown>;
        at[path[path.length - 1]] = values[i];
      });
      return out as unknown as Metrics;
    },
  };
}

const plans = new WeakMap<Standard, MetricPlan>();

/** The standard's metrics compiled (once per standard); throws on a definition that cannot work. */
export function metricPlan(standard: Standard): MetricPlan {
  let plan = plans.get(standard);
  if (!plan) plans.set(standard, (plan = compilePlan(standard)));
  return plan;
}

/** One group of a grouping: its key in the report and its name. */
export interface Group {
  key: string;
  label: Text;
}

const fill = (template: Text, value: string): Text => ({
  ko: template.ko.replace('{value}', value),
  en: template.en.replace('{value}', value),
});

/** A grouping's groups in order: 1–4 for a quarter, the list's values (then the blank group). */
export function groupsOf(grouping: GroupingDefinition, standard: Standard): Group[] {
  const groups: Group[] =
    grouping.by === 'quarter'
      ? ['1', '2', '3', '4'].map((q) => ({ key: q, label: fill(grouping.valueLabel, q) }))
      : listOf(grouping, standard).map((e) => ({ key: e.value, label: e.label }));
  if (grouping.blank) groups.push({ key: grouping.blank.key, label: grouping.blank.label });
  return groups;
}

/**
 * A group's name where groups of several groupings share one list (the 요약 sheet, the CLI's table):
 * a name another grouping also has (미기재) is qualified by the grouping's column (`미기재(단계)`).
 */
export function groupLabel(grouping: GroupingDefinition, group: Group, standard: Standard): Text {
  const shared = standard.groupings.some(
    (other) => other !== grouping && groupsOf(other, standard).some((g) => g.label.ko === group.label.ko),
  );
  if (!shared) return group.label;
  const column = standard.sheets.forums.columns.find((c) => c.key === grouping.column)!.label;
  return { ko: `${group.label.ko}(${column.ko})`, en: `${group.label.en} (${column.en})` };
}

function listOf(grouping: GroupingDefinition, standard: Standard) {
  const column = standard.sheets.forums.columns.find((c) => c.key === grouping.column);
  const list = column?.enum ? standard.enums[column.enum] : undefined;
  if (!list) throw new Error(`the grouping '${grouping.key}' needs a list column, not '${grouping.column}'`);
  return list;
}

/** A grouping's figures in a report, by group key; empty when the report has no such grouping. */
export function groupingFigures(metrics: WorkbookMetrics, key: string): Record<string, Metrics> {
  const g = (metrics as unknown as Record<string, Record<string, Metrics> | undefined>)[key];
  return key === 'overall' || !g ? {} : g;
}

/**
 * The consolidated table's 총계 or 평균 over district rows (standard §2): counts and hours summed
 * (총계) or averaged (평균); a `pooled` ratio is the ratio of the 총계 figures on both; a `mean`
 * ratio is nothing on 총계 (shown `-`) and on 평균 the mean of the rows where it is defined.
 */
export function consolidateFigures(
  standard: Standard,
  rows: readonly object[],
  line: 'total' | 'mean',
): Metrics {
  const plan = metricPlan(standard);
  const sum = (key: string) => rows.reduce((s, r) => s + (metricValue(r, key) ?? 0), 0);
  const total = plan.metrics.map((m) => (m.definition.kind === 'ratio' ? null : sum(m.key)));
  const at = (key: string) => plan.metrics.findIndex((m) => m.key === key);
  const values = plan.metrics.map((m, i) => {
    const f = m.definition;
    if (f.kind === 'ratio') {
      if (f.across === 'pooled') return ratio(total[at(f.numerator)], total[at(f.denominator)]);
      if (line === 'total') return null;
      const defined = rows.map((r) => metricValue(r, m.key)).filter((x): x is number => x !== null);
      return defined.length ? defined.reduce((s, x) => s + x, 0) / defined.length : null;
    }
    return line === 'total' ? total[i] : rows.length ? total[i]! / rows.length : 0;
  });
  return plan.nest(values);
}

/** A deep copy of a metrics object: its numbers, nulls and nested groups (nothing else). */
export function copyFigures<T extends object>(figures: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(figures))
    out[k] = v !== null && typeof v === 'object' ? copyFigures(v as object) : v;
  return out as T;
}

/** The metric counting rows (회의횟수), if the standard has one. */
export function rowsMetric(standard: Standard): MetricDefinition | undefined {
  return standard.metrics.find((x) => x.definition.kind === 'rows');
}

/** The number of rows a set of figures counts (its `rows` metric), or null if the standard has none. */
export function rowsOf(figures: object, standard: Standard): number | null {
  const m = rowsMetric(standard);
  return m ? metricValue(figures, m.key) : null;
}

/** A group as tables show it: its key, name and figures. */
export interface ShownGroup extends Group {
  figures: Metrics;
}

/**
 * The groups of a grouping worth a table row: every quarter (a period without forums is a fact),
 * and the list's values and the blank group only where rows were.
 */
export function shownGroups(
  metrics: WorkbookMetrics,
  grouping: GroupingDefinition,
  standard: Standard,
): ShownGroup[] {
  const figures = groupingFigures(metrics, grouping.key);
  return groupsOf(grouping, standard)
    .filter((g) => figures[g.key] !== undefined)
    .map((g) => ({ ...g, label: groupLabel(grouping, g, standard), figures: figures[g.key] }))
    .filter((g) => grouping.by === 'quarter' || (rowsOf(g.figures, standard) ?? 0) > 0);
}

/** The metrics people's tables show: the data book's columns (the consolidated table's layout). */
export function tableMetrics(standard: Standard): MetricDefinition[] {
  return standard.summaryTable.columns.flatMap((c) => metricOf(standard, c.metric) ?? []);
}
