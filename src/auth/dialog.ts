// The Office dialog fallback's sign-in (the page src/taskpane/auth-dialog.ts wires it to Office): where
// the host lacks nested app auth, the pane opens our dialog page; it runs MSAL's redirect flow
// (sign-in happens in the dialog's own top-level window) and answers with the access token, which
// the pane keeps in memory. The dialog reads the deployed configuration itself, so its URL carries
// nothing anyone could change.
//
// Storage: MSAL's token cache is in memory here too. The redirect itself cannot be: MSAL keeps the
// interaction's state (PKCE verifier, request) in this window's sessionStorage across the round trip
// to the sign-in page, and clears it when handleRedirectPromise finishes. That is the one use of
// browser storage in the add-in (docs/sharepoint.md §2).
import { PublicClientApplication } from '@azure/msal-browser';
import type { DelibConfig } from '../config';
import { expiresAt } from './cache';
import type { DialogMessage } from './dialog-message';
import { msalBrowserConfiguration } from './msal';

/** Where the dialog page is, as MSAL must send the browser back (the registered redirect URI). */
export interface DialogPage {
  origin: string;
  pathname: string;
}

/**
 * Resolves with the message for the pane once the sign-in page has sent the browser back with a
 * result; before that, it starts the redirect and never resolves (the page is left).
 */
export async function signInByRedirect(auth: DelibConfig['auth'], page: DialogPage): Promise<string> {
  const app = new PublicClientApplication(msalBrowserConfiguration(auth, `${page.origin}${page.pathname}`));
  await app.initialize();
  const result = await app.handleRedirectPromise();
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
