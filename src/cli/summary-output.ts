// The consolidated table as people read it: aligned text, CSV, Markdown (display-rounded strings)
// and the JSON contract (unrounded figures, rates as fractions, null where undefined).
import type { SummaryRow, SummaryTable } from '../engine/summary';
import { summaryValue } from '../engine/summary';
import type { Standard } from '../standard/types';
import { newestStandard } from '../standard';
import { formatCount, formatHours, formatRate, textTable, type Lang } from './format';
import { csvField, mdField } from '../workbook/text-table';

/** What the standard shows for rates on the 총계 row. */
export const TOTAL_RATE_DISPLAY = '-';

export function displayCell(row: SummaryRow, metric: string, isTotal: boolean, standard: Standard): string {
  const v = summaryValue(row, metric);
  if (metric === 'district') return String(v ?? '');
  if (metric.startsWith('attendanceRate.'))
    return isTotal ? TOTAL_RATE_DISPLAY : formatRate(v as number | null, standard);
  if (metric === 'hoursTotal' || metric === 'hoursPerMeeting')
    return formatHours(v as number | null, standard);
  return formatCount(v as number | null);
}

/** Header and rows (districts, 총계, 평균) as display strings, in the standard's column order. */
export function summaryCells(
  table: SummaryTable,
  standard: Standard = newestStandard,
): { header: string[]; rows: string[][] } {
  const columns = standard.summaryTable.columns;
  const line = (row: SummaryRow, isTotal = false) =>
    columns.map((c) => displayCell(row, c.metric, isTotal, standard));
  return {
    header: columns.map((c) => c.header),
    rows: [...table.rows.map((r) => line(r)), line(table.total, true), line(table.mean)],
  };
}

const ENGLISH = { district: 'District', total: 'Total', mean: 'Mean' };

/** The text table in English: the metrics' English labels and the districts' English names. */
function inEnglish(cells: { header: string[]; rows: string[][] }, table: SummaryTable, standard: Standard) {
  const header = standard.summaryTable.columns.map((c) =>
    c.metric === 'district'
      ? ENGLISH.district
      : (standard.metrics.find((m) => m.key === c.metric)?.label.en ?? c.header),
  );
  const names = [
    ...table.rows.map((r) => standard.districts.find((d) => d.name === r.district)?.nameEn ?? r.district),
    ENGLISH.total,
    ENGLISH.mean,
  ];
  return { header, rows: cells.rows.map((r, i) => [names[i], ...r.slice(1)]) };
}

export function summaryText(table: SummaryTable, lang: Lang, standard: Standard = newestStandard): string {
  const korean = summaryCells(table, standard);
  const { header, rows } = lang === 'en' ? inEnglish(korean, table, standard) : korean;
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

/** The documented JSON: `{rows, total, mean, notes}`. */
export function summaryJson(table: SummaryTable): string {
  return JSON.stringify(table, null, 2) + '\n';
}
