// 연번 across rows: a repeat is `duplicate-id` (pointing at the first occurrence, which itself is
// not flagged twice); where the table's data asks for it, numbering that jumps forward past the next
// number is `id-gap`. A step back (…19, 200, 21…) is not a gap: the row that jumped is the one to
// fix, and flagging its successor too would be noise. Numbering that does not start at 1 is a gap.
import { cellAddress } from '../snapshot';
import { makeFinding } from '../findings';
import type { RuleOf } from './types';

export const numberingRule: RuleOf<'table'> = {
  codes: ['duplicate-id', 'id-gap'],
  scope: 'table',
  check(table) {
    const { standard, def, slots } = table.spec;
    const key = def.idKey;
    const slot = slots.get(key);
    if (slot === undefined) return null;
    const column = table.layout.columns.get(key);
    const place = (row: number) => ({
      sheet: table.sheet,
      cell: column === undefined ? null : cellAddress(column, row),
      row,
      field: key,
    });
    let previous = 0;
    return (record, out) => {
      const id = record.values[slot];
      if (typeof id !== 'number') return;
      const first = table.firstIdBefore(id, record.row);
      if (first !== null) out.push(makeFinding(standard, 'duplicate-id', place(record.row), id, { first }));
      if (def.idGaps && Number.isInteger(id)) {
        if (id > previous + 1) {
          const missing = id - previous === 2 ? `${previous + 1}` : `${previous + 1}–${id - 1}`;
          out.push(makeFinding(standard, 'id-gap', place(record.row), id, { missing }));
        }
        previous = id;
      }
    };
  },
};
