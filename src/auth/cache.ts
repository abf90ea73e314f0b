// The one token cache every provider goes through (nested app auth, the Office dialog, device code,
// the environment's token, the stand-in's): one expiry margin, one sign-in in flight at a time, and
// one place that drops a token the server refused. Memory only, like every token in this project.
import type { TokenProvider } from './types';

/** A token is renewed this long before it expires, so a request never leaves with a dying one. */
export const EXPIRY_MARGIN_MS = 120_000;

/** When a library does not say how long a token lives, it is trusted for five minutes. */
const UNKNOWN_LIFETIME_MS = 300_000;

/** A library's expiry date as the cache keeps it. */
export function expiresAt(expiresOn: Date | null | undefined, now: () => number = Date.now): number {
  return expiresOn?.getTime() ?? now() + UNKNOWN_LIFETIME_MS;
}

export interface IssuedToken {
  token: string;
  /** Epoch milliseconds; Infinity for a token nobody can renew (the environment's). */
  expiresAt: number;
}

/**
 * How a provider gets a token. `refresh` is true after the server refused the last one: the issuer
 * must then bypass its own library's cache (MSAL would hand back the same refused token).
 */
export type TokenIssuer = (refresh: boolean) => Promise<IssuedToken>;

export function cachedTokens(issue: TokenIssuer, now: () => number = Date.now): TokenProvider {
  let cached: IssuedToken | null = null;
  let refused = false;
  let pending: Promise<string> | null = null;
  const fetchToken = async (): Promise<string> => {
    const issued = await issue(refused);
    cached = issued;
    refused = false;
    return issued.token;
  };
  return {
    async getToken() {
      if (cached && cached.expiresAt - now() > EXPIRY_MARGIN_MS) return cached.token;
      pending ??= fetchToken().finally(() => (pending = null));
      return pending;
    },
    invalidate() {
      cached = null;
      refused = true;
    },
  };
}

/** A fixed token (the environment's, the stand-in's) behind the same cache. */
export function fixedToken(token: string): TokenProvider {
  return cachedTokens(async () => ({ token, expiresAt: Infinity }));
}
