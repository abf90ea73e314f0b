// The city's council composition table (standard §2.1), as the 2021 plan prints it: one row per
// district, then 총계. Headers and their English labels; the figures are src/engine/composition.ts's.
import type { Text } from './types';

export type CompositionColumnKey =
  | 'district'
  | 'year'
  | 'members'
  | 'civilian'
  | 'councillor'
  | 'official'
  | 'female'
  | 'male'
  | 'civilianShare'
  | 'femaleShare'
  | 'compliant';

const t = (ko: string, en: string): Text => ({ ko, en });

export const compositionTableColumns: { key: CompositionColumnKey; header: string; label: Text }[] = [
  { key: 'district', header: '자치구', label: t('자치구', 'District') },
  { key: 'year', header: '연도', label: t('연도', 'Year') },
  { key: 'members', header: '총 인원', label: t('총 인원', 'Members') },
  { key: 'civilian', header: '민간', label: t('민간', 'Civilian') },
  { key: 'councillor', header: '구의원', label: t('구의원', 'Councillors') },
  { key: 'official', header: '행정', label: t('행정', 'Officials') },
  { key: 'female', header: '여', label: t('여', 'Female') },
  { key: 'male', header: '남', label: t('남', 'Male') },
  { key: 'civilianShare', header: '민간 비율', label: t('민간 비율', 'Civilian share') },
  { key: 'femaleShare', header: '여성 비율', label: t('여성 비율', 'Female share') },
  { key: 'compliant', header: '충족', label: t('충족', 'Meets the rules') },
];

/** How 충족 reads: met, not met, and no council to judge (no members). */
export const compliantDisplay: Record<'yes' | 'no' | 'none', Text> = {
  yes: t('충족', 'yes'),
  no: t('미충족', 'no'),
  none: t('–', '–'),
};
