// The Office.js the city desk uses — charts, conditional formats, hyperlinks, bold, AVERAGE — as
// strict in the stand-in as in Excel: nothing readable before load + sync, nothing written before
// sync, and what the stand-in does not model refused rather than ignored.
import { installOfficeStandIn, seriesOf, type OfficeStandIn } from '.';

let standin: OfficeStandIn;
beforeEach(() => {
  standin = installOfficeStandIn(globalThis, {
    sheets: [
      {
        name: 'Book',
        rows: [
          ['자치구', '참석율(종합)', '참석율(행정)'],
          ['강남구', 0.8, 0.7],
          ['강동구', 0.9, '–'],
          ['평균', '=AVERAGE(B2:B3)', '=IF(COUNT(C2:C3)=0,"–",AVERAGE(C2:C3))'],
        ],
      },
    ],
  });
});
afterEach(() => standin.uninstall());
const sheet = () => standin.model.findSheet('Book')!;

test('AVERAGE skips text as Excel does; with no number it is #DIV/0!', () => {
  expect(standin.user.values('Book', 'B4:C4')).toEqual([[0.85000000000000009, 0.7]]);
  standin.user.setValues('Book', 'B2', [['–']]);
  standin.user.setValues('Book', 'B3', [['–']]);
  expect(standin.user.values('Book', 'B4')).toEqual([['#DIV/0!']]);
});

test('a chart is made, named and pointed at its data only at sync, and read only after load + sync', async () => {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Book');
    const chart = ws.charts.add('ColumnClustered', ws.getRange('B1:C3'), 'Columns');
    chart.name = 'rates';
    chart.title.text = '참석율';
    chart.axes.categoryAxis.setCategoryNames(ws.getRange('A2:A3'));
    expect(sheet().charts).toEqual([]);
    expect(() => chart.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await context.sync();
    expect(() => chart.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    const found = ws.charts.getItemOrNullObject('rates').load('name');
    const missing = ws.charts.getItemOrNullObject('other').load('name');
    expect(() => found.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await context.sync();
    expect([found.isNullObject, found.name, missing.isNullObject]).toEqual([false, 'rates', true]);
  });
  const [chart] = sheet().charts;
  expect(chart).toMatchObject({
    name: 'rates',
    title: '참석율',
    categories: { row: 1, column: 0, rowCount: 2 },
  });
  const value = (r: number, c: number) => standin.model.cell(sheet(), r, c)?.value ?? null;
  expect(seriesOf(chart, value)).toEqual([
    { name: '참석율(종합)', values: [0.8, 0.9] },
    { name: '참석율(행정)', values: [0.7, '–'] },
  ]);
});

test('a chart type the stand-in does not draw fails the sync; a second chart of the same name is refused', async () => {
  await expect(
    Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Book');
      ws.charts.add('Waterfall', ws.getRange('B1:C3'));
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'NotImplemented' });
  await expect(
    Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Book');
      ws.charts.add('ColumnClustered', ws.getRange('B1:C3')).name = 'x';
      ws.charts.add('ColumnClustered', ws.getRange('B1:C3')).name = 'x';
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidArgument' });
});

test('conditional formats: added at sync, relative references moving with each cell, cleared by range', async () => {
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem('Book').getRange('A2:C3');
    const cf = range.conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=$B2>0.85';
    cf.custom.format.fill.color = '#ffeeaa';
    const count = range.conditionalFormats.getCount();
    expect(sheet().conditionalFormats).toEqual([]);
    expect(() => count.value).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await context.sync();
    expect(count.value).toBe(1);
    const items = range.conditionalFormats.load('items/type');
    await context.sync();
    expect(items.items.map((i) => i.type)).toEqual(['Custom']);
  });
  const fill = (r: number, c: number) => standin.model.shownFill(sheet(), r, c);
  // Row 3 (강동구, 0.9) is coloured across the range; row 2 (0.8) is not; row 1 is outside it.
  expect([fill(2, 0), fill(2, 2), fill(1, 0), fill(0, 1)]).toEqual(['#FFEEAA', '#FFEEAA', null, null]);
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem('Book').getRange('C3').conditionalFormats.clearAll();
    await context.sync();
  });
  expect(sheet().conditionalFormats).toEqual([]);
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Book').getRange('A1').conditionalFormats.add('DataBar');
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'NotImplemented' });
});

test('hyperlinks: only http(s) or mailto, applied at sync, the text becoming the cell’s value; clear removes them', async () => {
  await Excel.run(async (context) => {
    const cell = context.workbook.worksheets.getItem('Book').getRange('D2');
    cell.hyperlink = { address: 'https://seoul.sharepoint.com/x.xlsx', textToDisplay: '열기' };
    cell.format.font.bold = true;
    expect(standin.model.cell(sheet(), 1, 3)).toBeUndefined();
    await context.sync();
    cell.load('hyperlink');
    expect(() => cell.hyperlink).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await context.sync();
    expect(cell.hyperlink).toMatchObject({
      address: 'https://seoul.sharepoint.com/x.xlsx',
      textToDisplay: '열기',
    });
  });
  expect(standin.model.cell(sheet(), 1, 3)).toMatchObject({ value: '열기', bold: true });
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Book').getRange('D3').hyperlink = {
        address: 'javascript:alert(1)',
      };
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidArgument' });
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem('Book').getRange('D2').clear('All');
    await context.sync();
  });
  expect(standin.model.cell(sheet(), 1, 3)?.hyperlink).toBeUndefined();
});

test('a host without ExcelApi 1.7 refuses hyperlinks and category names, as Excel would', async () => {
  standin.uninstall();
  standin = installOfficeStandIn(
    globalThis,
    { sheets: [{ name: 'Book', rows: [['a', 1]] }] },
    {
      requirementSets: { ExcelApi: '1.6' },
    },
  );
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Book').getRange('A1').hyperlink = { address: 'https://x.example' };
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'ApiNotFound' });
});
