// Finding the standard's sheets in a workbook by name, tolerating what §1 tolerates (surrounding
// spaces, full-width forms), with the same key the engine uses so both agree on which sheet is which.
import type { Standard } from '../standard/types';
import { sheetKey } from '../engine/text';

export type SheetRole = 'info' | 'forums' | 'council' | 'summary';

/** The sheets the add-in reads and watches (요약 is generated, never validated). */
export const DATA_ROLES: readonly SheetRole[] = ['info', 'forums', 'council'];

export interface SheetRef {
  id: string;
  name: string;
  role: SheetRole;
}

export function standardNames(standard: Standard): Record<SheetRole, string> {
  const s = standard.sheets;
  return { info: s.info.name, forums: s.forums.name, council: s.council.name, summary: s.summary.name };
}

/** Each role's sheet: an exact name wins over a tolerant match. */
export function locateSheets(
  sheets: readonly { id: string; name: string }[],
  standard: Standard,
): Map<SheetRole, SheetRef> {
  const out = new Map<SheetRole, SheetRef>();
  for (const [role, name] of Object.entries(standardNames(standard)) as [SheetRole, string][]) {
    const key = sheetKey(name);
    const found = sheets.find((s) => s.name === name) ?? sheets.find((s) => sheetKey(s.name) === key);
    if (found) out.set(role, { id: found.id, name: found.name, role });
  }
  return out;
}
