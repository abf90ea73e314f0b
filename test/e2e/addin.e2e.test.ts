// The hosted build itself in Chromium: dist/addin/taskpane.html under its production CSP, on a host
// that offers nested app authentication (a bridge answering as Office's does, installed before the
// page loads), submitting to https://graph.microsoft.com — which this test relays to the Graph
// stand-in, since the tests never leave the machine. What it proves: the production CSP lets the pane
// render (Fluent's runtime styles), sign in and submit, and reports no violation; MSAL keeps its
// tokens in memory (nothing in sessionStorage, localStorage or cookies); every Graph request carries
// the token the host issued; a hosted configuration edited to point at this computer is refused
// before anything is sent.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  demoRegisterWith,
  registerItems,
  startGraphStandIn,
  type GraphStandIn,
} from '../../devtools/graph-standin';
import { parseConfigText } from '../../src/config';
import { createGraphSubmission } from '../../src/graph';
import { newestStandard } from '../../src/standard';
import {
  closeCleanly,
  officeCalls,
  openPane,
  recordOfficeCalls,
  waitForReady,
  type PaneHarness,
} from './support/browser';
import { buildFolder, startDistPane, type DistPane } from './support/dist-pane';

const GRAPH = 'https://graph.microsoft.com';
const ACCESS_TOKEN = 'naa-access-token-for-the-e2e-host';
const ROWS = 12;

let served: DistPane;
let graph: GraphStandIn;
const hosted = fs.readFileSync(path.join(buildFolder('addin'), 'delib.config.json'), 'utf8');
const config = parseConfigText(hosted);
const open: PaneHarness[] = [];

beforeAll(async () => {
  served = await startDistPane('addin');
});

afterAll(async () => {
  await served?.close();
});

beforeEach(async () => {
  graph = await startGraphStandIn({
    latencyMs: 5,
    // The officer the fake host signs in, and the admin who provisions the lists.
    users: {
      [ACCESS_TOKEN]: { id: 'e2e-officer', userPrincipalName: 'officer@seoul.go.kr', displayName: '담당자' },
      admin: { id: 'e2e-admin', userPrincipalName: 'admin@seoul.go.kr', displayName: '관리자' },
    },
  });
  const { remaining } = await createGraphSubmission({
    config: { ...config, graphRoot: graph.url },
    tokens: { getToken: async () => 'admin' },
    standard: newestStandard,
  }).provision();
  expect(remaining).toEqual([]);
  // The register: the signed-in officer submits for 마포구 (the example workbook's district).
  graph.seed(
    config.site.path,
    'Districts',
    registerItems(demoRegisterWith('11440', ['officer@seoul.go.kr'])),
  );
  graph.resetStats();
});

afterEach(async () => {
  // Each pane ran under its own CSP (dist/preview's is the production one plus loopback).
  for (const h of open.splice(0)) await closeCleanly(h);
  await graph?.close();
});

/**
 * What Office provides a page under NestedAppAuth 1.1: window.nestedAppAuthBridge, answering MSAL's
 * GetInitContext and GetToken(Popup) requests with the signed-in officer's token and account.
 */
async function installNaaHost(page: Page, clientId: string): Promise<void> {
  await page.addInitScript(
    ({ token, clientId }) => {
      const b64 = (o: object) =>
        btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
      const tid = '72f988bf-86f1-41af-91ab-2d7cd011db47';
      const oid = '00000000-0000-0000-66f3-3332eca7ea81';
      const now = Math.floor(Date.now() / 1000);
      const username = 'officer@contoso.onmicrosoft.com';
      const idToken = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
        aud: clientId,
        iss: `https://login.microsoftonline.com/${tid}/v2.0`,
        tid,
        oid,
        sub: oid,
        preferred_username: username,
        name: 'District Officer',
        iat: now,
        nbf: now,
        exp: now + 3600,
      })}.sig`;
      const listeners: ((m: string) => void)[] = [];
      const requests: string[] = [];
      (window as unknown as { __naaRequests: string[] }).__naaRequests = requests;
      (window as unknown as { nestedAppAuthBridge: object }).nestedAppAuthBridge = {
        addEventListener: (_type: string, cb: (m: string) => void) => listeners.push(cb),
        removeEventListener: () => undefined,
        postMessage(text: string) {
          const request = JSON.parse(text) as {
            method: string;
            requestId: string;
            tokenParams?: { scope?: string };
          };
          requests.push(request.method);
          const answer = (body: object) =>
            setTimeout(() => {
              const message = JSON.stringify({
                messageType: 'NestedAppAuthResponse',
                requestId: request.requestId,
                success: true,
                ...body,
              });
              for (const l of listeners) l(message);
            }, 0);
          if (request.method === 'GetInitContext') {
            answer({ initContext: { sdkName: 'delib-e2e-host', sdkVersion: '1.0.0', capabilities: {} } });
          } else {
            answer({
              token: {
                access_token: token,
                expires_in: 3600,
                id_token: idToken,
                properties: null,
                scope: request.tokenParams?.scope,
              },
              account: {
                homeAccountId: `${oid}.${tid}`,
                environment: 'login.microsoftonline.com',
                tenantId: tid,
                username,
                localAccountId: oid,
                name: 'District Officer',
              },
            });
          }
        },
      };
    },
    { token: ACCESS_TOKEN, clientId },
  );
}

async function hostedPane(answers: Record<string, { contentType: string; body: string }> = {}) {
  const authorizations: string[] = [];
  const standIn = new URL(graph.url).origin;
  const h = await openPane(
    served.browser,
    served.server.origin,
    served.standIn,
    { rows: ROWS, requirementSets: { NestedAppAuth: '1.1', DialogOrigin: '1.1' } },
    {
      answers,
      beforeLoad: (page) => installNaaHost(page, config.auth.clientId),
      relay: async (route, url) => {
        if (url.origin !== GRAPH) return false;
        const request = route.request();
        const auth = (await request.allHeaders()).authorization;
        if (auth) authorizations.push(auth);
        const response = await route.fetch({ url: `${standIn}${url.pathname}${url.search}` });
        // Links the stand-in writes with its own address are Graph's in the real answer.
        const body = (await response.text()).split(standIn).join(GRAPH);
        await route.fulfill({ response, body });
        return true;
      },
    },
  );
  open.push(h);
  await waitForReady(h.page, ROWS);
  return { page: h.page, authorizations };
}

test('the hosted pane signs in through the host and submits under its production CSP, keeping no token in storage', async () => {
  const { page, authorizations } = await hostedPane();
  const panel = page.getByRole('region', { name: 'SharePoint 제출' });
  await panel.getByRole('button', { name: '제출', exact: true }).click();
  await panel.getByTestId('receipt-id').waitFor({ timeout: 60_000 });
  await expect(panel.getByTestId('receipt-rows').innerText()).resolves.toBe(String(ROWS));

  const site = graph.sites().find((s) => s.path === config.site.path && s.hostname === config.site.hostname);
  expect(site?.lists.find((l) => l.name === config.lists.forums)?.items).toHaveLength(ROWS);
  expect(authorizations.length).toBeGreaterThan(2);
  expect(new Set(authorizations)).toEqual(new Set([`Bearer ${ACCESS_TOKEN}`]));
  const naa = await page.evaluate(() => (window as unknown as { __naaRequests: string[] }).__naaRequests);
  expect(naa[0]).toBe('GetInitContext');
  expect(naa.slice(1).every((m) => m === 'GetToken' || m === 'GetTokenPopup')).toBe(true);
  expect(naa.length).toBeGreaterThan(1);

  const storage = await page.evaluate(() => ({
    session: Object.entries(sessionStorage),
    local: Object.entries(localStorage),
    cookie: document.cookie,
  }));
  expect(storage).toEqual({ session: [], local: [], cookie: '' });
});

test('a hosted configuration edited to point at this computer is refused before anything is sent', async () => {
  const edited = JSON.stringify({ ...JSON.parse(hosted), graphRoot: graph.url, auth: { clientId: '' } });
  const { page, authorizations } = await hostedPane({
    '/delib.config.json': { contentType: 'application/json', body: edited },
  });
  const panel = page.getByRole('region', { name: 'SharePoint 제출' });
  await panel.getByText("'graphRoot'", { exact: false }).first().waitFor();
  await expect(panel.getByRole('button', { name: '제출', exact: true }).isDisabled()).resolves.toBe(true);
  expect(authorizations).toEqual([]);
  expect(graph.stats().requests).toBe(0);
});

test('the ribbon commands page and the help page load under their own CSP', async () => {
  const commands = await openPane(
    served.browser,
    served.server.origin,
    served.standIn,
    {},
    { entry: 'commands.html', beforeLoad: recordOfficeCalls },
  );
  open.push(commands);
  await commands.page.waitForFunction(
    () =>
      (window as unknown as { __officeCalls: { associated: string[] } }).__officeCalls.associated.length > 0,
  );
  expect((await officeCalls(commands.page)).associated.sort()).toEqual([
    'insertStandardSheets',
    'validateNow',
  ]);
  const help = await openPane(served.browser, served.server.origin, null, {}, { entry: 'help.html' });
  open.push(help);
  await help.page.waitForSelector('main h1');
  // help.css applied (a stylesheet from 'self'), so the page is not the browser's default layout.
  await expect(help.page.evaluate(() => getComputedStyle(document.body).maxWidth)).resolves.toBe('672px');
});
