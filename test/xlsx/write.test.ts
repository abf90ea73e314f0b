import ExcelJS from 'exceljs';
import { buildStandardWorkbook } from '../../src/xlsx/write';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { exampleWorkbook } from '../../src/workbook/example';
import {
  standardLayout,
  standardSummarySource,
  summarySheetLayout,
  PREFILLED_ROWS,
} from '../../src/workbook';
import { standard2021_1 } from '../../src/standard/2021.1';

const layout = standardLayout(standard2021_1);

describe('the blank standard workbook', () => {
  // Inspected in memory: exceljs's own loader would expand the whole-column validations cell by cell.
  const wb = buildStandardWorkbook(standard2021_1);
  const validations = (ws: ExcelJS.Worksheet) =>
    (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations
      .model;

  it('has table objects under the title rows, frozen headers and the standard headers', () => {
    const ws = wb.getWorksheet(layout.forums.name)!;
    const table = ws.getTable(layout.forums.table) as unknown as { table: { tableRef: string } };
    expect(table.table.tableRef).toBe(
      `A${layout.forums.headerRow}:M${layout.forums.headerRow + PREFILLED_ROWS}`,
    );
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: layout.forums.headerRow });
    const headers = (ws.getRow(layout.forums.headerRow).values as unknown[]).slice(1);
    expect(headers).toEqual(standard2021_1.sheets.forums.columns.map((c) => c.header));
    expect(wb.getWorksheet(layout.council.name)!.getTable(layout.council.table)).toBeDefined();
  });

  it('pre-fills the computed formulas and the list validations', () => {
    const ws = wb.getWorksheet(layout.forums.name)!;
    const first = layout.forums.firstDataRow;
    expect(ws.getCell(`K${first}`).formula).toBe(`IF(AND(I${first}="",J${first}=""),"",I${first}+J${first})`);
    expect(ws.getCell(`L${first + PREFILLED_ROWS - 1}`).formula).toContain('/(G');
    expect(ws.getCell(`L${first}`).numFmt).toBe('0.0%');
    expect(validations(ws)[`D${first}:D1048576`]).toMatchObject({
      type: 'list',
      formulae: [`"${standard2021_1.enums.forumType.map((t) => t.value).join(',')}"`],
    });
    const info = wb.getWorksheet(layout.info.name)!;
    expect(info.getCell('B2').dataValidation.formulae[0]).toMatch(/^"강남구,강동구,/);
    expect(validations(ws)[`F${first}:F1048576`]).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 24],
    });
  });

  it('writes the 요약 formulas of the layout', () => {
    const summary = summarySheetLayout(standardSummarySource(layout), standard2021_1);
    const ws = wb.getWorksheet(summary.name)!;
    for (const row of summary.rows) {
      expect(ws.getCell(row.row, 1).value).toBe(row.label);
      row.cells.forEach((c, i) => expect(`=${ws.getCell(row.row, i + 2).formula}`).toBe(c.formula));
    }
  });

  it('reads back as blank rows: prefilled formulas are not data', async () => {
    const { snapshot } = await readWorkbookBuffer(
      Buffer.from(await buildStandardWorkbook(standard2021_1).xlsx.writeBuffer()),
      'b',
    );
    const forums = snapshot.sheets.find((s) => s.name === layout.forums.name)!;
    const data = forums.rows.slice(layout.forums.firstDataRow - 1);
    for (const row of data) for (const cell of row) expect(cell?.value ?? null).toBeNull();
  });
});

describe('the example workbook', () => {
  it('writes the example values, dates as real dates, cached computed results', async () => {
    const example = exampleWorkbook(standard2021_1);
    const { snapshot } = await readWorkbookBuffer(
      Buffer.from(await buildStandardWorkbook(standard2021_1, example).xlsx.writeBuffer()),
      'e',
    );
    const forums = snapshot.sheets.find((s) => s.name === layout.forums.name)!;
    const first = forums.rows[layout.forums.firstDataRow - 1];
    const f = example.forums[0];
    expect(first[1]).toEqual({ value: f.date, numberFormat: 'yyyy-mm-dd' });
    expect(first[10]?.value).toBe(Number(f.attendedOfficial) + Number(f.attendedCivilian));
    expect(first[11]?.value).toBeCloseTo(
      (Number(f.attendedOfficial) + Number(f.attendedCivilian)) /
        (Number(f.expectedOfficial) + Number(f.expectedCivilian)),
      12,
    );
    expect(forums.rows.length).toBe(layout.forums.firstDataRow - 1 + example.forums.length);
    const info = snapshot.sheets.find((s) => s.name === layout.info.name)!;
    expect(info.rows[7][1]).toEqual({ value: example.info.reportDate, numberFormat: 'yyyy-mm-dd' });
  });

  it('is the same for the same seed and different for another', () => {
    expect(exampleWorkbook(standard2021_1)).toEqual(exampleWorkbook(standard2021_1));
    expect(exampleWorkbook(standard2021_1, { seed: 1 })).not.toEqual(exampleWorkbook(standard2021_1));
  });
});
