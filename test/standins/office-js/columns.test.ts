// Inserting whole columns in the stand-in moves what Excel moves: cells, references in formulas on
// every sheet, validations, tables (grown when the insertion is inside, left alone at their right
// edge), widths; Table.resize keeps Excel's rules. Only at sync, and announced as the add-in's own.
import { installOfficeStandIn, type OfficeStandIn } from '.';
import { shiftFormula } from './columns';

let standin: OfficeStandIn;
afterEach(() => standin?.uninstall());

function install(): OfficeStandIn {
  standin = installOfficeStandIn(globalThis, {
    sheets: [
      {
        name: 'Data',
        rows: [
          ['a', 'b', 'c', 'd', 'e'],
          [1, 2, 3, 4, '=A2+D2'],
          [10, 20, 30, 40, '=SUM(A3:D3)'],
        ],
      },
      { name: 'My sheet', rows: [['=Data!D2', '=SUM(Data!$B$2:$D$3)', '="D2"&Data!E2', '=SUM(Data!A2:B3)']] },
    ],
  });
  return standin;
}

describe('shiftFormula', () => {
  const shift = (f: string, own = 'Data') => shiftFormula(f, own, 'Data', 2, 3);
  it.each([
    ['=A2+D2', '=A2+G2'],
    ['=$C$5*2', '=$F$5*2'],
    ['=SUM(A1:D9)', '=SUM(A1:G9)'],
    ['=SUM(C:C)', '=SUM(F:F)'],
    ['=SUM($A:$B)', '=SUM($A:$B)'],
    ['=LOG10(C2)', '=LOG10(F2)'],
    ['="C2"&C2', '="C2"&F2'],
    ["='Data'!C2+Other!C2", "='Data'!F2+Other!C2"],
    ['=IF(TRUE,C2,B2)', '=IF(TRUE,F2,B2)'],
  ])('%s → %s', (before, after) => expect(shift(before)).toBe(after));
  it('leaves references to other sheets alone, and follows qualified ones from elsewhere', () => {
    expect(shift('=C2', 'Other')).toBe('=C2');
    expect(shift('=Data!C2', 'Other')).toBe('=Data!F2');
  });
});

test('whole columns shift cells, formulas on every sheet, validations, widths — at sync', async () => {
  install();
  const events: { address: string; changeType: string; triggerSource: string }[] = [];
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Data');
    sheet.onChanged.add(async (e) => {
      events.push({ address: e.address, changeType: e.changeType, triggerSource: e.triggerSource });
    });
    sheet.getRange('D2:D3').dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThan' } };
    sheet.getRange('D:D').format.columnWidth = 70;
    await context.sync();
    sheet.getRange('C:D').insert('Right');
    expect(standin.user.values('Data', 'C1')).toEqual([['c']]);
    await context.sync();
  });
  await standin.settled();
  expect(standin.user.values('Data', 'A1:G1')).toEqual([['a', 'b', null, null, 'c', 'd', 'e']]);
  expect(standin.user.cell('Data', 'G2')?.formula).toBe('=A2+F2');
  expect(standin.user.values('Data', 'G2:G3')).toEqual([[5], [100]]);
  expect(standin.user.cell('Data', 'G3')?.formula).toBe('=SUM(A3:F3)');
  const other = standin.model.findSheet('My sheet')!;
  expect([0, 1, 2, 3].map((c) => standin.model.cell(other, 0, c)?.formula)).toEqual([
    '=Data!F2',
    '=SUM(Data!$B$2:$F$3)',
    '="D2"&Data!G2',
    '=SUM(Data!A2:B3)',
  ]);
  const data = standin.model.findSheet('Data')!;
  expect(data.validations.map((v) => v.box)).toEqual([{ row: 1, column: 5, rowCount: 2, columnCount: 1 }]);
  expect(data.columnWidths.get(5)).toBe(70);
  expect(data.columnWidths.has(3)).toBe(false);
  expect(events).toEqual([{ address: 'C:D', changeType: 'ColumnInserted', triggerSource: 'ThisLocalAddin' }]);
});

test('a table grows when columns go inside it, not at its right edge; resize keeps its header row', async () => {
  install();
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Data');
    sheet.tables.add('A1:E3', true).name = 'tbl';
    await context.sync();
    sheet.getRange('C:C').insert('Right');
    sheet.getRange('H:H').insert('Right');
    const range = sheet.tables.getItem('tbl').getRange();
    range.load('address');
    await context.sync();
    expect(range.address).toBe('Data!A1:F3');
    expect(standin.user.values('Data', 'C1')).toEqual([['Column1']]);
    expect(() => sheet.tables.getItem('tbl').resize('A2:G3')).not.toThrow();
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    sheet.getRange('G1').values = [['new']];
    sheet.tables.getItem('tbl').resize('A1:H3');
    const resized = sheet.tables.getItem('tbl').getRange();
    resized.load('address');
    await context.sync();
    expect(resized.address).toBe('Data!A1:H3');
    expect(standin.user.values('Data', 'G1:H1')).toEqual([['new', 'Column2']]);
  });
});

test('anything but whole columns shifted right is refused, and nothing moves', async () => {
  install();
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem('Data').getRange('B2:B3').insert('Right');
    await expect(context.sync()).rejects.toMatchObject({ code: 'NotImplemented' });
    context.workbook.worksheets.getItem('Data').getRange('B:B').insert('Down');
    await expect(context.sync()).rejects.toMatchObject({ code: 'NotImplemented' });
  });
  expect(standin.user.values('Data', 'A1:E1')).toEqual([['a', 'b', 'c', 'd', 'e']]);
});
