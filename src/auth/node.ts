// Tokens for the CLI: DELIB_GRAPH_TOKEN from the environment (an officer's script or CI), else the
// device-code flow (@azure/msal-node) for an officer at a terminal. Memory only: nothing is written to
// disk, and the token is never printed.
import { PublicClientApplication, type AccountInfo, type AuthenticationResult } from '@azure/msal-node';
import type { DelibConfig } from '../config';
import { cachedTokens, expiresAt, fixedToken } from './cache';
import { authorityOf } from './msal';
import { standInTokens } from './standin';
import { AuthError, type TokenProvider } from './types';

export const TOKEN_ENV = 'DELIB_GRAPH_TOKEN';

export function envTokenProvider(env: Record<string, string | undefined>): TokenProvider | null {
  const token = env[TOKEN_ENV]?.trim();
  return token ? fixedToken(token) : null;
}

export function deviceCodeTokenProvider(config: DelibConfig, print: (line: string) => void): TokenProvider {
  const app = new PublicClientApplication({
    auth: { clientId: config.auth.clientId, authority: authorityOf(config.auth) },
  });
  let account: AccountInfo | null = null;
  const scopes = config.auth.scopes;
  return cachedTokens(async (refresh) => {
    let result: AuthenticationResult | null;
    try {
      result = account
        ? await app.acquireTokenSilent({ account, scopes, forceRefresh: refresh }).catch(() => null)
        : null;
      result ??= await app.acquireTokenByDeviceCode({
        scopes,
        deviceCodeCallback: (r) => print(r.message),
      });
    } catch (e) {
      throw new AuthError('로그인하지 못했습니다 (장치 코드).', 'Sign-in failed (device code).', e);
    }
    if (!result) throw new AuthError('로그인이 취소되었습니다.', 'Sign-in was cancelled.');
    account = result.account;
    return { token: result.accessToken, expiresAt: expiresAt(result.expiresOn) };
  });
}

/** The CLI's choice: environment token, the stand-in's development token, or device code. */
export function cliTokenProvider(
  config: DelibConfig,
  env: Record<string, string | undefined>,
  print: (line: string) => void,
): TokenProvider {
  const chosen = envTokenProvider(env) ?? standInTokens(config);
  if (chosen) return chosen;
  if (!config.auth.clientId) {
    throw new AuthError(
      `토큰이 없습니다: ${TOKEN_ENV} 환경 변수를 설정하거나 설정 파일에 auth.clientId를 넣으세요.`,
      `No token: set ${TOKEN_ENV} or put auth.clientId in the configuration file.`,
    );
  }
  return deviceCodeTokenProvider(config, print);
}
