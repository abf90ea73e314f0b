// The data book (standard §2) from SharePoint's Submissions: one row per district due that year, in
// 가나다 order, then 총계 and 평균 over the districts with figures. The same table `delib summary`
// makes from files (src/engine/summary.ts), so both print, check and sum alike.
//
// - A district's figures are those of its newest current submission that counts (src/city/trust.ts):
//   one made by someone off the register, or whose data no longer matches its stamp, is left out
//   with a note, and an earlier current one that counts is used if there is one.
// - A year's book takes each submission's whole figures (cumulative: 1분기 … the quarter it
//   reports, which the row's quarter says). A quarter's book takes the figures of the forums held in
//   that quarter, from a submission that covers it.
// - A due district without figures is listed as 미제출 and counted in neither 총계 nor 평균: an
//   average that counted it as zero would move every time a district is late.
import type { Standard, Text } from '../standard/types';
import { newestStandard } from '../standard';
import type { Metrics, Quarter } from '../engine/report';
import {
  summaryRow,
  summaryTableOf,
  type MissingRow,
  type SummaryRow,
  type SummaryTable,
} from '../engine/summary';
import type { DistrictRegister } from '../register';
import { dueDistricts } from '../register';
import type { CreatorGroups, SubmissionRecord } from './types';
import { currentOf, judgedByDistrict, reasonTexts, trustedCurrentOf } from './trust';

export interface DataBookInput {
  submissions: readonly SubmissionRecord[];
  register: DistrictRegister;
  year: number;
  /** A quarter's book: the figures of that quarter's forums only. */
  quarter?: Quarter;
  groupsOf?: CreatorGroups;
  standard?: Standard;
}

export function dataBook(input: DataBookInput): SummaryTable {
  const standard = input.standard ?? newestStandard;
  const { register, year } = input;
  const quarter = input.quarter ?? null;
  const judged = judgedByDistrict(input.submissions, register, year, input.groupsOf);
  const rows: SummaryRow[] = [];
  const missing: MissingRow[] = [];
  const notes: Text[] = [];
  const due = dueDistricts(register, year);
  for (const d of due) {
    const list = judged.get(d.code);
    const current = currentOf(list);
    const used = trustedCurrentOf(list);
    if (current && current !== used) {
      const why = reasonTexts(current, standard);
      notes.push({
        ko: `${d.name}: 최근 제출은 확인 필요(${why.map((w) => w.ko).join('; ')})라 ${used ? '그 전 제출을 썼습니다' : '넣지 않았습니다'}.`,
        en: `${d.name}: the newest submission needs review (${why.map((w) => w.en).join('; ')}), so ${used ? 'the one before it is used' : 'it is left out'}.`,
      });
    }
    let figures: Metrics | null = null;
    if (used && quarter === null) figures = used.submission.metrics;
    else if (used && used.submission.quarter >= quarter!) {
      figures = used.submission.metricsByQuarter?.[String(quarter) as '1'] ?? null;
      if (!figures)
        notes.push({
          ko: `${d.name}: 제출 항목에 분기별 수치가 없어 ${quarter}분기 표에 넣지 못했습니다.`,
          en: `${d.name}: its submission carries no figures by quarter, so it cannot be in the Q${quarter} table.`,
        });
    }
    if (figures) {
      const ref = { district: d.name, districtCode: d.code };
      rows.push(summaryRow(ref, year, quarter ?? used!.submission.quarter, figures));
    } else missing.push({ district: d.name, districtCode: d.code, year });
  }
  const dueCodes = new Set(due.map((d) => d.code));
  for (const [code, list] of judged) {
    if (dueCodes.has(code) || !currentOf(list)) continue;
    const name = currentOf(list)!.submission.district;
    notes.push({
      ko: `${name}: ${year}년 제출 대상이 아니어서 제출이 있지만 자료집에 넣지 않았습니다.`,
      en: `${name}: not due in ${year}; its submission is not in the data book.`,
    });
  }
  return summaryTableOf({ rows, year, quarter, missing, notes }, standard);
}
