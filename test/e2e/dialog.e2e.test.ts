// The hosted sign-in dialog in Chromium: dist/addin/auth-dialog.html under its production CSP, on
// the Office.js stand-in, signing in by MSAL's redirect against a stand-in for the Microsoft identity
// platform (this test answers https://login.microsoftonline.com: discovery, the authorize redirect,
// the token endpoint). What it proves: the dialog reads the deployed configuration (not its URL),
// runs the whole redirect under its CSP with no violation, answers the pane with messageParent
// addressed to its own origin where DialogOrigin 1.1 exists, and leaves nothing in browser storage
// once it answers (MSAL needs the window's sessionStorage across the redirect; the dialog empties it).
import fs from 'node:fs';
import path from 'node:path';
import type { Route } from 'playwright-core';
import { parseConfigText } from '../../src/config';
import { closeCleanly, officeCalls, openPane, recordOfficeCalls, type PaneHarness } from './support/browser';
import { buildFolder, startDistPane, type DistPane } from './support/dist-pane';

const LOGIN = 'https://login.microsoftonline.com';
const ACCESS_TOKEN = 'dialog-access-token-from-the-identity-stand-in';
const config = parseConfigText(fs.readFileSync(path.join(buildFolder('addin'), 'delib.config.json'), 'utf8'));
const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OID = '00000000-0000-0000-66f3-3332eca7ea81';

let served: DistPane;
const open: PaneHarness[] = [];

beforeAll(async () => {
  served = await startDistPane('addin');
});
afterAll(async () => {
  await served?.close();
});
afterEach(async () => {
  for (const h of open.splice(0)) await closeCleanly(h);
});

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** Just enough of the Microsoft identity platform for MSAL's redirect flow with PKCE. */
function identityPlatform() {
  const seen: string[] = [];
  let nonce = '';
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
  const json = (route: Route, body: object) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: cors,
      body: JSON.stringify(body),
    });
  const tenant = config.auth.tenantId;
  const handle = async (route: Route, url: URL): Promise<boolean> => {
    if (url.origin !== LOGIN) return false;
    seen.push(`${route.request().method()} ${url.pathname}`);
    if (route.request().method() === 'OPTIONS') {
      await route.fulfill({ status: 204, headers: cors });
    } else if (url.pathname.endsWith('/v2.0/.well-known/openid-configuration')) {
      await json(route, {
        issuer: `${LOGIN}/${TID}/v2.0`,
        authorization_endpoint: `${LOGIN}/${tenant}/oauth2/v2.0/authorize`,
        token_endpoint: `${LOGIN}/${tenant}/oauth2/v2.0/token`,
        end_session_endpoint: `${LOGIN}/${tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${LOGIN}/${tenant}/discovery/v2.0/keys`,
      });
    } else if (url.pathname.endsWith('/discovery/instance')) {
      await json(route, {
        tenant_discovery_endpoint: `${LOGIN}/${tenant}/v2.0/.well-known/openid-configuration`,
        metadata: [
          {
            preferred_network: 'login.microsoftonline.com',
            preferred_cache: 'login.windows.net',
            aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com'],
          },
        ],
      });
    } else if (url.pathname.endsWith('/oauth2/v2.0/authorize')) {
      // The officer signs in here; the platform sends the browser back with a code.
      nonce = url.searchParams.get('nonce') ?? '';
      const back = new URLSearchParams({
        code: 'authorization-code',
        state: url.searchParams.get('state') ?? '',
        client_info: b64url({ uid: OID, utid: TID }),
      });
      const mode = url.searchParams.get('response_mode');
      const redirect = url.searchParams.get('redirect_uri') ?? '';
      await route.fulfill({
        status: 302,
        headers: { location: mode === 'query' ? `${redirect}?${back}` : `${redirect}#${back}` },
      });
    } else if (url.pathname.endsWith('/oauth2/v2.0/token')) {
      const now = Math.floor(Date.now() / 1000);
      await json(route, {
        token_type: 'Bearer',
        scope: config.auth.scopes.join(' '),
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: ACCESS_TOKEN,
        id_token: `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({
          aud: config.auth.clientId,
          iss: `${LOGIN}/${TID}/v2.0`,
          tid: TID,
          oid: OID,
          sub: OID,
          nonce,
          preferred_username: 'officer@contoso.onmicrosoft.com',
          name: 'District Officer',
          iat: now,
          nbf: now,
          exp: now + 3600,
        })}.sig`,
        client_info: b64url({ uid: OID, utid: TID }),
      });
    } else {
      return false;
    }
    return true;
  };
  return { handle, seen };
}

async function dialog(requirementSets: Record<string, string>) {
  const login = identityPlatform();
  const h = await openPane(
    served.browser,
    served.server.origin,
    served.standIn,
    { requirementSets },
    { entry: 'auth-dialog.html', beforeLoad: recordOfficeCalls, relay: login.handle },
  );
  open.push(h);
  await h.page.waitForFunction(
    () =>
      (window as unknown as { __officeCalls: { parentMessages: unknown[] } }).__officeCalls.parentMessages
        .length === 1,
    undefined,
    { timeout: 30_000 },
  );
  const [sent] = (await officeCalls(h.page)).parentMessages;
  const storage = await h.page.evaluate(() => ({
    session: Object.keys(sessionStorage),
    local: Object.keys(localStorage),
  }));
  return { h, login, sent, storage };
}

test('the dialog signs in by redirect under its CSP and answers only its own origin, leaving no storage', async () => {
  const { h, login, sent, storage } = await dialog({ DialogOrigin: '1.1' });
  const answer = JSON.parse(sent.message) as { ok: boolean; accessToken: string; expiresOn: number };
  expect(answer).toMatchObject({ ok: true, accessToken: ACCESS_TOKEN });
  expect(answer.expiresOn).toBeGreaterThan(Date.now() + 30 * 60_000);
  expect(sent.options).toEqual({ targetOrigin: served.server.origin });
  expect(login.seen).toEqual(
    expect.arrayContaining([
      `GET /${config.auth.tenantId}/oauth2/v2.0/authorize`,
      `POST /${config.auth.tenantId}/oauth2/v2.0/token`,
    ]),
  );
  // The page was opened with nothing in its URL: it read the deployed configuration itself.
  expect(h.page.url().split(/[?#]/)[0]).toBe(`${served.server.origin}/auth-dialog.html`);
  expect(storage).toEqual({ session: [], local: [] });
});

test('on a host without DialogOrigin 1.1, messageParent is called as that host knows it', async () => {
  const { sent } = await dialog({});
  expect(JSON.parse(sent.message)).toMatchObject({ ok: true, accessToken: ACCESS_TOKEN });
  expect(sent.options).toBeUndefined();
});
