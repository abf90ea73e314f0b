// The first request of a full pass: which sheets exist, where the standard ones are, how far their
// data reaches, and whether a stamp is stored. Guessed names (last pass's, or the standard's) let
// the used ranges be asked for in the same sync; a guess that missed costs one more sync.
import type { Standard } from '../standard/types';
import {
  READ_ROLES,
  locateSheets,
  standardNames,
  visibilityOf,
  type SheetInfo,
  type SheetRef,
  type SheetRole,
} from './sheets';
import { queueStampProbe } from './stamp-store';

export interface Extent {
  /** Last used row (Excel row number); 0 for an empty sheet. */
  lastRow: number;
  /** Columns from A up to the last used one. */
  columns: number;
}

export interface Survey {
  sheets: SheetInfo[];
  refs: Map<SheetRole, SheetRef>;
  extents: Map<string, Extent>;
  stampPart: Excel.CustomXmlPart;
  /** 1, or 2 when a sheet had to be found under a name other than the one guessed. */
  syncs: number;
}

function queueProbe(context: Excel.RequestContext, key: string) {
  const sheet = context.workbook.worksheets.getItemOrNullObject(key);
  sheet.load('id');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,rowCount,columnIndex,columnCount');
  return { sheet, used };
}

function extentOf(used: Excel.Range): Extent {
  if (used.isNullObject) return { lastRow: 0, columns: 0 };
  return { lastRow: used.rowIndex + used.rowCount, columns: used.columnIndex + used.columnCount };
}

export async function surveyWorkbook(
  context: Excel.RequestContext,
  standard: Standard,
  guesses: ReadonlyMap<SheetRole, string>,
  roles: readonly SheetRole[] = READ_ROLES,
): Promise<Survey> {
  const worksheets = context.workbook.worksheets;
  // Visibility rides along in the same request: a hidden standard sheet is a finding (hidden-sheet).
  worksheets.load('items/id,items/name,items/visibility');
  const names = standardNames(standard);
  const probes = roles.map((role) => ({ role, ...queueProbe(context, guesses.get(role) ?? names[role]) }));
  const stampPart = queueStampProbe(context);
  await context.sync();
  const sheets = worksheets.items.map((w) => ({
    id: w.id,
    name: w.name,
    visibility: visibilityOf(w.visibility),
  }));
  const refs = locateSheets(sheets, standard);
  const extents = new Map<string, Extent>();
  const missed: { id: string; probe: ReturnType<typeof queueProbe> }[] = [];
  for (const p of probes) {
    const ref = refs.get(p.role);
    if (!ref) continue;
    if (!p.sheet.isNullObject && p.sheet.id === ref.id) extents.set(ref.id, extentOf(p.used));
    else missed.push({ id: ref.id, probe: queueProbe(context, ref.id) });
  }
  if (missed.length > 0) {
    // A sheet named with extra spaces or full-width forms: its used range needs its real name.
    await context.sync();
    for (const m of missed) extents.set(m.id, extentOf(m.probe.used));
  }
  return { sheets, refs, extents, stampPart, syncs: missed.length > 0 ? 2 : 1 };
}
