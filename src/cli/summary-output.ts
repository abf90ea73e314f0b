// The consolidated table as people read it: aligned text, CSV, Markdown (display-rounded strings)
// and the JSON contract (unrounded figures, rates as fractions, null where undefined). The layout
// (columns, period, 미제출 rows) is src/workbook/consolidated.ts, shared with the .xlsx writer.
import type { SummaryTable } from '../engine/summary';
import type { Standard } from '../standard/types';
import { newestStandard } from '../standard';
import { textTable, type Lang } from './format';
import { formatMetric } from '../engine/metric-format';
import { csvField, mdField } from '../workbook/text-table';
import { consolidatedColumns, consolidatedLines, lineCells } from '../workbook/consolidated';

/** A figure as shown by its metric's display rule; the year and text as they are. */
function shown(value: string | number | null, key: string, standard: Standard): string {
  if (typeof value === 'string') return value;
  return key === 'year' && value !== null ? String(value) : formatMetric(value, key, standard);
}

/** Header and lines (districts and 미제출 in 가나다 order, 총계, 평균) as display strings. */
export function summaryCells(
  table: SummaryTable,
  standard: Standard = newestStandard,
  lang: Lang = 'ko',
): { header: string[]; rows: string[][] } {
  const columns = consolidatedColumns(standard, lang);
  const rows = consolidatedLines(table).map((line) =>
    lineCells(table, line, columns, standard, lang).map((v, i) => shown(v, columns[i].key, standard)),
  );
  return { header: columns.map((c) => c.header), rows };
}

export function summaryText(table: SummaryTable, lang: Lang, standard: Standard = newestStandard): string {
  const { header, rows } = summaryCells(table, standard, lang);
  const notes = table.notes.map((n) => `* ${n[lang]}\n`).join('');
  return textTable(header, rows) + (notes ? `\n${notes}` : '');
}

export function summaryCsv(table: SummaryTable, standard: Standard = newestStandard): string {
  const { header, rows } = summaryCells(table, standard);
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function summaryMarkdown(table: SummaryTable, standard: Standard = newestStandard): string {
  const { header, rows } = summaryCells(table, standard);
  const line = (r: string[]) => `| ${r.map(mdField).join(' | ')} |`;
  const rule = `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}

/** The documented JSON: `{year, quarter, rows, missing, total, mean, notes}`. */
export function summaryJson(table: SummaryTable): string {
  return JSON.stringify(table, null, 2) + '\n';
}
