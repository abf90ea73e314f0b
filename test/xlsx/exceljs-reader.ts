// The former reader (exceljs, whole file in memory), kept as a test oracle: the bounded reader
// (src/xlsx/read.ts) must give the same snapshot on every normal workbook (equivalence.test.ts).
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Cell, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/engine/snapshot';
import { XlsxReadError } from '../../src/xlsx/errors';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// An OLE compound file: what Excel writes for a password-protected .xlsx, and the old .xls format.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const MS_PER_DAY = 86_400_000;
// 1970-01-01 is serial 25569 in the 1900 system (which counts the fictitious 1900-02-29).
const UNIX_EPOCH_SERIAL_1900 = 25569;

function startsWith(buf: Buffer, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/**
 * exceljs gives date cells as JS Dates holding the date's wall-clock time in UTC (it applies a 1904
 * workbook's base itself), so the snapshot's serial is always the 1900-system one the engine uses.
 */
export function dateToSerial(d: Date): number {
  const days = d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL_1900;
  // Rounding to the millisecond removes float noise without moving any real time of day.
  return Math.round(days * MS_PER_DAY) / MS_PER_DAY;
}

type RichText = { richText: { text: string }[] };

function plainText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && Array.isArray((v as RichText).richText)) {
    return (v as RichText).richText.map((r) => r.text ?? '').join('');
  }
  return v === null || v === undefined ? '' : String(v);
}

function scalar(v: unknown): Pick<Cell, 'value' | 'error'> {
  if (v === null || v === undefined) return { value: null };
  if (v instanceof Date) return { value: Number.isNaN(v.getTime()) ? null : dateToSerial(v) };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { value: null, error: o.error };
    if ('richText' in o) return { value: plainText(o) };
    // A hyperlink: its shown text (itself maybe rich text), never the address.
    if ('hyperlink' in o || 'text' in o) return { value: plainText(o.text) };
  }
  return { value: String(v) as CellValue };
}

/**
 * `cell.formula` also translates a shared formula to this cell's own references; a shared formula
 * whose master cell is gone cannot be translated, and the cell keeps just its cached result.
 */
function formulaText(
  cell: ExcelJS.Cell,
  fv: ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue,
): string {
  try {
    return cell.formula || ('formula' in fv ? fv.formula : '') || '';
  } catch {
    return '';
  }
}

function readCell(cell: ExcelJS.Cell): Cell | null {
  // The other cells of a merged area are empty in Excel (and in Office.js values).
  if (cell.type === ExcelJS.ValueType.Null || cell.type === ExcelJS.ValueType.Merge) return null;
  const numFmt = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
  let out: Cell;
  if (cell.type === ExcelJS.ValueType.Formula) {
    const fv = cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
    const text = formulaText(cell, fv);
    // `cell.result`, not `cell.value.result`: exceljs's value copy drops falsy results (0, '', false).
    out = { ...scalar(cell.result as unknown), formula: text ? `=${text.replace(/^=/, '')}` : undefined };
    if (out.formula === undefined) delete out.formula;
  } else {
    out = scalar(cell.value);
  }
  if (numFmt) out.numberFormat = numFmt;
  return out;
}

function readSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const rows: (Cell | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: (Cell | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const read = readCell(cell);
      if (!read) return;
      while (cells.length < c - 1) cells.push(null);
      cells[c - 1] = read;
    });
    if (cells.length) {
      while (rows.length < r - 1) rows.push([]);
      rows[r - 1] = cells;
    }
  });
  const visibility = ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible';
  return { name: ws.name, rows, visibility };
}

/** Reads an .xlsx held in memory; `file` names it in error messages. */
export async function readWithExcelJS(buf: Buffer, file: string): Promise<{ snapshot: WorkbookSnapshot }> {
  if (startsWith(buf, OLE_MAGIC)) throw new XlsxReadError('encrypted', file);
  if (!startsWith(buf, ZIP_MAGIC)) throw new XlsxReadError('not-xlsx', file);
  const wb = new ExcelJS.Workbook();
  try {
    // Validation rules are not values, and exceljs expands a whole-column rule into a million
    // cells (20 s for one such sheet): the engine never needs them, so they are not parsed.
    await wb.xlsx.load(
      buf as unknown as ArrayBuffer,
      {
        ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'],
      } as ExcelJS.XlsxReadOptions,
    );
  } catch (e) {
    throw new XlsxReadError('corrupt', file, e);
  }
  // A zip that is not a workbook (a .docx, a zipped folder) loads as a workbook without sheets.
  if (wb.worksheets.length === 0) throw new XlsxReadError('corrupt', file);
  try {
    return { snapshot: { sheets: wb.worksheets.map((ws) => readSheet(ws)) } };
  } catch (e) {
    throw new XlsxReadError('corrupt', file, e);
  }
}

export async function readFileWithExcelJS(path: string): Promise<{ snapshot: WorkbookSnapshot }> {
  let buf: Buffer;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) throw new XlsxReadError('not-xlsx', path);
    buf = await fs.readFile(path);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new XlsxReadError(code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', path, e);
  }
  return readWithExcelJS(buf, path);
}
