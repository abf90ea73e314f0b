// The example workbook (src/workbook's generator, laid out as the standard template) in the shape
// the Office.js stand-in starts from. Shared by the browser preview and the e2e tests so both show
// the same, error-free starting point.
import type { InitialWorkbook } from '../../test/standins/office-js';
import { newestStandard } from '../../src/standard';
import type { Standard } from '../../src/standard/types';
import { exampleWorkbook } from '../../src/workbook/example';
import type { ExampleOptions } from '../../src/workbook/example';
import { columnDefinition, computedFormula, lettersOf, standardLayout } from '../../src/workbook/layout';
import type { TableSheetLayout } from '../../src/workbook/layout';
import { isoFromSerial } from '../../src/engine/dates';

type Row = (string | number | null)[];

function tableRows(
  layout: TableSheetLayout,
  sheet: 'forums' | 'council',
  records: Record<string, string | number>[],
  standard: Standard,
): { rows: Row[]; numberFormats: Record<string, string> } {
  const letters = lettersOf(layout);
  const rows: Row[] = layout.titleRows.map((t) => [t || null]);
  rows.push(layout.columns.map((c) => c.header));
  records.forEach((record, i) => {
    const excelRow = layout.firstDataRow + i;
    rows.push(
      layout.columns.map((c) => {
        if (c.computed)
          return computedFormula(columnDefinition(sheet, c.key, standard), excelRow, letters) ?? null;
        const v = record[c.key];
        return v === undefined || v === '' ? null : v;
      }),
    );
  });
  const numberFormats: Record<string, string> = {};
  for (const c of layout.columns) if (c.numberFormat) numberFormats[c.letter] = c.numberFormat;
  return { rows, numberFormats };
}

export function exampleInitialWorkbook(
  options: ExampleOptions = {},
  standard: Standard = newestStandard,
): InitialWorkbook {
  const layout = standardLayout(standard);
  const example = exampleWorkbook(standard, options);
  const infoRows: Row[] = [layout.info.headers];
  for (const r of layout.info.rows) {
    const v = example.info[r.key] ?? null;
    // Column B mixes text, numbers and one date, so the date goes in as typed text (the way a
    // person enters it) rather than as a column-wide number format.
    infoRows[r.row - 1] = [r.label, r.numberFormat && typeof v === 'number' ? isoFromSerial(v) : v];
  }
  const forums = tableRows(layout.forums, 'forums', example.forums, standard);
  const council = tableRows(layout.council, 'council', example.council, standard);
  return {
    sheets: [
      { name: layout.info.name, rows: infoRows },
      { name: layout.forums.name, rows: forums.rows, numberFormats: forums.numberFormats },
      { name: layout.council.name, rows: council.rows, numberFormats: council.numberFormats },
    ],
  };
}
