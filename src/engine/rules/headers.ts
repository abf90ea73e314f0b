// A table's header row (standard §1): columns are found by their text, never by position —
// districts reorder, insert and rename columns, and older copies have title rows and no tables.
// Reports missing-column (required columns only), duplicate-column and extra-column.
import type { ColumnDefinition, Standard, TableSheetDefinition } from '../../standard/types';
import type { Finding } from '../report';
import type { SheetSnapshot } from '../snapshot';
import { cellAddress, cellText } from '../snapshot';
import { makeFinding } from '../findings';
import { headerKey } from '../text';
import type { RuleOf } from './types';

export interface TableLayout {
  sheet: string;
  /** Excel row number of the header row; 0 when none was found. */
  headerRow: number;
  /** Column index (0-based) of each standard key found. */
  columns: Map<string, number>;
  /** The standard's columns present, in sheet order. */
  present: { def: ColumnDefinition; column: number }[];
  /** Findings about the header row itself. */
  findings: Finding[];
}

const headerIndexes = new WeakMap<TableSheetDefinition, Map<string, ColumnDefinition>>();

function headerIndex(table: TableSheetDefinition): Map<string, ColumnDefinition> {
  let index = headerIndexes.get(table);
  if (!index) {
    index = new Map();
    for (const def of table.columns)
      for (const text of [def.header, ...def.aliases]) index.set(headerKey(text), def);
    headerIndexes.set(table, index);
  }
  return index;
}

/**
 * The header row is the first row within the first rows (standard: 10) holding at least half of
 * the known headers; without one the sheet has no usable table and every required column is missing.
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
          { field: def.label },
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
        makeFinding(standard, 'duplicate-column', { ...place, field: def.key }, text, { field: def.label }),
      );
    } else {
      layout.columns.set(def.key, c);
      layout.present.push({ def, column: c });
    }
  }
}

export const headersRule: RuleOf<'header'> = {
  codes: ['missing-column', 'duplicate-column', 'extra-column'],
  scope: 'header',
  check: locateTable,
};
