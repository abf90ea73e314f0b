// The one report shape everywhere (pane, CLI, SharePoint, stamp): findings as data, metrics as
// the standard's §2 defines them. JSON field names here are a public contract (README "JSON").
import type { FindingCode, Severity, Text } from '../standard/types';
import type { CouncilComposition } from './composition';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The sheet as the workbook names it; null only when no sheet applies. */
  sheet: string | null;
  /** A1 address of the cell, or null for a sheet- or table-level finding. */
  cell: string | null;
  /** Excel row number, or null. */
  row: number | null;
  /** The standard's field key (`expectedCivilian`), or null. */
  field: string | null;
  /** The value found, as the cell showed it (never a council member's name). */
  value: string | number | null;
  message: Text;
  /** The suggested replacement value, where one is known. */
  fix: string | number | null;
}

export interface GroupFigures {
  total: number;
  official: number;
  civilian: number;
}

/** Fractions (0.817); null when nothing was expected in the group (undefined rate). */
export interface RateFigures {
  total: number | null;
  official: number | null;
  civilian: number | null;
}

/**
 * The figures of a set of forum rows, keyed by the standard's metric keys, dotted keys nested
 * (`attendanceRate.total` → `attendanceRate: { total }`). The fields below are every version's
 * (standard §2); a metric a new version adds is there under its key too — read any metric by key
 * with `metricValue` (src/engine/metric-values.ts).
 */
export interface Metrics {
  meetings: number;
  hoursTotal: number;
  hoursPerMeeting: number | null;
  attendees: GroupFigures;
  expected: GroupFigures;
  attendanceRate: RateFigures;
}

export type Quarter = 1 | 2 | 3 | 4;

/**
 * The workbook's figures overall and by each grouping of its standard (`Standard.groupings`), under
 * the grouping's key, every group present (an empty one has 0 meetings), in the standard's order.
 */
export interface WorkbookMetrics {
  overall: Metrics;
  /** Keyed '1'…'4' by the quarter of each row's 일자. */
  byQuarter: Record<'1' | '2' | '3' | '4', Metrics>;
  /** Keyed by forum type (유형), every type of the standard present, in the standard's order. */
  byType: Record<string, Metrics>;
  /**
   * The other groupings of the standard: 2021.2's `byStage` (단계) and `byFormat` (진행방식), each
   * keyed by the list's values and `미기재` for rows with the column blank.
   */
  [grouping: string]: Metrics | Record<string, Metrics>;
}

/**
 * 기본정보 by the standard's field keys. The fields below are every version's; a field a new
 * version adds appears under its key too (and enters the stamp's hash).
 */
export interface ReportInfo {
  district: string | null;
  districtCode: string | null;
  year: number | null;
  quarter: number | null;
  /** ISO date `YYYY-MM-DD`. */
  reportDate: string | null;
  department: string | null;
  author: string | null;
  phone: string | null;
  /** 표준버전 as the workbook declares it (trimmed); null when absent (which means 2021.1). */
  standardVersion: string | null;
  [key: string]: string | number | null;
}

export interface ReportStats {
  /** Non-blank forum rows. */
  rows: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface ValidationReport {
  file?: string;
  standard: string;
  valid: boolean;
  info: ReportInfo;
  stats: ReportStats;
  findings: Finding[];
  metrics: WorkbookMetrics;
  /** The council's composition (standard §2.1); null when the workbook has no 협치회의 구성 sheet. */
  council: CouncilComposition | null;
}

/** A cell's value as read: a number (counts, hours, dates as Excel serials), text, or null. */
export type FieldValue = number | string | null;

/**
 * A row of a standard table (숙의공론장, 협치회의 구성) keyed by the standard's column keys: one
 * value per column of the workbook's standard, null where the cell was blank, unreadable or out of
 * its bounds, computed columns computed from their inputs whatever the sheet holds. A new column
 * of a new standard is one more key, with no code change: the stamp, the submitted rows and the
 * SharePoint columns are all derived from the same column list (src/engine/compile.ts).
 */
export interface TableRecord {
  /** Excel row number. */
  readonly row: number;
  /** The values in the order of the standard's columns. */
  readonly values: readonly FieldValue[];
  /** A column's value by key; undefined for a key the standard's table does not have. */
  get(key: string): FieldValue | undefined;
  /** `{row, …every column by key}`. */
  toJSON(): Record<string, FieldValue>;
}

/**
 * The typed view of a 숙의공론장 record, for code that needs a column by name (tests, tools); the
 * product reads columns by key, the metrics too (their columns are the standard's data).
 * Every column is also readable by its key (`record.get('note')`).
 */
export interface ForumRecord extends TableRecord {
  readonly id: number | null;
  /** Excel serial day number. */
  readonly date: number | null;
  readonly name: string | null;
  readonly type: string | null;
  readonly hours: number | null;
  readonly expectedOfficial: number | null;
  readonly expectedCivilian: number | null;
  readonly attendedOfficial: number | null;
  readonly attendedCivilian: number | null;
  /** Computed from the counts, whatever the sheet holds. */
  readonly attendedTotal: number | null;
  /** Computed fraction (0.817), null when undefined. */
  readonly attendanceRate: number | null;
}

/** A 협치회의 구성 record. Its personal column (성명) stays inside the engine's caller. */
export type CouncilRecord = TableRecord;
