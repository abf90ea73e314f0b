// The district register's file (standard §6) as the sheet of cells src/register parses: an .xlsx
// with one sheet, or a UTF-8 .csv whose records keep their line numbers (so a bad row is reported on
// the line an editor shows). Every limit is checked before the work it bounds: the file's size
// (docs/cli.md "Limits"), the .xlsx reader's own limits, and — for a .csv — no more records held
// than the register's row limit lets matter.
import path from 'node:path';
import { BilingualError } from '../bilingual';
import type { SheetSnapshot } from '../engine/snapshot';
import { registerRules, registerSheet } from '../standard/register';
import { parseCsvLines } from '../workbook/text-table';
import { readWorkbookFile } from '../xlsx/read';
import { XLSX_LIMITS, limitError } from '../xlsx/limits';
import { promises as fs } from 'node:fs';
import { UsageError } from './command';
import { readTableFileBytes } from './table-file';

/** Header rows may sit anywhere in the first 10 (standard §1); past them, rows beyond the limit only say "too many". */
const HEADER_ROWS = 10;

function notUtf8(file: string): BilingualError {
  return new BilingualError(
    `${file}: UTF-8 CSV가 아닙니다. Excel에서 'CSV UTF-8(쉼표로 분리)'로 저장하세요.`,
    `${file}: not a UTF-8 CSV. In Excel, save it as 'CSV UTF-8 (Comma delimited)'.`,
  );
}

function sheetCount(file: string, names: string[]): BilingualError {
  const list = names.map((n) => `'${n}'`).join(', ');
  return new BilingualError(
    `${file}: 명부 파일에는 시트가 하나만 있어야 합니다 (${names.length}개: ${list}).`,
    `${file}: a register file holds exactly one sheet (found ${names.length}: ${list}).`,
  );
}

async function csvSheet(file: string): Promise<SheetSnapshot> {
  const bytes = await readTableFileBytes(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notUtf8(file);
  }
  const records = parseCsvLines(text, {
    skipBlank: true,
    maxRecords: HEADER_ROWS + registerRules.limits.rows + 1,
  });
  const rows: SheetSnapshot['rows'] = [];
  for (const r of records) rows[r.line - 1] = r.cells.map((v) => (v === '' ? null : { value: v }));
  // Lines between records (blank, or inside a quoted field) are empty rows.
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name: registerSheet.name, rows };
}

async function xlsxSheet(file: string): Promise<SheetSnapshot> {
  // The reader checks the zip and every part against its limits; the file's size is checked here
  // as a table file's is, since a register is a table of a few dozen rows.
  const { size } = await fs.stat(file).catch(() => ({ size: 0 }));
  if (size > XLSX_LIMITS.tableFileBytes) throw limitError.tableFile(file, size);
  const { snapshot } = await readWorkbookFile(file);
  if (snapshot.sheets.length !== 1)
    throw sheetCount(
      file,
      snapshot.sheets.map((s) => s.name),
    );
  return snapshot.sheets[0];
}

/** The register file at `file` as one sheet; a bilingual error (exit 2) when it cannot be read. */
export async function readRegisterFile(file: string): Promise<SheetSnapshot> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return csvSheet(file);
  if (ext === '.xlsx') return xlsxSheet(file);
  throw new UsageError(
    `명부 파일은 .xlsx 또는 .csv입니다 ('${path.basename(file)}')`,
    `a register file is .xlsx or .csv ('${path.basename(file)}')`,
  );
}
