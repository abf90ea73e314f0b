// `delib summary --check`: a consolidated table made by hand (standard §2 layout, on any sheet)
// checked for figures that contradict each other. A printed table rounds as its author chose, so
// every figure is compared at the precision it is written with: a whole number stands for ±0.5, one
// decimal for ±0.05 (`81.7%` for ±0.05 %p), and the errors of the figures a check combines add up. A
// count on a district or 총계 row is a whole number of people or meetings, so it is exact.
import type { Standard } from '../standard/types';
import { newestStandard } from '../standard';
import type { Finding } from './report';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { cellAddress } from './snapshot';
import { makeFinding } from './findings';
import { cellText } from './locate';
import { findDistrict } from './rules/info';
import { parseNumber } from './parse';
import { fold, headerKey } from './text';
import { metricOf } from './metric-values';
import { formatMetric, roundFigure } from './metric-format';

export interface SummaryCheck {
  /** Sheets where a consolidated table was found. */
  tables: { sheet: string; headerRow: number; rows: number }[];
  findings: Finding[];
}

const EPS = 1e-9;
const UNDEFINED = /^[-–—]$/;

/** A figure as written: its value and the half-width of its last written digit (same unit). */
interface Figure {
  value: number;
  half: number;
}

interface TableRow {
  sheet: string;
  row: number;
  columns: Map<string, number>;
  label: string;
  /** `empty`: a label without a single figure (a 미제출 district, a footnote) — never summed. */
  kind: 'district' | 'total' | 'mean' | 'empty';
  values: Map<string, Figure | null>;
}

interface Header {
  row: number;
  columns: Map<string, number>;
  /** Every column whose header means 자치구 (`자치구`, `구분`, `구명`), best first. */
  labelColumns: number[];
}

/** Columns by metric; where two headers mean one metric, the standard's own header beats an alias. */
function locateHeader(sheet: SheetSnapshot, standard: Standard): Header | null {
  const index = new Map<string, { metric: string; exact: boolean }>();
  for (const c of standard.summaryTable.columns) {
    for (const text of c.aliases) index.set(headerKey(text), { metric: c.metric, exact: false });
    index.set(headerKey(c.header), { metric: c.metric, exact: true });
  }
  const need = Math.ceil(standard.summaryTable.columns.length * standard.headerSearch.minShare);
  const limit = Math.min(sheet.rows.length, standard.headerSearch.maxRows);
  for (let r = 0; r < limit; r++) {
    const found = new Map<string, { column: number; exact: boolean }[]>();
    (sheet.rows[r] ?? []).forEach((cell, c) => {
      const hit = index.get(headerKey(cellText(cell)));
      if (hit) found.set(hit.metric, [...(found.get(hit.metric) ?? []), { column: c, exact: hit.exact }]);
    });
    if (!found.has('district') || found.size < need) continue;
    const columns = new Map<string, number>();
    for (const [metric, list] of found) columns.set(metric, (list.find((x) => x.exact) ?? list[0]).column);
    const labelColumns = rankLabelColumns(sheet, r + 1, found.get('district')!, standard);
    columns.set('district', labelColumns[0]);
    return { row: r + 1, columns, labelColumns };
  }
  return null;
}

/**
 * Printed tables often number their rows in a `구분` column beside `자치구`: the column holding
 * district names is the label, whichever header it has; on a tie the standard's header wins.
 */
function rankLabelColumns(
  sheet: SheetSnapshot,
  headerRow: number,
  candidates: { column: number; exact: boolean }[],
  standard: Standard,
): number[] {
  const labels = new Set([standard.summaryTable.totalLabel, standard.summaryTable.meanLabel].map(headerKey));
  const score = (column: number) => {
    let n = 0;
    for (let r = headerRow; r < sheet.rows.length; r++) {
      const text = cellText(sheet.rows[r]?.[column]).trim();
      if (text && (findDistrict(standard, text) || labels.has(headerKey(text)))) n++;
    }
    return n;
  };
  return candidates
    .map((c, i) => ({ ...c, i, score: score(c.column) }))
    .sort((a, b) => b.score - a.score || Number(b.exact) - Number(a.exact) || a.i - b.i)
    .map((c) => c.column);
}

/** Digits after the decimal point as written (`1,204` 0, `81.7` 1); numbers as JavaScript prints them. */
function decimalsOf(text: string): number {
  const m = /\.(\d+)/.exec(text);
  return m ? m[1].length : 0;
}

/** Decimals an Excel number format shows (`0.0%` 1, `#,##0` 0); null for General or none. */
function formatDecimals(format: string | undefined): number | null {
  if (!format || /^general$/i.test(format.trim())) return null;
  const section = format.split(';')[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  const m = /\.([0#?]+)/.exec(section);
  return m ? m[1].length : 0;
}

interface Read {
  figure: Figure | null;
  /** Whether the cell says its unit is percent (`%` text, a %-format), false if it says fraction. */
  percent: boolean | null;
}

const half = (decimals: number) => 0.5 * 10 ** -decimals;

/** A number as shown; '-', '–' or blank is "no value" (undefined rate). */
function readCell(cell: Cell | null | undefined): Read {
  if (!cell || cell.error) return { figure: null, percent: null };
  if (typeof cell.value === 'number') {
    if (!Number.isFinite(cell.value)) return { figure: null, percent: null };
    const shown = formatDecimals(cell.numberFormat);
    const isPercent = cell.numberFormat?.includes('%') ?? false;
    // A %-format shows the fraction times 100: its last digit is in percent.
    const h = shown === null ? half(decimalsOf(String(cell.value))) : half(shown) / (isPercent ? 100 : 1);
    return { figure: { value: cell.value, half: h }, percent: isPercent ? false : null };
  }
  const s = fold(cellText(cell)).trim();
  if (s === '' || UNDEFINED.test(s)) return { figure: null, percent: null };
  if (s.endsWith('%')) {
    const n = parseNumber(s.slice(0, -1));
    return { figure: Number.isNaN(n) ? null : { value: n, half: half(decimalsOf(s)) }, percent: true };
  }
  const n = parseNumber(s, /(명|회|시간)$/);
  return { figure: Number.isNaN(n) ? null : { value: n, half: half(decimalsOf(s)) }, percent: null };
}

function readRows(sheet: SheetSnapshot, header: Header, standard: Standard): TableRow[] {
  const totalKey = headerKey(standard.summaryTable.totalLabel);
  const meanKey = headerKey(standard.summaryTable.meanLabel);
  const rows: TableRow[] = [];
  const raw: { row: TableRow; cells: Map<string, Read> }[] = [];
  for (let r = header.row; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    let label = cellText(cells[header.labelColumns[0]]).trim();
    // 총계/평균 are often written across the merged 구분·자치구 cells, so in the other column.
    if (!label)
      label =
        header.labelColumns
          .map((c) => cellText(cells[c]).trim())
          .find((t) => [totalKey, meanKey].includes(headerKey(t))) ?? '';
    if (!label) continue;
    const key = headerKey(label);
    const read = new Map<string, Read>();
    for (const [metric, c] of header.columns) if (metric !== 'district') read.set(metric, readCell(cells[c]));
    const hasFigure = [...read.values()].some((x) => x.figure !== null);
    const row: TableRow = {
      sheet: sheet.name,
      row: r + 1,
      columns: header.columns,
      label,
      kind: key === totalKey ? 'total' : key === meanKey ? 'mean' : hasFigure ? 'district' : 'empty',
      values: new Map(),
    };
    raw.push({ row, cells: read });
    rows.push(row);
  }
  // Per percent column: bare numbers are percents when any of them is above 1.5 (nobody reports
  // 150% as 1.5 next to 82% as 0.82), fractions otherwise; '%' text and %-formatted cells say it.
  for (const metric of header.columns.keys()) {
    if (!metricOf(standard, metric)?.display.percent) continue;
    const bare = raw.map((x) => x.cells.get(metric)!).filter((c) => c.percent === null && c.figure !== null);
    const percent = bare.some((c) => c.figure!.value > 1.5);
    for (const x of raw) {
      const c = x.cells.get(metric)!;
      if (c.figure && (c.percent === true || (c.percent === null && percent)))
        c.figure = { value: c.figure.value / 100, half: c.figure.half / 100 };
    }
  }
  for (const x of raw) {
    for (const [metric, c] of x.cells) {
      // People and meetings are whole: a whole count on a district or 총계 row is exact.
      const exact =
        c.figure &&
        x.row.kind !== 'mean' &&
        metricOf(standard, metric)?.kind === 'count' &&
        Number.isInteger(c.figure.value);
      x.row.values.set(metric, c.figure && (exact ? { value: c.figure.value, half: 0 } : c.figure));
    }
  }
  return rows;
}

/** How the table's columns relate, from the standard's metric definitions (§2). */
interface Relations {
  /** A metric that is the Σ of others (참석인원(종합) = 행정 + 민간). */
  sums: { metric: string; parts: string[] }[];
  /**
   * A pooled ratio of two sums whose parts have ratios of their own (참석율(종합) of 행정 and 민간):
   * it lies between them.
   */
  pooled: { metric: string; parts: string[] }[];
  /** Every ratio, with its numerator and denominator. */
  ratios: { metric: string; numerator: string; denominator: string; across: 'pooled' | 'mean' }[];
  /** What 총계 sums and 평균 averages: everything but ratios. */
  summed: string[];
  /** Ratios 평균 shows as the mean of the rows where they are defined (참석율). */
  averaged: string[];
}

function relationsOf(standard: Standard): Relations {
  const sums: Relations['sums'] = [];
  const ratios: Relations['ratios'] = [];
  const summed: string[] = [];
  for (const m of standard.metrics) {
    const f = m.definition;
    if (f.kind === 'ratio') ratios.push({ metric: m.key, ...f });
    else summed.push(m.key);
    if (f.kind === 'add') sums.push({ metric: m.key, parts: f.of });
  }
  const partsOf = (key: string) => sums.find((x) => x.metric === key)?.parts;
  const pooled: Relations['pooled'] = [];
  for (const r of ratios) {
    const n = partsOf(r.numerator);
    const d = partsOf(r.denominator);
    if (!n || !d || n.length !== d.length) continue;
    const parts = n.map(
      (part, i) => ratios.find((x) => x.numerator === part && x.denominator === d[i])?.metric,
    );
    if (parts.every((x): x is string => x !== undefined)) pooled.push({ metric: r.metric, parts });
  }
  const averaged = ratios.filter((r) => r.across === 'mean').map((r) => r.metric);
  return { sums, pooled, ratios, summed, averaged };
}

/** `a와(과) b`, `a, b와(과) c` / `a and b`, `a, b and c`. */
function joined(items: string[], lang: 'ko' | 'en'): string {
  if (items.length < 2) return items.join('');
  const head = items.slice(0, -1).join(', ');
  return lang === 'ko'
    ? `${head}와(과) ${items[items.length - 1]}`
    : `${head} and ${items[items.length - 1]}`;
}

export function checkSummarySheet(sheet: SheetSnapshot, standard: Standard = newestStandard) {
  const header = locateHeader(sheet, standard);
  if (!header) return null;
  const rows = readRows(sheet, header, standard);
  const relations = relationsOf(standard);
  const label = (metric: string, lang: 'ko' | 'en') =>
    lang === 'ko'
      ? (standard.summaryTable.columns.find((c) => c.metric === metric)?.header ?? metric)
      : (metricOf(standard, metric)?.label.en ?? metric);
  /** A part's short name (행정, officials), else its label. */
  const part = (metric: string, lang: 'ko' | 'en') =>
    metricOf(standard, metric)?.part?.[lang] ?? label(metric, lang);
  const findings: Finding[] = [];
  const report = (row: TableRow, metric: string, ko: string, en: string, fix: number | null = null) => {
    const column = row.columns.get(metric);
    findings.push(
      makeFinding(
        standard,
        'summary-inconsistent',
        {
          sheet: row.sheet,
          cell: column === undefined ? null : cellAddress(column, row.row),
          row: row.row,
          field: metric,
        },
        row.label,
        { district: row.label, detail: { ko, en } },
        fix,
      ),
    );
  };
  const shown = (x: number | null, metric: string) => formatMetric(x, metric, standard);
  const num = (x: number) => String(Math.round(x * 1000) / 1000);
  const districts = rows.filter((r) => r.kind === 'district');
  const get = (r: TableRow, m: string) => r.values.get(m) ?? null;

  for (const row of rows) {
    if (row.kind === 'empty') continue;
    for (const sum of relations.sums) checkSum(row, sum.metric, sum.parts);
    if (row.kind !== 'mean') for (const p of relations.pooled) checkPooled(row, p.metric, p.parts);
    for (const r of relations.ratios) checkRatio(row, r);
  }

  function checkSum(row: TableRow, metric: string, parts: string[]) {
    const t = get(row, metric);
    const figures = parts.map((p) => get(row, p));
    if (!t || figures.some((f) => f === null)) return;
    const values = figures as Figure[];
    const sum = values.reduce((s, f) => s + f.value, 0);
    const tolerance = values.reduce((s, f) => s + f.half, t.half);
    if (Math.abs(t.value - sum) <= tolerance + EPS) return;
    const terms = (lang: 'ko' | 'en') =>
      parts.map((p, i) => `${part(p, lang)} ${num(values[i].value)}`).join(' + ');
    report(
      row,
      metric,
      `${label(metric, 'ko')} ${num(t.value)} ≠ ${terms('ko')}`,
      `${label(metric, 'en')} ${num(t.value)} ≠ ${terms('en')}`,
      row.kind === 'mean' ? null : sum,
    );
  }

  function checkPooled(row: TableRow, metric: string, parts: string[]) {
    const t = get(row, metric);
    const figures = parts.map((p) => get(row, p));
    const defined = figures.filter((x): x is Figure => x !== null);
    const labels = (lang: 'ko' | 'en') => parts.map((p) => label(p, lang));
    if (t && defined.length) {
      // With a group undefined (nobody expected) its attendees still count in the pooled rate,
      // which can then only lie above the other groups' rates: no upper bound is established.
      const low = defined.reduce((a, b) => (b.value < a.value ? b : a));
      const high = defined.reduce((a, b) => (b.value > a.value ? b : a));
      const lo = low.value - low.half - t.half - EPS;
      const hi = defined.length === parts.length ? high.value + high.half + t.half + EPS : Infinity;
      if (t.value < lo || t.value > hi) {
        const between = (lang: 'ko' | 'en') =>
          joined(
            parts.map((p, i) => `${part(p, lang)} ${shown(figures[i]?.value ?? null, p)}`),
            lang,
          );
        report(
          row,
          metric,
          `${label(metric, 'ko')} ${shown(t.value, metric)}이(가) ${between('ko')} 사이에 있지 않습니다`,
          `${label(metric, 'en')} ${shown(t.value, metric)} is not between ${between('en')}`,
        );
      }
    } else if (t && parts.every((p) => row.columns.has(p))) {
      report(
        row,
        metric,
        `${label(metric, 'ko')} ${shown(t.value, metric)}인데 ${labels('ko').join('·')}이(가) 모두 비어 있습니다`,
        `${label(metric, 'en')} is ${shown(t.value, metric)} but ${joined(labels('en'), 'en')} are all undefined`,
      );
    } else if (!t && row.kind === 'district' && defined.length && row.columns.has(metric)) {
      report(
        row,
        metric,
        `${label(metric, 'ko')}이(가) 비어 있는데 ${labels('ko').join('·')} 중 값이 있습니다`,
        `${label(metric, 'en')} is blank while ${labels('en').join(' or ')} is given`,
      );
    }
  }

  function checkRatio(row: TableRow, r: Relations['ratios'][number]) {
    const { metric, across } = r;
    if (!row.columns.has(metric) || !row.columns.has(r.numerator) || !row.columns.has(r.denominator)) return;
    // On 총계 and 평균 a `mean` ratio is no ratio of that row's figures (it is '-', or a mean).
    if (row.kind !== 'district' && across === 'mean') return;
    const value = get(row, metric);
    let numerator = get(row, r.numerator);
    let denominator = get(row, r.denominator);
    if (row.kind === 'mean') {
      // 평균's pooled ratio is 총계's (hours ÷ meetings): taken from the district rows above.
      numerator = sumOf(districts, r.numerator);
      denominator = sumOf(districts, r.denominator);
    }
    if (!numerator || !denominator) return;
    // The standard leaves 총계's 1회평균 as '-' in printed books: no figure, nothing to contradict.
    if (value === null && row.kind === 'total') return;
    if (denominator.value === 0) {
      if (value !== null && value.value !== 0)
        report(
          row,
          metric,
          `${label(r.denominator, 'ko')}이(가) 0인데 ${label(metric, 'ko')}이(가) ${num(value.value)}입니다`,
          `${label(r.denominator, 'en')} is 0, yet ${label(metric, 'en')} is ${num(value.value)}`,
        );
      return;
    }
    const expected = numerator.value / denominator.value;
    // n ± h over d ± m: the quotient moves by at most (h + expected·m) ÷ (d − m).
    const spread =
      (numerator.half + expected * denominator.half) / Math.max(EPS, denominator.value - denominator.half);
    if (value === null || Math.abs(value.value - expected) > value.half + spread + EPS) {
      const written = value === null ? standard.figureMarks.undefined : num(value.value);
      const display = metricOf(standard, metric)!.display;
      report(
        row,
        metric,
        `${label(metric, 'ko')} ${written} ≠ ${num(numerator.value)} ÷ ${num(denominator.value)} = ${expected.toFixed(2)}`,
        `${label(metric, 'en')} ${written} ≠ ${num(numerator.value)} ÷ ${num(denominator.value)} = ${expected.toFixed(2)}`,
        roundFigure(expected, display),
      );
    }
  }

  /** The sum of a column over rows, its error the sum of theirs; null if any row lacks the figure. */
  function sumOf(list: TableRow[], metric: string): Figure | null {
    const figures = list.map((r) => get(r, metric));
    if (!figures.length || figures.some((f) => f === null)) return null;
    let value = 0;
    let half = 0;
    for (const f of figures as Figure[]) {
      value += f.value;
      half += f.half;
    }
    return { value, half };
  }

  for (const row of rows.filter((r) => r.kind === 'total' || r.kind === 'mean')) {
    const above = districts.filter((d) => d.row < row.row);
    if (!above.length) continue;
    const isMean = row.kind === 'mean';
    const metrics = isMean ? [...relations.summed, ...relations.averaged] : relations.summed;
    for (const metric of metrics) {
      const written = get(row, metric);
      if (written === null || !row.columns.has(metric)) continue;
      const averaged = relations.averaged.includes(metric);
      // A rate's mean is over the rows where it is defined; any other column needs every row.
      const list = averaged ? above.filter((d) => get(d, metric) !== null) : above;
      const sum = sumOf(list, metric);
      if (!sum) continue;
      // Each row above was rounded too: their errors add up in a sum, and average out in a mean.
      const expected = isMean ? sum.value / list.length : sum.value;
      const tolerance = written.half + (isMean ? sum.half / list.length : sum.half);
      if (Math.abs(written.value - expected) > tolerance + EPS) {
        const show = (x: number) => (averaged ? shown(x, metric) : num(x));
        report(
          row,
          metric,
          `${row.label}의 ${label(metric, 'ko')} ${show(written.value)} ≠ 위 행들의 ${isMean ? '평균' : '합계'} ${show(expected)}`,
          `${label(metric, 'en')} ${show(written.value)} on the ${row.label} row ≠ the ${isMean ? 'mean' : 'sum'} of the rows above, ${show(expected)}`,
          averaged ? null : Math.round(expected * 10) / 10,
        );
      }
    }
  }
  return { table: { sheet: sheet.name, headerRow: header.row, rows: rows.length }, findings };
}

export function checkSummaryTable(
  snapshot: WorkbookSnapshot,
  standard: Standard = newestStandard,
): SummaryCheck {
  const result: SummaryCheck = { tables: [], findings: [] };
  for (const sheet of snapshot.sheets) {
    const checked = checkSummarySheet(sheet, standard);
    if (!checked) continue;
    result.tables.push(checked.table);
    result.findings.push(...checked.findings);
  }
  return result;
}
