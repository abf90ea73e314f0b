// Finding the standard's sheets in a workbook by name, tolerating what §1 tolerates (surrounding
// spaces, full-width forms), with the engine's own choice among twins (src/engine/sheets.ts) so
// the pane reads, colours and validates the same sheet the CLI validates.
import type { Standard } from '../standard/types';
import type { SheetVisibility } from '../engine/snapshot';
import { pickSheet, sheetsMatching } from '../engine/sheets';

export type SheetRole = 'info' | 'forums' | 'council' | 'summary';

/** The sheets holding the district's data (요약 is generated, never validated). */
export const DATA_ROLES: readonly SheetRole[] = ['info', 'forums', 'council'];

/** The sheets the add-in reads and watches: the data, and 요약, which the stamp also covers. */
export const READ_ROLES: readonly SheetRole[] = [...DATA_ROLES, 'summary'];

export interface SheetRef {
  id: string;
  name: string;
  role: SheetRole;
}

/** A worksheet as the survey sees it. */
export interface SheetInfo {
  id: string;
  name: string;
  visibility: SheetVisibility;
}

const VISIBILITY: Record<string, SheetVisibility> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

/** Office.js's `Worksheet.visibility` in the snapshot's terms (an unknown value counts as visible). */
export function visibilityOf(v: string | undefined): SheetVisibility {
  return (v && VISIBILITY[v]) || 'visible';
}

export function standardNames(standard: Standard): Record<SheetRole, string> {
  const s = standard.sheets;
  return { info: s.info.name, forums: s.forums.name, council: s.council.name, summary: s.summary.name };
}

/** Each role's sheet, chosen among twins as the engine chooses. */
export function locateSheets<T extends { id: string; name: string; visibility?: SheetVisibility }>(
  sheets: readonly T[],
  standard: Standard,
): Map<SheetRole, SheetRef> {
  const out = new Map<SheetRole, SheetRef>();
  for (const [role, name] of Object.entries(standardNames(standard)) as [SheetRole, string][]) {
    const found = pickSheet(sheetsMatching(sheets, name), name);
    if (found) out.set(role, { id: found.id, name: found.name, role });
  }
  return out;
}

/** Every sheet answering to a standard name (twins included): they all go into the snapshot. */
export function standardCandidates<T extends { name: string }>(
  sheets: readonly T[],
  standard: Standard,
): T[] {
  const names = Object.values(standardNames(standard));
  return sheets.filter((s) => names.some((n) => sheetsMatching([s], n).length > 0));
}

/** Names and visibility of all sheets, to notice a change no event reported. */
export function sheetsSignature(sheets: readonly SheetInfo[]): string {
  return sheets.map((s) => `${s.id}\u0000${s.name}\u0000${s.visibility}`).join('\u0001');
}
