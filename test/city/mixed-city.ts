// A city in mixed states as Submissions records, made in milliseconds (no Graph, no workbook): for the
// desk's Excel, formula and output tests. `districts` of the 24 due are used (the rest are not due),
// each year has on-time, late, missing (nothing, or an earlier quarter), needs-review and superseded
// submissions, councils that meet the rules and some that do not, and a district whose 행정 group
// expected nobody (its 참석율(행정) is undefined).
import type { Quarter } from '../../src/engine/report';
import { compositionOf } from '../../src/engine/composition';
import type { DistrictRegister } from '../../src/register';
import type { SubmissionRecord } from '../../src/city';
import { newestStandard } from '../../src/standard';
import { seededRandom } from '../../src/workbook/seeded-random';
import { metricsFrom, sums } from '../cli/reports';
import { OFFICER, SEOCHO, submission, submitterOf } from './fixtures';

export interface MixedCity {
  register: DistrictRegister;
  submissions: SubmissionRecord[];
}

export function mixedCity(districts = 24, seed = 7): MixedCity {
  const random = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const candidates = newestStandard.districts.filter((d) => d.code !== SEOCHO);
  const due = new Set(candidates.slice(0, districts).map((d) => d.code));
  const register: DistrictRegister = {
    officers: { people: [OFFICER], groups: [] },
    districts: newestStandard.districts.map((d) => ({
      code: d.code,
      name: d.name,
      dueYears: due.has(d.code) ? [2020, 2021] : [],
      submitters: { people: due.has(d.code) ? [submitterOf(d.code)] : [], groups: [] },
    })),
  };
  const submissions: SubmissionRecord[] = [];
  const figures = (noOfficials = false) => {
    const meetings = int(4, 30);
    const eo = noOfficials ? 0 : int(meetings, meetings * 5);
    const ec = int(meetings * 5, meetings * 15);
    return metricsFrom(
      sums(meetings, meetings * int(3, 6) * 0.5, noOfficials ? 0 : int(0, eo), int(0, ec), eo, ec),
    );
  };
  const council = () => {
    const members = int(10, 24);
    const civilian = int(Math.floor(members * 0.6), members - 2);
    const female = int(Math.floor(members * 0.3), Math.ceil(members * 0.6));
    return compositionOf(
      {
        members,
        bySector: { civilian, councillor: 1, official: members - civilian - 1 },
        byGender: { female, male: members - female },
      },
      newestStandard,
    );
  };
  const at = (y: number, m: number, d: number, h = 10) =>
    new Date(Date.UTC(y, m - 1, d, h - 9)).toISOString().replace('.000', '');
  [...due].forEach((code, i) => {
    for (const year of [2020, 2021]) {
      const add = (quarter: Quarter, when: string, more: Partial<Parameters<typeof submission>[0]> = {}) => {
        const metrics = figures(code === candidates[3].code);
        submissions.push(
          submission({
            code,
            year,
            quarter,
            at: when,
            metrics,
            byQuarter: { '1': figures(), '2': figures(), '3': figures(), '4': figures() },
            council: i === 5 ? null : council(),
            ...more,
          }),
        );
      };
      const role = (i + (year === 2021 ? 0 : 3)) % 8;
      if (role === 0) {
        add(2, at(year, 6, 20), { status: 'superseded' });
        add(4, at(year, 12, 20));
      } else if (role === 1)
        add(4, at(year + 1, 1, 4)); // late
      else if (role === 2)
        add(3, at(year, 9, 28)); // missing for 4분기: only 3분기
      else if (role === 3 && year === 2021) {
        add(4, at(year, 12, 22), { status: 'superseded' });
        add(4, at(year, 12, 30), { by: 'someone@elsewhere.example' }); // needs review
      } else if (role === 4)
        add(4, at(year, 12, 29), { by: OFFICER }); // on behalf
      else if (role === 5 && i % 3 === 0)
        continue; // missing: nothing
      else add(4, at(year, 12, int(10, 28)));
    }
  });
  return { register, submissions };
}
