// The city desk in headless Chromium: dist/preview/taskpane.html?view=desk (the production code built
// for the local Graph stand-in) on the Office.js stand-in with a blank workbook, under the page's CSP,
// reading the demo city from a Graph stand-in started here. The officer signs in (the stand-in's
// development token is the register's city officer), refreshes, and the workbook holds the board,
// the data book with its chart, the composition table and the comparison; the pane is axe-clean.
import fs from 'node:fs';
import path from 'node:path';
import { startGraphStandIn, type GraphStandIn } from '../../devtools/graph-standin';
import { demoUsers, seedDemoCity, settableClock } from '../../devtools/graph-standin/demo-city';
import { STANDIN_TOKEN } from '../../src/auth/standin';
import { createGraphSubmission } from '../../src/graph';
import { parseConfigText } from '../../src/config';
import { newestStandard } from '../../src/standard';
import { DESK_SHEETS, RATE_CHART_NAME } from '../../src/workbook/desk';
import { closeCleanly, openPane, runAxe, waitForReady, type PaneHarness } from './support/browser';
import { DESK_WRITTEN_KEY } from '../../src/excel';
import { buildFolder, startDistPane, type DistPane } from './support/dist-pane';

let served: DistPane;
let graph: GraphStandIn;
let paneConfig = '';
const open: PaneHarness[] = [];

beforeAll(async () => {
  const clock = settableClock();
  [served, graph] = await Promise.all([
    startDistPane(),
    startGraphStandIn({ users: demoUsers(), now: clock.now }),
  ]);
  const shipped = JSON.parse(
    fs.readFileSync(path.join(buildFolder('preview'), 'delib.config.json'), 'utf8'),
  ) as Record<string, unknown>;
  paneConfig = JSON.stringify({ ...shipped, graphRoot: graph.url });
  const config = parseConfigText(paneConfig);
  await createGraphSubmission({
    config,
    tokens: { getToken: async () => STANDIN_TOKEN },
    standard: newestStandard,
  }).provision();
  await seedDemoCity({ config, clock });
}, 120_000);

afterAll(async () => {
  for (const h of open.splice(0)) await closeCleanly(h);
  await graph?.close();
  await served?.close();
});

test('the city desk: sign in as the officer, refresh, the workbook holds board, data book and chart', async () => {
  const h = await openPane(
    served.browser,
    served.server.origin,
    served.standIn,
    { blank: true },
    {
      entry: 'taskpane.html?view=desk',
      allowOrigins: [new URL(graph.url).origin],
      answers: { '/delib.config.json': { contentType: 'application/json', body: paneConfig } },
    },
  );
  open.push(h);
  const { page } = h;
  await page.waitForSelector('[role="status"][data-status="ready"]', { timeout: 60_000 });
  await expect(page.getByRole('status').innerText()).resolves.toContain('officer@delib.localhost');
  // The desk opens on the register's latest year and its last quarter past the due date.
  await expect(page.getByLabel('연도', { exact: true }).inputValue()).resolves.toBe('2021');
  await expect(page.getByLabel('분기', { exact: true }).inputValue()).resolves.toBe('4');
  await page.getByRole('button', { name: '집계 통합문서 만들기·새로 고침' }).click();
  await page.getByTestId('desk-summary').waitFor({ timeout: 60_000 });

  // The pane: counts by state and the districts to follow up.
  const counts = await page.getByTestId('desk-counts').innerText();
  expect(counts).toMatch(/기한 내 제출\s+18/);
  expect(counts).toMatch(/지연 제출\s+2/);
  expect(counts).toMatch(/미제출\s+2/);
  expect(counts).toMatch(/확인 필요\s+2/);
  await expect(page.getByTestId('desk-attention').innerText()).resolves.toContain('성동구: 확인 필요');
  await expect(page.getByTestId('desk-last-refresh').innerText()).resolves.toMatch(/Excel 동기화 2회/);

  // The workbook: the four sheets, the board's title, the data book's formulas and chart.
  const book = await page.evaluate(
    ([board, dataBook, chartName]) => {
      const m = window.__standIn!.model;
      const sheet = m.findSheet(dataBook)!;
      const chart = sheet.charts.find((c) => c.name === chartName);
      const total = [...sheet.rows.values()].find((r) => r.get(0)?.value === '총계')!;
      return {
        sheets: m.sheets.map((s) => s.name),
        title: m.cell(m.findSheet(board)!, 0, 0)?.value,
        totalFormulas: [...total.values()].filter((c) => c.formula).length,
        chart: chart && { title: chart.title, rows: chart.data.rowCount, columns: chart.data.columnCount },
        boardRules: m.findSheet(board)!.conditionalFormats.length,
      };
    },
    [DESK_SHEETS.board, DESK_SHEETS.dataBook, RATE_CHART_NAME],
  );
  expect(book.sheets).toEqual(['Sheet1', ...Object.values(DESK_SHEETS)]);
  expect(book.title).toBe('2021년 4분기 제출 현황 — 기한 2021-12-31 (한국 시간), 지남');
  expect(book.totalFormulas).toBe(6);
  expect(book.chart).toEqual({ title: '2021년 자치구별 참석율', rows: 25, columns: 3 });
  expect(book.boardRules).toBe(5);

  expect(await runAxe(page)).toEqual([]);

  // A second refresh: the same sheets, one chart, three syncs.
  await page.getByRole('button', { name: '집계 통합문서 만들기·새로 고침' }).click();
  await page.waitForFunction(
    () =>
      /Excel 동기화 3회/.test(document.querySelector('[data-testid="desk-last-refresh"]')?.textContent ?? ''),
    undefined,
    { timeout: 60_000 },
  );
  const again = await page.evaluate(() => {
    const m = window.__standIn!.model;
    return { sheets: m.sheets.length, charts: m.sheets.flatMap((s) => s.charts).length };
  });
  expect(again).toEqual({ sheets: 5, charts: 1 });
});

/** The pane's network for a test: the Graph stand-in reachable, the configuration pointing at it. */
const deskNetwork = (entry = 'taskpane.html') => ({
  entry,
  allowOrigins: [new URL(graph.url).origin],
  answers: { '/delib.config.json': { contentType: 'application/json', body: paneConfig } },
});

test('the district pane links to the city desk, and the desk back to the district checks', async () => {
  const h = await openPane(served.browser, served.server.origin, served.standIn, { rows: 12 }, deskNetwork());
  open.push(h);
  const { page } = h;
  await waitForReady(page, 12);
  await page.getByRole('button', { name: '시 집계 열기 (서울시 담당자)' }).click();
  await page.waitForURL(/[?&]view=desk\b/);
  await page.waitForSelector('[role="status"][data-status="ready"]', { timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('시 집계');

  await page.getByRole('button', { name: '자치구 통합시트 검증으로 돌아가기' }).click();
  await page.waitForURL(/[?&]view=district\b/);
  await waitForReady(page, 12);
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('숙의공론 통합시트 검증');
});

test('a consolidation workbook the desk wrote opens on the desk; the record never hides a district workbook', async () => {
  const written = {
    version: 1,
    sheets: { [DESK_SHEETS.board]: { address: 'A1:B1', cells: [['자치구', '상태']] } },
  };
  const desk = await openPane(
    served.browser,
    served.server.origin,
    served.standIn,
    { blank: true, settings: { [DESK_WRITTEN_KEY]: written } },
    deskNetwork(),
  );
  open.push(desk);
  await desk.page.waitForSelector('[role="status"][data-status="ready"]', { timeout: 60_000 });
  await expect(desk.page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('시 집계');

  // The same record planted in a district's workbook: its checks and stamp verdict stay in view.
  const planted = await openPane(
    served.browser,
    served.server.origin,
    served.standIn,
    { rows: 12, settings: { [DESK_WRITTEN_KEY]: written } },
    deskNetwork(),
  );
  open.push(planted);
  await waitForReady(planted.page, 12);
  await expect(planted.page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
    '숙의공론 통합시트 검증',
  );

  // A record that is not one the desk writes is no reason to leave the district checks either.
  const forged = await openPane(
    served.browser,
    served.server.origin,
    served.standIn,
    { blank: true, settings: { [DESK_WRITTEN_KEY]: { version: 1, sheets: { x: { address: 7 } } } } },
    deskNetwork(),
  );
  open.push(forged);
  await forged.page.waitForSelector('h1', { timeout: 60_000 });
  await expect(forged.page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
    '숙의공론 통합시트 검증',
  );
});
