// The status board (standard §6): for a year and quarter, each due district in exactly one state.
//
//   미제출 (missing)       nothing current covers the quarter yet: no current submission, or the
//                          current one reports an earlier quarter;
//   확인 필요 (needs review) the current submission was made by someone not on the register (a city
//                          officer on the register counts), its data no longer matches its stamp,
//                          or SharePoint's time for it cannot be read;
//   기한 내 / 지연 제출     otherwise, by when the quarter was first covered: the earliest submission
//                          that counts and covers it (any quarter from this one on, current or since
//                          superseded) — received before the end of the due day (Korea time) is on
//                          time. A later correction does not make an on-time quarter late, and the
//                          row says that the current data came after the date.
import type { Standard, Text } from '../standard/types';
import { newestStandard } from '../standard';
import type { SubmissionCalendar, SubmissionState } from '../standard/calendar';
import { submissionCalendar, submissionStates } from '../standard/calendar';
import type { Quarter } from '../engine/report';
import type { DistrictRegister } from '../register';
import { districtsInOrder, dueDistricts } from '../register';
import type { CreatorGroups, SubmissionCreator, SubmissionRecord } from './types';
import { deadlineFor, koreaIso, type Deadline } from './calendar';
import { currentOf, judgedByDistrict, reasonTexts, type Judged } from './trust';

export interface BoardInput {
  submissions: readonly SubmissionRecord[];
  register: DistrictRegister;
  year: number;
  quarter: Quarter;
  /** The moment the board is made (only to say whether the date has passed). */
  now: Date;
  calendar?: SubmissionCalendar;
  /** Creators' group memberships, when the reader resolved them; without, groups never match. */
  groupsOf?: CreatorGroups;
  standard?: Standard;
}

export interface BoardSubmission {
  submissionId: string;
  /** The quarter it reports (it covers 1분기 … this one). */
  quarter: Quarter;
  /** When SharePoint received it, in Korea time (`2021-03-30T14:02:11+09:00`), or as recorded. */
  submittedAt: string;
  createdBy: SubmissionCreator;
  fileUrl: string | null;
  /** Made by a city officer for the district (per the register, not per the item's own flag). */
  onBehalf: boolean;
}

export interface BoardRow {
  district: string;
  districtCode: string;
  state: SubmissionState;
  label: Text;
  /** Why the row needs review (empty otherwise). */
  reasons: Text[];
  /** The district-year's current submission, even when it covers only earlier quarters. */
  current: BoardSubmission | null;
  /** When the quarter was first covered by a submission that counts (decides on time / late). */
  coveredAt: string | null;
  /** Missing, and the due date has passed. */
  overdue: boolean;
  /** On time, but the current data arrived after the date (a correction). */
  revisedAfterDeadline: boolean;
}

export interface NotDueRow {
  district: string;
  districtCode: string;
  label: Text;
  current: BoardSubmission | null;
}

export interface StatusBoard {
  year: number;
  quarter: Quarter;
  deadline: Deadline;
  deadlinePassed: boolean;
  /** The due districts, in 가나다 order. */
  rows: BoardRow[];
  /** Districts not due this year (제출 대상 아님), with what they sent anyway. */
  notDue: NotDueRow[];
  counts: Record<SubmissionState, number>;
  notes: Text[];
}

function shown(j: Judged, calendar: SubmissionCalendar): BoardSubmission {
  const s = j.submission;
  return {
    submissionId: s.submissionId,
    quarter: s.quarter,
    submittedAt: j.at === null ? s.createdAt : koreaIso(j.at, calendar),
    createdBy: { ...s.createdBy },
    fileUrl: s.fileUrl,
    onBehalf: j.role === 'city',
  };
}

function boardRow(
  list: readonly Judged[] | undefined,
  quarter: Quarter,
  deadline: Deadline,
  passed: boolean,
  calendar: SubmissionCalendar,
  standard: Standard,
): Omit<BoardRow, 'district' | 'districtCode' | 'label'> {
  const current = currentOf(list);
  const base = { current: current && shown(current, calendar), reasons: [], coveredAt: null };
  if (!current || current.submission.quarter < quarter)
    return { ...base, state: 'missing', overdue: passed, revisedAfterDeadline: false };
  if (current.reasons.length)
    return {
      ...base,
      state: 'needs-review',
      reasons: reasonTexts(current, standard),
      overdue: false,
      revisedAfterDeadline: false,
    };
  // The earliest submission that counts and covers the quarter; the current one does, so one exists.
  const first = list!
    .filter((j) => j.reasons.length === 0 && j.submission.quarter >= quarter)
    .reduce((a, b) => (b.at! < a.at! ? b : a));
  const late = first.at! >= deadline.lateFromMs;
  return {
    ...base,
    state: late ? 'late' : 'on-time',
    coveredAt: koreaIso(first.at!, calendar),
    overdue: false,
    revisedAfterDeadline: !late && current.at! >= deadline.lateFromMs,
  };
}

export function statusBoard(input: BoardInput): StatusBoard {
  const standard = input.standard ?? newestStandard;
  const calendar = input.calendar ?? submissionCalendar;
  const { register, year, quarter } = input;
  const deadline = deadlineFor(calendar, year, quarter);
  const passed = input.now.getTime() >= deadline.lateFromMs;
  const judged = judgedByDistrict(input.submissions, register, year, input.groupsOf);
  const counts: Record<SubmissionState, number> = { 'on-time': 0, late: 0, missing: 0, 'needs-review': 0 };
  const rows: BoardRow[] = dueDistricts(register, year).map((d) => {
    const row = boardRow(judged.get(d.code), quarter, deadline, passed, calendar, standard);
    counts[row.state]++;
    return { district: d.name, districtCode: d.code, label: submissionStates[row.state], ...row };
  });
  const due = new Set(rows.map((r) => r.districtCode));
  const registered = new Set(register.districts.map((d) => d.code));
  const notDue: NotDueRow[] = [
    ...districtsInOrder(register),
    ...standard.districts.filter((d) => !registered.has(d.code)),
  ]
    .filter((d) => !due.has(d.code))
    .sort((a, b) => a.name.localeCompare(b.name, 'ko'))
    .map((d) => {
      const current = currentOf(judged.get(d.code));
      return {
        district: d.name,
        districtCode: d.code,
        label: submissionStates['not-due'],
        current: current && shown(current, calendar),
      };
    });
  const known = new Set(standard.districts.map((d) => d.code));
  const notes: Text[] = [...judged.keys()]
    .filter((code) => !known.has(code))
    .map((code) => ({
      ko: `자치구코드 ${code}의 제출은 서울시 자치구가 아니어서 현황에 넣지 않았습니다.`,
      en: `Submissions for code ${code} are not for a Seoul district and are left out.`,
    }));
  return { year, quarter, deadline, deadlinePassed: passed, rows, notDue, counts, notes };
}
