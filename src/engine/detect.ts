// Which standard a workbook follows: 기본정보's 표준버전 (standard §1.1), found through the registry's
// data — every version's info field flagged `selectsStandard` — so no code names a version.
// Absent means the registry's first release; a version the registry does not know is reported
// (`unknown-standard`) and the data is checked against `registry.unknown`.
import { registry as productRegistry, type StandardRegistry } from '../standard';
import type { Standard } from '../standard/types';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { cellAddress, cellText, isBlankCell } from './snapshot';
import { findSheet } from './sheets';
import { parseText } from './parse';
import { fold, headerKey } from './text';

/** A registry to detect from, or one standard imposed (a stamp's, a test's). */
export type StandardChoice = Standard | StandardRegistry;

export interface Detected {
  standard: Standard;
  /** 표준버전 as written (folded, trimmed), null when absent. */
  declared: string | null;
  /** False when `declared` names a version the registry does not know. */
  known: boolean;
  /** The versions the choice offered, oldest first. */
  versions: readonly Standard[];
  /** Where 표준버전's value is (for the finding about it). */
  at: { sheet: string; cell: string; row: number } | null;
}

export const isRegistry = (c: StandardChoice): c is StandardRegistry =>
  Array.isArray((c as StandardRegistry).versions);

/** Labels may sit in any of the first columns of 기본정보; the value is the cell to their right. */
export const LABEL_COLUMNS = 4;
export const LABEL_ROWS = 50;

/** The value cell of each label found (by headerKey of a label → key), first occurrence wins. */
export function labelledValues(
  sheet: SheetSnapshot,
  keyOfLabel: ReadonlyMap<string, string>,
): Map<string, { cell: Cell | undefined; address: string; row: number }> {
  const found = new Map<string, { cell: Cell | undefined; address: string; row: number }>();
  for (let r = 0; r < Math.min(sheet.rows.length, LABEL_ROWS); r++) {
    const cells = sheet.rows[r] ?? [];
    for (let c = 0; c < Math.min(cells.length, LABEL_COLUMNS); c++) {
      const key = keyOfLabel.get(headerKey(cellText(cells[c])));
      if (key !== undefined && !found.has(key)) {
        found.set(key, { cell: cells[c + 1] ?? undefined, address: cellAddress(c + 1, r + 1), row: r + 1 });
        break;
      }
    }
  }
  return found;
}

function declaredVersion(snapshot: WorkbookSnapshot, versions: readonly Standard[]) {
  for (const s of [...versions].reverse()) {
    const field = s.sheets.info.fields.find((f) => f.selectsStandard);
    const sheet = field && findSheet(snapshot, s.sheets.info.name);
    if (!field || !sheet) continue;
    const labels = new Map([field.label, ...field.aliases].map((l) => [headerKey(l), field.key]));
    const at = labelledValues(sheet, labels).get(field.key);
    if (!at) continue;
    const place = { sheet: sheet.name, cell: at.address, row: at.row };
    // An Excel error there names no version the product knows: reported, not taken as absent.
    if (at.cell?.error) return { declared: at.cell.error, at: place };
    if (isBlankCell(at.cell)) return { declared: null, at: place };
    const text = parseText(at.cell!.value);
    return { declared: text === null ? null : fold(text).trim() || null, at: place };
  }
  return { declared: null, at: null };
}

export function detectStandard(
  snapshot: WorkbookSnapshot,
  choice: StandardChoice = productRegistry,
): Detected {
  const versions = isRegistry(choice) ? choice.versions : [choice];
  const { declared, at } = declaredVersion(snapshot, versions);
  if (!isRegistry(choice)) return { standard: choice, declared, known: true, versions, at };
  if (declared === null) return { standard: choice.absent, declared, known: true, versions, at };
  const standard = versions.find((s) => s.version === declared);
  return standard
    ? { standard, declared, known: true, versions, at }
    : { standard: choice.unknown, declared, known: false, versions, at };
}
