// Where MSAL keeps tokens, caught at the library's door: the pane's nestable client in memory; the
// dialog's redirect client in the dialog window's sessionStorage (MSAL refuses a redirect on a
// memory cache), emptied the moment the redirect is back. The same facts are checked in Chromium on
// the built pages (test/e2e/addin.e2e.test.ts, test/e2e/dialog.e2e.test.ts).
import type { Configuration } from '@azure/msal-browser';
import { browserTokenProvider } from '../../src/auth/browser';
import { signInByRedirect } from '../../src/auth/dialog';
import { parseConfig } from '../../src/config';

const created: { kind: string; config: Configuration }[] = [];
const silent: unknown[] = [];

jest.mock('@azure/msal-browser', () => {
  const account = { homeAccountId: 'h', username: 'officer@seoul.go.kr' };
  const app = {
    getActiveAccount: () => null,
    getAllAccounts: () => [],
    setActiveAccount: () => undefined,
    acquireTokenSilent: async (request: unknown) => {
      silent.push(request);
      return { accessToken: `silent-${silent.length}`, account, expiresOn: new Date(Date.now() + 3600_000) };
    },
    acquireTokenPopup: async () => ({ accessToken: 'popup', account, expiresOn: null }),
  };
  return {
    createNestablePublicClientApplication: async (config: Configuration) => {
      created.push({ kind: 'nestable', config });
      return app;
    },
    PublicClientApplication: class {
      constructor(config: Configuration) {
        created.push({ kind: 'redirect', config });
      }
      initialize = async () => undefined;
      handleRedirectPromise = async () => ({
        accessToken: 'redirected',
        expiresOn: new Date(Date.now() + 60_000),
      });
    },
  };
});

const config = parseConfig({
  graphRoot: 'https://graph.microsoft.com/v1.0',
  auth: { clientId: '11111111-2222-3333-4444-555555555555', tenantId: 'seoul' },
  site: { hostname: 'h', path: '/sites/x' },
});

beforeEach(() => {
  created.length = 0;
  silent.length = 0;
});

test('nested app auth: MSAL is created with its cache in memory, and a refused token is refreshed past it', async () => {
  const tokens = browserTokenProvider(
    config,
    { nestedAppAuth: true, dialogOrigin: true, openDialog: () => Promise.reject(new Error('unused')) },
    'https://addin.example/taskpane.html',
  );
  expect(await tokens.getToken()).toBe('silent-1');
  expect(created).toHaveLength(1);
  expect(created[0].config.cache?.cacheLocation).toBe('memoryStorage');
  expect(created[0].config.auth.authority).toBe('https://login.microsoftonline.com/seoul');
  tokens.invalidate?.();
  expect(await tokens.getToken()).toBe('silent-2');
  expect(silent.map((r) => (r as { forceRefresh: boolean }).forceRefresh)).toEqual([false, true]);
});

test('the dialog page: redirected back to itself, its window storage emptied before it answers', async () => {
  let cleared = 0;
  const message = await signInByRedirect(
    config.auth,
    { origin: 'https://addin.example', pathname: '/auth-dialog.html' },
    { clear: () => cleared++ },
  );
  expect(JSON.parse(message)).toMatchObject({ ok: true, accessToken: 'redirected' });
  expect(cleared).toBe(1);
  expect(created).toHaveLength(1);
  expect(created[0].config.cache?.cacheLocation).toBe('sessionStorage');
  expect(created[0].config.auth.redirectUri).toBe('https://addin.example/auth-dialog.html');
});
