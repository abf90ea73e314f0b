// The place of a finding about one column of a row.
import type { Place } from '../findings';
import { cellAddress } from '../snapshot';
import type { RowInput } from './types';

export function placeOfSlot(row: RowInput, slot: number, key: string): Place {
  const column = row.columnOf[slot];
  return {
    sheet: row.sheet,
    cell: column >= 0 ? cellAddress(column, row.record.row) : null,
    row: row.record.row,
    field: key,
  };
}
