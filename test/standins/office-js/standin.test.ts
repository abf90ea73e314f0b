// The stand-in must be as strict as Excel where the add-in could go wrong: properties before
// load+sync, writes before sync, the add-in's own writes arriving as events.
import { installOfficeStandIn, type OfficeStandIn } from '.';

let standin: OfficeStandIn;

beforeEach(() => {
  standin = installOfficeStandIn(globalThis, {
    sheets: [
      {
        name: '숙의공론장',
        rows: [
          ['연번', '일자'],
          [1, '2021-03-05'],
          [2, '=A2+A3'],
        ],
      },
      { name: 'Other', rows: [['x']] },
    ],
  });
});
afterEach(() => standin.uninstall());

test('reading a property before load() and sync() throws PropertyNotLoaded', async () => {
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem('숙의공론장').getRange('A1:B3');
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    range.load('values');
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await context.sync();
    expect(range.values).toEqual([
      ['연번', '일자'],
      [1, 44260],
      [2, 3],
    ]);
    expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });
});

test('writes reach the workbook only at sync', async () => {
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem('숙의공론장').getRange('B2');
    range.values = [['hello']];
    range.format.fill.color = '#FF0000';
    expect(standin.user.values('숙의공론장', 'B2')).toEqual([[44260]]);
    expect(standin.user.fill('숙의공론장', 'B2')).toBeNull();
    await context.sync();
    expect(standin.user.values('숙의공론장', 'B2')).toEqual([['hello']]);
    expect(standin.user.fill('숙의공론장', 'B2')).toBe('#FF0000');
  });
});

test("the add-in's own writes fire onChanged with triggerSource ThisLocalAddin; typing fires Unknown; co-authors Remote", async () => {
  const events: Record<string, unknown>[] = [];
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem('숙의공론장').onChanged.add(async (e) => {
      events.push({ address: e.address, source: e.source, triggerSource: e.triggerSource });
    });
    await context.sync();
  });
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem('숙의공론장').getRange('A5:B5').values = [[5, 'x']];
    await context.sync();
  });
  standin.user.setValues('숙의공론장', 'A6', [[6]]);
  standin.user.remoteSetValues('숙의공론장', 'A7', [[7]]);
  await standin.settled();
  expect(events).toEqual([
    { address: 'A5:B5', source: 'Local', triggerSource: 'ThisLocalAddin' },
    { address: 'A6', source: 'Local', triggerSource: 'Unknown' },
    { address: 'A7', source: 'Remote', triggerSource: 'Unknown' },
  ]);
});

test('fills do not fire onChanged, and removed handlers stay silent', async () => {
  let calls = 0;
  const registration = await Excel.run(async (context) => {
    const r = context.workbook.worksheets.getItem('Other').onChanged.add(async () => {
      calls++;
    });
    await context.sync();
    return r;
  });
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem('Other').getRanges('A1,B2').format.fill.color = '#FFC7CE';
    await context.sync();
  });
  await standin.settled();
  expect(calls).toBe(0);
  await Excel.run(registration.context, async (context) => {
    registration.remove();
    await context.sync();
  });
  standin.user.setValues('Other', 'A1', [['y']]);
  await standin.settled();
  expect(calls).toBe(0);
  expect(standin.user.filledCells('Other')).toEqual(['A1', 'B2']);
});

test('getItem of a missing sheet fails at sync; getItemOrNullObject gives a null object', async () => {
  await Excel.run(async (context) => {
    const missing = context.workbook.worksheets.getItemOrNullObject('nope');
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    context.workbook.worksheets.getItem('nope').load('name');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

test('loads above the 5 MB payload limit are refused, as Excel on the web does', async () => {
  const rows = Array.from({ length: 12000 }, (_, i) => [i, 'x'.repeat(300), 'y'.repeat(300)]);
  standin.uninstall();
  standin = installOfficeStandIn(globalThis, { sheets: [{ name: 'Big', rows }] });
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem('Big').getRange('A1:C12000').load('values');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
});

test('counts syncs and requests; settings, custom XML parts and custom properties behave', async () => {
  standin.resetStats();
  await Excel.run(async (context) => {
    const wb = context.workbook;
    wb.customXmlParts.add('<stamp xmlns="urn:test:1"><a>1</a></stamp>');
    wb.properties.custom.add('검증상태', '검증 완료');
    await context.sync();
    const part = wb.customXmlParts.getByNamespace('urn:test:1').getOnlyItemOrNullObject();
    await context.sync();
    expect(part.isNullObject).toBe(false);
    const xml = part.getXml();
    const props = wb.properties.custom;
    props.load('key,value');
    await context.sync();
    expect(xml.value).toContain('<a>1</a>');
    expect(props.items.map((p) => [p.key, p.value])).toEqual([['검증상태', '검증 완료']]);
  });
  expect(standin.stats().syncs).toBe(3);
  Office.context.document.settings.set('k', { a: 1 });
  expect(Office.context.document.settings.get('k')).toEqual({ a: 1 });
  expect(Office.context.requirements.isSetSupported('ExcelApi', '1.14')).toBe(true);
  expect(Office.context.requirements.isSetSupported('ExcelApi', '1.17')).toBe(false);
});

test('renaming and deleting sheets fire workbook events; proxies follow their sheet through a rename', async () => {
  const seen: string[] = [];
  await Excel.run(async (context) => {
    context.workbook.worksheets.onDeleted.add(async (e) => void seen.push(`deleted ${e.worksheetId}`));
    context.workbook.worksheets.onAdded.add(async () => void seen.push('added'));
    await context.sync();
  });
  standin.user.addSheet('New');
  standin.user.deleteSheet('New');
  await standin.settled();
  expect(seen).toEqual(['added', expect.stringMatching(/^deleted /)]);
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Other');
    ws.load('name');
    await context.sync();
    standin.user.renameSheet('Other', '기타');
    ws.load('name');
    await context.sync();
    expect(ws.name).toBe('기타');
  });
});

test('the payload limit applies to everything one sync returns, not to each request', async () => {
  standin.uninstall();
  const rows = Array.from({ length: 3000 }, (_, i) => [i, 'x'.repeat(40)]);
  standin = installOfficeStandIn(
    globalThis,
    { sheets: [{ name: 'S', rows }] },
    { payloadLimitBytes: 100_000 },
  );
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('S');
    sheet.getRange('A1:B1500').load('values');
    await context.sync();
    sheet.getRange('A1:B1500').load('values');
    sheet.getRange('A1501:B3000').load('values');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
});

test('getSpecialCellsOrNullObject finds formula cells and constant errors, or gives a null object', async () => {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('숙의공론장');
    standin.user.setValues('숙의공론장', 'B4', [['#REF!']]);
    const range = sheet.getRange('A1:B4');
    const formulas = range.getSpecialCellsOrNullObject('Formulas');
    formulas.areas.load('items/address,items/values');
    const errors = range.getSpecialCellsOrNullObject('Constants', 'Errors');
    errors.areas.load('items/address');
    const none = sheet.getRange('A1:A2').getSpecialCellsOrNullObject('Formulas');
    await context.sync();
    expect(formulas.areas.items.map((a) => [a.address, a.values])).toEqual([['숙의공론장!B3', [[3]]]]);
    expect(errors.areas.items.map((a) => a.address)).toEqual(['숙의공론장!B4']);
    expect(none.isNullObject).toBe(true);
  });
});

test('Worksheet.visibility: PropertyNotLoaded before load, set at sync, events only with ExcelApi 1.17', async () => {
  standin.uninstall();
  standin = installOfficeStandIn(
    globalThis,
    { sheets: [{ name: 'A' }, { name: 'B', visibility: 'VeryHidden' }] },
    { requirementSets: { ExcelApi: '1.17' } },
  );
  const seen: string[] = [];
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    expect(() => sheets.items[1].visibility).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    sheets.load('items/name,items/visibility');
    sheets.onVisibilityChanged.add(async (e) => void seen.push(`${e.visibilityBefore}→${e.visibilityAfter}`));
    await context.sync();
    expect(sheets.items.map((s) => s.visibility)).toEqual(['Visible', 'VeryHidden']);
    const b = sheets.getItem('B');
    b.visibility = Excel.SheetVisibility.visible;
    expect(standin.model.findSheet('B')!.visibility).toBe('VeryHidden');
    await context.sync();
    expect(standin.model.findSheet('B')!.visibility).toBe('Visible');
  });
  standin.user.setVisibility('A', 'Hidden');
  await standin.settled();
  expect(seen).toEqual(['VeryHidden→Visible', 'Visible→Hidden']);
  // Excel keeps one sheet visible.
  expect(() => standin.user.setVisibility('B', 'Hidden')).toThrow(
    expect.objectContaining({ code: 'InvalidOperation' }),
  );
});

test('onVisibilityChanged on a host without ExcelApi 1.17 fails its sync with ApiNotFound', async () => {
  await Excel.run(async (context) => {
    context.workbook.worksheets.onVisibilityChanged.add(async () => undefined);
    await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
