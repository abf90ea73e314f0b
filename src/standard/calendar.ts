// The submission calendar of standard §6, as data: when each quarter's submission is due, in Korea
// time, and the dates the city set for particular years. The city changes dates by changing this data
// (or by layering its own over it, src/city/calendar.ts), never by changing code.
import type { Text } from './types';

/** A day in Korea (the submission is due by the end of it). */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface SubmissionCalendar {
  /** Korea Standard Time: UTC+9 all year (Korea has no daylight saving time). */
  timeZone: { name: string; utcOffsetMinutes: number };
  /** The usual due day of each quarter, in the year reported: 1분기 by 3월 31일 and so on. */
  quarters: Record<'1' | '2' | '3' | '4', { month: number; day: number }>;
  /**
   * Dates the city set for a year, as `YYYY-MM-DD` Korea dates keyed by year and quarter
   * (`{ '2021': { '4': '2022-01-07' } }`). A date may fall in the next year.
   */
  years: Record<string, Partial<Record<'1' | '2' | '3' | '4', string>>>;
}

export const submissionCalendar: SubmissionCalendar = {
  timeZone: { name: 'Asia/Seoul', utcOffsetMinutes: 9 * 60 },
  quarters: {
    '1': { month: 3, day: 31 },
    '2': { month: 6, day: 30 },
    '3': { month: 9, day: 30 },
    '4': { month: 12, day: 31 },
  },
  years: {},
};

/** The states of a due district on the status board (§6), and the districts that are not due. */
export type SubmissionState = 'on-time' | 'late' | 'missing' | 'needs-review';

const t = (ko: string, en: string): Text => ({ ko, en });

export const submissionStates: Record<SubmissionState | 'not-due', Text> = {
  'on-time': t('기한 내 제출', 'On time'),
  late: t('지연 제출', 'Late'),
  missing: t('미제출', 'Missing'),
  'needs-review': t('확인 필요', 'Needs review'),
  'not-due': t('제출 대상 아님', 'Not due'),
};

/** Why a submission needs review; each reason is shown to the city officer as written here. */
export type ReviewReason =
  'creator-not-registered' | 'creator-group-unverified' | 'data-mismatch' | 'unreadable-time';

export const reviewReasons: Record<ReviewReason, Text> = {
  'creator-not-registered': t(
    '제출자 {creator}은(는) {district}의 제출자 명부에 없습니다',
    '{creator}, who made it, is not on the register for {district}',
  ),
  'creator-group-unverified': t(
    '제출자 {creator}은(는) {district}의 제출자 명부에 계정으로 적혀 있지 않고, 명부의 그룹에 속하는지는 서울시 권한으로 확인할 수 없습니다 (명부에 계정을 적어 주세요)',
    '{creator}, who made it, is not named on the register for {district}, and whether they belong to its groups cannot be checked with the city’s permissions (name the account on the register)',
  ),
  'data-mismatch': t(
    '제출된 자료가 검증 해시와 맞지 않습니다',
    'the submitted data no longer matches its stamp',
  ),
  'unreadable-time': t(
    'SharePoint에 기록된 제출 시각({value})을 읽을 수 없습니다',
    'the time SharePoint recorded ({value}) cannot be read',
  ),
};

/** The status board's columns as the city's tables print them. */
export const boardColumns: { key: BoardColumnKey; label: Text }[] = [
  { key: 'district', label: t('자치구', 'District') },
  { key: 'year', label: t('연도', 'Year') },
  { key: 'boardQuarter', label: t('분기', 'Quarter') },
  { key: 'state', label: t('상태', 'State') },
  { key: 'quarter', label: t('제출 분기', 'Quarter reported') },
  { key: 'submittedAt', label: t('제출 시각', 'Received') },
  { key: 'createdBy', label: t('제출자', 'Submitted by') },
  { key: 'fileUrl', label: t('파일', 'File') },
  { key: 'remarks', label: t('비고', 'Remarks') },
];

export type BoardColumnKey =
  | 'district'
  | 'year'
  | 'boardQuarter'
  | 'state'
  | 'quarter'
  | 'submittedAt'
  | 'createdBy'
  | 'fileUrl'
  | 'remarks';

/** What the 비고 column says besides the reasons for review. */
export const boardRemarks: Record<'onBehalf' | 'revisedAfterDeadline' | 'overdue', Text> = {
  onBehalf: t('시 대리 제출', 'submitted by the city for the district'),
  revisedAfterDeadline: t('기한 후 수정 제출', 'revised after the deadline'),
  overdue: t('기한 경과', 'past the deadline'),
};
