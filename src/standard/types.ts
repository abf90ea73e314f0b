// The shape of a city standard version. A new version of the standard is a new data file of this
// shape (see ./2021.1.ts, ./2021.2.ts) and one line in ./index.ts; nothing in the engine, the pane
// or the CLI names a sheet, a header, a threshold, a version or a message itself.
import type { FindingCode } from './catalog';

export type { FindingCode } from './catalog';

export interface Text {
  ko: string;
  en: string;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * A catalog entry: the severity and the message templates. Templates use `{name}` placeholders:
 * `{field}` (the field's label), `{value}` (the value found), `{sheet}` and any parameter the rule
 * passes. A parameter may be a Text (both languages: `{field}` is `{ko: '일자', en: 'Date'}`), so
 * one template function fills both languages (src/engine/findings.ts).
 */
export interface FindingDefinition {
  severity: Severity;
  title: Text;
  message: Text;
}

/**
 * How a cell's value is read. `count` is a non-negative integer of people; `hours` accepts the
 * forms of §1.2 (`1.5`, `1시간 30분`, `90분`).
 */
export type ValueType =
  'integer' | 'count' | 'decimal' | 'hours' | 'date' | 'text' | 'enum' | 'quarter' | 'district';

/** The name of a list in `Standard.enums` (`forumType`, `sector`, `stage` …). */
export type EnumName = string;

export interface ColumnDefinition {
  /**
   * The column's key: records, the stamp, submitted rows and SharePoint columns are keyed by it.
   * Never `row`, `values`, `get` or `toJSON` (the record's own members).
   */
  key: string;
  header: string;
  /** Other header texts that mean this column (matched after normalisation). */
  aliases: string[];
  label: Text;
  type: ValueType;
  required: boolean;
  enum?: EnumName;
  min?: number;
  /** `min` is exclusive (hours > 0). */
  minExclusive?: boolean;
  max?: number;
  /** Above this the value is legal but gets `warnAbove.code` (hours > 8 → long-meeting). */
  warnAbove?: { value: number; code: FindingCode };
  maxLength?: number;
  /** A computed column: the keys summed, or a ratio of sums. */
  computed?:
    | { kind: 'sum'; of: string[] }
    | { kind: 'ratio'; numerator: string[]; denominator: string[]; percent: boolean };
  /**
   * Personal data (a council member's 성명): read and hashed, but never in a finding's value or
   * message, a per-row stamp digest, a report or a submission.
   */
  personal?: boolean;
  /** Display hints for the generated workbook. */
  numberFormat?: string;
  width?: number;
}

/** A people group of the forum table: who was expected and who attended (§1.2). */
export interface AttendanceGroup {
  group: 'official' | 'civilian';
  expected: string;
  attended: string;
}

export interface TableSheetDefinition {
  name: string;
  /** Excel table object name in the template. */
  table: string;
  columns: ColumnDefinition[];
  /** The key whose value must be unique (연번): `duplicate-id`. */
  idKey: string;
  /** Gaps in the numbering are `id-gap` warnings. */
  idGaps?: boolean;
  /**
   * Rows equal in all these keys are `duplicate-row` warnings (명칭, 일자, 유형); the finding
   * points at the first key's cell.
   */
  duplicateKeys?: string[];
  /**
   * The date column checked against 기본정보's 연도, 작성일 and 분기 (date-out-of-year,
   * date-after-report, date-after-quarter), and that decides a row's quarter in the metrics.
   */
  periodDateKey?: string;
  /** Expected/attended column pairs for the attendance rules. */
  attendanceGroups?: AttendanceGroup[];
}

export interface InfoFieldDefinition {
  key: string;
  label: string;
  aliases: string[];
  labelText: Text;
  type: ValueType;
  required: boolean;
  min?: number;
  max?: number;
  /** A regular expression the text should match (phone numbers). */
  pattern?: string;
  example?: string;
  /**
   * This field names the standard version the workbook follows (표준버전). The engine finds it
   * through this flag in every registered version, so reading it needs no version's name.
   */
  selectsStandard?: boolean;
}

export interface InfoSheetDefinition {
  name: string;
  fields: InfoFieldDefinition[];
}

export interface EnumValueDefinition {
  value: string;
  label: Text;
  /** Near misses that are still enum-errors but whose intended value is known (the fix). */
  nearMisses: string[];
  /**
   * The list's catch-all value (`기타`): offered as the fix for a value that only a later standard
   * version knows.
   */
  fallback?: boolean;
}

export interface DistrictDefinition {
  name: string;
  code: string;
  nameEn: string;
  aliases: string[];
}

/**
 * What a metric measures, which decides how it is compared and consolidated: `count` (people,
 * meetings: whole on a district's row), `hours`, `rate` (a fraction; compared in percentage points).
 */
export type MetricKind = 'count' | 'hours' | 'rate';

/**
 * How a metric is computed over a set of forum rows (standard §2). Dotted keys (`attendees.total`)
 * nest in the report (`metrics.overall.attendees.total`).
 */
export type MetricFormula =
  /**
   * The number of non-blank rows. The 요약 sheet's formulas count the rows whose `countedBy` column
   * (a required one: 명칭) is filled, as Excel has no notion of a blank row.
   */
  | { kind: 'rows'; countedBy: string }
  /** Σ of a column's values; a blank, unreadable or out-of-bounds value adds nothing. */
  | { kind: 'sum'; column: string }
  /** Σ of other metrics (참석인원(종합) = 행정 + 민간). */
  | { kind: 'add'; of: string[] }
  /**
   * numerator ÷ denominator of this set of rows (pooled), undefined (null) when the denominator is
   * 0. `across` says what the consolidated table's 총계 and 평균 rows show: `pooled` — the same
   * ratio of their own figures on both (진행시간(1회평균) = 총계 hours ÷ 총계 meetings); `mean` —
   * nothing on 총계 (`-`) and on 평균 the mean of the districts' defined ratios (참석율).
   */
  | { kind: 'ratio'; numerator: string; denominator: string; across: 'pooled' | 'mean' };

/** How a metric's value is shown (display only: figures are never rounded anywhere else). */
export interface MetricDisplay {
  /** Digits after the decimal point (of the percentage, for a percent display). */
  digits: number;
  /** Shown as a percentage of the fraction (0.817 → 81.7%). */
  percent?: boolean;
  /** Digits for a value that is not whole (a 평균 row's count, 2,141.2); else `digits`. */
  fractionDigits?: number;
}

export interface MetricDefinition {
  key: string;
  /** As in the data book (참석율(종합)). */
  label: Text;
  /** Its name as one part of a total (행정, officials), in messages that compare the parts. */
  part?: Text;
  kind: MetricKind;
  definition: MetricFormula;
  display: MetricDisplay;
}

/**
 * A grouping of the forum rows the metrics are also given by (standard §2, §7): by the quarter of a
 * date column, or by the values of a list column. The report carries it under `key`
 * (`metrics.byStage`), one entry per group, every group present (an empty one has 0 meetings).
 */
export type GroupingDefinition = {
  /** The report's key (`byQuarter`, `byType`, `byStage` …). */
  key: string;
  /** What a table of it is called (분기별, By quarter). */
  label: Text;
  column: string;
  /**
   * Rows with the column blank form this group (standard §7: `미기재`), keyed `blank.key`; without
   * it they are in no group. A value given but unreadable is in no group either.
   */
  blank?: { key: string; label: Text };
} & (
  | {
      /** The quarter (1–4) of the column's date; `valueLabel` names a group (`{value}분기`). */
      by: 'quarter';
      valueLabel: Text;
    }
  /** The column's list values, in the list's order, named by the list's labels. */
  | { by: 'value' }
);

export interface SummaryTableDefinition {
  /** Column headers of the city's consolidated table, in order, with the metric each holds. */
  columns: { header: string; aliases: string[]; metric: string }[];
  totalLabel: string;
  meanLabel: string;
}

export interface Standard {
  version: string;
  title: Text;
  sheets: {
    info: InfoSheetDefinition;
    forums: TableSheetDefinition;
    council: TableSheetDefinition;
    summary: { name: string };
  };
  /** Header location for sheets without a table object (§1). */
  headerSearch: { maxRows: number; minShare: number };
  /** The lists enum columns take their values from, by name. `forumType` is the 유형 list. */
  enums: Record<EnumName, EnumValueDefinition[]> & { forumType: EnumValueDefinition[] };
  districts: DistrictDefinition[];
  /** City prefixes districts write before the district's name (`서울특별시 강서구`). */
  districtPrefixes: string[];
  council: {
    sectorKey: string;
    genderKey: string;
    civilian: { value: string; minShare: number };
    gender: { minShare: number };
    /** The 구분 value counted under each sector key of the composition (§2.1: civilian → 민간 …). */
    sectors: { civilian: string; councillor: string; official: string };
    /** The 성별 value counted under each gender key (female → 여, male → 남). */
    genders: { female: string; male: string };
  };
  /** The metrics of §2, in the order of the 요약 sheet's columns. */
  metrics: MetricDefinition[];
  /** What the metrics are also given by, in the order reports and the 요약 sheet list them. */
  groupings: GroupingDefinition[];
  /** The metric the pane charts per group (참석율(종합)). */
  chartMetric: string;
  /**
   * How a figure without a value is shown: `undefined` — a ratio whose denominator is 0 (`–`, never
   * 0% or an error); `notApplicable` — a figure the standard's table leaves out (총계's rates, `-`).
   */
  figureMarks: { undefined: string; notApplicable: string };
  summaryTable: SummaryTableDefinition;
  findings: Record<FindingCode, FindingDefinition>;
  /** The words rules put into finding messages: type names, bound descriptions, group names. */
  wording: Wording;
}

export interface Wording {
  types: Record<ValueType | 'phone', Text>;
  bounds: {
    integer: Text;
    min: Text;
    minExclusive: Text;
    max: Text;
    maxLength: Text;
    /** Both ends of a range (기본정보's 연도): `{min}` … `{max}`. */
    between: Text;
  };
  groups: { official: Text; civilian: Text; total: Text };
  /** How group names are joined in one message (`행정·민간`, `officials and citizens`). */
  groupJoin: Text;
  /** ` (제안: {fix})` appended to enum-error messages when a fix is known. */
  fixHint: Text;
  /** Appended to an enum-error whose value a later version knows: `{version}`, `{current}`, `{fix}`. */
  laterVersionHint: Text;
  /** hidden-sheet reasons; `{validated}` is the sheet that was checked instead. */
  sheetStates: { hidden: Text; veryHidden: Text; twin: Text };
}
