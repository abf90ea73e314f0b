// How the pane and the sign-in dialog configure MSAL for the browser, in one place: the pane's cache in
// memory; the dialog's in its own window's sessionStorage, only because a redirect needs it.
import type { Configuration } from '@azure/msal-browser';
import type { DelibConfig } from '../config';
import { SIGN_IN_HOST } from '../config/csp';

export function authorityOf(auth: DelibConfig['auth']): string {
  return `${SIGN_IN_HOST}/${auth.tenantId}`;
}

/**
 * The pane's MSAL: tokens, accounts and id tokens stay in the page's memory and die with it (MSAL's
 * own default would be sessionStorage).
 */
export function msalBrowserConfiguration(auth: DelibConfig['auth']): Configuration {
  return {
    auth: { clientId: auth.clientId, authority: authorityOf(auth) },
    cache: { cacheLocation: 'memoryStorage' },
  };
}

/**
 * The sign-in dialog's MSAL. A redirect leaves the page and comes back, so MSAL refuses to run it on
 * a memory cache (in_mem_redirect_unavailable): the dialog window's own sessionStorage carries the
 * interaction across, and the dialog empties it as soon as the redirect has come back (./dialog.ts).
 */
export function msalRedirectConfiguration(auth: DelibConfig['auth'], redirectUri: string): Configuration {
  return {
    auth: { clientId: auth.clientId, authority: authorityOf(auth), redirectUri },
    cache: { cacheLocation: 'sessionStorage' },
  };
}
