// What the city holds for a workbook's data: the Submissions items whose StampHash is the data's
// hash (the name-free hash, so the district's own workbook and the uploaded copy both match), each
// with who created it and when as SharePoint recorded them, judged against the district register.
// This is what a stamp alone cannot say: anyone can recompute a stamp; only the city's list records
// that this data reached the city, from whom and when.
import type { Text } from '../standard/types';
import { reviewReasons, submissionCalendar } from '../standard/calendar';
import type { DistrictRegister, SubmitterRole } from '../register';
import { findRegistered, roleFor } from '../register';
import { fillText } from '../engine/findings';
import type { ReportInfo } from '../engine/report';
import { koreaDateTime, parseInstant } from './calendar';
import type { SubmissionRecord } from './types';

/** A Submissions item as the lookup reads it (no figures: only who, when, what and its state). */
export type ReceivedSubmission = Pick<
  SubmissionRecord,
  'submissionId' | 'districtCode' | 'district' | 'year' | 'quarter' | 'status' | 'createdBy' | 'createdAt'
>;

export interface CityMatch {
  submission: ReceivedSubmission;
  /** How its creator may submit for the district, by the register; null: not on it. */
  role: SubmitterRole;
  /** The register names groups for the district or the city, whose members this check cannot see. */
  groupsUnchecked: boolean;
  /** The item's district, year and quarter are the workbook's own. */
  agrees: boolean;
}

export interface CityCheck {
  /** The data's hash that was looked up. */
  hash: string;
  /** The workbook's own district, year and quarter (its 기본정보). */
  workbook: Pick<ReportInfo, 'district' | 'districtCode' | 'year' | 'quarter'>;
  /** Newest first (SharePoint's creation time). */
  matches: CityMatch[];
  /** False when the register in SharePoint has a bad row: then no creator can be confirmed. */
  registerReadable: boolean;
}

/** Judges the items found for `hash` against the register and the workbook's 기본정보. */
export function judgeReceived(
  hash: string,
  items: readonly ReceivedSubmission[],
  register: DistrictRegister | null,
  info: Pick<ReportInfo, 'district' | 'districtCode' | 'year' | 'quarter'>,
): CityCheck {
  const at = (s: ReceivedSubmission) => parseInstant(s.createdAt) ?? Infinity;
  const matches = [...items]
    .sort((a, b) => at(b) - at(a) || (a.submissionId < b.submissionId ? 1 : -1))
    .map((submission): CityMatch => {
      const { upn, id } = submission.createdBy;
      const role = register ? roleFor(register, { upn, objectId: id }, submission.districtCode) : null;
      const district = register && findRegistered(register, submission.districtCode);
      const groupsUnchecked =
        !!register && (register.officers.groups.length > 0 || (district?.submitters.groups.length ?? 0) > 0);
      const agrees =
        submission.districtCode === info.districtCode &&
        submission.year === info.year &&
        submission.quarter === info.quarter;
      return { submission, role, groupsUnchecked, agrees };
    });
  const { district, districtCode, year, quarter } = info;
  return {
    hash,
    workbook: { district, districtCode, year, quarter },
    matches,
    registerReadable: register !== null,
  };
}

/** The city holds this data as a current submission, made by someone on the register, for this workbook. */
export function isCityConfirmed(check: CityCheck): boolean {
  return check.matches.some((m) => m.submission.status === 'current' && m.role !== null && m.agrees);
}

const t = (ko: string, en: string): Text => ({ ko, en });

export const cityCheckTexts = {
  none: t(
    '서울시에 이 데이터의 제출이 없습니다 (해시 {hash}).',
    'The city has no submission with this data (hash {hash}).',
  ),
  match: t(
    '일치: {district} {year}년 {quarter}분기, {at}(한국 시각) 접수, 제출자 {by} ({status})',
    'matches {district} {year} Q{quarter}, received {at} (Korea time) from {by} ({status})',
  ),
  current: t('현재 제출', 'current'),
  superseded: t('다른 제출로 대체됨', 'superseded'),
  onBehalf: t(
    '서울시 담당자(명부의 시 담당자)가 자치구 대신 제출했습니다.',
    'Submitted by a city officer on the register, on the district’s behalf.',
  ),
  groups: t(
    ' 명부에 그룹도 있으나 그룹 구성원은 여기서 확인하지 않습니다.',
    ' The register also names groups, whose members this check does not see.',
  ),
  other: t(
    '이 제출은 {district} {year}년 {quarter}분기로 기록되어 통합시트({own})와 다릅니다.',
    'This submission is recorded as {district} {year} Q{quarter}, not as the workbook says ({own}).',
  ),
  register: t(
    'SharePoint의 자치구 명부에 잘못된 행이 있어 제출자를 확인할 수 없습니다.',
    'The district register in SharePoint has a bad row, so no submitter can be confirmed.',
  ),
} satisfies Record<string, Text>;

export interface CityCheckLine {
  ok: boolean;
  text: Text;
}

function creatorOf(s: ReceivedSubmission): string {
  return s.createdBy.upn ?? s.createdBy.displayName ?? s.createdBy.id ?? '?';
}

/** The check in sentences, each marked as confirming or not. */
export function cityCheckLines(check: CityCheck): CityCheckLine[] {
  const lines: CityCheckLine[] = [];
  if (!check.registerReadable) lines.push({ ok: false, text: cityCheckTexts.register });
  if (check.matches.length === 0)
    lines.push({ ok: false, text: fillText(cityCheckTexts.none, { hash: check.hash.slice(0, 16) }) });
  for (const m of check.matches) {
    const s = m.submission;
    const ms = parseInstant(s.createdAt);
    const at = ms === null ? `${s.createdAt} ?` : koreaDateTime(ms, submissionCalendar);
    const current = s.status === 'current';
    lines.push({
      ok: current && m.role !== null && m.agrees,
      text: fillText(cityCheckTexts.match, {
        district: s.district,
        year: s.year,
        quarter: s.quarter,
        at,
        by: creatorOf(s),
        status: current ? cityCheckTexts.current : cityCheckTexts.superseded,
      }),
    });
    if (m.role === 'city') lines.push({ ok: true, text: cityCheckTexts.onBehalf });
    if (m.role === null && check.registerReadable) {
      const reason = fillText(reviewReasons['creator-not-registered'], {
        creator: creatorOf(s),
        district: s.district,
      });
      const groups = m.groupsUnchecked ? cityCheckTexts.groups : { ko: '', en: '' };
      lines.push({ ok: false, text: { ko: `${reason.ko}.${groups.ko}`, en: `${reason.en}.${groups.en}` } });
    }
    if (!m.agrees) {
      const own = check.workbook;
      const workbook = `${own.district ?? '?'} ${own.year ?? '?'} Q${own.quarter ?? '?'}`;
      lines.push({
        ok: false,
        text: fillText(cityCheckTexts.other, {
          district: s.district,
          year: s.year,
          quarter: s.quarter,
          own: workbook,
        }),
      });
    }
  }
  return lines;
}

/**
 * The city's record of a workbook's data, as a surface asks for it (the pane's reviewer view): the
 * hash of the data now and its 기본정보. Needs a sign-in; never needed for a district's own work.
 */
export interface CityReviewService {
  checkWithCity(
    hash: string,
    info: Pick<ReportInfo, 'district' | 'districtCode' | 'year' | 'quarter'>,
  ): Promise<CityCheck>;
}
