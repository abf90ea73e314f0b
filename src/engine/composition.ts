// Council composition (standard §2.1): the one computation behind the composition warnings, the
// report's `council`, the Submissions columns and the city's composition table. Thresholds are the
// standard's data.
import type { Standard } from '../standard/types';
import { newestStandard } from '../standard';
import type { CouncilRecord } from './report';

export interface SectorCounts {
  civilian: number;
  councillor: number;
  official: number;
}

export interface GenderCounts {
  female: number;
  male: number;
}

export interface CouncilComposition {
  /** Members listed (every non-blank row, whatever its 구분 or 성별 could be read as). */
  members: number;
  bySector: SectorCounts;
  byGender: GenderCounts;
  /** 민간 ÷ members; null without members. */
  civilianShare: number | null;
  /** min(여, 남) ÷ members; null without members. */
  minGenderShare: number | null;
  /** Both thresholds met; null without members (no council to judge). */
  compliant: boolean | null;
}

export type CompositionCounts = Pick<CouncilComposition, 'members' | 'bySector' | 'byGender'>;

/** Shares and compliance from counts: what a table rebuilt from stored counts also uses. */
export function compositionOf(
  counts: CompositionCounts,
  standard: Standard = newestStandard,
): CouncilComposition {
  const { members, bySector, byGender } = counts;
  const rule = standard.council;
  if (members === 0) return { ...counts, civilianShare: null, minGenderShare: null, compliant: null };
  const civilianShare = bySector.civilian / members;
  const minGenderShare = Math.min(byGender.female, byGender.male) / members;
  return {
    members,
    bySector: { ...bySector },
    byGender: { ...byGender },
    civilianShare,
    minGenderShare,
    compliant: civilianShare >= rule.civilian.minShare && minGenderShare >= rule.gender.minShare,
  };
}

/** The composition of the members read from 협치회의 구성 (their 구분 and 성별 by the standard's keys). */
export function councilComposition(
  members: readonly Pick<CouncilRecord, 'get'>[],
  standard: Standard = newestStandard,
): CouncilComposition {
  const { sectors, genders, sectorKey, genderKey } = standard.council;
  const count = (key: string, value: string) =>
    members.reduce((n, m) => n + (m.get(key) === value ? 1 : 0), 0);
  return compositionOf(
    {
      members: members.length,
      bySector: {
        civilian: count(sectorKey, sectors.civilian),
        councillor: count(sectorKey, sectors.councillor),
        official: count(sectorKey, sectors.official),
      },
      byGender: {
        female: count(genderKey, genders.female),
        male: count(genderKey, genders.male),
      },
    },
    standard,
  );
}
