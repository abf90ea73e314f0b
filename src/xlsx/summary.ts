// The consolidated table as an .xlsx: figures stay unrounded numbers, Excel formats show them to
// each metric's display rule; an undefined rate is '–', the 총계 rates '-' (standard §2).
import ExcelJS from 'exceljs';
import type { SummaryTable } from '../engine/summary';
import type { Standard } from '../standard/types';
import { newestStandard } from '../standard';
import { metricOf } from '../engine/metric-values';
import { excelNumberFormat } from '../engine/metric-format';
import { consolidatedColumns, consolidatedLines, lineCells } from '../workbook/consolidated';

/** Sheet names of the consolidated workbook (not part of the standard, which names none). */
export const SUMMARY_SHEET = '자치구별 집계';
export const NOTES_SHEET = '참고';

/** A figure's number format by its metric's display rule; none for the district, year and period. */
function formatOf(key: string, value: number, standard: Standard): string | undefined {
  const metric = metricOf(standard, key);
  return metric ? excelNumberFormat(metric.display, value) : undefined;
}

export function buildSummaryWorkbook(
  table: SummaryTable,
  standard: Standard = newestStandard,
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'delib';
  const ws = wb.addWorksheet(SUMMARY_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const columns = consolidatedColumns(standard);
  ws.getRow(1).values = columns.map((c) => c.header);
  ws.getRow(1).font = { bold: true };
  const widths: Record<string, number> = { district: 12, year: 8, quarter: 10 };
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = widths[c.key] ?? 15));
  consolidatedLines(table).forEach((line, at) => {
    const r = at + 2;
    lineCells(table, line, columns, standard).forEach((v, i) => {
      const cell = ws.getCell(r, i + 1);
      const key = columns[i].key;
      cell.value = v === null ? standard.figureMarks.undefined : v === '' ? null : v;
      const fmt = typeof v === 'number' ? formatOf(key, v, standard) : undefined;
      if (fmt) cell.numFmt = fmt;
      if (key !== 'district') cell.alignment = { horizontal: 'right' };
    });
    if (line.kind === 'total' || line.kind === 'mean') ws.getRow(r).font = { bold: true };
  });
  if (table.notes.length) {
    const notes = wb.addWorksheet(NOTES_SHEET);
    notes.getColumn(1).width = 120;
    table.notes.forEach((n, i) => (notes.getCell(i + 1, 1).value = `${n.ko} / ${n.en}`));
  }
  return wb;
}

export async function writeSummaryWorkbook(path: string, table: SummaryTable): Promise<void> {
  await buildSummaryWorkbook(table).xlsx.writeFile(path);
}
