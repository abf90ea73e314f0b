// How the preview grid shows a stand-in cell: roughly what Excel would display for the formats the
// standard workbook uses (dates, percentages, plain numbers). Display only.
import type { StandInCell } from '../../test/standins/office-js';
import { isoFromSerial } from '../../src/engine/dates';

export function displayText(cell: StandInCell | undefined): string {
  if (!cell) return '';
  if (cell.error) return cell.error;
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const format = cell.numberFormat ?? '';
  if (/y/i.test(format) && /d/i.test(format) && v > 0) return isoFromSerial(v);
  if (format.includes('%')) return `${(v * 100).toFixed(1)}%`;
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
}

/** What goes into the edit box: the formula when there is one, as Excel's formula bar does. */
export function editText(cell: StandInCell | undefined): string {
  if (!cell) return '';
  if (cell.formula) return cell.formula;
  return displayText(cell);
}

/** Tab-separated clipboard text (as Excel and Sheets copy) → rows of cells. */
export function parseClipboard(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((l) => l.split('\t'));
}
