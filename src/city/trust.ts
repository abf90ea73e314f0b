// Whether a submission counts: made by someone on the district's register (a city officer on the
// register counts, as a submission on the district's behalf), at a time SharePoint recorded, with
// data that still matches its stamp. The board shows the ones that do not as 확인 필요; the data
// book and the composition table leave them out.
import type { Standard, Text } from '../standard/types';
import type { ReviewReason } from '../standard/calendar';
import { reviewReasons } from '../standard/calendar';
import type { DistrictRegister, SubmitterRole } from '../register';
import { findRegistered, roleFor } from '../register';
import { fillText } from '../engine/findings';
import type { CreatorGroups, SubmissionRecord } from './types';
import { parseInstant } from './calendar';

export interface Judged {
  submission: SubmissionRecord;
  /** createdAt as an instant; null when it cannot be read. */
  at: number | null;
  role: SubmitterRole;
  reasons: ReviewReason[];
}

const noGroups: CreatorGroups = () => [];

export function judge(
  submission: SubmissionRecord,
  register: DistrictRegister,
  groupsOf: CreatorGroups = noGroups,
): Judged {
  const at = parseInstant(submission.createdAt);
  const { upn, id } = submission.createdBy;
  const groups = groupsOf(submission.createdBy);
  const role = roleFor(register, { upn, objectId: id, groupIds: groups ?? [] }, submission.districtCode);
  const reasons: ReviewReason[] = [];
  if (!role)
    reasons.push(
      groups === null && namesGroups(register, submission.districtCode)
        ? 'creator-group-unverified'
        : 'creator-not-registered',
    );
  if (submission.dataMatchesStamp === false) reasons.push('data-mismatch');
  if (at === null) reasons.push('unreadable-time');
  return { submission, at, role, reasons };
}

/** Whether someone may submit for the district through a group (its row's or the city officers'). */
function namesGroups(register: DistrictRegister, code: string): boolean {
  return (
    register.officers.groups.length > 0 || (findRegistered(register, code)?.submitters.groups.length ?? 0) > 0
  );
}

export function reasonTexts(j: Judged, standard: Standard): Text[] {
  const s = j.submission;
  const creator = s.createdBy.upn ?? s.createdBy.displayName ?? s.createdBy.id ?? '?';
  const districtEn = standard.districts.find((d) => d.code === s.districtCode)?.nameEn ?? s.district;
  return j.reasons.map((r) =>
    fillText(reviewReasons[r], {
      creator,
      district: { ko: s.district, en: districtEn },
      value: s.createdAt,
    }),
  );
}

/** Newest first by SharePoint's time; an unreadable time sorts as newest, so it is seen. */
export function newestFirst(a: Judged, b: Judged): number {
  return (
    (b.at ?? Infinity) - (a.at ?? Infinity) ||
    (a.submission.submissionId < b.submission.submissionId ? 1 : -1)
  );
}

/**
 * A district-year's submissions, judged and newest first, grouped by `code year`. Submissions
 * for other years are not looked at.
 */
export function judgedByDistrict(
  submissions: readonly SubmissionRecord[],
  register: DistrictRegister,
  year: number,
  groupsOf?: CreatorGroups,
): Map<string, Judged[]> {
  const out = new Map<string, Judged[]>();
  for (const s of submissions) {
    if (s.year !== year) continue;
    const list = out.get(s.districtCode) ?? [];
    list.push(judge(s, register, groupsOf));
    out.set(s.districtCode, list);
  }
  for (const list of out.values()) list.sort(newestFirst);
  return out;
}

/** The district-year's current submission: the newest item marked current. */
export function currentOf(list: readonly Judged[] | undefined): Judged | null {
  return list?.find((j) => j.submission.status === 'current') ?? null;
}

/** The newest current submission that counts (the data book's source), or null. */
export function trustedCurrentOf(list: readonly Judged[] | undefined): Judged | null {
  return list?.find((j) => j.submission.status === 'current' && j.reasons.length === 0) ?? null;
}
