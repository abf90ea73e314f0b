// Finding the standard's sheets and columns by their text, never by position (standard §1):
// districts reorder, insert and rename columns, and older copies have title rows and no tables.
import type { ColumnDefinition, Standard, TableSheetDefinition } from '../standard/types';
import type { Finding } from './report';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { cellAddress } from './snapshot';
import { makeFinding } from './findings';
import { headerKey, sheetKey } from './text';

export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  const key = sheetKey(name);
  return (
    snapshot.sheets.find((s) => s.name === name) ?? snapshot.sheets.find((s) => sheetKey(s.name) === key)
  );
}

export function cellText(cell: Cell | null | undefined): string {
  if (!cell || cell.value === null || cell.value === undefined) return '';
  return String(cell.value);
}

export interface TableLayout {
  sheet: string;
  /** Excel row number of the header row. */
  headerRow: number;
  /** Column index (0-based) of each standard key found. */
  columns: Map<string, number>;
  /** The standard's columns present, in sheet order. */
  present: { def: ColumnDefinition; column: number }[];
  /** Findings about the header row itself. */
  findings: Finding[];
}

/**
 * The definition with every optional key present, in one order. Column definitions written as
 * literals each get their own hidden class; the per-cell reads run for every cell of every row, and
 * one shape keeps them monomorphic.
 */
function uniformColumn(def: ColumnDefinition): ColumnDefinition {
  return {
    key: def.key,
    header: def.header,
    aliases: def.aliases,
    label: def.label,
    type: def.type,
    required: def.required,
    enum: def.enum,
    min: def.min,
    minExclusive: def.minExclusive,
    max: def.max,
    warnAbove: def.warnAbove,
    maxLength: def.maxLength,
    computed: def.computed,
    numberFormat: def.numberFormat,
    width: def.width,
  };
}

function headerIndex(table: TableSheetDefinition): Map<string, ColumnDefinition> {
  const index = new Map<string, ColumnDefinition>();
  for (const literal of table.columns) {
    const def = uniformColumn(literal);
    for (const text of [def.header, ...def.aliases]) index.set(headerKey(text), def);
  }
  return index;
}

/**
 * The header row is the first row within the first rows (standard: 10) holding at least half of
 * the known headers; without one the sheet has no usable table and every column is missing.
 */
export function locateTable(
  sheet: SheetSnapshot,
  table: TableSheetDefinition,
  standard: Standard,
): TableLayout {
  const index = headerIndex(table);
  const need = Math.ceil(table.columns.length * standard.headerSearch.minShare);
  const limit = Math.min(sheet.rows.length, standard.headerSearch.maxRows);
  let headerRow = 0;
  for (let r = 0; r < limit && !headerRow; r++) {
    const seen = new Set<string>();
    for (const cell of sheet.rows[r] ?? []) {
      const def = index.get(headerKey(cellText(cell)));
      if (def) seen.add(def.key);
    }
    if (seen.size >= need) headerRow = r + 1;
  }
  const layout: TableLayout = { sheet: sheet.name, headerRow, columns: new Map(), present: [], findings: [] };
  if (headerRow) readHeaderRow(sheet, standard, index, layout);
  for (const def of table.columns) {
    if (!layout.columns.has(def.key) && def.required) {
      layout.findings.push(
        makeFinding(
          standard,
          'missing-column',
          { sheet: sheet.name, cell: null, row: headerRow || null, field: def.key },
          def.header,
          { field: def.label.ko, fieldEn: def.label.en },
        ),
      );
    }
  }
  return layout;
}

function readHeaderRow(
  sheet: SheetSnapshot,
  standard: Standard,
  index: Map<string, ColumnDefinition>,
  layout: TableLayout,
): void {
  const row = sheet.rows[layout.headerRow - 1] ?? [];
  for (let c = 0; c < row.length; c++) {
    const text = cellText(row[c]).trim();
    if (!text) continue;
    const place = { sheet: sheet.name, cell: cellAddress(c, layout.headerRow), row: layout.headerRow };
    const def = index.get(headerKey(text));
    if (!def) {
      layout.findings.push(makeFinding(standard, 'extra-column', { ...place, field: null }, text));
    } else if (layout.columns.has(def.key)) {
      layout.findings.push(
        makeFinding(standard, 'duplicate-column', { ...place, field: def.key }, text, {
          field: def.label.ko,
          fieldEn: def.label.en,
        }),
      );
    } else {
      layout.columns.set(def.key, c);
      layout.present.push({ def, column: c });
    }
  }
}
