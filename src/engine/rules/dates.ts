// 일자 against 기본정보 (standard §1.2): within 연도, not after 작성일, not after the last day of the
// reported 분기. One finding per cell, the most fundamental first: a date outside the year, then
// one after the report was written (a forum cannot be reported before it happened), then one after
// the quarter (held, but belonging to a later quarter's submission). A date after both 작성일 and
// the quarter's end is therefore date-after-report, as the city's messy sample expects.
import { isoFromSerial } from '../dates';
import { makeFinding } from '../findings';
import { placeOfSlot } from './place';
import type { RuleOf } from './types';

export const datesRule: RuleOf<'row'> = {
  codes: ['date-out-of-year', 'date-after-report', 'date-after-quarter'],
  scope: 'row',
  compile({ standard, def, slots }) {
    const key = def.periodDateKey;
    const slot = key === undefined ? undefined : slots.get(key);
    if (key === undefined || slot === undefined) return null;
    return (row, out) => {
      const date = row.record.values[slot];
      if (typeof date !== 'number') return;
      const p = row.period;
      if (p.yearStart !== null && p.yearEnd !== null && (date < p.yearStart || date > p.yearEnd)) {
        out.push(
          makeFinding(standard, 'date-out-of-year', placeOfSlot(row, slot, key), isoFromSerial(date), {
            year: p.year,
          }),
        );
      } else if (p.reportDate !== null && date > p.reportDate) {
        out.push(
          makeFinding(standard, 'date-after-report', placeOfSlot(row, slot, key), isoFromSerial(date), {
            reportDate: isoFromSerial(p.reportDate),
          }),
        );
      } else if (p.quarterEnd !== null && date > p.quarterEnd) {
        out.push(
          makeFinding(standard, 'date-after-quarter', placeOfSlot(row, slot, key), isoFromSerial(date), {
            quarter: p.quarter,
            quarterEnd: isoFromSerial(p.quarterEnd),
          }),
        );
      }
    };
  },
};
