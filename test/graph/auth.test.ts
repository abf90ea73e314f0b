// The one token owner: the right source for each host and configuration, tokens in memory only.
import { browserTokenProvider, type DialogMessage } from '../../src/auth/browser';
import { cliTokenProvider } from '../../src/auth/node';
import { STANDIN_TOKEN } from '../../src/auth/standin';
import { AuthError } from '../../src/auth/types';
import { parseConfig } from '../../src/config';

const tenant = parseConfig({
  graphRoot: 'https://graph.microsoft.com/v1.0',
  auth: { clientId: '11111111-2222-3333-4444-555555555555', tenantId: 'seoul' },
  site: { hostname: 'h', path: '/sites/x' },
});
const local = parseConfig({
  graphRoot: 'http://127.0.0.1:4321/v1.0',
  site: { hostname: 'h', path: '/sites/x' },
});

type Handler = (arg: unknown) => void;

/** Just enough Office.js for the dialog fallback: a host without NestedAppAuth 1.1. */
function fakeOffice(reply: DialogMessage) {
  const opened: string[] = [];
  const office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'message', DialogEventReceived: 'event' },
    context: {
      requirements: { isSetSupported: (name: string) => name !== 'NestedAppAuth' },
      ui: {
        displayDialogAsync(url: string, _o: unknown, cb: (r: unknown) => void) {
          opened.push(url);
          const handlers: Record<string, Handler> = {};
          cb({
            status: 'succeeded',
            value: { addEventHandler: (t: string, h: Handler) => (handlers[t] = h), close: () => undefined },
          });
          setTimeout(() => handlers.message({ message: JSON.stringify(reply) }), 0);
        },
      },
    },
  };
  (globalThis as unknown as { Office: unknown }).Office = office;
  return opened;
}

afterEach(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

test('without NestedAppAuth 1.1 the Office dialog signs in, once, and the token is cached in memory', async () => {
  const opened = fakeOffice({ ok: true, accessToken: 'dialog-token', expiresOn: Date.now() + 3600_000 });
  const tokens = browserTokenProvider(tenant, 'https://addin.example/taskpane.html');
  expect(await tokens.getToken()).toBe('dialog-token');
  expect(await tokens.getToken()).toBe('dialog-token');
  expect(opened).toHaveLength(1);
  const url = new URL(opened[0]);
  expect(url.pathname).toBe('/auth-dialog.html');
  expect(url.searchParams.get('scopes')).toBe('https://graph.microsoft.com/Sites.Selected');
  tokens.invalidate?.();
  await tokens.getToken();
  expect(opened).toHaveLength(2);
});

test('a failed dialog sign-in is a bilingual AuthError', async () => {
  fakeOffice({ ok: false, error: 'AADSTS50011' });
  const tokens = browserTokenProvider(tenant, 'https://addin.example/taskpane.html');
  await expect(tokens.getToken()).rejects.toBeInstanceOf(AuthError);
});

test('the stand-in development token only for a loopback Graph root without an app', async () => {
  expect(await browserTokenProvider(local, 'http://127.0.0.1/').getToken()).toBe(STANDIN_TOKEN);
  expect(await cliTokenProvider(local, {}, () => undefined).getToken()).toBe(STANDIN_TOKEN);
  const noApp = { ...tenant, auth: { ...tenant.auth, clientId: '' } };
  expect(() => browserTokenProvider(noApp, 'https://a/')).toThrow(AuthError);
  expect(() => cliTokenProvider(noApp, {}, () => undefined)).toThrow(/DELIB_GRAPH_TOKEN/);
});

test('the CLI prefers DELIB_GRAPH_TOKEN over any sign-in', async () => {
  const tokens = cliTokenProvider(tenant, { DELIB_GRAPH_TOKEN: ' from-env ' }, () => undefined);
  expect(await tokens.getToken()).toBe('from-env');
});
