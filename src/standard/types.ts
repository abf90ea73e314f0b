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

export interface MetricDefinition {
  key: string;
  label: Text;
}

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
  metrics: MetricDefinition[];
  summaryTable: SummaryTableDefinition;
  /** Report rounding (display only). */
  rounding: { ratePercentDigits: number; hoursDigits: number };
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
