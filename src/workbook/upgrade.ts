// Upgrading a workbook from one standard version to a later one, as pure data: which columns a table
// sheet gains and where they go, which lists change, and what the offer tells the district. The
// pane applies it through Office.js (src/excel/upgrade.ts); nothing here names a version or a column.
import type { Standard, TableSheetDefinition, Text } from '../standard/types';
import { standardLayout, type LayoutColumn } from './layout';

/** What upgrading changes, for the pane to say before the district agrees (made by upgradeOffer below). */
export interface UpgradeOffer {
  from: string;
  to: string;
  /** The forum columns added (단계, 진행방식, 관련 의제) and the column they go after (비고). */
  columns: Text[];
  after: Text | null;
  /** Forum lists that gain values: the column (유형) and its new values. */
  lists: { column: Text; added: Text[] }[];
}

export type TableRole = 'forums' | 'council';

/** Columns inserted together before one sheet column. */
export interface ColumnBlock {
  /** 0-based sheet column the block goes before, as the sheet is before any insertion. */
  at: number;
  /** The new version's layout of each column (header, width, number format, list). */
  columns: LayoutColumn[];
}

/** Columns of `to`'s table that `from`'s lacks, in `to`'s order. */
function addedKeys(from: TableSheetDefinition, to: TableSheetDefinition): Set<string> {
  const had = new Set(from.columns.map((c) => c.key));
  return new Set(to.columns.filter((c) => !had.has(c.key)).map((c) => c.key));
}

/**
 * Where the columns `to` adds go in a sheet whose header row was located (`found`: key → 0-based
 * column): each right after the nearest column before it, in `to`'s order, that the sheet has — for
 * 2021.2's three, after 비고 — and consecutive ones as one block. A column the sheet already has (a
 * district that added 진행방식 on its own) is not added again. Blocks come right-most first, so
 * inserting them in order leaves the positions of the later ones valid.
 */
export function columnBlocks(
  found: ReadonlyMap<string, number>,
  from: Standard,
  to: Standard,
  role: TableRole,
): ColumnBlock[] {
  const added = addedKeys(from.sheets[role], to.sheets[role]);
  const layout = standardLayout(to)[role].columns;
  const firstFound = Math.min(...found.values());
  const blocks: ColumnBlock[] = [];
  let after: number | null = null;
  for (const column of layout) {
    const at = found.get(column.key);
    if (at !== undefined) {
      after = at;
      continue;
    }
    if (!added.has(column.key)) continue;
    const position = after === null ? firstFound : after + 1;
    const last = blocks[blocks.length - 1];
    if (last && last.at === position) last.columns.push(column);
    else blocks.push({ at: position, columns: [column] });
  }
  return blocks.sort((a, b) => b.at - a.at);
}

/** Where a sheet column (0-based) is once the blocks are inserted. */
export function shiftedColumn(column: number, blocks: readonly ColumnBlock[]): number {
  return column + blocks.filter((b) => b.at <= column).reduce((n, b) => n + b.columns.length, 0);
}

/** The 0-based column each new column lands in, by key. */
export function insertedColumns(blocks: readonly ColumnBlock[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of blocks) {
    const start = shiftedColumn(b.at, blocks) - b.columns.length;
    b.columns.forEach((c, i) => out.set(c.key, start + i));
  }
  return out;
}

/** Keys of the list columns both versions have whose lists differ (유형 when types are added). */
export function changedLists(from: Standard, to: Standard, role: TableRole): string[] {
  const values = (s: Standard, key: string) => {
    const def = s.sheets[role].columns.find((c) => c.key === key);
    return def?.enum ? s.enums[def.enum].map((e) => e.value).join('\u0000') : null;
  };
  return to.sheets[role].columns
    .filter((c) => c.enum && values(from, c.key) !== null && values(from, c.key) !== values(to, c.key))
    .map((c) => c.key);
}

/** What upgrading `from` to `to` adds, for the pane to say before the district agrees. */
export function upgradeOffer(from: Standard, to: Standard): UpgradeOffer {
  const added = addedKeys(from.sheets.forums, to.sheets.forums);
  const forums = to.sheets.forums.columns;
  const first = forums.findIndex((c) => added.has(c.key));
  const lists = changedLists(from, to, 'forums').map((key) => {
    const list = (s: Standard) => s.enums[s.sheets.forums.columns.find((c) => c.key === key)!.enum!];
    const had = new Set(list(from).map((e) => e.value));
    return {
      column: forums.find((c) => c.key === key)!.label,
      added: list(to)
        .filter((e) => !had.has(e.value))
        .map((e) => ({ ko: e.value, en: e.label.en })),
    };
  });
  return {
    from: from.version,
    to: to.version,
    columns: forums.filter((c) => added.has(c.key)).map((c) => c.label),
    after: first > 0 ? forums[first - 1].label : null,
    lists,
  };
}

/** The version a workbook of `current` is offered (the newest known), or null when it is the newest. */
export function upgradeTarget(current: Standard, versions: readonly Standard[]): Standard | null {
  const at = versions.indexOf(current);
  return at >= 0 && at < versions.length - 1 ? versions[versions.length - 1] : null;
}
