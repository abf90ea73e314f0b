// The pages' Content-Security-Policy as data: what each page may load and reach. The built pages
// carry exactly these (test/e2e/dist.e2e.test.ts) and Chromium runs the pane under them with no
// violation (test/e2e).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseConfigText } from '../../src/config';
import { EMPTY_STYLE_ELEMENT, contentSecurityPolicy, type PageName } from '../../src/config/csp';

const read = (p: string) => fs.readFileSync(path.resolve(__dirname, '..', '..', p), 'utf8');
const deployment = parseConfigText(read('test/fixtures/deployment.config.json'));
const standIn = parseConfigText(read('config/delib.config.json'));
const PAGES: PageName[] = ['taskpane', 'commands', 'auth-dialog', 'help', 'preview'];

function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

test('the empty-style hash is the SHA-256 of the empty string', () => {
  expect(EMPTY_STYLE_ELEMENT).toBe(`'sha256-${createHash('sha256').update('').digest('base64')}'`);
});

test.each(PAGES)('%s: nothing by default, no eval, no inline script, no loopback in production', (page) => {
  const policy = contentSecurityPolicy(page, { config: deployment, loopback: false });
  const d = parse(policy);
  expect(d.get('default-src')).toEqual(["'none'"]);
  expect(d.get('base-uri')).toEqual(["'none'"]);
  expect(d.get('form-action')).toEqual(["'none'"]);
  expect(policy).not.toMatch(/unsafe-|\*|127\.0\.0\.1|localhost|http:|data:|blob:/);
  for (const source of d.get('script-src') ?? [])
    expect(["'self'", 'https://appsforoffice.microsoft.com']).toContain(source);
});

test('the pane reaches its own origin, the configured Graph root, the SharePoint host and sign-in, nothing else', () => {
  const d = parse(contentSecurityPolicy('taskpane', { config: deployment, loopback: false }));
  expect(d.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
  expect(d.get('connect-src')).toEqual([
    "'self'",
    'https://graph.microsoft.com',
    'https://contoso.sharepoint.com',
    'https://login.microsoftonline.com',
  ]);
  expect(d.get('style-src')).toEqual(["'self'", EMPTY_STYLE_ELEMENT]);
  expect(d.get('frame-src')).toEqual(['https://appsforoffice.microsoft.com']);
});

test('the dialog reaches sign-in only; the commands nothing; help loads no script', () => {
  expect(
    parse(contentSecurityPolicy('auth-dialog', { config: deployment, loopback: false })).get('connect-src'),
  ).toEqual(["'self'", 'https://login.microsoftonline.com']);
  expect(
    parse(contentSecurityPolicy('commands', { config: deployment, loopback: false })).has('connect-src'),
  ).toBe(false);
  expect(
    parse(contentSecurityPolicy('help', { config: deployment, loopback: false })).has('script-src'),
  ).toBe(false);
});

test('the stand-in builds may reach this computer (the stand-in on any port, live reload), still without eval', () => {
  const policy = contentSecurityPolicy('taskpane', { config: standIn, loopback: true });
  const connect = parse(policy).get('connect-src') ?? [];
  expect(connect).toEqual(
    expect.arrayContaining(['http://127.0.0.1:4321', 'http://127.0.0.1:*', 'ws://localhost:*']),
  );
  expect(policy).not.toMatch(/unsafe-/);
  expect(
    parse(contentSecurityPolicy('preview', { config: standIn, loopback: true })).get('script-src'),
  ).toEqual(["'self'"]);
});
