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

export interface Metrics {
  meetings: number;
  hoursTotal: number;
  hoursPerMeeting: number | null;
  attendees: GroupFigures;
  expected: GroupFigures;
  attendanceRate: RateFigures;
}

export type Quarter = 1 | 2 | 3 | 4;

export interface WorkbookMetrics {
  overall: Metrics;
  /** Keyed '1'…'4' by the quarter of each row's 일자. */
  byQuarter: Record<'1' | '2' | '3' | '4', Metrics>;
  /** Keyed by forum type (유형), every type of the standard present, in the standard's order. */
  byType: Record<string, Metrics>;
}

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

/** A 숙의공론장 row as read: null where the cell was blank, unreadable or out of its bounds. */
export interface ForumRecord {
  /** Excel row number. */
  row: number;
  id: number | null;
  /** Excel serial day number. */
  date: number | null;
  name: string | null;
  type: string | null;
  host: string | null;
  hours: number | null;
  expectedOfficial: number | null;
  expectedCivilian: number | null;
  attendedOfficial: number | null;
  attendedCivilian: number | null;
  /** Computed from the counts, whatever the sheet holds. */
  attendedTotal: number | null;
  /** Computed fraction (0.817), null when undefined. */
  attendanceRate: number | null;
  note: string | null;
}

/** A 협치회의 구성 row. `name` stays inside the engine's caller: never printed nor submitted. */
export interface CouncilRecord {
  row: number;
  id: number | null;
  name: string | null;
  sector: string | null;
  gender: string | null;
  field: string | null;
  appointedOn: number | null;
}
