// The city desk's session on both stand-ins (Graph holding the demo city, Office.js with a blank
// workbook): who may use it, the period it opens on, a refresh that writes the workbook and reports
// what it found, a refresh stopped by a typed-over cell and finished by "overwrite".
import { STANDIN_TOKEN } from '../../src/auth/standin';
import { defaultRunner } from '../../src/excel/host';
import { documentSettings } from '../../src/excel/settings';
import { DeskController, defaultPeriod } from '../../src/taskpane/desk/session';
import { DESK_SHEETS } from '../../src/workbook/desk';
import { installOfficeStandIn, type OfficeStandIn } from '../standins/office-js';
import { demoStandIn, type DemoStandIn } from '../support/demo-city';

let demo: DemoStandIn;
let office: OfficeStandIn;
beforeAll(async () => {
  demo = await demoStandIn('snapshot');
}, 60_000);
afterAll(() => demo?.close());
beforeEach(() => {
  office = installOfficeStandIn(globalThis, { sheets: [{ name: 'Sheet1' }] });
});
afterEach(() => office.uninstall());

const NOW = new Date('2026-11-29T03:00:00Z');
function desk(token = STANDIN_TOKEN, access: 'register' | 'everyone' = 'register') {
  return new DeskController({
    loadConfig: async () => ({ ...demo.config, desk: { access } }),
    tokens: async () => ({ getToken: async () => token }),
    run: defaultRunner,
    settings: documentSettings(),
    now: () => NOW,
    displayLanguage: 'ko-KR',
  });
}

test('the period it opens on: the register’s latest year not after this one, its last quarter past due', () => {
  expect(defaultPeriod([2021, 2020], NOW)).toEqual({ year: 2021, quarter: 4 });
  // 1 July 2026 in Korea: 2분기 is past (30 June), 3분기 is not.
  expect(defaultPeriod([2027, 2026, 2021], new Date('2026-06-30T15:00:00Z'))).toEqual({
    year: 2026,
    quarter: 2,
  });
  // 31 March, 23:59 KST: nothing is past due yet in 2026.
  expect(defaultPeriod([2026], new Date('2026-03-31T14:59:00Z'))).toEqual({ year: 2026, quarter: 1 });
});

test('a district officer is told the desk is for city officers; the deployment may open it to everyone', async () => {
  const district = desk('demo-district-11110');
  await district.start();
  expect(district.getState()).toMatchObject({
    status: 'not-officer',
    account: 'submitter.11110@delib.localhost',
  });
  await district.refresh();
  expect(office.model.sheets).toHaveLength(1);
  const open = desk('demo-district-11110', 'everyone');
  await open.start();
  expect(open.getState().status).toBe('ready');
});

test('the officer refreshes: the workbook is written and the pane learns what was found', async () => {
  const session = desk();
  const seen: string[] = [];
  session.subscribe((s) => seen.push(s.status));
  await session.start();
  expect(session.getState()).toMatchObject({
    status: 'ready',
    year: 2021,
    quarter: 4,
    compareYear: 2020,
    years: [2021, 2020],
  });
  await session.refresh();
  const s = session.getState();
  expect(seen).toEqual(['ready', 'reading', 'writing', 'ready']);
  expect(s.summary).toMatchObject({
    year: 2021,
    quarter: 4,
    due: '2021-12-31',
    counts: { 'on-time': 18, late: 2, missing: 2, 'needs-review': 2 },
    dataBook: { districts: 21, missing: 3 },
    composition: { met: 18, of: 21 },
    compared: 2020,
  });
  expect(s.summary!.attention.map((a) => `${a.district} ${a.state}`)).toEqual([
    '강동구 late',
    '강서구 needs-review',
    '관악구 late',
    '구로구 missing',
    '노원구 missing',
    '성동구 needs-review',
  ]);
  // The officer read it: the officer's groups were asked once, at sign-in (register, one $batch);
  // the refresh is the register and the two years.
  expect(s.lastRefresh).toMatchObject({ syncs: 2, requests: 3, sheets: Object.values(DESK_SHEETS) });
  expect(office.model.sheets.map((x) => x.name)).toEqual(['Sheet1', ...Object.values(DESK_SHEETS)]);

  // Another quarter, another comparison year: the same sheets, refreshed in place.
  session.choose({ quarter: 2, compareYear: 2020 });
  await session.refresh();
  expect(office.user.values(DESK_SHEETS.board, 'A1')[0][0]).toBe(
    '2021년 2분기 제출 현황 — 기한 2021-06-30 (한국 시간), 지남',
  );
  expect(session.getState().lastRefresh?.syncs).toBe(3);
});

test('a typed-over cell stops the refresh with the cells listed; overwrite finishes it', async () => {
  const session = desk();
  await session.start();
  await session.refresh();
  office.user.setValues(DESK_SHEETS.dataBook, 'B5', [[1999]]);
  await session.refresh();
  expect(session.getState()).toMatchObject({
    status: 'conflicts',
    conflictsTotal: 1,
    conflicts: [{ sheet: DESK_SHEETS.dataBook, cell: 'B5', wrote: '2021', now: '1999' }],
  });
  session.dismissConflicts();
  expect(session.getState().status).toBe('ready');
  expect(office.user.values(DESK_SHEETS.dataBook, 'B5')[0][0]).toBe(1999);
  await session.refresh();
  await session.refresh({ overwrite: true });
  expect(session.getState().status).toBe('ready');
  expect(office.user.values(DESK_SHEETS.dataBook, 'B5')[0][0]).toBe(2021);
});

test('no configuration beside the pane, and a register SharePoint cannot read, are said as such', async () => {
  const none = new DeskController({
    loadConfig: async () => null,
    tokens: async () => ({ getToken: async () => STANDIN_TOKEN }),
    run: defaultRunner,
    settings: documentSettings(),
    now: () => NOW,
    displayLanguage: 'en-US',
  });
  await none.start();
  expect(none.getState().status).toBe('not-configured');
  const refused = desk('nobody');
  await refused.start();
  expect(refused.getState()).toMatchObject({
    status: 'error',
    problem: { ko: expect.any(String), en: expect.any(String) },
  });
});
