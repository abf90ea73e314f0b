// Tokens for the CLI: DELIB_GRAPH_TOKEN from the environment (an officer's script or CI), else the
// device-code flow (@azure/msal-node) for an officer at a terminal. Memory only: nothing is written to
// disk, and the token is never printed.
import { PublicClientApplication, type AccountInfo, type AuthenticationResult } from '@azure/msal-node';
import type { DelibConfig } from '../config';
import { isLoopback } from '../config';
import { AuthError, type TokenProvider } from './types';
import { STANDIN_TOKEN } from './standin';

export const TOKEN_ENV = 'DELIB_GRAPH_TOKEN';

export function envTokenProvider(env: Record<string, string | undefined>): TokenProvider | null {
  const token = env[TOKEN_ENV]?.trim();
  return token ? { getToken: async () => token } : null;
}

export function deviceCodeTokenProvider(config: DelibConfig, print: (line: string) => void): TokenProvider {
  const app = new PublicClientApplication({
    auth: {
      clientId: config.auth.clientId,
      authority: `https://login.microsoftonline.com/${config.auth.tenantId}`,
    },
  });
  let account: AccountInfo | null = null;
  let cached: AuthenticationResult | null = null;
  const scopes = config.auth.scopes;
  return {
    async getToken() {
      if (cached && cached.expiresOn && cached.expiresOn.getTime() - Date.now() > 120_000)
        return cached.accessToken;
      try {
        cached = account ? await app.acquireTokenSilent({ account, scopes }).catch(() => null) : null;
        cached ??= await app.acquireTokenByDeviceCode({
          scopes,
          deviceCodeCallback: (r) => print(r.message),
        });
      } catch (e) {
        throw new AuthError('로그인하지 못했습니다 (장치 코드).', 'Sign-in failed (device code).', e);
      }
      if (!cached) throw new AuthError('로그인이 취소되었습니다.', 'Sign-in was cancelled.');
      account = cached.account;
      return cached.accessToken;
    },
    invalidate() {
      cached = null;
    },
  };
}

/** The CLI's choice: environment token, the stand-in's development token, or device code. */
export function cliTokenProvider(
  config: DelibConfig,
  env: Record<string, string | undefined>,
  print: (line: string) => void,
): TokenProvider {
  const fromEnv = envTokenProvider(env);
  if (fromEnv) return fromEnv;
  if (!config.auth.clientId && isLoopback(config.graphRoot)) return { getToken: async () => STANDIN_TOKEN };
  if (!config.auth.clientId) {
    throw new AuthError(
      `토큰이 없습니다: ${TOKEN_ENV} 환경 변수를 설정하거나 설정 파일에 auth.clientId를 넣으세요.`,
      `No token: set ${TOKEN_ENV} or put auth.clientId in the configuration file.`,
    );
  }
  return deviceCodeTokenProvider(config, print);
}
