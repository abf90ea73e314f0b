// "Insert or repair the standard sheets": adds what is missing and never changes what a district
// typed. Missing sheets are created from the layout (src/workbook); in existing sheets only missing
// headers, empty computed cells of filled rows, formats, list hints, frozen headers and absent tables
// are added. 요약 cells are (re)written only where they are empty or already formulas.
import type { Cell } from '../engine/snapshot';
import type { ColumnDefinition, Standard, TableSheetDefinition } from '../standard/types';
import { columnLetter, isBlankCell } from '../engine/snapshot';
import { locateTable } from '../engine/locate';
import { headerKey } from '../engine/text';
import {
  PREFILLED_ROWS,
  type SummarySource,
  type TableSheetLayout,
  type ValidationRule,
  computedFormula,
  lettersOf,
  quoteSheet,
  standardLayout,
  summarySheetLayout,
} from '../workbook';
import { type RowCells, queueRowReads, rangeBlocks } from './reader';
import type { SheetRole } from './sheets';
import { surveyWorkbook, type Survey } from './survey';

const ALL_ROLES: SheetRole[] = ['info', 'forums', 'council', 'summary'];
/** Excel column width is in points; a character of the default font is about 7 points wide. */
export const POINTS_PER_CHARACTER = 7;

export type Grid = Map<number, (Cell | null)[]>;
export const cellAt = (g: Grid, row: number, col: number) => g.get(row)?.[col] ?? null;

function ruleOf(v: ValidationRule): Excel.DataValidationRule {
  if (v.kind === 'list') return { list: { inCellDropDown: true, source: v.values.join(',') } };
  const basic: Excel.BasicDataValidation =
    v.min !== undefined && v.max !== undefined
      ? { formula1: v.min, formula2: v.max, operator: 'Between' }
      : { formula1: v.min ?? 0, operator: v.minExclusive ? 'GreaterThan' : 'GreaterThanOrEqualTo' };
  return v.kind === 'whole' ? { wholeNumber: basic } : { decimal: basic };
}

/** A list is a hint: a paste bypasses it anyway, so it never blocks typing (the add-in checks for real). */
export function hint(range: Excel.Range, v: ValidationRule): void {
  range.dataValidation.clear();
  range.dataValidation.rule = ruleOf(v);
  range.dataValidation.errorAlert = { showAlert: false, style: 'Information', title: '', message: '' };
}

export function toSnapshotRows(cells: RowCells): (Cell | null)[][] {
  const rows: (Cell | null)[][] = [];
  for (const [r, line] of cells) rows[r - 1] = line;
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return rows;
}

interface Located {
  letters: Record<string, string>;
  headerRow: number;
  lastRow: number;
}

/** The row of 기본정보 whose label (column A) names a field, by the field's label or an alias. */
export function infoRow(grid: Grid, standard: Standard, key: string): number | undefined {
  const def = standard.sheets.info.fields.find((f) => f.key === key);
  if (!def) return undefined;
  const names = new Set([def.label, ...def.aliases].map(headerKey));
  return [...grid].find(([, line]) => names.has(headerKey(String(line[0]?.value ?? ''))))?.[0];
}

export interface SheetsRead {
  survey: Survey;
  /** What each standard sheet holds, from row 1 down to the row `rows` chose. */
  grids: Map<SheetRole, Grid>;
  /** The table sheets' tables, names loaded. */
  tables: Map<SheetRole, Excel.TableCollection>;
}

/**
 * The survey, then one sync reading each standard sheet down to `rows(role, lastRow)` (all of it by
 * default) and the table sheets' table names.
 */
export async function readStandardSheets(
  context: Excel.RequestContext,
  standard: Standard,
  rows: (role: SheetRole, lastRow: number) => number = (_, lastRow) => lastRow,
): Promise<SheetsRead> {
  const survey = await surveyWorkbook(context, standard, new Map(), ALL_ROLES);
  const sheets = context.workbook.worksheets;
  const reads = new Map<SheetRole, () => RowCells>();
  const tables = new Map<SheetRole, Excel.TableCollection>();
  for (const role of ALL_ROLES) {
    const ref = survey.refs.get(role);
    const extent = ref && survey.extents.get(ref.id);
    if (!ref || !extent) continue;
    const ws = sheets.getItem(ref.id);
    const last = rows(role, extent.lastRow);
    if (last > 0) reads.set(role, queueRowReads(ws, rangeBlocks(1, last, 0, Math.max(1, extent.columns))));
    if (role === 'forums' || role === 'council') {
      ws.tables.load('items/name');
      tables.set(role, ws.tables);
    }
  }
  await context.sync();
  const grids = new Map<SheetRole, Grid>([...reads].map(([role, collect]) => [role, collect()]));
  return { survey, grids, tables };
}

export async function insertStandardSheets(context: Excel.RequestContext, standard: Standard): Promise<void> {
  const layout = standardLayout(standard);
  const { survey, grids, tables } = await readStandardSheets(context, standard);
  const sheets = context.workbook.worksheets;
  const sheetFor = (role: SheetRole, name: string): Excel.Worksheet => {
    const ref = survey.refs.get(role);
    return ref ? sheets.getItem(ref.id) : sheets.add(name);
  };

  // 기본정보
  const info = layout.info;
  const infoSheet = sheetFor('info', info.name);
  const infoGrid = grids.get('info') ?? new Map();
  const infoRows = new Map<string, number>();
  let nextInfoRow = Math.max(info.headerRow, ...infoGrid.keys()) + 1;
  if (!survey.refs.get('info')) infoSheet.getRange('A1:B1').values = [[...info.headers]];
  for (const field of info.rows) {
    const found = infoRow(infoGrid, standard, field.key);
    const row = found ?? (survey.refs.get('info') ? nextInfoRow++ : field.row);
    if (!found) infoSheet.getRange(`A${row}`).values = [[field.label]];
    infoRows.set(field.key, row);
    const value = infoSheet.getRange(`B${row}`);
    if (field.numberFormat) value.numberFormat = [[field.numberFormat]];
    // 표준버전: a blank one is filled with the version the sheets are made for (what it meant anyway).
    if (field.preset !== undefined && (!found || isBlankCell(cellAt(infoGrid, found, 1))))
      value.values = [[field.preset]];
    if (field.validation) hint(value, field.validation);
  }
  infoSheet.getRange('A:A').format.columnWidth = info.widths[0] * POINTS_PER_CHARACTER;
  infoSheet.getRange('B:B').format.columnWidth = info.widths[1] * POINTS_PER_CHARACTER;

  // 숙의공론장, 협치회의 구성
  const located = new Map<'forums' | 'council', Located>();
  const tableAdds: { sheet: Excel.Worksheet; address: string; name: string }[] = [];
  for (const role of ['forums', 'council'] as const) {
    const sheetLayout = layout[role];
    const def = standard.sheets[role];
    const sheet = sheetFor(role, sheetLayout.name);
    const grid = grids.get(role);
    const loc = survey.refs.get(role)
      ? repairTable(sheet, def, sheetLayout, grid ?? new Map(), standard)
      : createTable(sheet, def, sheetLayout);
    if (!loc) continue;
    located.set(role, loc);
    const existingTables = tables.get(role)?.items.length ?? 0;
    if (existingTables === 0) {
      const lastLetter = [...Object.values(loc.letters)]
        .sort((a, b) => a.length - b.length || a.localeCompare(b))
        .pop()!;
      tableAdds.push({
        sheet,
        address: `A${loc.headerRow}:${lastLetter}${Math.max(loc.lastRow, loc.headerRow + 1)}`,
        name: def.table,
      });
    }
    sheet.freezePanes.freezeRows(loc.headerRow);
  }

  // 요약
  const forums = located.get('forums');
  if (forums) {
    const source: SummarySource = {
      forumSheet: survey.refs.get('forums')?.name ?? layout.forums.name,
      letters: forums.letters,
      firstDataRow: forums.headerRow + 1,
      lastRow: 1048576,
      yearCell: `${quoteSheet(survey.refs.get('info')?.name ?? info.name)}!$B$${infoRows.get('year')}`,
    };
    writeSummary(
      sheetFor('summary', standard.sheets.summary.name),
      summarySheetLayout(source, standard),
      grids.get('summary') ?? new Map(),
    );
  }
  await context.sync();

  // Tables last and one by one: a district's merged cells can make Excel refuse one, which must not
  // undo the rest. A refused table is not an error: the add-in finds headers without tables.
  for (const t of tableAdds) {
    try {
      const table = t.sheet.tables.add(t.address, true);
      table.name = t.name;
      await context.sync();
    } catch {
      // Excel keeps the sheet as it was; validation still works from the header row.
    }
  }
}

function createTable(sheet: Excel.Worksheet, def: TableSheetDefinition, l: TableSheetLayout): Located {
  l.titleRows.forEach((text, i) => {
    if (text) sheet.getRange(`A${i + 1}`).values = [[text]];
  });
  const last = l.columns[l.columns.length - 1].letter;
  sheet.getRange(`A${l.headerRow}:${last}${l.headerRow}`).values = [l.columns.map((c) => c.header)];
  sheet.getRange(`A${l.headerRow}:${last}${l.headerRow}`).format.font.bold = true;
  const lastRow = l.firstDataRow + PREFILLED_ROWS - 1;
  const letters = lettersOf(l);
  for (const c of l.columns) {
    const range = sheet.getRange(`${c.letter}${l.firstDataRow}:${c.letter}${lastRow}`);
    if (c.numberFormat) range.numberFormat = Array.from({ length: PREFILLED_ROWS }, () => [c.numberFormat!]);
    if (c.validation) hint(range, c.validation);
    if (c.computed) {
      const column = def.columns.find((d) => d.key === c.key)!;
      range.formulas = Array.from({ length: PREFILLED_ROWS }, (_, i) => [
        computedFormula(column, l.firstDataRow + i, letters)!,
      ]);
    }
    sheet.getRange(`${c.letter}:${c.letter}`).format.columnWidth = c.width * POINTS_PER_CHARACTER;
  }
  return { letters, headerRow: l.headerRow, lastRow };
}

/** Adds what an existing table sheet lacks; returns null when no header row can be found. */
function repairTable(
  sheet: Excel.Worksheet,
  def: TableSheetDefinition,
  l: TableSheetLayout,
  grid: Grid,
  standard: Standard,
): Located | null {
  const snapshot = { name: l.name, rows: toSnapshotRows(grid) };
  const found = locateTable(snapshot, def, standard);
  if (!found.headerRow) return null;
  const headerRow = found.headerRow;
  const lastRow = Math.max(headerRow, ...grid.keys());
  const headerLine = grid.get(headerRow) ?? [];
  let nextColumn = headerLine.length;
  const letters: Record<string, string> = {};
  for (const [key, column] of found.columns) letters[key] = columnLetter(column);
  for (const c of def.columns) {
    if (letters[c.key]) continue;
    letters[c.key] = columnLetter(nextColumn);
    sheet.getRange(`${letters[c.key]}${headerRow}`).values = [[c.header]];
    nextColumn++;
  }
  const first = headerRow + 1;
  const last = Math.max(lastRow, first);
  for (const c of l.columns) {
    const letter = letters[c.key];
    const range = sheet.getRange(`${letter}${first}:${letter}${last}`);
    if (c.numberFormat)
      range.numberFormat = Array.from({ length: last - first + 1 }, () => [c.numberFormat!]);
    if (c.validation) hint(range, c.validation);
    if (c.computed)
      fillComputed(
        sheet,
        def.columns.find((d) => d.key === c.key)!,
        letters,
        grid,
        first,
        lastRow,
      );
  }
  return { letters, headerRow, lastRow };
}

/** Formulas into the empty computed cells of rows that hold data; a typed value stays. */
function fillComputed(
  sheet: Excel.Worksheet,
  column: ColumnDefinition,
  letters: Record<string, string>,
  grid: Grid,
  first: number,
  last: number,
): void {
  const col = letters[column.key];
  const index = [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  for (let r = first; r <= last; r++) {
    const line = grid.get(r);
    if (!line || line.every((c) => isBlankCell(c))) continue;
    if (!isBlankCell(cellAt(grid, r, index)) || cellAt(grid, r, index)?.formula) continue;
    sheet.getRange(`${col}${r}`).formulas = [[computedFormula(column, r, letters)!]];
  }
}

/**
 * Writes the 요약 layout where a cell is empty or a formula. With `previous` (the layout of the
 * version being upgraded from), text that is still exactly what that layout wrote — a title, a
 * header, a group's label — is the product's, not the district's, and is rewritten too.
 */
export function writeSummary(
  sheet: Excel.Worksheet,
  s: ReturnType<typeof summarySheetLayout>,
  grid: Grid,
  previous?: ReturnType<typeof summarySheetLayout>,
): void {
  const generated = new Map<string, string>();
  if (previous) {
    previous.titleRows.forEach((text, i) => generated.set(`${i + 1}|0`, text));
    previous.headers.forEach((h, i) => generated.set(`${previous.headerRow}|${i}`, h));
    for (const row of previous.rows) generated.set(`${row.row}|0`, row.label);
  }
  const writable = (row: number, col: number) => {
    const c = cellAt(grid, row, col);
    return !c || isBlankCell(c) || !!c.formula || generated.get(`${row}|${col}`) === c.value;
  };
  s.titleRows.forEach((text, i) => {
    if (text && writable(i + 1, 0)) sheet.getRange(`A${i + 1}`).values = [[text]];
  });
  s.headers.forEach((h, i) => {
    if (writable(s.headerRow, i)) sheet.getRange(`${columnLetter(i)}${s.headerRow}`).values = [[h]];
  });
  for (const row of s.rows) {
    if (writable(row.row, 0)) sheet.getRange(`A${row.row}`).values = [[row.label]];
    row.cells.forEach((cell, i) => {
      if (!writable(row.row, i + 1)) return;
      const range = sheet.getRange(`${columnLetter(i + 1)}${row.row}`);
      range.formulas = [[cell.formula]];
      range.numberFormat = [[cell.numberFormat]];
    });
  }
  s.widths.forEach((w, i) => {
    sheet.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = w * POINTS_PER_CHARACTER;
  });
  sheet.freezePanes.freezeRows(s.headerRow);
}
