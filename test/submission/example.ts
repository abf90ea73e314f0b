// Workbooks for the submission tests: the standard's generated example, laid out as a snapshot the
// engine reads (headers from the standard), with as many forum rows as a test needs.
import { validateWorkbook, type Validation, type WorkbookSnapshot, type Cell } from '../../src/engine';
import { standard2021_1 } from '../../src/standard/2021.1';
import { exampleWorkbook } from '../../src/workbook/example';

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
  const s = standard2021_1.sheets;
  const cell = (v: string | number | undefined): Cell => ({ value: v ?? null });
  const table = (
    cols: { key: string; header: string; computed?: unknown }[],
    records: Record<string, string | number>[],
  ) => {
    const input = cols.filter((c) => !c.computed);
    return [input.map((c) => cell(c.header)), ...records.map((r) => input.map((c) => cell(r[c.key])))];
  };
  return {
    sheets: [
      { name: s.info.name, rows: s.info.fields.map((f) => [cell(f.label), cell(ex.info[f.key])]) },
      { name: s.forums.name, rows: table(s.forums.columns, ex.forums) },
      { name: s.council.name, rows: table(s.council.columns, ex.council) },
    ],
  };
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
