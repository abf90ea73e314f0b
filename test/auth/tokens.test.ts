// The one token owner: the right source for each host and configuration, one cache with one expiry
// margin, a refused token dropped in one place, and the dialog's answer believed only from our origin.
import { browserTokenProvider, dialogOriginAccepted } from '../../src/auth/browser';
import { EXPIRY_MARGIN_MS, cachedTokens } from '../../src/auth/cache';
import type { DialogMessage } from '../../src/auth/dialog-message';
import { cliTokenProvider } from '../../src/auth/node';
import { STANDIN_TOKEN, standInTokens } from '../../src/auth/standin';
import { AuthError, type DialogAnswer, type HostSignIn } from '../../src/auth/types';
import { parseConfig } from '../../src/config';

const PANE = 'https://addin.example/taskpane.html';
const ORIGIN = 'https://addin.example';

const tenant = parseConfig({
  graphRoot: 'https://graph.microsoft.com/v1.0',
  auth: { clientId: '11111111-2222-3333-4444-555555555555', tenantId: 'seoul' },
  site: { hostname: 'h', path: '/sites/x' },
});
const local = parseConfig({
  graphRoot: 'http://127.0.0.1:4321/v1.0',
  site: { hostname: 'h', path: '/sites/x' },
});

const hourFromNow = () => Date.now() + 3600_000;
const reply = (m: DialogMessage): string => JSON.stringify(m);

/** The host side of the dialog fallback: a host without NestedAppAuth 1.1, answering as told. */
function dialogHost(answers: (url: string) => DialogAnswer | Promise<DialogAnswer>, dialogOrigin = true) {
  const opened: string[] = [];
  const host: HostSignIn = {
    nestedAppAuth: false,
    dialogOrigin,
    openDialog: async (url) => {
      opened.push(url);
      return answers(url);
    },
  };
  return { host, opened };
}

const fromPane = (message: string): DialogAnswer => ({ message, origin: ORIGIN });

describe('the token cache', () => {
  test('one margin: reused until EXPIRY_MARGIN_MS before expiry, then renewed', async () => {
    let now = 1_000_000;
    let n = 0;
    const tokens = cachedTokens(
      async () => ({ token: `t${++n}`, expiresAt: now + 10 * 60_000 }),
      () => now,
    );
    expect(await tokens.getToken()).toBe('t1');
    now += 10 * 60_000 - EXPIRY_MARGIN_MS - 1;
    expect(await tokens.getToken()).toBe('t1');
    now += 1;
    expect(await tokens.getToken()).toBe('t2');
  });

  test('concurrent callers share one sign-in', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const tokens = cachedTokens(async () => {
      calls++;
      await new Promise<void>((r) => (release = r));
      return { token: 'shared', expiresAt: hourFromNow() };
    });
    const all = Promise.all([tokens.getToken(), tokens.getToken(), tokens.getToken()]);
    await Promise.resolve();
    release();
    expect(await all).toEqual(['shared', 'shared', 'shared']);
    expect(calls).toBe(1);
  });

  test('a refused token is dropped and the issuer told to bypass its own cache, once', async () => {
    const refreshes: boolean[] = [];
    let n = 0;
    const tokens = cachedTokens(async (refresh) => {
      refreshes.push(refresh);
      return { token: `t${++n}`, expiresAt: hourFromNow() };
    });
    expect(await tokens.getToken()).toBe('t1');
    tokens.invalidate?.();
    expect(await tokens.getToken()).toBe('t2');
    expect(await tokens.getToken()).toBe('t2');
    expect(refreshes).toEqual([false, true]);
  });

  test('a failed sign-in is not cached: the next call tries again', async () => {
    let n = 0;
    const tokens = cachedTokens(async () => {
      if (++n === 1) throw new AuthError('실패', 'failed');
      return { token: 'ok', expiresAt: hourFromNow() };
    });
    await expect(tokens.getToken()).rejects.toBeInstanceOf(AuthError);
    expect(await tokens.getToken()).toBe('ok');
  });
});

describe('the Office dialog fallback', () => {
  test('signs in once, caches in memory, and opens the page with nothing in its URL', async () => {
    const { host, opened } = dialogHost(() =>
      fromPane(reply({ ok: true, accessToken: 'dialog-token', expiresOn: hourFromNow() })),
    );
    const tokens = browserTokenProvider(tenant, host, PANE);
    expect(await tokens.getToken()).toBe('dialog-token');
    expect(await tokens.getToken()).toBe('dialog-token');
    expect(opened).toEqual([`${ORIGIN}/auth-dialog.html`]);
    tokens.invalidate?.();
    await tokens.getToken();
    expect(opened).toHaveLength(2);
  });

  test('an answer from another origin is refused, with the origin named, and never used', async () => {
    const { host } = dialogHost(() => ({
      message: reply({ ok: true, accessToken: 'stolen-or-planted', expiresOn: hourFromNow() }),
      origin: 'https://evil.example',
    }));
    const tokens = browserTokenProvider(tenant, host, PANE);
    const failure = tokens.getToken();
    await expect(failure).rejects.toBeInstanceOf(AuthError);
    await expect(failure).rejects.toThrow(/https:\/\/evil\.example/);
  });

  test('without an origin: refused where the host reports origins (DialogOrigin 1.1), accepted where it cannot', async () => {
    const answer = () => ({
      message: reply({ ok: true, accessToken: 'x', expiresOn: hourFromNow() }),
      origin: undefined,
    });
    await expect(
      browserTokenProvider(tenant, dialogHost(answer, true).host, PANE).getToken(),
    ).rejects.toThrow(AuthError);
    expect(await browserTokenProvider(tenant, dialogHost(answer, false).host, PANE).getToken()).toBe('x');
  });

  test('origin comparison: scheme, host and port exactly, default ports normalised', () => {
    expect(dialogOriginAccepted('https://addin.example', ORIGIN, true)).toBe(true);
    expect(dialogOriginAccepted('https://addin.example:443', ORIGIN, true)).toBe(true);
    expect(dialogOriginAccepted('https://addin.example/', ORIGIN, true)).toBe(true);
    for (const other of [
      'http://addin.example',
      'https://addin.example:8443',
      'https://addin.example.evil.example',
      'https://evil.example/https://addin.example',
      'null',
      '',
      '*',
    ])
      expect({ other, ok: dialogOriginAccepted(other, ORIGIN, true) }).toEqual({ other, ok: false });
    expect(dialogOriginAccepted(undefined, ORIGIN, false)).toBe(true);
  });

  test('a failed or malformed answer is a bilingual AuthError, never a token', async () => {
    for (const message of [
      reply({ ok: false, error: 'AADSTS50011' }),
      '{"ok":true,"expiresOn":1}',
      '{"ok":true,"accessToken":"","expiresOn":1}',
      '{"ok":true,"accessToken":"t","expiresOn":"soon"}',
      '{"ok":"yes","accessToken":"t","expiresOn":1}',
      'null',
      'not json',
    ]) {
      const tokens = browserTokenProvider(tenant, dialogHost(() => fromPane(message)).host, PANE);
      await expect(tokens.getToken()).rejects.toBeInstanceOf(AuthError);
    }
  });

  test('the user closing the dialog is said as such', async () => {
    const { host } = dialogHost(() =>
      Promise.reject(Object.assign(new Error('closed'), { reason: 'closed' })),
    );
    await expect(browserTokenProvider(tenant, host, PANE).getToken()).rejects.toThrow(/closed/);
  });
});

describe('choosing the source', () => {
  test('the stand-in development token only for a loopback Graph root without an app', async () => {
    expect(await standInTokens(local)?.getToken()).toBe(STANDIN_TOKEN);
    expect(standInTokens(tenant)).toBeNull();
    expect(await cliTokenProvider(local, {}, () => undefined).getToken()).toBe(STANDIN_TOKEN);
    const noApp = { ...tenant, auth: { ...tenant.auth, clientId: '' } };
    expect(standInTokens(noApp)).toBeNull();
    const { host } = dialogHost(() => fromPane('{}'));
    expect(() => browserTokenProvider(noApp, host, PANE)).toThrow(AuthError);
    expect(() => browserTokenProvider(local, host, PANE)).toThrow(AuthError);
    expect(() => cliTokenProvider(noApp, {}, () => undefined)).toThrow(/DELIB_GRAPH_TOKEN/);
  });

  test('the CLI prefers DELIB_GRAPH_TOKEN over any sign-in', async () => {
    const tokens = cliTokenProvider(tenant, { DELIB_GRAPH_TOKEN: ' from-env ' }, () => undefined);
    expect(await tokens.getToken()).toBe('from-env');
  });
});
