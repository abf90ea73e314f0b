// The pane's submit flow in headless Chromium: the live session over the Office.js stand-in, the
// submit panel, the Graph stand-in on another localhost port; sign-in is the stand-in's development
// token (delib.config.json names a loopback Graph root and no Entra app).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import webpack from 'webpack';
import type { Browser, Page } from 'playwright-core';
import { startGraphStandIn, type GraphStandIn } from '../../devtools/graph-standin';
import { createGraphSubmission, parseConfig } from '../../src/graph';
import { currentStandard } from '../../src/standard';
import { launchChromium } from './support/browser';
import { serveDirectory, type StaticServer } from './support/static-server';

const repoRoot = path.resolve(__dirname, '..', '..');
const ROWS = 100;
const SITE = { hostname: 'seoul.sharepoint.com', path: '/sites/delib' };

function bundle(outDir: string): Promise<void> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    context: repoRoot,
    entry: path.join(repoRoot, 'test', 'submission', 'e2e-entry.tsx'),
    output: { path: outDir, filename: 'submit-e2e.js' },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: false } },
        },
      ],
    },
    infrastructureLogging: { level: 'error' },
  });
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

let dir = '';
let graph: GraphStandIn;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delib-submit-e2e-'));
  graph = await startGraphStandIn({ latencyMs: 5 });
  const config = { graphRoot: graph.url, site: SITE, batch: { concurrency: 1 } };
  const { remaining } = await createGraphSubmission({
    config: parseConfig(config),
    tokens: { getToken: async () => 'admin' },
    standard: currentStandard,
  }).provision();
  expect(remaining).toEqual([]);
  fs.writeFileSync(path.join(dir, 'delib.config.json'), JSON.stringify(config));
  fs.writeFileSync(
    path.join(dir, 'taskpane.html'),
    '<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>submit</title></head>' +
      '<body><div id="root"></div><script src="submit-e2e.js"></script></body></html>',
  );
  await bundle(dir);
  [server, browser] = await Promise.all([serveDirectory(dir), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await graph?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function forumItems() {
  const site = graph.sites().find((s) => s.path === SITE.path);
  return site?.lists.find((l) => l.name === 'Forums')?.items ?? [];
}

async function openPage(): Promise<{ page: Page; errors: string[]; blocked: string[] }> {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: 'ko-KR' });
  const page = await context.newPage();
  const errors: string[] = [];
  const blocked: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const graphOrigin = new URL(graph.url).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin) || url.startsWith(graphOrigin)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  await page.goto(`${server.origin}/taskpane.html?rows=${ROWS}`);
  await page.waitForSelector(`[role="status"][data-status="ready"][data-rows="${ROWS}"]`, {
    state: 'attached',
    timeout: 60_000,
  });
  return { page, errors, blocked };
}

test('submit → progress → receipt in the pane and in the workbook; cancel and resume sends nothing twice', async () => {
  const { page, errors, blocked } = await openPage();
  const submit = page.getByRole('button', { name: '제출' });
  await expect(submit.isEnabled()).resolves.toBe(true);

  // Slow the stand-in so the cancel lands mid-way, then resume.
  graph.setLatency(400);
  await submit.click();
  await page
    .waitForFunction(() => /([1-9]\d*)\/\d+행 제출됨/.test(document.body.innerText), undefined, {
      timeout: 30_000,
    })
    .catch(async (e: unknown) => {
      throw new Error(`${String(e)}\npane says: ${await page.evaluate(() => document.body.innerText)}`);
    });
  await page.getByRole('button', { name: '취소' }).click();
  await page.getByText('제출을 취소했습니다', { exact: false }).waitFor({ timeout: 30_000 });
  const partial = forumItems().length;
  expect(partial).toBeLessThan(ROWS);

  graph.setLatency(5);
  await page.getByRole('button', { name: '이어서 제출' }).click();
  await page.getByTestId('receipt-rows').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('receipt-rows').innerText()).toBe(String(ROWS));

  const keys = forumItems().map((i) => String(i.fields.RowKey));
  expect(keys).toHaveLength(ROWS);
  expect(new Set(keys).size).toBe(ROWS);
  const receiptId = await page.getByTestId('receipt-id').innerText();
  expect(keys.every((k) => k.startsWith(receiptId))).toBe(true);

  const saved = await page.evaluate(() => {
    const s = window.__standIn!.model.settings;
    return {
      receipt: s.get('delib.submission.receipt') as { submissionId: string; rowCount: number },
      line: s.get('delib.submission.receiptLine') as string,
      journal: JSON.stringify(s.get('delib.submission.journal')),
    };
  });
  expect(saved.receipt).toMatchObject({ submissionId: receiptId, rowCount: ROWS });
  expect(saved.line).toContain(receiptId);
  expect(saved.journal).not.toMatch(/token|Bearer/i);
  expect(errors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.context().close();
});
