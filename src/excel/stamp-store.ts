// Storing the validation stamp in the workbook: the custom XML part (the full record), short custom
// document properties (visible in File › Properties without the add-in) and one line on 요약.
import type { Standard } from '../standard/types';
import {
  STAMP_NAMESPACE,
  STAMP_PROPERTIES,
  STAMP_STATUS_TEXT,
  type Stamp,
  shortHash,
  stampToXml,
} from '../stamp';

/** Marks the 요약 line so a later stamp replaces it instead of adding another. */
export const STAMP_LINE_PREFIX = '검증 완료 / Validated:';

export function stampLine(stamp: Stamp): string {
  return [
    `${STAMP_LINE_PREFIX} ${stamp.at}`,
    `표준 ${stamp.standard}`,
    `엔진 ${stamp.engine}`,
    `SHA-256 ${shortHash(stamp.hash)}`,
    `행 ${stamp.rows}`,
    `경고 ${stamp.warnings}`,
    stamp.by,
  ].join(' · ');
}

/** Queues the check for an existing stamp part (sync 1 of a full read). */
export function queueStampProbe(context: Excel.RequestContext): Excel.CustomXmlPart {
  const part = context.workbook.customXmlParts.getByNamespace(STAMP_NAMESPACE).getOnlyItemOrNullObject();
  part.load('id');
  return part;
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
): Promise<void> {
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
  const custom = context.workbook.properties.custom;
  custom.add(STAMP_PROPERTIES.status, STAMP_STATUS_TEXT);
  custom.add(STAMP_PROPERTIES.at, stamp.at);
  custom.add(STAMP_PROPERTIES.hash, shortHash(stamp.hash));
  custom.add(STAMP_PROPERTIES.standard, stamp.standard);
  custom.add(STAMP_PROPERTIES.engine, stamp.engine);
  if (summarySheetId && used && columnA) {
    const row = stampLineRow(used, columnA);
    context.workbook.worksheets.getItem(summarySheetId).getRange(`A${row}`).values = [[stampLine(stamp)]];
  }
  await context.sync();
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
