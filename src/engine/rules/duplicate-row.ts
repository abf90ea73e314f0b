// Two rows for the same meeting: equal in every one of the table's duplicateKeys (명칭, 일자, 유형).
// Reported on each repeat, pointing at the first occurrence, at the first key's cell.
import { cellAddress } from '../snapshot';
import { makeFinding } from '../findings';
import type { RuleOf } from './types';

export const duplicateRowRule: RuleOf<'table'> = {
  codes: ['duplicate-row'],
  scope: 'table',
  check(table) {
    const { standard, def, slots } = table.spec;
    const key = def.duplicateKeys?.[0];
    const slot = key === undefined ? undefined : slots.get(key);
    if (key === undefined || slot === undefined) return null;
    const column = table.layout.columns.get(key);
    return (record, out) => {
      const first = table.firstDuplicateBefore(record);
      if (first === null) return;
      const r = record.row;
      out.push(
        makeFinding(
          standard,
          'duplicate-row',
          {
            sheet: table.sheet,
            cell: column === undefined ? null : cellAddress(column, r),
            row: r,
            field: key,
          },
          record.values[slot],
          { first },
        ),
      );
    };
  },
};
