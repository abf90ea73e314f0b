// The city's composition table (standard §2.1): one row per due district with the council's members
// by 구분 and 성별, the two shares and whether both thresholds are met, then 총계. Counts come from
// the submissions (never names: a submission carries only counts); shares and 충족 are recomputed
// from the counts with the standard's thresholds, by the same function the engine warns with.
import type { Standard, Text } from '../standard/types';
import { newestStandard } from '../standard';
import { compositionOf, type CompositionCounts } from '../engine/composition';
import type { MissingRow } from '../engine/summary';
import type { DistrictRegister } from '../register';
import { dueDistricts } from '../register';
import type { CreatorGroups, SubmissionRecord } from './types';
import { trustedCurrentOf, judgedByDistrict } from './trust';

export interface CompositionRow {
  district: string;
  /** null on 총계. */
  districtCode: string | null;
  year: number;
  members: number;
  civilian: number;
  councillor: number;
  official: number;
  female: number;
  male: number;
  /** 민간 ÷ 총 인원; null without members. */
  civilianShare: number | null;
  /** 여 ÷ 총 인원; null without members. */
  femaleShare: number | null;
  /** Both thresholds met; null without members, and on 총계 (see `compliantDistricts`). */
  compliant: boolean | null;
}

export interface CompositionTable {
  year: number;
  /** The thresholds judged against (standard data): 민간 ≥ civilian, each gender ≥ gender. */
  thresholds: { civilian: number; gender: number };
  rows: CompositionRow[];
  /** Due districts without a submission that counts, or whose submission carries no composition. */
  missing: MissingRow[];
  /** Sums of the rows; shares pooled (Σ 민간 ÷ Σ 총 인원). */
  total: CompositionRow;
  /** How many rows meet both thresholds, of the rows with members. */
  compliantDistricts: { met: number; of: number };
  notes: Text[];
}

function rowOf(
  ref: { district: string; districtCode: string | null },
  year: number,
  counts: CompositionCounts,
  standard: Standard,
): CompositionRow {
  const c = compositionOf(counts, standard);
  return {
    district: ref.district,
    districtCode: ref.districtCode,
    year,
    members: c.members,
    ...c.bySector,
    ...c.byGender,
    civilianShare: c.civilianShare,
    femaleShare: c.members === 0 ? null : c.byGender.female / c.members,
    compliant: c.compliant,
  };
}

/** The table from districts' counts (any order); what compositionTable builds from submissions. */
export function compositionTableOf(
  year: number,
  districts: { district: string; districtCode: string; counts: CompositionCounts }[],
  missing: MissingRow[] = [],
  notes: Text[] = [],
  standard: Standard = newestStandard,
): CompositionTable {
  const rows = districts
    .map((d) => rowOf(d, year, d.counts, standard))
    .sort((a, b) => a.district.localeCompare(b.district, 'ko'));
  const sum = (k: 'members' | 'civilian' | 'councillor' | 'official' | 'female' | 'male') =>
    rows.reduce((s, r) => s + r[k], 0);
  const total = rowOf(
    { district: standard.summaryTable.totalLabel, districtCode: null },
    year,
    {
      members: sum('members'),
      bySector: { civilian: sum('civilian'), councillor: sum('councillor'), official: sum('official') },
      byGender: { female: sum('female'), male: sum('male') },
    },
    standard,
  );
  total.compliant = null;
  const judged = rows.filter((r) => r.compliant !== null);
  return {
    year,
    thresholds: { civilian: standard.council.civilian.minShare, gender: standard.council.gender.minShare },
    rows,
    missing: [...missing].sort((a, b) => a.district.localeCompare(b.district, 'ko')),
    total,
    compliantDistricts: { met: judged.filter((r) => r.compliant).length, of: judged.length },
    notes,
  };
}

export function compositionTable(input: {
  submissions: readonly SubmissionRecord[];
  register: DistrictRegister;
  year: number;
  groupsOf?: CreatorGroups;
  standard?: Standard;
}): CompositionTable {
  const standard = input.standard ?? newestStandard;
  const { year } = input;
  const judged = judgedByDistrict(input.submissions, input.register, year, input.groupsOf);
  const districts: { district: string; districtCode: string; counts: CompositionCounts }[] = [];
  const missing: MissingRow[] = [];
  const notes: Text[] = [];
  for (const d of dueDistricts(input.register, year)) {
    const council = trustedCurrentOf(judged.get(d.code))?.submission.council;
    if (council) districts.push({ district: d.name, districtCode: d.code, counts: council });
    else {
      missing.push({ district: d.name, districtCode: d.code, year });
      if (council === null)
        notes.push({
          ko: `${d.name}: 제출 항목에 협치회의 구성 수치가 없습니다.`,
          en: `${d.name}: its submission carries no council composition.`,
        });
    }
  }
  return compositionTableOf(year, districts, missing, notes, standard);
}
