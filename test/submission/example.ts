// Workbooks for the submission tests: the standard's generated example, laid out as a snapshot the
// engine reads (headers from the standard), with as many forum rows as a test needs.
import { validateWorkbook, type Validation, type WorkbookSnapshot } from '../../src/engine';
import { standard2021_1 } from '../../src/standard/2021.1';
import { exampleSnapshot as snapshotOf, exampleWorkbook } from '../../src/workbook/example';

export function exampleSnapshot(
  rows: number,
  options: { district?: string; year?: number; seed?: number } = {},
): WorkbookSnapshot {
  const ex = exampleWorkbook(standard2021_1, {
    rows,
    district: options.district ?? '강서구',
    year: options.year ?? 2021,
    seed: options.seed ?? 7,
  });
  return snapshotOf(standard2021_1, ex);
}

/** Changes one count in one forum row (an edit after a submission). */
export function editCount(snapshot: WorkbookSnapshot, excelRow: number, delta = 1): WorkbookSnapshot {
  const forums = snapshot.sheets[1];
  const col = forums.rows[0].findIndex(
    (c) =>
      c?.value === standard2021_1.sheets.forums.columns.find((x) => x.key === 'attendedCivilian')!.header,
  );
  const rows = forums.rows.map((r) => [...r]);
  const old = rows[excelRow - 1][col]!.value as number;
  rows[excelRow - 1][col] = { value: old + delta };
  return { sheets: snapshot.sheets.map((sh, i) => (i === 1 ? { ...sh, rows } : sh)) };
}

export function exampleValidation(
  rows: number,
  options: { district?: string; year?: number; seed?: number } = {},
): Validation {
  return validateWorkbook(exampleSnapshot(rows, options));
}
