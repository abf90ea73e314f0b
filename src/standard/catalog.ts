// The finding catalog (standard §5) and the words rules put into messages, in Korean and English.
// The list of finding codes is this catalog's keys: a code exists when it has an entry here, and
// nothing else lists codes by hand. Placeholders are filled by src/engine/findings.ts; a parameter
// may be bilingual, so each template names it once (`{field}`, not `{fieldKo}`/`{fieldEn}`).
import type { FindingDefinition, Text, Wording } from './types';

const t = (ko: string, en: string): Text => ({ ko, en });

export const findingCatalog = {
  'missing-sheet': {
    severity: 'error',
    title: t('시트 없음', 'Missing sheet'),
    message: t("'{sheet}' 시트가 없습니다.", "The sheet '{sheet}' is missing."),
  },
  'hidden-sheet': {
    severity: 'error',
    title: t('숨겨진 시트', 'Hidden sheet'),
    message: t("'{sheet}' 시트: {reason}", "Sheet '{sheet}': {reason}"),
  },
  'unknown-standard': {
    severity: 'error',
    title: t('알 수 없는 표준버전', 'Unknown standard version'),
    message: t(
      "표준버전 '{value}'은(는) 이 프로그램이 모르는 버전입니다(아는 버전: {known}). 표준 {used} 기준으로 검사했습니다. 표준버전을 확인하거나 프로그램을 업데이트하세요.",
      "The standard version '{value}' is unknown to this program (known: {known}); the data was checked against standard {used}. Check 표준버전 or update the program.",
    ),
  },
  'missing-column': {
    severity: 'error',
    title: t('열 없음', 'Missing column'),
    message: t("'{field}' 열이 없습니다.", "The column '{field}' is missing."),
  },
  'duplicate-column': {
    severity: 'error',
    title: t('중복된 열', 'Duplicate column'),
    message: t("'{field}' 열이 두 번 이상 있습니다.", "The column '{field}' appears more than once."),
  },
  'extra-column': {
    severity: 'info',
    title: t('표준에 없는 열', 'Extra column'),
    message: t(
      "'{value}' 열은 표준에 없는 열입니다(그대로 둡니다).",
      "The column '{value}' is not in the standard (kept as is).",
    ),
  },
  'missing-info': {
    severity: 'error',
    title: t('기본정보 누락', 'Missing basic information'),
    message: t(
      "기본정보의 '{field}' 값이 없거나 읽을 수 없습니다.",
      "The basic information '{field}' is blank or unreadable.",
    ),
  },
  required: {
    severity: 'error',
    title: t('필수 값 누락', 'Required value missing'),
    message: t("'{field}' 값이 비어 있습니다.", "'{field}' is blank."),
  },
  'type-error': {
    severity: 'error',
    title: t('읽을 수 없는 값', 'Unreadable value'),
    message: t(
      "'{field}'의 값 '{value}'을(를) {type}(으)로 읽을 수 없습니다.",
      "'{field}': '{value}' cannot be read as {type}.",
    ),
  },
  'enum-error': {
    severity: 'error',
    title: t('목록에 없는 값', 'Value not in the list'),
    message: t(
      "'{field}'의 값 '{value}'은(는) 목록에 없습니다{hint}.",
      "'{field}': '{value}' is not in the list{hint}.",
    ),
  },
  'constraint-error': {
    severity: 'error',
    title: t('허용 범위를 벗어난 값', 'Value out of bounds'),
    message: t("'{field}'의 값 '{value}': {detail}", "'{field}': '{value}': {detail}"),
  },
  'formula-error': {
    severity: 'error',
    title: t('수식 오류', 'Formula error'),
    message: t(
      "'{field}' 셀에 Excel 오류 값 {value}이(가) 있습니다.",
      "'{field}' holds the Excel error {value}.",
    ),
  },
  'duplicate-id': {
    severity: 'error',
    title: t('연번 중복', 'Duplicate number'),
    message: t('연번 {value}이(가) {first}행에도 있습니다.', 'No. {value} also appears in row {first}.'),
  },
  'id-gap': {
    severity: 'warning',
    title: t('연번 누락', 'Gap in numbering'),
    message: t('연번 {value} 앞의 {missing}이(가) 없습니다.', 'No. {missing} before {value} is missing.'),
  },
  'date-out-of-year': {
    severity: 'error',
    title: t('연도 밖의 일자', 'Date outside the year'),
    message: t('일자 {value}이(가) {year}년이 아닙니다.', 'The date {value} is not in {year}.'),
  },
  'date-after-report': {
    severity: 'error',
    title: t('작성일 이후의 일자', 'Date after the report date'),
    message: t(
      '일자 {value}이(가) 작성일 {reportDate}보다 늦습니다.',
      'The date {value} is later than the report date {reportDate}.',
    ),
  },
  'date-after-quarter': {
    severity: 'error',
    title: t('보고 분기 이후의 일자', 'Date after the reported quarter'),
    message: t(
      '일자 {value}이(가) 보고 분기({quarter}분기, {quarterEnd}까지)보다 늦습니다. 다음 분기 제출에 넣거나 기본정보의 분기를 고치세요.',
      'The date {value} is after the reported quarter (Q{quarter}, ending {quarterEnd}): report it with the next quarter, or correct 분기 in 기본정보.',
    ),
  },
  'attendance-without-expected': {
    severity: 'error',
    title: t('대상인원 없이 참석', 'Attendance without expected'),
    message: t(
      '{group} 대상인원이 0인데 참석인원이 {value}명입니다.',
      '{value} attended in the {group} group, whose expected count is 0.',
    ),
  },
  'attendance-above-expected': {
    severity: 'warning',
    title: t('대상인원보다 많은 참석', 'More attended than expected'),
    message: t(
      '{group} 참석인원 {value}명이 대상인원 {expected}명보다 많습니다.',
      '{value} attended in the {group} group, more than the {expected} expected.',
    ),
  },
  'long-meeting': {
    severity: 'warning',
    title: t('긴 회의', 'Long meeting'),
    message: t(
      '진행시간 {value}시간은 {max}시간을 넘습니다. 맞는지 확인하세요.',
      'The meeting lasted {value} hours, more than {max}; please check.',
    ),
  },
  'duplicate-row': {
    severity: 'warning',
    title: t('중복된 행', 'Duplicate row'),
    message: t('일자, 명칭, 유형이 {first}행과 같습니다.', 'Same date, name and type as row {first}.'),
  },
  'computed-overwritten': {
    severity: 'warning',
    title: t('계산 열에 입력된 값', 'Computed column overwritten'),
    message: t(
      "'{field}'에 입력된 값 {value}이(가) 계산값 {expected}와(과) 다릅니다. 수식을 되살리세요.",
      "'{field}' holds {value}, not the computed {expected}; restore the formula.",
    ),
  },
  'council-empty': {
    severity: 'warning',
    title: t('협치회의 위원 없음', 'Council lists no member'),
    message: t(
      "'{sheet}' 시트에 위원이 한 명도 없습니다. 협치회의가 있으면 위원을 입력하세요(협치회의가 없는 자치구는 비워 둡니다).",
      "'{sheet}' lists no member: fill in the council's members (leave it empty only if the district has no 협치회의).",
    ),
  },
  'composition-civilian': {
    severity: 'warning',
    title: t('민간 위원 비율 미달', 'Too few civilian members'),
    message: t(
      '협치회의 민간 위원 비율이 {value}로 기준 {min} 미만입니다.',
      'Civilian members are {value} of the council, below the {min} threshold.',
    ),
  },
  'composition-gender': {
    severity: 'warning',
    title: t('성별 비율 미달', 'Gender balance below threshold'),
    message: t(
      "협치회의 '{gender}' 위원 비율이 {value}로 기준 {min} 미만입니다.",
      "Members of gender '{gender}' are {value} of the council, below the {min} threshold.",
    ),
  },
  'summary-inconsistent': {
    severity: 'error',
    title: t('집계표 불일치', 'Inconsistent summary table'),
    message: t('{district}: {detail}', '{district}: {detail}'),
  },
} as const satisfies Record<string, FindingDefinition>;

/** Every finding code: the catalog's keys. */
export type FindingCode = keyof typeof findingCatalog;

export const findingCodes = Object.keys(findingCatalog) as FindingCode[];

export const wording: Wording = {
  types: {
    integer: t('정수', 'a whole number'),
    count: t('인원 수', 'a number of people'),
    decimal: t('숫자', 'a number'),
    hours: t('시간(예: 1.5, 1시간 30분, 90분)', 'hours (e.g. 1.5, 1시간 30분, 90분)'),
    date: t('날짜(예: 2021-03-05)', 'a date (e.g. 2021-03-05)'),
    text: t('글자', 'text'),
    enum: t('목록의 값', 'a value from the list'),
    quarter: t('분기(1~4)', 'a quarter (1–4)'),
    district: t('서울시 자치구', 'a Seoul district'),
    phone: t('전화번호(예: 02-2133-1234)', 'a phone number (e.g. 02-2133-1234)'),
  },
  bounds: {
    integer: t('정수여야 합니다.', 'must be a whole number.'),
    min: t('{min} 이상이어야 합니다.', 'must be at least {min}.'),
    minExclusive: t('{min}보다 커야 합니다.', 'must be more than {min}.'),
    max: t('{max} 이하여야 합니다.', 'must be at most {max}.'),
    maxLength: t('{max}자 이하여야 합니다.', 'must be at most {max} characters.'),
    between: t(
      '{min} 이상이어야 합니다. {max} 이하여야 합니다.',
      'must be at least {min}. must be at most {max}.',
    ),
  },
  groups: { official: t('행정', 'officials'), civilian: t('민간', 'citizens'), total: t('종합', 'total') },
  groupJoin: t('·', ' and '),
  fixHint: t(" (제안: '{fix}')", " (did you mean '{fix}'?)"),
  laterVersionHint: t(
    " — 표준 {version}에서 추가된 값입니다. 이 통합시트는 표준 {current}를 따르므로 '{fix}'(으)로 바꾸거나, 기본정보의 표준버전을 {version}(으)로 올리세요",
    " — a value added in standard {version}; this workbook follows standard {current}, so use '{fix}' or set 표준버전 in 기본정보 to {version}",
  ),
  sheetStates: {
    hidden: t(
      '숨겨져 있습니다. 표준 시트는 보이게 두세요(시트 탭에서 숨기기 취소).',
      'the sheet is hidden; standard sheets must stay visible (unhide it).',
    ),
    veryHidden: t(
      "'매우 숨김'(veryHidden) 상태입니다. 표준 시트는 보이게 두세요.",
      'the sheet is very hidden; standard sheets must stay visible.',
    ),
    twin: t(
      "'{validated}' 시트와 같은 표준 시트로 읽힙니다. '{validated}'만 검사했습니다. 둘 중 하나만 남기세요.",
      "it matches the same standard sheet as '{validated}', which is the one checked; keep only one of them.",
    ),
  },
};
