// The exceljs writer: applies the layout (src/workbook) to a new workbook — the blank standard
// workbook (`delib template`) or the generated example (`delib template --example`).
import ExcelJS from 'exceljs';
import type { ColumnDefinition, Standard } from '../standard/types';
import {
  LAST_EXCEL_ROW,
  PREFILLED_ROWS,
  computedFormula,
  lettersOf,
  listFormula,
  standardLayout,
  standardSummarySource,
  summarySheetLayout,
  type TableSheetLayout,
  type ValidationRule,
} from '../workbook';
import type { ExampleWorkbook } from '../workbook/example';
import { dateFromSerial } from '../engine/dates';

type RowValues = Record<string, string | number>;

/**
 * Validations are hints, as in the add-in's inserter: drop-down lists and bounds Excel can circle,
 * never an alert that blocks typing (`12명` must be typeable: the engine reads it, a paste bypasses
 * validation anyway, and the engine reports what is wrong).
 */
function toValidation(rule: ValidationRule): ExcelJS.DataValidation {
  const base = { allowBlank: true, showErrorMessage: false } as const;
  if (rule.kind === 'list') return { ...base, type: 'list', formulae: [listFormula(rule.values)] };
  const min = rule.min ?? 0;
  if (rule.max !== undefined)
    return { ...base, type: rule.kind, operator: 'between', formulae: [min, rule.max] };
  return {
    ...base,
    type: rule.kind,
    operator: rule.minExclusive ? 'greaterThan' : 'greaterThanOrEqual',
    formulae: [min],
  };
}

/** The computed column's value for a filled row, so the file carries cached results like Excel's. */
function computedResult(def: ColumnDefinition, row: RowValues): number | string {
  const c = def.computed;
  const total = (keys: string[]) => keys.reduce((s, k) => s + Number(row[k] ?? 0), 0);
  if (!c) return '';
  if (c.kind === 'sum') return total(c.of);
  const den = total(c.denominator);
  return den === 0 ? '' : total(c.numerator) / den;
}

function writeTitle(ws: ExcelJS.Worksheet, titleRows: string[], lastColumn: number): void {
  titleRows.forEach((text, i) => {
    if (!text) return;
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { bold: i === 0, size: i === 0 ? 14 : 10, color: i === 0 ? undefined : { argb: 'FF595959' } };
    ws.mergeCells(i + 1, 1, i + 1, lastColumn);
  });
}

function writeTableSheet(
  wb: ExcelJS.Workbook,
  layout: TableSheetLayout,
  defs: ColumnDefinition[],
  data: RowValues[] | undefined,
): void {
  const ws = wb.addWorksheet(layout.name, {
    views: [{ state: 'frozen', ySplit: layout.freezeRows, xSplit: 0 }],
  });
  writeTitle(ws, layout.titleRows, layout.columns.length);
  const letters = lettersOf(layout);
  const defOf = new Map(defs.map((d) => [d.key, d]));
  const count = data ? data.length : PREFILLED_ROWS;
  const rows = Array.from({ length: count }, (_, i) => {
    const row = layout.firstDataRow + i;
    const values = data?.[i];
    return layout.columns.map((col) => {
      const def = defOf.get(col.key)!;
      if (col.computed) {
        const formula = computedFormula(def, row, letters)!.slice(1);
        return values ? { formula, result: computedResult(def, values) } : { formula };
      }
      const v = values?.[col.key];
      if (v === undefined || v === '') return null;
      return def.type === 'date' && typeof v === 'number' ? dateFromSerial(v) : v;
    });
  });
  ws.addTable({
    name: layout.table,
    ref: `A${layout.headerRow}`,
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: layout.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows,
  });
  layout.columns.forEach((col, i) => {
    const column = ws.getColumn(i + 1);
    column.width = col.width;
    if (col.numberFormat) {
      column.numFmt = col.numberFormat;
      for (let r = layout.firstDataRow; r < layout.firstDataRow + count; r++)
        ws.getCell(r, i + 1).numFmt = col.numberFormat;
    }
    if (col.validation) {
      // exceljs has range validations (one sqref for the whole column) but no typing for them.
      (
        ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
      ).dataValidations.add(
        `${col.letter}${layout.firstDataRow}:${col.letter}${LAST_EXCEL_ROW}`,
        toValidation(col.validation),
      );
    }
  });
  // Column formats reach every cell of the column, title and header included; those stay General.
  for (let r = 1; r <= layout.headerRow; r++) {
    ws.getRow(r).eachCell((cell) => (cell.numFmt = 'General'));
  }
  ws.getRow(layout.headerRow).alignment = { wrapText: true, vertical: 'middle' };
}

function writeInfoSheet(wb: ExcelJS.Workbook, standard: Standard, info: RowValues | undefined): void {
  const layout = standardLayout(standard).info;
  const ws = wb.addWorksheet(layout.name);
  ws.getRow(layout.headerRow).values = layout.headers;
  ws.getRow(layout.headerRow).font = { bold: true };
  layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const r of layout.rows) {
    ws.getCell(r.row, 1).value = r.label;
    ws.getCell(r.row, 1).font = { bold: true };
    const cell = ws.getCell(r.row, 2);
    const v = info?.[r.key] ?? r.preset;
    if (v !== undefined) cell.value = r.numberFormat && typeof v === 'number' ? dateFromSerial(v) : v;
    if (r.numberFormat) cell.numFmt = r.numberFormat;
    if (r.validation) cell.dataValidation = toValidation(r.validation);
    // The example value as a note, not a cell: a filled cell would be read as the district's answer.
    if (!info && r.example) cell.note = `예: ${r.example} / e.g. ${r.example}`;
  }
}

function writeSummarySheet(wb: ExcelJS.Workbook, standard: Standard): void {
  const layout = standardLayout(standard);
  const summary = summarySheetLayout(standardSummarySource(layout), standard);
  const ws = wb.addWorksheet(summary.name, {
    views: [{ state: 'frozen', ySplit: summary.headerRow, xSplit: 1 }],
  });
  writeTitle(ws, summary.titleRows, summary.headers.length);
  const header = ws.getRow(summary.headerRow);
  header.values = summary.headers;
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  summary.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const row of summary.rows) {
    ws.getCell(row.row, 1).value = row.label;
    ws.getCell(row.row, 1).font = { bold: true };
    row.cells.forEach((c, i) => {
      const cell = ws.getCell(row.row, i + 2);
      cell.value = { formula: c.formula.slice(1) };
      cell.numFmt = c.numberFormat;
      cell.alignment = { horizontal: 'right' };
    });
  }
}

/** The standard workbook; with `example`, filled with it. Excel recalculates everything on open. */
export function buildStandardWorkbook(standard: Standard, example?: ExampleWorkbook): ExcelJS.Workbook {
  const layout = standardLayout(standard);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'delib';
  wb.title = standard.title.ko;
  // No cached 요약 results are written, so Excel must compute them when the file opens.
  wb.calcProperties.fullCalcOnLoad = true;
  writeInfoSheet(wb, standard, example?.info);
  writeTableSheet(wb, layout.forums, standard.sheets.forums.columns, example?.forums);
  writeTableSheet(wb, layout.council, standard.sheets.council.columns, example?.council);
  writeSummarySheet(wb, standard);
  return wb;
}

export async function writeStandardWorkbook(
  path: string,
  standard: Standard,
  example?: ExampleWorkbook,
): Promise<void> {
  await buildStandardWorkbook(standard, example).xlsx.writeFile(path);
}
