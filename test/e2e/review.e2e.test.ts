// The pane's reviewer view in headless Chromium (dist/preview on the Office.js stand-in, under the
// page's CSP, the Graph stand-in on its own port): absent until the workbook carries a stamp; once it
// does, looking the data up in the city's records says who submitted it and when, as SharePoint
// recorded them — without blocking anything else in the pane.
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_USERS, startGraphStandIn, type GraphStandIn } from '../../devtools/graph-standin';
import { STANDIN_TOKEN } from '../../src/auth/standin';
import { parseConfigText } from '../../src/config';
import { createGraphSubmission } from '../../src/graph';
import { writeRegister } from '../../src/graph/districts';
import { newestStandard } from '../../src/standard';
import { closeCleanly, openPane, waitForReady, type PaneHarness } from './support/browser';
import { buildFolder, startDistPane, type DistPane } from './support/dist-pane';

let served: DistPane;
let graph: GraphStandIn;
let harness: PaneHarness | null = null;

beforeAll(async () => {
  served = await startDistPane();
  graph = await startGraphStandIn({ latencyMs: 5 });
});

afterAll(async () => {
  if (harness) await closeCleanly(harness);
  await graph?.close();
  await served?.close();
});

test('stamped by submitting, then looked up: matches, from the signed-in officer, current', async () => {
  const shipped = JSON.parse(fs.readFileSync(path.join(buildFolder('preview'), 'delib.config.json'), 'utf8'));
  const paneConfig = JSON.stringify({ ...shipped, graphRoot: graph.url });
  const site = createGraphSubmission({
    config: parseConfigText(paneConfig),
    tokens: { getToken: async () => STANDIN_TOKEN },
    standard: newestStandard,
  });
  expect((await site.provision()).remaining).toEqual([]);
  const dev = DEFAULT_USERS[STANDIN_TOKEN];
  const example = { code: '11440', name: '마포구', dueYears: [2021] };
  await writeRegister(site.site, {
    districts: [{ ...example, submitters: { people: [dev.userPrincipalName], groups: [] } }],
    officers: { people: [], groups: [] },
  });

  harness = await openPane(
    served.browser,
    served.server.origin,
    served.standIn,
    { rows: 8 },
    {
      allowOrigins: [new URL(graph.url).origin],
      answers: { '/delib.config.json': { contentType: 'application/json', body: paneConfig } },
    },
  );
  const { page } = harness;
  await waitForReady(page, 8);
  // Not stamped yet: no reviewer view.
  await expect(page.getByTestId('review').count()).resolves.toBe(0);

  const panel = page.getByRole('region', { name: 'SharePoint 제출' });
  await panel.getByRole('button', { name: '제출', exact: true }).click();
  await panel.getByTestId('receipt-id').waitFor({ timeout: 60_000 });

  const review = page.getByTestId('review');
  await review.waitFor();
  await review.getByRole('button', { name: '서울시 기록에서 찾기' }).click();
  const lines = review.getByTestId('review-lines');
  await lines.waitFor({ timeout: 30_000 });
  const text = await lines.innerText();
  expect(text).toMatch(
    new RegExp(
      `✓ 일치: .+ \\d{4}년 \\d분기, .+\\(한국 시각\\) 접수, 제출자 ${dev.userPrincipalName.replace('.', '\\.')} \\(현재 제출\\)`,
    ),
  );
  expect(harness.pageErrors).toEqual([]);
  expect(harness.cspViolations).toEqual([]);
});
