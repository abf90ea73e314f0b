// The district register as a file (standard §6): the headers city officers keep it under, the city's
// own row, the separators, the limits, and every problem an import reports, in both languages.
import type { TableSheetDefinition, Text } from './types';

const t = (ko: string, en: string): Text => ({ ko, en });

const text = (key: string, header: string, aliases: string[], ko: string, en: string, width: number) => ({
  key,
  header,
  aliases,
  label: t(ko, en),
  type: 'text' as const,
  required: true,
  width,
});

export const registerSheet: TableSheetDefinition = {
  name: '자치구 명부',
  table: 'tblDistricts',
  idKey: 'code',
  columns: [
    text('code', '자치구코드', ['코드', '구코드', '행정코드'], '자치구코드', 'District code', 10),
    text('name', '자치구', ['자치구명', '구명'], '자치구', 'District', 12),
    text('dueYears', '제출 대상 연도', ['대상 연도', '제출 연도'], '제출 대상 연도', 'Due in', 16),
    text('submitters', '제출자', ['제출 담당자'], '제출자', 'Submitters', 60),
  ],
};

export const registerRules = {
  /** The city's own row: its submitters are the city officers (서울협치담당관). */
  city: { code: '11000', name: '서울특별시', nameEn: 'Seoul Metropolitan Government' },
  /** How the cells are written back (`2020, 2021`; `kim@seoul.go.kr; 0f3c…`). */
  separators: { years: ', ', submitters: '; ' },
  /** What a cell may separate entries with on import (full-width forms are folded first). */
  splitYears: /[,;\s、]+/,
  splitSubmitters: /[;,\s]+/,
  limits: {
    /** Non-blank data rows: 25 districts and the city, with room for mistakes to be reported. */
    rows: 200,
    /** Submitters in one row. */
    submitters: 100,
    /** Characters in one cell. */
    cellLength: 10_000,
  },
  /** Who keeps the register, named when a submission is refused. */
  keeper: t('서울시 서울협치담당관', "the city's 서울협치담당관 (governance office)"),
};

/** The problems an import can report; `error` ones stop the import, `warning` ones do not. */
export type RegisterProblemCode =
  | 'missing-column'
  | 'duplicate-column'
  | 'too-many-rows'
  | 'cell-too-long'
  | 'bad-code'
  | 'unknown-district'
  | 'name-mismatch'
  | 'duplicate-district'
  | 'bad-year'
  | 'city-due'
  | 'bad-submitter'
  | 'too-many-submitters'
  | 'missing-city'
  | 'district-absent'
  | 'due-without-submitters'
  | 'no-officers';

export interface RegisterProblemDefinition {
  severity: 'error' | 'warning';
  /**
   * `{row}` is the Excel row (or CSV line); `{value}` what was found; others as the code passes (a
   * bilingual parameter such as `{district}` gives each language its own words).
   */
  message: Text;
}

export const registerProblems: Record<RegisterProblemCode, RegisterProblemDefinition> = {
  'missing-column': {
    severity: 'error',
    message: t(
      "명부에 '{value}' 열이 없습니다 (머리글: 자치구코드, 자치구, 제출 대상 연도, 제출자).",
      "The register has no '{value}' column (headers: 자치구코드, 자치구, 제출 대상 연도, 제출자).",
    ),
  },
  'duplicate-column': {
    severity: 'error',
    message: t("'{value}' 열이 두 번 있습니다.", "The column '{value}' appears twice."),
  },
  'too-many-rows': {
    severity: 'error',
    message: t(
      '명부는 {max}행까지입니다 ({row}행에서 멈춤).',
      'A register has at most {max} rows (stopped at row {row}).',
    ),
  },
  'cell-too-long': {
    severity: 'error',
    message: t('{row}행 {field}: {max}자를 넘습니다.', 'Row {row}, {field}: longer than {max} characters.'),
  },
  'bad-code': {
    severity: 'error',
    message: t(
      "{row}행: 자치구코드 '{value}'는 5자리 숫자가 아닙니다.",
      "Row {row}: district code '{value}' is not a 5-digit number.",
    ),
  },
  'unknown-district': {
    severity: 'error',
    message: t(
      "{row}행: 자치구코드 '{value}'는 서울시 자치구(또는 서울특별시 11000)의 코드가 아닙니다.",
      "Row {row}: '{value}' is not the code of a Seoul district (nor the city's 11000).",
    ),
  },
  'name-mismatch': {
    severity: 'error',
    message: t(
      "{row}행: 자치구 '{value}'가 코드 {code}({expected})와 맞지 않습니다.",
      "Row {row}: the name '{value}' does not match code {code} ({expected}).",
    ),
  },
  'duplicate-district': {
    severity: 'error',
    message: t(
      '{row}행: {expected}({code})가 {first}행에도 있습니다.',
      'Row {row}: {expected} ({code}) is also on row {first}.',
    ),
  },
  'bad-year': {
    severity: 'error',
    message: t(
      "{row}행: 제출 대상 연도 '{value}'를 읽을 수 없습니다 ({min}–{max}년을 쉼표로 구분: 2020, 2021).",
      "Row {row}: due year '{value}' cannot be read (years {min}–{max} separated by commas: 2020, 2021).",
    ),
  },
  'city-due': {
    severity: 'error',
    message: t(
      '{row}행: 서울특별시 행의 제출 대상 연도는 비워 두어야 합니다 (시는 제출 대상이 아닙니다).',
      "Row {row}: leave the city's due years blank (the city itself is never due).",
    ),
  },
  'bad-submitter': {
    severity: 'error',
    message: t(
      "{row}행: 제출자 '{value}'는 로그인 이름(name@seoul.go.kr)도 그룹 ID(GUID)도 아닙니다.",
      "Row {row}: submitter '{value}' is neither a sign-in name (name@seoul.go.kr) nor a group id (GUID).",
    ),
  },
  'too-many-submitters': {
    severity: 'error',
    message: t(
      '{row}행: 제출자는 {max}명(그룹)까지입니다. 많으면 그룹 ID를 쓰세요.',
      'Row {row}: at most {max} submitters; use a group id for more people.',
    ),
  },
  'missing-city': {
    severity: 'error',
    message: t(
      '서울특별시(11000) 행이 없습니다: 이 행의 제출자가 시 담당자입니다.',
      "The city's row (11000 서울특별시) is missing: its submitters are the city officers.",
    ),
  },
  'district-absent': {
    severity: 'warning',
    message: t(
      '{district}({code}) 행이 없습니다: 어느 해에도 제출 대상이 아니고 제출자도 없습니다.',
      '{district} ({code}) has no row: it is never due and nobody may submit for it.',
    ),
  },
  'due-without-submitters': {
    severity: 'warning',
    message: t(
      '{row}행: {district}는 제출 대상이지만 제출자가 없습니다 (시 담당자만 대신 제출할 수 있습니다).',
      'Row {row}: {district} is due but lists no submitter (only city officers can submit for it).',
    ),
  },
  'no-officers': {
    severity: 'warning',
    message: t(
      '{row}행: 서울특별시 행에 제출자(시 담당자)가 없습니다. 시 집계 화면은 설정으로만 열 수 있습니다.',
      "Row {row}: the city's row names no city officer; the city desk then opens only by a setting.",
    ),
  },
};
