// What every browser test of a built pane starts from: dist/preview (the build for the local Graph
// stand-in) or dist/addin (the hosted build) served on a random 127.0.0.1 port, the Office.js
// stand-in bundled for the page, and one headless Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { buildStandInBundle } from './standin-bundle';
import { serveDirectory, type StaticServer } from './static-server';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** Where the builds are; DELIB_E2E_DIST points the tests at others (e.g. made elsewhere in CI). */
const distRoot = process.env.DELIB_E2E_DIST || path.join(repoRoot, 'dist');

export type Build = 'preview' | 'addin';

export function buildFolder(build: Build): string {
  return path.join(distRoot, build);
}

export interface DistPane {
  browser: Browser;
  server: StaticServer;
  /** The stand-in bundle's path, served where the page asks for Microsoft's office.js. */
  standIn: string;
  close(): Promise<void>;
}

export async function startDistPane(build: Build = 'preview'): Promise<DistPane> {
  const dist = buildFolder(build);
  if (!fs.existsSync(path.join(dist, 'taskpane.html'))) {
    throw new Error(
      `${dist}/taskpane.html is missing: run \`npm run build:test\` before \`npm run test:e2e\`.`,
    );
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
