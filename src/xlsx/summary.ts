// The consolidated table as an .xlsx: figures stay unrounded numbers, Excel formats show them to
// the standard's rounding; an undefined rate is '–', the 총계 rates '-' (standard §2).
import ExcelJS from 'exceljs';
import type { SummaryRow, SummaryTable } from '../engine/summary';
import { summaryValue } from '../engine/summary';
import type { Standard } from '../standard/types';
import { newestStandard } from '../standard';
import { UNDEFINED_DISPLAY } from '../workbook';

/** Sheet names of the consolidated workbook (not part of the standard, which names none). */
export const SUMMARY_SHEET = '자치구별 집계';
export const NOTES_SHEET = '참고';
const TOTAL_RATE_DISPLAY = '-';

function formatOf(metric: string, value: number): string | undefined {
  if (metric.startsWith('attendanceRate.')) return '0.0%';
  if (metric === 'hoursTotal' || metric === 'hoursPerMeeting') return '0.0';
  if (metric === 'district') return undefined;
  // Counts are whole except on the 평균 row.
  return Number.isInteger(value) ? '#,##0' : '#,##0.0';
}

export function buildSummaryWorkbook(
  table: SummaryTable,
  standard: Standard = newestStandard,
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'delib';
  const ws = wb.addWorksheet(SUMMARY_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const columns = standard.summaryTable.columns;
  ws.getRow(1).values = columns.map((c) => c.header);
  ws.getRow(1).font = { bold: true };
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.metric === 'district' ? 12 : 15));
  const put = (row: SummaryRow, r: number, isTotal: boolean) => {
    columns.forEach((c, i) => {
      const cell = ws.getCell(r, i + 1);
      const v = summaryValue(row, c.metric);
      const isRate = c.metric.startsWith('attendanceRate.');
      if (isRate && isTotal) cell.value = TOTAL_RATE_DISPLAY;
      else cell.value = v === null ? UNDEFINED_DISPLAY : v;
      const fmt = typeof cell.value === 'number' ? formatOf(c.metric, cell.value) : undefined;
      if (fmt) cell.numFmt = fmt;
      if (c.metric !== 'district') cell.alignment = { horizontal: 'right' };
    });
  };
  table.rows.forEach((row, i) => put(row, i + 2, false));
  const totalAt = table.rows.length + 2;
  put(table.total, totalAt, true);
  put(table.mean, totalAt + 1, false);
  ws.getRow(totalAt).font = { bold: true };
  ws.getRow(totalAt + 1).font = { bold: true };
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
