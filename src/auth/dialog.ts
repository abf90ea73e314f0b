/// <reference types="office-js" />
// The Office dialog fallback's page (auth-dialog.html): where the host lacks nested app auth, the pane
// opens this page in an Office dialog; it runs MSAL's redirect flow (sign-in happens in the dialog's
// own top-level window) and messages the access token to the pane, which keeps it in memory.
import { answerOpener } from '../excel/office';
import { PublicClientApplication } from '@azure/msal-browser';
import type { DialogMessage } from './browser';

const PARAMS_KEY = 'delib.auth.dialog';

interface DialogParams {
  clientId: string;
  tenantId: string;
  scopes: string[];
}

function params(): DialogParams {
  const q = new URLSearchParams(location.search);
  if (q.get('clientId')) {
    const p = {
      clientId: q.get('clientId')!,
      tenantId: q.get('tenantId') ?? 'organizations',
      scopes: (q.get('scopes') ?? '').split(' ').filter(Boolean),
    };
    // Survives the round trip to the sign-in page (no secret: ids and scope names only).
    sessionStorage.setItem(PARAMS_KEY, JSON.stringify(p));
    return p;
  }
  const saved = sessionStorage.getItem(PARAMS_KEY);
  if (!saved) throw new Error('missing sign-in parameters');
  return JSON.parse(saved) as DialogParams;
}

async function run(): Promise<string> {
  const p = params();
  const app = new PublicClientApplication({
    auth: {
      clientId: p.clientId,
      authority: `https://login.microsoftonline.com/${p.tenantId}`,
      redirectUri: `${location.origin}${location.pathname}`,
    },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await app.initialize();
  const result = await app.handleRedirectPromise();
  if (result) {
    const message: DialogMessage = {
      ok: true,
      accessToken: result.accessToken,
      expiresOn: result.expiresOn?.getTime() ?? Date.now() + 300_000,
    };
    return JSON.stringify(message);
  }
  await app.acquireTokenRedirect({ scopes: p.scopes });
  // The redirect leaves this page; the answer is sent when it comes back with the result.
  return new Promise<string>(() => undefined);
}

answerOpener(run, (e: unknown) => {
  const message: DialogMessage = { ok: false, error: e instanceof Error ? e.message : String(e) };
  return JSON.stringify(message);
});
