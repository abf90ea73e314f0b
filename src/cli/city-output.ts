// The city desk's tables as people read them from `delib status|databook|composition`: aligned text
// and Markdown (each under its title, which names the year and quarter), CSV (the year and quarter
// are columns) — display-rounded as the standard prints (§2); JSON keeps unrounded figures.
import type { Standard, Text } from '../standard/types';
import { unitOf } from '../city/compare';
import type { CellTable, TableValue } from '../workbook/city-tables';
import { csvField, mdField } from '../workbook/text-table';
import { textTable, type Lang } from './format';
import { COUNT_DISPLAY, formatFigure, formatMetric } from '../engine/metric-format';
import { metricOf } from '../engine/metric-values';

export type Shown = (key: string, value: TableValue) => string;

/** Text as given; numbers as they are (years). */
export function plainShown(standard: Standard): Shown {
  return (_key, v) => (v === null ? standard.figureMarks.undefined : String(v));
}

/**
 * A council's shares are shown as the standard shows a rate (the display of its first rate metric);
 * its counts as counts.
 */
function shareDisplay(standard: Standard) {
  return standard.metrics.find((m) => m.kind === 'rate')?.display ?? { digits: 1, percent: true };
}

export function compositionShown(standard: Standard): Shown {
  const mark = standard.figureMarks.undefined;
  return (key, v) => {
    if (typeof v !== 'number') return v === null ? mark : v;
    if (key === 'civilianShare' || key === 'femaleShare')
      return formatFigure(v, shareDisplay(standard), mark);
    return key === 'year' ? String(v) : formatFigure(v, COUNT_DISPLAY, mark);
  };
}

/** Changes with their sign: `+3`, `-0.5`, `+14.0%p`; undefined `–`. */
export function changeShown(standard: Standard): Shown {
  const mark = standard.figureMarks.undefined;
  return (key, v) => {
    if (typeof v !== 'number') return v === null ? mark : v;
    const unit = unitOf(key, standard);
    // A change in percentage points has the rate's digits, shown without the percent sign.
    const display = metricOf(standard, key)?.display ?? COUNT_DISPLAY;
    const text =
      unit === 'percentPoint'
        ? formatFigure(v, { ...display, percent: false }, mark)
        : unit === 'hours'
          ? formatMetric(v, key, standard)
          : formatFigure(v, COUNT_DISPLAY, mark);
    // A change that rounds to nothing is shown without a sign (never `-0.0`).
    const zero = Number(text) === 0;
    const signed = zero ? text.replace(/^-/, '') : v > 0 ? `+${text}` : text;
    return unit === 'percentPoint' ? `${signed}%p` : signed;
  };
}

function shownRows(table: CellTable, shown: Shown): string[][] {
  return table.rows.map((r) => r.map((v, i) => shown(table.keys[i], v)));
}

function notesText(notes: Text[], lang: Lang): string {
  return notes.map((n) => `* ${n[lang]}\n`).join('');
}

export function cellsText(
  title: string[],
  table: CellTable,
  shown: Shown,
  notes: Text[],
  lang: Lang,
): string {
  const head = title.map((t) => `${t}\n`).join('');
  const notesPart = notes.length ? `\n${notesText(notes, lang)}` : '';
  return `${head}\n${textTable(table.header, shownRows(table, shown))}${notesPart}`;
}

/**
 * RFC 4180 CSV. A text field that a spreadsheet would read as a formula (`=`, `+`, `-`, `@` first, as
 * a name or a remark from SharePoint could be — `+82-2-120` too) is written with a leading
 * apostrophe; figures (numbers, even negative ones) and a lone `-` are written as they are.
 */
export function cellsCsv(table: CellTable, shown: Shown): string {
  const guard = (text: string, raw: TableValue) =>
    typeof raw === 'string' && text.length > 1 && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  const rows = table.rows.map((r) => r.map((v, i) => guard(shown(table.keys[i], v), v)));
  return [table.header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function cellsMarkdown(title: string[], table: CellTable, shown: Shown): string {
  const line = (r: string[]) => `| ${r.map(mdField).join(' | ')} |`;
  const rule = `|${table.header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  return (
    [
      `### ${mdField(title[0] ?? '')}`,
      ...title.slice(1).map(mdField),
      '',
      line(table.header),
      rule,
      ...shownRows(table, shown).map(line),
    ].join('\n') + '\n'
  );
}
