// The two SharePoint lists, as data derived from the standard: the Forums columns are the standard's
// 숙의공론장 fields and the Submissions columns carry the standard's metrics, so a new standard version
// changes the lists without code. Internal names are ASCII (SharePoint mangles Korean internal names
// into `_xHHHH_` sequences); the Korean labels are display names.
import type { Standard, Text, ValueType } from '../standard/types';
import { registerSheet } from '../standard/register';
import { compositionTableColumns } from '../standard/composition';

export type ColumnKind = 'text' | 'note' | 'number' | 'dateTime' | 'choice' | 'boolean';

export interface ColumnSpec {
  name: string;
  displayName: Text;
  kind: ColumnKind;
  indexed: boolean;
  unique: boolean;
  choices?: string[];
  /** A rate kept as a fraction and shown by SharePoint as a percentage (numberColumn.displayAs). */
  percent?: boolean;
}

export type ListRole = 'submissions' | 'forums' | 'districts';

export interface ListSpec {
  role: ListRole;
  /** The list's URL name and display name (ASCII, so its address stays readable). */
  name: string;
  description: Text;
  columns: ColumnSpec[];
}

export const STATUS_CURRENT = 'current';
export const STATUS_SUPERSEDED = 'superseded';

const t = (ko: string, en: string): Text => ({ ko, en });
const col = (
  name: string,
  ko: string,
  en: string,
  kind: ColumnKind,
  more: Partial<ColumnSpec> = {},
): ColumnSpec => ({
  name,
  displayName: t(ko, en),
  kind,
  indexed: false,
  unique: false,
  ...more,
});

/** Columns both lists share: who submitted which district-year, and whether it is the current one. */
function keyColumns(): ColumnSpec[] {
  return [
    col('SubmissionId', '제출 번호', 'Submission id', 'text', { indexed: true }),
    col('DistrictYear', '자치구·연도', 'District-year', 'text', { indexed: true }),
    col('District', '자치구', 'District', 'text'),
    col('DistrictCode', '자치구 코드', 'District code', 'text', { indexed: true }),
    col('Year', '연도', 'Year', 'number', { indexed: true }),
    col('Status', '상태', 'Status', 'choice', {
      indexed: true,
      choices: [STATUS_CURRENT, STATUS_SUPERSEDED],
    }),
  ];
}

const FORUM_NAMES: Record<string, string> = {
  id: 'ForumNo',
  date: 'ForumDate',
  name: 'ForumName',
  type: 'ForumType',
};

/** The Forums column holding a standard field (`expectedCivilian` → `ExpectedCivilian`). */
export function forumColumnName(key: string): string {
  return FORUM_NAMES[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

/**
 * The council composition columns of Submissions (standard §2.1), from the composition table's
 * columns: counts, shares (fractions shown as percentages) and 충족 as 1 / 0 (blank: no members to
 * judge). Counts only — a name never leaves the workbook.
 */
const councilKeys = compositionTableColumns.filter((c) => c.key !== 'district' && c.key !== 'year');

export const COUNCIL_COLUMNS: Record<string, string> = Object.fromEntries(
  councilKeys.map((c) => [c.key, `Council${c.key.charAt(0).toUpperCase()}${c.key.slice(1)}`]),
);

function councilColumns(): ColumnSpec[] {
  return councilKeys.map((c) =>
    col(COUNCIL_COLUMNS[c.key], `협치회의 ${c.label.ko}`, `Council: ${c.label.en}`, 'number', {
      percent: c.key.endsWith('Share'),
    }),
  );
}

/** The Submissions column holding a metric (`attendanceRate.total` → `AttendanceRateTotal`). */
export function metricColumnName(key: string): string {
  return key
    .split('.')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

function kindOf(type: ValueType, maxLength: number | undefined): ColumnKind {
  if (type === 'date') return 'dateTime';
  if (type === 'enum') return 'choice';
  // A single-line SharePoint text column holds 255 characters; longer free text needs a note column.
  if (type === 'text') return (maxLength ?? Infinity) <= 255 ? 'text' : 'note';
  return 'number';
}

export function listSpecs(standard: Standard): ListSpec[] {
  const forums = standard.sheets.forums;
  const forumColumns = forums.columns.map((c) =>
    col(forumColumnName(c.key), c.label.ko, c.label.en, kindOf(c.type, c.maxLength), {
      choices: c.enum ? standard.enums[c.enum].map((v) => v.value) : undefined,
      percent: c.computed?.kind === 'ratio' && c.computed.percent,
    }),
  );
  const metricColumns = standard.metrics.map((m) =>
    col(metricColumnName(m.key), m.label.ko, m.label.en, 'number'),
  );
  return [
    {
      role: 'submissions',
      name: 'Submissions',
      description: t(
        '자치구별 숙의공론장 제출 (자치구·연도당 현재 제출 1건)',
        'Forum submissions (one current per district-year)',
      ),
      columns: [
        col('SubmissionKey', '제출 키', 'Submission key', 'text', { indexed: true, unique: true }),
        ...keyColumns(),
        // Who submitted and when are the item's own createdBy and createdDateTime, recorded by
        // SharePoint: no column a client could write them into.
        col('Quarter', '분기', 'Quarter', 'number'),
        // Indexed: `delib verify --sharepoint` and the pane's reviewer view find a workbook's
        // submissions by the hash of its data, at any list size (under the view threshold).
        col('StampHash', '검증 해시', 'Stamp hash', 'text', { indexed: true }),
        col('StandardVersion', '표준 버전', 'Standard version', 'text'),
        col('EngineVersion', '엔진 버전', 'Engine version', 'text'),
        col('RowCount', '행 수', 'Row count', 'number'),
        col('WorkbookUrl', '통합시트 파일', 'Workbook file', 'note'),
        // A city officer submitted it for the district (a workbook received by 공문 or e-mail); the
        // creator is still the officer, as SharePoint records it.
        col('OnBehalf', '시 대리 제출', 'Submitted by the city on the district’s behalf', 'boolean'),
        ...metricColumns,
        col('MetricsDetail', '지표(분기·유형별)', 'Metrics by quarter and type', 'note'),
        ...councilColumns(),
      ],
    },
    {
      role: 'forums',
      name: 'Forums',
      description: t('제출된 숙의공론장 행', 'Submitted forum rows'),
      columns: [
        col('RowKey', '행 키', 'Row key', 'text', { indexed: true, unique: true }),
        ...keyColumns(),
        col('ExcelRow', '엑셀 행', 'Excel row', 'number'),
        // Rows of every version share the list: each says which version's columns it fills.
        col('StandardVersion', '표준 버전', 'Standard version', 'text'),
        ...forumColumns,
      ],
    },
    districtsListSpec(),
  ];
}

/** The Districts list's column for each register column (`code` → `DistrictCode`). */
export const DISTRICT_COLUMNS: Record<string, string> = {
  code: 'DistrictCode',
  name: 'DistrictName',
  dueYears: 'DueYears',
  submitters: 'Submitters',
};

/**
 * The district register (standard §6), one item per row of its file: the city's row and one per
 * district. Cells are kept as the file writes them (`2020, 2021`; `kim@seoul.go.kr; 0f3c…`) so that
 * reading the list back goes through the same checks as importing the file. Submitters are sign-in
 * names and group ids as text rather than a Person column: a Person column stores site-local user
 * ids that only resolve through the site's hidden user list, and the register must name Entra groups
 * the site has never seen.
 */
function districtsListSpec(): ListSpec {
  const header = (key: string) => registerSheet.columns.find((c) => c.key === key)!.label;
  const column = (key: string, kind: ColumnKind, more: Partial<ColumnSpec> = {}) =>
    col(DISTRICT_COLUMNS[key], header(key).ko, header(key).en, kind, more);
  return {
    role: 'districts',
    name: 'Districts',
    description: t(
      '자치구 명부: 제출 대상 연도와 제출자 (서울협치담당관 관리)',
      "The district register: who is due and who may submit (kept by the city's governance office)",
    ),
    columns: [
      column('code', 'text', { indexed: true, unique: true }),
      column('name', 'text'),
      column('dueYears', 'text'),
      column('submitters', 'note'),
    ],
  };
}

/** Graph's columnDefinition body for a spec. */
export function columnDefinition(c: ColumnSpec): Record<string, unknown> {
  const facet =
    c.kind === 'text'
      ? { text: { maxLength: 255 } }
      : c.kind === 'note'
        ? { text: { allowMultipleLines: true } }
        : c.kind === 'number'
          ? { number: c.percent ? { displayAs: 'percentage' } : {} }
          : c.kind === 'dateTime'
            ? { dateTime: { format: 'dateTime' } }
            : c.kind === 'boolean'
              ? { boolean: {} }
              : { choice: { choices: c.choices ?? [], displayAs: 'dropDownMenu' } };
  return {
    name: c.name,
    displayName: c.displayName.ko,
    description: c.displayName.en,
    indexed: c.indexed,
    enforceUniqueValues: c.unique,
    ...facet,
  };
}
