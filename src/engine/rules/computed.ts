// A computed column (참석인원(계), 참석율(%)) holding a typed value (no formula) that differs from
// what its formula would give: computed-overwritten. A formula is never second-guessed. An Excel
// error there is reported only when the inputs are readable: an error caused by an already
// reported input is not a second problem to fix.
import type { Cell } from '../snapshot';
import { isBlankCell } from '../snapshot';
import { computedEvaluator } from '../computed';
import { makeFinding } from '../findings';
import { parseNumber } from '../parse';
import { placeOfSlot } from './place';
import type { RuleOf } from './types';

const UNDEFINED_MARKS = new Set(['', '-', '–', '—']);

export const computedRule: RuleOf<'row'> = {
  codes: ['computed-overwritten', 'formula-error'],
  scope: 'row',
  compile({ standard, columns, slots }) {
    const computed = columns.flatMap((def) => {
      const evaluate = computedEvaluator(def, slots);
      return evaluate
        ? [{ def, slot: slots.get(def.key)!, evaluate, ratio: def.computed!.kind === 'ratio' }]
        : [];
    });
    if (computed.length === 0) return null;
    return (row, out) => {
      for (const c of computed) {
        const column = row.columnOf[c.slot];
        if (column < 0) continue;
        const cell: Cell | null | undefined = row.cells[column];
        // A formula (the common case) first: it is never second-guessed.
        if (!cell || (cell.formula && !cell.error) || isBlankCell(cell)) continue;
        /** undefined: an input is unreadable (already reported); null: the rate is undefined. */
        const expected = c.evaluate(row.record.values);
        if (expected === undefined) continue;
        const place = placeOfSlot(row, c.slot, c.def.key);
        if (cell.error) {
          if (expected !== null)
            out.push(makeFinding(standard, 'formula-error', place, cell.error, { field: c.def.label }));
          continue;
        }
        const value = cell.value;
        const typed = parseNumber(typeof value === 'string' ? value.replace(/%$/, '') : value);
        const matches =
          expected === null
            ? typeof value === 'string' && UNDEFINED_MARKS.has(value.trim())
            : !c.ratio
              ? typed === expected
              : Math.abs(typed - expected) <= 0.0005 + 1e-9 ||
                Math.abs(typed - expected * 100) <= 0.05 + 1e-9;
        if (!matches) {
          const shown = expected === null ? '–' : c.ratio ? Math.round(expected * 1000) / 10 : expected;
          out.push(
            makeFinding(standard, 'computed-overwritten', place, value, {
              field: c.def.label,
              expected: shown,
            }),
          );
        }
      }
    };
  },
};
