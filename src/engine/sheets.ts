// Which sheet is a standard sheet. Names are matched as §1 allows (surrounding spaces, full-width
// forms), so two sheets can answer to one standard name — `숙의공론장` and `숙의공론장 `. One of them
// is validated, and the same one in the CLI and in Excel (src/excel/sheets.ts uses pickSheet):
//  1. a visible sheet before a hidden one, and a hidden one before a very hidden one — what the
//     district sees and edits is what is checked, so a very hidden "clean" twin cannot stand in for
//     a visible sheet full of errors;
//  2. then the exact name before a tolerant match;
//  3. then the first in workbook order.
// Every other candidate, and a validated sheet that is hidden, is a `hidden-sheet` error.
import type { SheetVisibility, WorkbookSnapshot, SheetSnapshot } from './snapshot';
import { sheetKey } from './text';

export interface NamedSheet {
  name: string;
  visibility?: SheetVisibility;
}

const RANK: Record<SheetVisibility, number> = { visible: 0, hidden: 1, veryHidden: 2 };

export const visibilityRank = (s: NamedSheet): number => RANK[s.visibility ?? 'visible'];

/** The sheets answering to a standard name, in workbook order. */
export function sheetsMatching<T extends NamedSheet>(sheets: readonly T[], name: string): T[] {
  const key = sheetKey(name);
  return sheets.filter((s) => s.name === name || sheetKey(s.name) === key);
}

/** The one of `candidates` (all answering to `name`) that is validated; see the rules above. */
export function pickSheet<T extends NamedSheet>(candidates: readonly T[], name: string): T | undefined {
  let best: T | undefined;
  for (const s of candidates) {
    if (
      !best ||
      visibilityRank(s) < visibilityRank(best) ||
      (visibilityRank(s) === visibilityRank(best) && s.name === name && best.name !== name)
    )
      best = s;
  }
  return best;
}

export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return pickSheet(sheetsMatching(snapshot.sheets, name), name);
}
