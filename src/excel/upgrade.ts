// "Upgrade to the newer standard" (a 2021.1 workbook becomes a 2021.2 one) keeping every value,
// formula, format and extra column. The new columns go in as whole sheet columns right after the
// column they follow in the new version (비고), so Excel itself moves every cell, reference, list and
// table to the right of them; then they get their header, list, number format and width, lists that
// grew are applied again (유형), 표준버전 is set, and 요약's generated cells follow the new layout.
// Nothing a district typed is rewritten, and only the rows where a header can be are read. Syncs:
// the survey (1–2), one read, one write, and one more only when a table must widen to take the new
// columns (Excel does not widen a table for columns inserted at its right edge).
import { BilingualError } from '../bilingual';
import type { Standard } from '../standard/types';
import { columnLetter, isBlankCell } from '../engine/snapshot';
import { locateTable } from '../engine/locate';
import {
  LAST_EXCEL_ROW,
  quoteSheet,
  standardLayout,
  summarySheetLayout,
  type SummarySource,
} from '../workbook';
import {
  changedLists,
  columnBlocks,
  insertedColumns,
  shiftedColumn,
  type ColumnBlock,
  type TableRole,
} from '../workbook/upgrade';
import {
  POINTS_PER_CHARACTER,
  cellAt,
  hint,
  infoRow,
  readStandardSheets,
  toSnapshotRows,
  writeSummary,
  type Grid,
} from './insert';

export interface UpgradeResult {
  /** Syncs the upgrade took (the re-validation after it is the session's). */
  syncs: number;
  /** Columns inserted, by worksheet id (for what remembers cells by address). */
  moved: Map<string, ColumnBlock[]>;
}

const TABLE_ROLES: TableRole[] = ['forums', 'council'];

interface TablePlan {
  role: TableRole;
  sheet: Excel.Worksheet;
  sheetId: string;
  headerRow: number;
  lastRow: number;
  found: Map<string, number>;
  blocks: ColumnBlock[];
  tables: Excel.TableCollection;
}

export async function upgradeWorkbook(
  context: Excel.RequestContext,
  from: Standard,
  to: Standard,
): Promise<UpgradeResult> {
  // A table sheet's header is within the first rows (standard §1): its data is never read.
  const { survey, grids, tables } = await readStandardSheets(context, to, (role, lastRow) =>
    role === 'forums' || role === 'council' ? Math.min(lastRow, to.headerSearch.maxRows) : lastRow,
  );
  let syncs = survey.syncs + 1;
  const sheets = context.workbook.worksheets;
  // Without 기본정보 the version could not be declared: the new columns would be extra columns.
  const infoRef = survey.refs.get('info');
  if (!infoRef) throw cannotUpgrade();

  const plans: TablePlan[] = [];
  for (const role of TABLE_ROLES) {
    const ref = survey.refs.get(role);
    const grid = grids.get(role);
    const located =
      ref && grid ? locateTable({ name: ref.name, rows: toSnapshotRows(grid) }, to.sheets[role], to) : null;
    if (!ref || !located?.headerRow) {
      if (role === 'forums') throw cannotUpgrade();
      continue;
    }
    plans.push({
      role,
      sheet: sheets.getItem(ref.id),
      sheetId: ref.id,
      headerRow: located.headerRow,
      lastRow: survey.extents.get(ref.id)!.lastRow,
      found: located.columns,
      blocks: columnBlocks(located.columns, from, to, role),
      tables: tables.get(role)!,
    });
  }

  const layout = standardLayout(to);
  const ranges: { plan: TablePlan; name: string; range: Excel.Range }[] = [];
  for (const plan of plans) {
    applyColumns(plan, from, to);
    retitle(
      plan.sheet,
      grids.get(plan.role)!,
      standardLayout(from)[plan.role].titleRows,
      layout[plan.role].titleRows,
    );
    for (const t of plan.tables.items) {
      const range = plan.sheet.tables.getItem(t.name).getRange();
      range.load('rowIndex,rowCount,columnIndex,columnCount');
      ranges.push({ plan, name: t.name, range });
    }
  }
  const infoGrid = grids.get('info') ?? new Map();
  setVersion(sheets.getItem(infoRef.id), infoGrid, to);
  const summaryRef = survey.refs.get('summary');
  const forums = plans.find((p) => p.role === 'forums')!;
  const yearRow = infoRow(infoGrid, to, 'year');
  if (summaryRef && yearRow) {
    const source = (shift: boolean): SummarySource => ({
      forumSheet: survey.refs.get('forums')!.name,
      letters: lettersAfter(forums, shift),
      firstDataRow: forums.headerRow + 1,
      lastRow: LAST_EXCEL_ROW,
      yearCell: `${quoteSheet(infoRef.name)}!$B$${yearRow}`,
    });
    const next = summaryLayoutOrNull(() => summarySheetLayout(source(true), to));
    const previous = summaryLayoutOrNull(() => summarySheetLayout(source(false), from));
    // Without a column 요약 reads (a district deleted 유형), 요약 is left for "insert the standard sheets".
    if (next && previous)
      writeSummary(sheets.getItem(summaryRef.id), next, grids.get('summary') ?? new Map(), previous);
  }
  await context.sync();
  syncs++;

  // Excel widens a table for columns inserted inside it, not for those inserted at its right edge.
  let widened = false;
  for (const { plan, name, range } of ranges) {
    if (range.rowIndex + 1 !== plan.headerRow) continue;
    const first = range.columnIndex;
    let last = first + range.columnCount - 1;
    for (const [start, end] of spans(plan.blocks)) if (start === last + 1) last = end;
    if (last === first + range.columnCount - 1) continue;
    plan.sheet.tables
      .getItem(name)
      .resize(
        `${columnLetter(first)}${plan.headerRow}:${columnLetter(last)}${range.rowIndex + range.rowCount}`,
      );
    widened = true;
  }
  if (widened) {
    await context.sync();
    syncs++;
  }
  return { syncs, moved: new Map(plans.filter((p) => p.blocks.length).map((p) => [p.sheetId, p.blocks])) };
}

const cannotUpgrade = () =>
  new BilingualError(
    '기본정보 시트, 숙의공론장 시트나 그 머리글 행을 찾을 수 없어 표준버전을 올릴 수 없습니다. 먼저 [표준 시트 넣기]로 고치세요.',
    "The 기본정보 sheet, the 숙의공론장 sheet or its header row cannot be found, so the workbook cannot be upgraded. Repair it first with 'Insert standard sheets'.",
  );

/** The new columns: inserted, then given their header, number format, list and width. */
function applyColumns(plan: TablePlan, from: Standard, to: Standard): void {
  const { sheet, headerRow, blocks } = plan;
  for (const b of blocks)
    sheet.getRange(`${columnLetter(b.at)}:${columnLetter(b.at + b.columns.length - 1)}`).insert('Right');
  const first = headerRow + 1;
  const last = Math.max(plan.lastRow, first);
  const data = (column: number) => {
    const letter = columnLetter(column);
    return sheet.getRange(`${letter}${first}:${letter}${last}`);
  };
  const placed = insertedColumns(blocks);
  for (const c of blocks.flatMap((b) => b.columns)) {
    const column = placed.get(c.key)!;
    const letter = columnLetter(column);
    sheet.getRange(`${letter}${headerRow}`).values = [[c.header]];
    if (c.numberFormat)
      data(column).numberFormat = Array.from({ length: last - first + 1 }, () => [c.numberFormat!]);
    if (c.validation) hint(data(column), c.validation);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = c.width * POINTS_PER_CHARACTER;
  }
  // Lists that grew (유형's six new types) cover the column's rows again.
  const layout = standardLayout(to)[plan.role].columns;
  for (const key of changedLists(from, to, plan.role)) {
    const at = plan.found.get(key);
    const rule = layout.find((c) => c.key === key)?.validation;
    if (at !== undefined && rule) hint(data(shiftedColumn(at, blocks)), rule);
  }
}

/** Column letter of every located or inserted key, before (`shift` false) or after the insertion. */
function lettersAfter(plan: TablePlan, shift: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, column] of plan.found)
    out[key] = columnLetter(shift ? shiftedColumn(column, plan.blocks) : column);
  if (shift) for (const [key, column] of insertedColumns(plan.blocks)) out[key] = columnLetter(column);
  return out;
}

function summaryLayoutOrNull<T>(make: () => T): T | null {
  try {
    return make();
  } catch {
    return null;
  }
}

/** Each block's columns after the insertion, left to right: [first, last]. */
function spans(blocks: readonly ColumnBlock[]): [number, number][] {
  const placed = insertedColumns(blocks);
  return blocks
    .map((b): [number, number] => {
      const first = placed.get(b.columns[0].key)!;
      return [first, first + b.columns.length - 1];
    })
    .sort((a, b) => a[0] - b[0]);
}

/** A title row still reading as the old version's generated title names the new version. */
function retitle(sheet: Excel.Worksheet, grid: Grid, before: string[], after: string[]): void {
  before.forEach((text, i) => {
    if (text && text !== after[i] && cellAt(grid, i + 1, 0)?.value === text)
      sheet.getRange(`A${i + 1}`).values = [[after[i]]];
  });
}

/** 표준버전 says the new version (as text: 2021.10 must not become 2021.1); a missing row is added. */
function setVersion(sheet: Excel.Worksheet, grid: Grid, to: Standard): void {
  const field = to.sheets.info.fields.find((f) => f.selectsStandard);
  const layoutRow = standardLayout(to).info.rows.find((r) => r.key === field?.key);
  if (!field || !layoutRow) return;
  let row = infoRow(grid, to, field.key);
  const current = row === undefined ? null : cellAt(grid, row, 1);
  if (row !== undefined && !isBlankCell(current) && String(current?.value).trim() === to.version) return;
  if (row === undefined) {
    row = Math.max(1, ...grid.keys()) + 1;
    sheet.getRange(`A${row}`).values = [[field.label]];
  }
  const cell = sheet.getRange(`B${row}`);
  if (layoutRow.numberFormat) cell.numberFormat = [[layoutRow.numberFormat]];
  cell.values = [[to.version]];
}
