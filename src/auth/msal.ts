// How the pane and the sign-in dialog configure MSAL for the browser: one place, so both keep MSAL's
// token cache in memory (MSAL's own default is sessionStorage).
import type { Configuration } from '@azure/msal-browser';
import type { DelibConfig } from '../config';
import { SIGN_IN_HOST } from '../config/csp';

export function authorityOf(auth: DelibConfig['auth']): string {
  return `${SIGN_IN_HOST}/${auth.tenantId}`;
}

/**
 * Tokens, accounts and id tokens stay in this page's memory and die with it. (MSAL still keeps the
 * state of an interaction in progress in sessionStorage; only the dialog's redirect has one: see
 * docs/sharepoint.md §2.)
 */
export function msalBrowserConfiguration(auth: DelibConfig['auth'], redirectUri?: string): Configuration {
  return {
    auth: {
      clientId: auth.clientId,
      authority: authorityOf(auth),
      ...(redirectUri ? { redirectUri } : {}),
    },
    cache: { cacheLocation: 'memoryStorage' },
  };
}
