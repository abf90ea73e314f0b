// Storing the validation stamp in the workbook: the custom XML part (the full record), short custom
// document properties (visible in File › Properties without the add-in) and one line on 요약.
import type { Standard } from '../standard/types';
import {
  STAMP_LINE_PREFIX,
  STAMP_NAMESPACE,
  type Stamp,
  stampLine,
  stampProperties,
  stampToXml,
} from '../stamp';

export { STAMP_LINE_PREFIX, stampLine } from '../stamp';

/** Queues the check for an existing stamp part (sync 1 of a full read). */
export function queueStampProbe(context: Excel.RequestContext): Excel.CustomXmlPart {
  const part = context.workbook.customXmlParts.getByNamespace(STAMP_NAMESPACE).getOnlyItemOrNullObject();
  part.load('id');
  return part;
}

/** What a stamp wrote: its properties and, where there is a 요약 sheet, the line and its row. */
export interface WrittenStamp {
  properties: Record<string, string>;
  line: { row: number; text: string } | null;
}

/**
 * Writes a stamp: replaces every part in our namespace, sets the properties and the 요약 line.
 * Two syncs: one to find what is there, one to write. The 요약 line goes into the row already
 * holding a stamp line, else two rows below the sheet's last used row, so nothing typed is overwritten.
 */
export async function writeStamp(
  context: Excel.RequestContext,
  stamp: Stamp,
  summarySheetId: string | null,
): Promise<WrittenStamp> {
  const parts = context.workbook.customXmlParts.getByNamespace(STAMP_NAMESPACE);
  parts.load('items/id');
  let used: Excel.Range | null = null;
  let columnA: Excel.Range | null = null;
  if (summarySheetId) {
    const sheet = context.workbook.worksheets.getItem(summarySheetId);
    used = sheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount');
    columnA = sheet.getRange('A:A').getUsedRangeOrNullObject(true);
    columnA.load('rowIndex,values');
  }
  await context.sync();
  for (const p of parts.items) p.delete();
  context.workbook.customXmlParts.add(stampToXml(stamp));
  const properties = stampProperties(stamp);
  const custom = context.workbook.properties.custom;
  for (const [name, value] of Object.entries(properties)) custom.add(name, value);
  let line: WrittenStamp['line'] = null;
  if (summarySheetId && used && columnA) {
    line = { row: stampLineRow(used, columnA), text: stampLine(stamp) };
    context.workbook.worksheets.getItem(summarySheetId).getRange(`A${line.row}`).values = [[line.text]];
  }
  await context.sync();
  return { properties, line };
}

function stampLineRow(used: Excel.Range, columnA: Excel.Range): number {
  if (!columnA.isNullObject) {
    const i = columnA.values.findIndex(
      (line) => typeof line[0] === 'string' && line[0].startsWith(STAMP_LINE_PREFIX),
    );
    if (i >= 0) return columnA.rowIndex + i + 1;
  }
  return used.isNullObject ? 1 : used.rowIndex + used.rowCount + 2;
}

export function summaryName(standard: Standard): string {
  return standard.sheets.summary.name;
}
