// What every browser test of the production pane starts from: dist/ (or DELIB_E2E_DIST) served on a
// random 127.0.0.1 port, the Office.js stand-in bundled for the page, and one headless Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { buildStandInBundle } from './standin-bundle';
import { serveDirectory, type StaticServer } from './static-server';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** The build under test; DELIB_E2E_DIST points the tests at another one (e.g. made elsewhere in CI). */
export const dist = process.env.DELIB_E2E_DIST || path.join(repoRoot, 'dist');

export interface DistPane {
  browser: Browser;
  server: StaticServer;
  /** The stand-in bundle's path, served where the page asks for Microsoft's office.js. */
  standIn: string;
  close(): Promise<void>;
}

export async function startDistPane(): Promise<DistPane> {
  if (!fs.existsSync(path.join(dist, 'taskpane.html'))) {
    throw new Error('dist/taskpane.html is missing: run `npm run build:addin` before `npm run test:e2e`.');
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'delib-e2e-'));
  const [standIn, server, browser] = await Promise.all([
    buildStandInBundle(tmp),
    serveDirectory(dist),
    launchChromium(),
  ]);
  return {
    browser,
    server,
    standIn,
    async close() {
      await browser.close();
      await server.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
