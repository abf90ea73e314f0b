// Headless Chromium on a built pane (dist/preview or dist/addin), under the pages' own
// Content-Security-Policy, with Microsoft's office.js swapped for the stand-in and every request off
// 127.0.0.1 refused (the tests never touch the network). Every CSP violation the page reports is
// recorded, so a test can require none.
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page, Route } from 'playwright-core';
import type { E2eConfig } from './browser-standin';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export interface PaneHarness {
  page: Page;
  dialogs: string[];
  pageErrors: string[];
  /** Requests that tried to leave the machine (blocked). */
  blocked: string[];
  /** `securitypolicyviolation` events: directive, blocked URI and sample. */
  cspViolations: string[];
}

/** What a test may add to the page's network: nothing by default. */
export interface PaneNetwork {
  /** Further loopback origins the page may reach (e.g. the Graph stand-in on its own port). */
  allowOrigins?: string[];
  /** Answers for paths on the pane's origin, in place of the files in dist/ (e.g. `/delib.config.json`). */
  answers?: Record<string, { contentType: string; body: string }>;
  /**
   * Requests to other hosts answered by the test (e.g. https://graph.microsoft.com relayed to the
   * Graph stand-in); resolves false to refuse. Only what the page's CSP let through ever gets here.
   */
  relay?: (route: Route, url: URL) => Promise<boolean>;
  /** Runs before the page loads (e.g. init scripts standing in for what the host provides). */
  beforeLoad?: (page: Page) => Promise<void>;
  /** The page to open instead of taskpane.html (e.g. auth-dialog.html). */
  entry?: string;
}

export async function openPane(
  browser: Browser,
  origin: string,
  standInBundle: string | null,
  config: E2eConfig = {},
  network: PaneNetwork = {},
): Promise<PaneHarness> {
  const allowed = [origin, ...(network.allowOrigins ?? [])].map((o) => {
    const url = new URL(o);
    if (url.hostname !== '127.0.0.1') throw new Error(`e2e pages reach 127.0.0.1 only, not ${o}`);
    return url.origin;
  });
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: 'ko-KR' });
  const page = await context.newPage();
  const harness: PaneHarness = { page, dialogs: [], pageErrors: [], blocked: [], cspViolations: [] };
  await page.exposeFunction('__delibCspViolation', (v: string) => harness.cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __delibCspViolation(v: string): void }).__delibCspViolation;
      report(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`.trim());
    });
  });
  page.on('dialog', (d) => {
    harness.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => harness.pageErrors.push(e.message));
  const bundle = standInBundle ? fs.readFileSync(standInBundle, 'utf8') : null;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('data:')) return route.continue();
    const parsed = new URL(url);
    const answer = parsed.origin === allowed[0] ? network.answers?.[parsed.pathname] : undefined;
    if (answer) return route.fulfill({ status: 200, ...answer });
    if (allowed.includes(parsed.origin)) return route.continue();
    if (url === OFFICE_JS_CDN && bundle !== null) {
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: bundle });
    }
    if (network.relay && (await network.relay(route, parsed))) return;
    harness.blocked.push(url);
    return route.abort('blockedbyclient');
  });
  await page.addInitScript((c) => {
    (window as unknown as { __delibE2e: E2eConfig }).__delibE2e = c;
  }, config);
  await network.beforeLoad?.(page);
  await page.goto(`${origin}/${network.entry ?? 'taskpane.html'}`);
  return harness;
}

/** Waits until the pane's status line says a pass finished over `rows` forum rows. */
export async function waitForReady(page: Page, rows?: number, timeout = 60_000): Promise<void> {
  const selector =
    rows === undefined
      ? '[role="status"][data-status="ready"]'
      : `[role="status"][data-status="ready"][data-rows="${rows}"]`;
  await page.waitForSelector(selector, { timeout });
}

/**
 * What every pane must end a test with: no page error, no alert, no request off the machine, no CSP
 * violation (the page ran under its own policy). Then its context is closed.
 */
export async function closeCleanly(h: PaneHarness): Promise<void> {
  expect({ pageErrors: h.pageErrors, dialogs: h.dialogs, blocked: h.blocked, csp: h.cspViolations }).toEqual({
    pageErrors: [],
    dialogs: [],
    blocked: [],
    csp: [],
  });
  await h.page.context().close();
}

/** What a page asked of Office beyond the stand-in's workbook: dialog answers and ribbon functions. */
export interface OfficeCalls {
  parentMessages: { message: string; options: unknown }[];
  associated: string[];
}

/**
 * Adds to the Office.js stand-in, as it installs itself, the two Office APIs it does not model and
 * records their calls: `Office.context.ui.messageParent` (a dialog page answering its opener) and
 * `Office.actions.associate` (the ribbon's functions). Read them with `officeCalls(page)`.
 */
export async function recordOfficeCalls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const calls: OfficeCalls = { parentMessages: [], associated: [] };
    (window as unknown as { __officeCalls: OfficeCalls }).__officeCalls = calls;
    type Office = { context: { ui?: object }; actions?: object };
    let office: Office | undefined;
    Object.defineProperty(window, 'Office', {
      configurable: true,
      get: () => office,
      set: (value: Office) => {
        value.context.ui = {
          messageParent: (message: string, options?: unknown) =>
            calls.parentMessages.push({ message, options }),
        };
        value.actions = { associate: (name: string) => calls.associated.push(name) };
        office = value;
      },
    });
  });
}

export function officeCalls(page: Page): Promise<OfficeCalls> {
  return page.evaluate(() => (window as unknown as { __officeCalls: OfficeCalls }).__officeCalls);
}

/** axe-core's violations on the page, evaluated through the DevTools protocol (the page's CSP rightly refuses an injected <script>). */
export async function runAxe(page: Page): Promise<{ id: string; targets: string[] }[]> {
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
    }));
  });
}
