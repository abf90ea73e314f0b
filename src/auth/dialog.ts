// The Office dialog fallback's sign-in (the page src/taskpane/auth-dialog.ts wires it to Office): where
// the host lacks nested app auth, the pane opens our dialog page; it runs MSAL's redirect flow
// (sign-in happens in the dialog's own top-level window) and answers with the access token, which
// the pane keeps in memory. The dialog reads the deployed configuration itself, so its URL carries
// nothing anyone could change.
//
// Storage: the one use of browser storage in the add-in (docs/sharepoint.md §2). A redirect leaves
// the page, so MSAL will not run it on a memory cache: the interaction's state (PKCE verifier,
// request) and then the tokens go through this dialog window's own sessionStorage — per window, so
// the pane never shares it — and the dialog empties it the moment the redirect has come back,
// whatever the outcome, before it answers the pane.
import { PublicClientApplication } from '@azure/msal-browser';
import type { DelibConfig } from '../config';
import { expiresAt } from './cache';
import type { DialogMessage } from './dialog-message';
import { msalRedirectConfiguration } from './msal';

/** Where the dialog page is, as MSAL must send the browser back (the registered redirect URI). */
export interface DialogPage {
  origin: string;
  pathname: string;
}

/** The dialog window's storage, emptied once the redirect is back (the window's own, nobody else's). */
export interface DialogStorage {
  clear(): void;
}

/**
 * Resolves with the message for the pane once the sign-in page has sent the browser back with a
 * result; before that, it starts the redirect and never resolves (the page is left).
 */
export async function signInByRedirect(
  auth: DelibConfig['auth'],
  page: DialogPage,
  storage: DialogStorage = sessionStorage,
): Promise<string> {
  const app = new PublicClientApplication(msalRedirectConfiguration(auth, `${page.origin}${page.pathname}`));
  await app.initialize();
  let result;
  try {
    result = await app.handleRedirectPromise();
  } finally {
    // Back from the sign-in page (or never gone): nothing MSAL wrote may outlive this moment.
    storage.clear();
  }
  if (result) {
    const message: DialogMessage = {
      ok: true,
      accessToken: result.accessToken,
      expiresOn: expiresAt(result.expiresOn),
    };
    return JSON.stringify(message);
  }
  await app.acquireTokenRedirect({ scopes: auth.scopes });
  return new Promise<string>(() => undefined);
}

/** The message for the pane when signing in failed (the reason only: never a token). */
export function dialogFailure(e: unknown): string {
  const message: DialogMessage = { ok: false, error: e instanceof Error ? e.message : String(e) };
  return JSON.stringify(message);
}
