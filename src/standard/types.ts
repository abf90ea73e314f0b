// The shape of a city standard version. A new version of the standard is a new data file of this
// shape (see ./2021.1.ts); nothing in the engine, the pane or the CLI names a sheet, a header, a
// threshold or a message itself.

export interface Text {
  ko: string;
  en: string;
}

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'missing-sheet'
  | 'missing-column'
  | 'duplicate-column'
  | 'extra-column'
  | 'missing-info'
  | 'required'
  | 'type-error'
  | 'enum-error'
  | 'constraint-error'
  | 'formula-error'
  | 'duplicate-id'
  | 'id-gap'
  | 'date-out-of-year'
  | 'date-after-report'
  | 'attendance-without-expected'
  | 'attendance-above-expected'
  | 'long-meeting'
  | 'duplicate-row'
  | 'computed-overwritten'
  | 'composition-civilian'
  | 'composition-gender'
  | 'summary-inconsistent';

/**
 * A catalog entry: the severity and the message templates. Templates may use `{field}` (the
 * field's label), `{value}` (the value found) and any parameter the rule passes (`{min}`, `{max}`,
 * `{fix}`, `{detail}` …); the engine fills them.
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

export type EnumName = 'forumType' | 'sector' | 'gender';

export interface ColumnDefinition {
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
  /** Display hints for the generated workbook. */
  numberFormat?: string;
  width?: number;
}

export interface TableSheetDefinition {
  name: string;
  /** Excel table object name in the template. */
  table: string;
  columns: ColumnDefinition[];
  /** The key whose value must be unique (연번). */
  idKey: string;
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
}

export interface InfoSheetDefinition {
  name: string;
  fields: InfoFieldDefinition[];
}

export interface ForumTypeDefinition {
  value: string;
  label: Text;
  /** Near misses that are still enum-errors but whose intended value is known (the fix). */
  nearMisses: string[];
}

export interface EnumValueDefinition {
  value: string;
  label: Text;
  nearMisses: string[];
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
  enums: Record<EnumName, EnumValueDefinition[]>;
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
  };
  groups: { official: Text; civilian: Text; total: Text };
  /** ` (제안: {fix})` appended to enum-error messages when a fix is known. */
  fixHint: Text;
}
