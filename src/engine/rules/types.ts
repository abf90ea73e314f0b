// A rule is data plus one function: the codes it may report (entries of the standard's catalog),
// the scope it looks at, and its check. validate.ts only assembles what the rules in ./index.ts
// find; a new finding is a catalog entry and one file here.
//
// Scopes, from the outside in:
//  - workbook: the sheets and the standard version (missing-sheet, hidden-sheet, unknown-standard);
//  - info: 기본정보, read and checked in one pass (its values feed the row rules);
//  - header: a table's header row (missing, duplicate and extra columns);
//  - cell and row: run for every row on every keystroke, so they are *compiled* once per standard
//    into plain functions (`compile`) instead of being interpreted per cell;
//  - table: findings across rows (repeated numbers, gaps, duplicate rows), visited in row order on
//    every pass from indexes the incremental path keeps up to date;
//  - council: the council's composition as a whole (../composition.ts, as the report shows it).
import type { ColumnDefinition, FindingCode, Standard, TableSheetDefinition } from '../../standard/types';
import type { StandardRegistry } from '../../standard';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import type { CouncilRecord, FieldValue, Finding, TableRecord } from '../report';
import type { Detected } from '../detect';
import type { InfoResult } from './info';
import type { TableLayout } from '../locate';
import type { CouncilComposition } from '../composition';

/** Where a cell is, for the findings about it; one object reused row after row. */
export interface CellAt {
  sheet: string;
  /** Column letters (`H`). */
  column: string;
  row: number;
}

/** Reads one cell of a column: the value, or null after reporting why it cannot be used. */
export type CellReader = (cell: Cell | null | undefined, at: CellAt, out: Finding[]) => FieldValue;

/**
 * A column's reader compiled as data: the bounds and list of its common case, which the one
 * function `readCell` (./values.ts) takes without a finding, and the general reader for everything
 * else. Every column has this one shape, so the per-row loop calls one function and loads the same
 * properties whatever the column: a closure per column made that call site megamorphic, which cost
 * more than the checks themselves.
 */
export interface CellPlan {
  /** The common case: a number (or a number typed as text), a text, a list value; 'none': none. */
  common: 'number' | 'text' | 'enum' | 'none';
  /** An empty cell of an optional column (비고, 주관 — mostly empty) is null without a finding. */
  optional: boolean;
  min: number;
  minExclusive: boolean;
  /** Finite: Infinity must take the general path (it is not a number a cell can mean). */
  max: number;
  integer: boolean;
  /** Only without a number format (a time-of-day format turns days into hours). */
  plainOnly: boolean;
  /**
   * A serial is taken as its day, and a date typed as text as parsed (the general path sets no
   * bounds on it).
   */
  date: boolean;
  /** Reads a number typed as text (`12명`, `1시간 30분`, `2021. 3. 5.`) as the general path does. */
  parse: ((text: string) => number) | null;
  /** Text: the most UTF-16 units taken without counting characters. */
  longest: number;
  /** Enum: the list's values. */
  values: ReadonlySet<string> | null;
  /** The general path: every case, findings included. */
  slow: CellReader;
}

/** What a compiled rule may know about the table it runs on. */
export interface TableSpec {
  standard: Standard;
  def: TableSheetDefinition;
  /** Column slot in a record's values, by key. */
  slots: ReadonlyMap<string, number>;
  columns: readonly ColumnDefinition[];
}

/** The values every row is checked against, from 기본정보 (null where unreadable). */
export interface Period {
  year: number | null;
  quarter: number | null;
  /** Excel serials. */
  reportDate: number | null;
  yearStart: number | null;
  yearEnd: number | null;
  quarterEnd: number | null;
}

/** One row being checked: its record, its cells and where its columns are. */
export interface RowInput {
  record: TableRecord;
  cells: readonly (Cell | null | undefined)[];
  sheet: string;
  period: Period;
  /** Sheet column (0-based) of each slot's column, -1 where the header lacks it. */
  columnOf: readonly number[];
}

export type RowCheck = (row: RowInput, out: Finding[]) => void;

/** Visits the rows of a table in sheet order during one pass. */
export type RowVisitor = (record: TableRecord, out: Finding[]) => void;

/** A table as the table rules see it during a pass. */
export interface TableView {
  spec: TableSpec;
  sheet: string;
  layout: TableLayout;
  /** The first row with this 연번 when `row` is a later repeat of it; null otherwise. */
  firstIdBefore(id: number, row: number): number | null;
  /** The first row equal to `record` in every duplicate key when it is a later repeat; else null. */
  firstDuplicateBefore(record: TableRecord): number | null;
}

export interface WorkbookInput {
  snapshot: WorkbookSnapshot;
  standard: Standard;
  detected: Detected;
}

export interface CompileContext {
  standard: Standard;
  /** Versions a value may come from (for an enum value only a later version knows). */
  registry: StandardRegistry | null;
}

export type Rule =
  | { codes: readonly FindingCode[]; scope: 'workbook'; check(input: WorkbookInput, out: Finding[]): void }
  | {
      codes: readonly FindingCode[];
      scope: 'info';
      check(standard: Standard, sheet: SheetSnapshot | undefined): InfoResult;
    }
  | {
      codes: readonly FindingCode[];
      scope: 'header';
      check(sheet: SheetSnapshot, table: TableSheetDefinition, standard: Standard): TableLayout;
    }
  | {
      codes: readonly FindingCode[];
      scope: 'cell';
      compile(def: ColumnDefinition, context: CompileContext): CellPlan;
    }
  | { codes: readonly FindingCode[]; scope: 'row'; compile(table: TableSpec): RowCheck | null }
  | { codes: readonly FindingCode[]; scope: 'table'; check(table: TableView): RowVisitor | null }
  | {
      codes: readonly FindingCode[];
      scope: 'council';
      check(
        standard: Standard,
        sheet: SheetSnapshot,
        layout: TableLayout,
        members: readonly CouncilRecord[],
        composition: CouncilComposition,
      ): Finding[];
    };

export type RuleOf<S extends Rule['scope']> = Extract<Rule, { scope: S }>;
