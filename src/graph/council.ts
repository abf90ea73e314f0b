// The council composition on a Submissions item (standard §2.1), both ways: the columns written at
// completion from the validation's `report.council`, and the counts read back for the city's
// composition table. Only counts travel; the shares and 충족 are recomputed from them on reading by
// the one function that gives districts their composition warnings (compositionOf).
import type { Standard } from '../standard/types';
import { compositionOf, type CouncilComposition } from '../engine/composition';
import { COUNCIL_COLUMNS } from './schema';

/** The columns' values; all null when the workbook had no 협치회의 구성 sheet. */
export function councilFields(council: CouncilComposition | null): Record<string, number | null> {
  const c = council;
  const members = c?.members ?? null;
  const values: Record<string, number | null> = {
    members,
    civilian: c?.bySector.civilian ?? null,
    councillor: c?.bySector.councillor ?? null,
    official: c?.bySector.official ?? null,
    female: c?.byGender.female ?? null,
    male: c?.byGender.male ?? null,
    civilianShare: c?.civilianShare ?? null,
    femaleShare: c && c.members > 0 ? c.byGender.female / c.members : null,
    compliant: c?.compliant === null || c?.compliant === undefined ? null : c.compliant ? 1 : 0,
  };
  return Object.fromEntries(Object.entries(COUNCIL_COLUMNS).map(([key, name]) => [name, values[key]]));
}

const COUNT_KEYS = ['members', 'civilian', 'councillor', 'official', 'female', 'male'] as const;

/**
 * The composition an item carries, or null when it carries none (an item made before the columns
 * existed, or a workbook without the sheet). Counts must be whole, not negative, and add up (the
 * sectors and the genders never exceed the members); anything else is not trusted and reads as none.
 */
export function councilOf(fields: Record<string, unknown>, standard: Standard): CouncilComposition | null {
  const n: Partial<Record<(typeof COUNT_KEYS)[number], number>> = {};
  for (const key of COUNT_KEYS) {
    const v = fields[COUNCIL_COLUMNS[key]];
    if (v === null || v === undefined || v === '') return null;
    const num = typeof v === 'number' ? v : Number(v);
    if (!Number.isInteger(num) || num < 0) return null;
    n[key] = num;
  }
  const { members, civilian, councillor, official, female, male } = n as Record<
    (typeof COUNT_KEYS)[number],
    number
  >;
  if (civilian + councillor + official > members || female + male > members) return null;
  return compositionOf(
    { members, bySector: { civilian, councillor, official }, byGender: { female, male } },
    standard,
  );
}
