// The consolidation workbook's inputs for the Excel and formula tests: a mixed city's board, data
// book, composition table and comparison, laid out as the desk lays them out.
import { compareYears, compositionTable, dataBook, statusBoard } from '../../src/city';
import { newestStandard } from '../../src/standard';
import { deskSheets, type DeskInput, type DeskSheet } from '../../src/workbook/desk';
import type { StandInModel } from '../standins/office-js';
import { mixedCity, type MixedCity } from '../city/mixed-city';

export const READ_AT = new Date('2026-11-29T05:00:00Z');

export function deskInput(city: MixedCity = mixedCity(), year = 2021, lang: 'ko' | 'en' = 'ko'): DeskInput {
  const base = { submissions: city.submissions, register: city.register };
  const book = dataBook({ ...base, year });
  const earlier = dataBook({ ...base, year: year - 1 });
  return {
    board: statusBoard({ ...base, year, quarter: 4, now: READ_AT }),
    dataBook: book,
    composition: compositionTable({ ...base, year }),
    comparison: compareYears(earlier, book, newestStandard),
    compareYear: year - 1,
    readAt: READ_AT,
    notes: [],
    standard: newestStandard,
    lang,
  };
}

export function sheetsOf(city?: MixedCity): DeskSheet[] {
  return deskSheets(deskInput(city));
}

/** Everything the workbook holds that a refresh could change, without the stand-in's ids. */
export function workbookState(model: StandInModel): unknown {
  return model.sheets.map((s) => ({
    name: s.name,
    cells: [...s.rows]
      .sort(([a], [b]) => a - b)
      .map(([r, cols]) =>
        [...cols]
          .sort(([a], [b]) => a - b)
          .filter(([, c]) => c.value !== null || c.formula || c.hyperlink || c.numberFormat)
          .map(([c, cell]) => ({ r, c, ...cell })),
      ),
    charts: s.charts.map(({ id: _id, ...rest }) => rest),
    conditionalFormats: s.conditionalFormats.map(({ id: _id, ...rest }) => rest),
    freeze: s.freeze,
    widths: [...s.columnWidths],
  }));
}
