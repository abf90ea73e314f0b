// The pane's submit flow in headless Chromium: dist/preview/taskpane.html (`npm run build:preview`:
// the production code, built for the local Graph stand-in) on the Office.js stand-in, under the page's
// CSP, with the Graph stand-in started in this process on its own 127.0.0.1 port. The pane fetches
// delib.config.json beside taskpane.html; the test answers that request with the build's file whose
// graphRoot names the stand-in (a loopback Graph root and no Entra app: the stand-in's development
// token). The hosted build's own submit path (nested app auth, Graph by name) is addin.e2e.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { isoFromSerial } from '../../src/engine/dates';
import {
  DEFAULT_USERS,
  DEMO_USERS,
  demoRegister,
  demoRegisterWith,
  registerItems,
  startGraphStandIn,
  type GraphStandIn,
} from '../../devtools/graph-standin';
import type { DistrictRegister } from '../../src/register';
import { STANDIN_TOKEN } from '../../src/auth/standin';
import { createGraphSubmission } from '../../src/graph';
import { parseConfigText } from '../../src/config';
import { forumColumnName } from '../../src/graph/schema';
import { newestStandard } from '../../src/standard';
import { standardLayout, type TableSheetLayout } from '../../src/workbook/layout';
import { closeCleanly, openPane, waitForReady, type PaneHarness } from './support/browser';
import { buildFolder, startDistPane, type DistPane } from './support/dist-pane';

const layout = standardLayout(newestStandard);
const FORUMS = layout.forums.name;
const COUNCIL = layout.council.name;

let served: DistPane;
let graph: GraphStandIn;
let paneConfig = '';
let sitePath = '';
const open: PaneHarness[] = [];

beforeAll(async () => {
  served = await startDistPane();
});

afterAll(async () => {
  await served?.close();
});

// A fresh Graph stand-in per test on a random port, provisioned from the configuration the build
// ships (dist/preview/delib.config.json) with only its graphRoot changed, and the demo register (the
// development user submits for 마포구, the example's district, through its group); one batch in
// flight, so a cancel lands between rows.
beforeEach(async () => {
  graph = await startGraphStandIn({ latencyMs: 5, users: DEMO_USERS });
  const shipped = JSON.parse(
    fs.readFileSync(path.join(buildFolder('preview'), 'delib.config.json'), 'utf8'),
  ) as Record<string, unknown>;
  paneConfig = JSON.stringify({ ...shipped, graphRoot: graph.url, batch: { concurrency: 1 } });
  const config = parseConfigText(paneConfig);
  sitePath = config.site.path;
  const { remaining } = await createGraphSubmission({
    config,
    tokens: { getToken: async () => STANDIN_TOKEN },
    standard: newestStandard,
  }).provision();
  expect(remaining).toEqual([]);
  useRegister(demoRegister());
});

function useRegister(register: DistrictRegister): void {
  const list = sharePointSite().lists.find((l) => l.name === 'Districts')!;
  list.items.splice(0);
  graph.seed(sitePath, 'Districts', registerItems(register));
}

afterEach(async () => {
  // Each pane ran under its own CSP (dist/preview's is the production one plus loopback).
  for (const h of open.splice(0)) await closeCleanly(h);
  await graph?.close();
});

async function pane(rows: number, settings?: Record<string, unknown>): Promise<Page> {
  const h = await openPane(
    served.browser,
    served.server.origin,
    served.standIn,
    { rows, settings },
    {
      allowOrigins: [new URL(graph.url).origin],
      answers: { '/delib.config.json': { contentType: 'application/json', body: paneConfig } },
    },
  );
  open.push(h);
  await waitForReady(h.page, rows);
  return h.page;
}

function sharePointSite() {
  const s = graph.sites().find((x) => x.path === sitePath);
  if (!s) throw new Error('the stand-in has no site for the configuration');
  return s;
}

function forumItems() {
  return sharePointSite().lists.find((l) => l.name === 'Forums')?.items ?? [];
}

/** The sheet's values, read from the stand-in inside the page (what the user sees in Excel). */
function sheetValues(page: Page, sheet: string, address: string): Promise<unknown[][]> {
  return page.evaluate(([s, a]) => window.__standIn!.user.values(s, a), [sheet, address]);
}

function tableAddress(table: TableSheetLayout, rows: number): string {
  const letters = table.columns.map((c) => c.letter);
  const last = table.firstDataRow + rows - 1;
  return `${letters[0]}${table.firstDataRow}:${letters[letters.length - 1]}${last}`;
}

async function receiptOf(
  page: Page,
): Promise<{ id: string; rows: string; hash: string; at: string; by: string; status: string }> {
  const text = (id: string) => page.getByTestId(id).innerText();
  return {
    id: await text('receipt-id'),
    rows: await text('receipt-rows'),
    hash: await text('receipt-hash'),
    at: await text('receipt-at'),
    by: await text('receipt-by'),
    status: await text('receipt-status'),
  };
}

test('submit in the real pane → receipt shown; Forums holds exactly the workbook rows and no 성명', async () => {
  const ROWS = 12;
  const page = await pane(ROWS);
  const panel = page.getByRole('region', { name: 'SharePoint 제출' });
  // The stand-in, like Excel on some hosts, cannot hand out the file: the panel says so up front.
  await expect(panel.getByTestId('no-upload').innerText()).resolves.toContain('파일은 올리지 않고');
  const submit = panel.getByRole('button', { name: '제출', exact: true });
  await expect(submit.isEnabled()).resolves.toBe(true);
  await submit.click();
  await panel.getByTestId('receipt-id').waitFor({ timeout: 60_000 });

  const receipt = await receiptOf(page);
  expect(receipt.rows).toBe(String(ROWS));
  expect(receipt.hash).toMatch(/^[0-9a-f]{16}$/);
  // The submission id ends with the first 16 hex of the stamp hash (docs/sharepoint.md §4).
  expect(receipt.id).toMatch(new RegExp(`^\\d{5}-\\d{4}-${receipt.hash}$`));
  expect(receipt.at).toMatch(/\d{4}\. \d{1,2}\. \d{1,2}\./);
  // Who submitted is the signed-in account as SharePoint recorded it on the item, not workbook text.
  const dev = DEFAULT_USERS[STANDIN_TOKEN];
  expect(receipt.by).toBe(`${dev.displayName} <${dev.userPrincipalName}>`);
  expect(receipt.status).toBe('현재 제출');
  const item = sharePointSite().lists.find((l) => l.name === 'Submissions')!.items[0];
  expect(item.createdBy?.user.email).toBe(dev.userPrincipalName);
  await expect(panel.getByTestId('receipt-file').innerText()).resolves.toBe('올리지 않음');
  expect(sharePointSite().files).toEqual([]);

  // Exactly the workbook's rows: one item per row, keyed by the receipt's id, each column as the
  // sheet holds it (the computed 참석인원(계) and 참석율 as Excel calculated them).
  const sheet = await sheetValues(page, FORUMS, tableAddress(layout.forums, ROWS));
  const items = forumItems();
  expect(items).toHaveLength(ROWS);
  const byRow = new Map(items.map((i) => [Number(i.fields.ExcelRow), i.fields]));
  expect([...byRow.keys()].sort((a, b) => a - b)).toEqual(
    Array.from({ length: ROWS }, (_, i) => layout.forums.firstDataRow + i),
  );
  sheet.forEach((line, r) => {
    const fields = byRow.get(layout.forums.firstDataRow + r)!;
    expect(fields.SubmissionId).toBe(receipt.id);
    expect(fields.RowKey).toBe(`${receipt.id}-${String(line[0])}`);
    layout.forums.columns.forEach((c, k) => {
      const v = line[k];
      const want = v === null ? undefined : c.key === 'date' ? `${isoFromSerial(Number(v))}T00:00:00Z` : v;
      expect({ row: r, column: c.header, value: fields[forumColumnName(c.key)] }).toEqual({
        row: r,
        column: c.header,
        value: want,
      });
    });
  });

  // Council members' names (성명) never leave the workbook: not the word, not one of the names.
  const names = (await sheetValues(page, COUNCIL, tableAddress(layout.council, 200)))
    .map((line) => line[layout.council.columns.findIndex((c) => c.key === 'name')])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  expect(names.length).toBeGreaterThan(0);
  const stored = JSON.stringify(graph.sites());
  expect(stored).not.toContain('성명');
  for (const name of names) expect(stored).not.toContain(name);

  // The receipt is kept in the workbook too (its settings), with no token anywhere.
  const saved = await page.evaluate(() => {
    const s = window.__standIn!.model.settings;
    return {
      receipt: s.get('delib.submission.receipt') as { submissionId: string; rowCount: number },
      line: s.get('delib.submission.receiptLine') as string,
      journal: JSON.stringify(s.get('delib.submission.journal')),
    };
  });
  expect(saved.receipt).toMatchObject({ submissionId: receipt.id, rowCount: ROWS });
  expect(saved.line).toContain(receipt.id);
  expect(saved.journal).not.toMatch(/token|Bearer/i);
});

test('cancel mid-way, then resume: the rest is sent, nothing twice', async () => {
  const ROWS = 100;
  const page = await pane(ROWS);
  const panel = page.getByRole('region', { name: 'SharePoint 제출' });
  // Slow the stand-in so the cancel lands mid-way, then resume.
  graph.setLatency(400);
  await panel.getByRole('button', { name: '제출', exact: true }).click();
  await page
    .waitForFunction(() => /([1-9]\d*)\/\d+행 제출됨/.test(document.body.innerText), undefined, {
      timeout: 30_000,
    })
    .catch(async (e: unknown) => {
      throw new Error(`${String(e)}\npane says: ${await panel.innerText()}`);
    });
  await panel.getByRole('button', { name: '취소' }).click();
  await panel.getByText('제출을 취소했습니다', { exact: false }).waitFor({ timeout: 30_000 });
  expect(forumItems().length).toBeLessThan(ROWS);

  graph.setLatency(5);
  await panel.getByRole('button', { name: '이어서 제출' }).click();
  await panel.getByTestId('receipt-rows').waitFor({ timeout: 60_000 });
  const receipt = await receiptOf(page);
  expect(receipt.rows).toBe(String(ROWS));
  const keys = forumItems().map((i) => String(i.fields.RowKey));
  expect(keys).toHaveLength(ROWS);
  expect(new Set(keys).size).toBe(ROWS);
  expect(keys.every((k) => k.startsWith(`${receipt.id}-`))).toBe(true);
});

test('a district the signed-in account is not registered for: refused in the pane, nothing written', async () => {
  // 마포구's row names someone else; the development user is on no other row for 마포구.
  useRegister(demoRegisterWith('11440', ['someone.else@mapo.example.kr']));
  const before = JSON.stringify(graph.sites());
  const page = await pane(6);
  const panel = page.getByRole('region', { name: 'SharePoint 제출' });
  await panel.getByRole('button', { name: '제출', exact: true }).click();
  const alert = panel.getByRole('alert');
  await alert.waitFor({ timeout: 60_000 });
  const text = await alert.innerText();
  expect(text).toContain(DEFAULT_USERS[STANDIN_TOKEN].userPrincipalName);
  expect(text).toContain('마포구');
  expect(text).toContain('서울협치담당관');
  expect(JSON.stringify(graph.sites())).toBe(before);
  const journal = await page.evaluate(() => window.__standIn!.model.settings.get('delib.submission.journal'));
  expect(journal ?? null).toBeNull();
});

test('planted settings: a receipt with javascript: links and a broken journal render no link and crash nothing', async () => {
  const planted = {
    submissionId: '11440-2021-0a63995e225fb3b6',
    submittedAt: '2021-03-30T05:02:00Z',
    submittedBy: { id: 'x', displayName: '서울시장', email: 'mayor@seoul.go.kr' },
    status: 'current',
    district: '마포구',
    districtCode: '11440',
    year: 2021,
    quarter: 4,
    rowCount: 6,
    stampHash: '0a63995e225fb3b6'.repeat(4),
    itemUrl: 'javascript:alert(document.domain)',
    fileUrl: 'https://evil.example/phish.xlsx',
  };
  const page = await pane(6, {
    'delib.submission.receipt': planted,
    'delib.submission.journal': { version: 2, phase: 'rows', rowCount: 'all', confirmed: '0-99999999' },
  });
  const panel = page.getByRole('region', { name: 'SharePoint 제출' });
  await panel.getByTestId('receipt-id').waitFor({ timeout: 30_000 });
  // The receipt's facts are shown as text; neither address becomes a link.
  await expect(panel.getByTestId('receipt-file').innerText()).resolves.toBe(
    'SharePoint 주소가 아니어서 링크를 표시하지 않습니다',
  );
  const hrefs = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.filter((h) => /javascript:|evil\.example/i.test(h))).toEqual([]);
  // The journal failed its schema: reported in both languages, no "resume" offered.
  const problem = panel.getByTestId('stored-problem');
  await expect(problem.innerText()).resolves.toContain('제출 진행 기록');
  await expect(problem.innerText()).resolves.toContain('progress record');
  await expect(panel.getByRole('button', { name: '이어서 제출' }).count()).resolves.toBe(0);
  await expect(panel.getByRole('button', { name: '제출', exact: true }).isEnabled()).resolves.toBe(true);
});

test('planted settings: a receipt without stampHash is reported in both languages and the panel works', async () => {
  const page = await pane(6, {
    'delib.submission.receipt': {
      submissionId: '11440-2021-0a63995e225fb3b6',
      rowCount: 6,
      fileUrl: 'javascript:x',
    },
  });
  const panel = page.getByRole('region', { name: 'SharePoint 제출' });
  const problem = panel.getByTestId('stored-problem');
  await problem.waitFor({ timeout: 30_000 });
  await expect(problem.innerText()).resolves.toContain('접수증');
  await expect(problem.innerText()).resolves.toContain('The receipt saved in this workbook cannot be read');
  await expect(panel.getByTestId('receipt-id').count()).resolves.toBe(0);
  // Still a working panel: submitting replaces the planted receipt with SharePoint's.
  await panel.getByRole('button', { name: '제출', exact: true }).click();
  await panel.getByTestId('receipt-id').waitFor({ timeout: 60_000 });
  await expect(panel.getByTestId('receipt-rows').innerText()).resolves.toBe('6');
  await expect(panel.getByTestId('stored-problem').count()).resolves.toBe(0);
});
