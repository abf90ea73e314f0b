// 협치회의 구성 as a whole (standard §1.3): a sheet that lists no member (council-empty: two
// districts had no 협치회의 in 2021, for the others it is a forgotten sheet), and the composition
// against the thresholds in the standard's data (the city changes them). The composition is
// ../composition.ts's, computed once per pass: the figures the report's `council` shows.
import type { Standard } from '../../standard/types';
import type { CouncilRecord, Finding } from '../report';
import type { SheetSnapshot } from '../snapshot';
import { isBlankCell } from '../snapshot';
import { makeFinding } from '../findings';
import type { TableLayout } from './headers';
import type { RuleOf } from './types';
import type { CouncilComposition, GenderCounts } from '../composition';

function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/**
 * Empty: no member read, and either the header row was found (the table is there, with nothing
 * under it) or the sheet holds nothing at all. A sheet whose header cannot be found but which has
 * content is a missing-column problem, not an empty council.
 */
function isEmpty(sheet: SheetSnapshot, layout: TableLayout, members: readonly CouncilRecord[]): boolean {
  if (members.length > 0) return false;
  return layout.headerRow > 0 || sheet.rows.every((cells) => !cells || cells.every((c) => isBlankCell(c)));
}

/** The warnings of a council below the standard's thresholds, from the composition the report shows. */
function compositionFindings(standard: Standard, sheet: string, c: CouncilComposition): Finding[] {
  const rule = standard.council;
  if (c.members === 0) return [];
  const place = { sheet, cell: null, row: null, field: null };
  const out: Finding[] = [];
  const civilian = c.civilianShare!;
  if (civilian < rule.civilian.minShare) {
    out.push(
      makeFinding(standard, 'composition-civilian', { ...place, field: rule.sectorKey }, percent(civilian), {
        min: percent(rule.civilian.minShare),
      }),
    );
  }
  const genderList = standard.sheets.council.columns.find((c) => c.key === rule.genderKey)?.enum;
  const genderKeys = Object.keys(rule.genders) as (keyof GenderCounts)[];
  for (const gender of genderList ? (standard.enums[genderList] ?? []) : []) {
    const key = genderKeys.find((k) => rule.genders[k] === gender.value);
    const s = (key ? c.byGender[key] : 0) / c.members;
    if (s < rule.gender.minShare) {
      out.push(
        makeFinding(standard, 'composition-gender', { ...place, field: rule.genderKey }, percent(s), {
          gender: gender.label,
          min: percent(rule.gender.minShare),
        }),
      );
    }
  }
  return out;
}

export const councilRule: RuleOf<'council'> = {
  codes: ['council-empty', 'composition-civilian', 'composition-gender'],
  scope: 'council',
  check(standard, sheet, layout, members, composition) {
    if (isEmpty(sheet, layout, members))
      return [
        makeFinding(
          standard,
          'council-empty',
          { sheet: sheet.name, cell: null, row: null, field: null },
          null,
        ),
      ];
    return compositionFindings(standard, sheet.name, composition);
  },
};
