// The reader and the highlighter against office-addin-mock (Microsoft's generic Office.js mock):
// the number of syncs and of highlight calls per pass does not grow with the sheet.
import { OfficeMockObject } from 'office-addin-mock';
import { standard2021_1 } from '../../src/standard/2021.1';
import { surveyWorkbook } from '../../src/excel/survey';
import { queueRowReads, rangeBlocks } from '../../src/excel/reader';
import { HIGHLIGHT_COLOURS, planHighlights, queueHighlights } from '../../src/excel/highlights';
import { FORUMS, INFO, COUNCIL, forumValues, FIRST_DATA_ROW } from './fixtures';

// The shared jest config maps office-addin-manifest to an empty module; office-addin-mock only
// needs its host names.
jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', Outlook: 'outlook' } }));

type Mock = OfficeMockObject & Record<string, unknown>;

function mockExcel(forumRows: number) {
  const created: Mock[] = [];
  const calls = { getRangeByIndexes: 0, getRanges: 0, largestRead: 0 };
  const fills: Mock[] = [];
  const track = (data: object, plain: Record<string, unknown> = {}): Mock => {
    const m = new OfficeMockObject(data) as Mock;
    // isNullObject and collection items are readable after sync without load in Office.js;
    // office-addin-mock would demand a load, so they are plain fields here.
    Object.assign(m, plain);
    created.push(m);
    return m;
  };
  const lastRow = FIRST_DATA_ROW + forumRows - 1;
  const cellText = (r: number, c: number) => {
    if (r < FIRST_DATA_ROW) return '';
    const v = forumValues(r - FIRST_DATA_ROW)[c];
    return v ?? '';
  };
  const sheet = (id: string, name: string, rows: number) =>
    track({
      id,
      name,
      getUsedRangeOrNullObject: () =>
        track({ rowIndex: 0, rowCount: rows, columnIndex: 0, columnCount: 13 }, { isNullObject: false }),
      getRangeByIndexes: (r: number, c: number, rc: number, cc: number) => {
        calls.getRangeByIndexes++;
        calls.largestRead = Math.max(calls.largestRead, rc);
        const grid = (f: (r: number, c: number) => unknown) =>
          Array.from({ length: rc }, (_, i) => Array.from({ length: cc }, (_, j) => f(r + i + 1, c + j)));
        return track({
          formulas: grid((row, col) => (id === 'f' ? cellText(row, col) : '')),
          numberFormat: grid(() => 'General'),
          getSpecialCellsOrNullObject: () =>
            track({ areas: { load: () => undefined } }, { isNullObject: true }),
        });
      },
      getRanges: () => {
        calls.getRanges++;
        const m = track({ format: { fill: { color: '', clear: () => undefined } } });
        fills.push(m);
        return m;
      },
    });
  const sheets = { i: sheet('i', INFO, 8), f: sheet('f', FORUMS, lastRow), c: sheet('c', COUNCIL, 14) };
  const names: Record<string, string> = { i: INFO, f: FORUMS, c: COUNCIL };
  const find = (key: string) => Object.entries(sheets).find(([id]) => id === key || names[id] === key)?.[1];
  let syncs = 0;
  const context = track({
    workbook: {
      worksheets: {
        load: () => undefined,
        getItemOrNullObject: (key: string) => {
          const s = find(key);
          // A null object still has its methods in Office.js (their results are null objects too).
          return s
            ? Object.assign(s, { isNullObject: false })
            : track(
                {
                  id: '',
                  getUsedRangeOrNullObject: () =>
                    track(
                      { rowIndex: 0, rowCount: 0, columnIndex: 0, columnCount: 0 },
                      { isNullObject: true },
                    ),
                },
                { isNullObject: true },
              );
        },
        getItem: (key: string) => find(key),
      },
      customXmlParts: {
        getByNamespace: () =>
          track({ getOnlyItemOrNullObject: () => track({ id: '' }, { isNullObject: true }) }),
      },
    },
  });
  (context.workbook as Mock).worksheets = Object.assign((context.workbook as Mock).worksheets as object, {
    items: Object.entries(names).map(([id, name]) => ({ id, name })),
  });
  // The mock's own sync reaches only objects in its data tree; ours also reaches the objects that
  // methods returned (ranges), as Office.js does.
  const objects = created.filter((m) => m !== context);
  context.sync = async () => {
    syncs++;
    for (const m of [...objects, ...created.slice(objects.length + 1)]) await m.sync();
  };
  return { context: context as unknown as Excel.RequestContext, calls, fills, syncs: () => syncs, lastRow };
}

async function pass(forumRows: number) {
  const mock = mockExcel(forumRows);
  const survey = await surveyWorkbook(mock.context, standard2021_1, new Map());
  const ref = survey.refs.get('forums')!;
  const extent = survey.extents.get(ref.id)!;
  const collect = queueRowReads(
    mock.context.workbook.worksheets.getItem(ref.id),
    rangeBlocks(1, extent.lastRow, 0, extent.columns),
  );
  await mock.context.sync();
  const cells = collect();
  // The same 40 scattered findings whatever the size.
  const desired = new Map([
    [
      'f',
      new Map(
        Array.from(
          { length: 40 },
          (_, i) => [`${'ABCDEFGHIJ'[i % 10]}${FIRST_DATA_ROW + i * 2}`, i % 3 ? 'e' : 'w'] as const,
        ),
      ),
    ],
  ]);
  queueHighlights(mock.context, planHighlights(new Map(), desired, 'all'));
  await mock.context.sync();
  return { mock, cells, extent };
}

test('syncs and highlight calls per pass are the same for 100 and 10,000 rows', async () => {
  const small = await pass(100);
  const large = await pass(10_000);
  expect(small.mock.syncs()).toBe(3);
  expect(large.mock.syncs()).toBe(3);
  expect(large.mock.calls.getRanges).toBe(small.mock.calls.getRanges);
  expect(large.mock.calls.largestRead).toBeLessThanOrEqual(5000);
  expect(large.cells.size).toBe(large.mock.lastRow);
  expect(large.cells.get(FIRST_DATA_ROW + 9_999)?.[0]).toEqual({ value: 10_000 });
}, 60_000);

test('highlights set fills only, in the error and warning colours', async () => {
  const { mock } = await pass(50);
  const colours = mock.fills.map((m) => ((m.format as Mock).fill as Mock).color);
  expect(new Set(colours)).toEqual(new Set([HIGHLIGHT_COLOURS.error, HIGHLIGHT_COLOURS.warning]));
  for (const m of mock.fills)
    expect(Object.keys(m).some((k) => k === 'values' || k === 'formulas')).toBe(false);
});
