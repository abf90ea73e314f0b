/// <reference types="office-js" />
// Tokens in the pane. Nested app authentication (MSAL's nestable client: silent first, then a popup
// the host brokers) where the host supports NestedAppAuth 1.1; elsewhere the Office dialog fallback:
// a dialog page of ours runs MSAL's redirect flow and messages the token back. The token stays in this
// module's memory: never in the workbook, its settings, the journal or the console.
import { DialogError, openDialog, requirementSupported } from '../excel/office';
import { createNestablePublicClientApplication, type IPublicClientApplication } from '@azure/msal-browser';
import type { DelibConfig } from '../config';
import { isLoopback } from '../config';
import { STANDIN_TOKEN } from './standin';
import { AuthError, type TokenProvider } from './types';

interface Cached {
  token: string;
  expiresAt: number;
}

const EARLY_MS = 120_000;

function authority(config: DelibConfig): string {
  return `https://login.microsoftonline.com/${config.auth.tenantId}`;
}

export function naaSupported(): boolean {
  return requirementSupported('NestedAppAuth', '1.1');
}

function nestedAppTokens(config: DelibConfig): TokenProvider {
  let pca: Promise<IPublicClientApplication> | null = null;
  let cached: Cached | null = null;
  const scopes = config.auth.scopes;
  return {
    async getToken() {
      if (cached && cached.expiresAt - Date.now() > EARLY_MS) return cached.token;
      pca ??= createNestablePublicClientApplication({
        auth: { clientId: config.auth.clientId, authority: authority(config) },
      });
      const app = await pca;
      const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
      let result;
      try {
        result = await app.acquireTokenSilent({ scopes, ...(account ? { account } : {}) });
      } catch {
        try {
          result = await app.acquireTokenPopup({ scopes });
        } catch (e) {
          throw new AuthError('로그인하지 못했습니다.', 'Sign-in failed.', e);
        }
      }
      if (result.account) app.setActiveAccount(result.account);
      cached = { token: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + 300_000 };
      return cached.token;
    },
    invalidate() {
      cached = null;
    },
  };
}

/** What the dialog page sends back through messageParent. */
export type DialogMessage =
  { ok: true; accessToken: string; expiresOn: number } | { ok: false; error: string };

function dialogTokens(config: DelibConfig, pageBase: string): TokenProvider {
  let cached: Cached | null = null;
  let pending: Promise<string> | null = null;
  const open = async (): Promise<string> => {
    const url = new URL(config.auth.dialogPage, pageBase);
    url.searchParams.set('clientId', config.auth.clientId);
    url.searchParams.set('tenantId', config.auth.tenantId);
    url.searchParams.set('scopes', config.auth.scopes.join(' '));
    let answer: string;
    try {
      answer = await openDialog(url.toString());
    } catch (e) {
      if (e instanceof DialogError && e.reason === 'closed') {
        throw new AuthError('로그인 창이 닫혔습니다.', 'The sign-in dialog was closed.');
      }
      throw new AuthError('로그인 창을 열 수 없습니다.', 'The sign-in dialog could not open.', e);
    }
    try {
      const msg = JSON.parse(answer) as DialogMessage;
      if (!msg.ok) throw new Error(msg.error);
      cached = { token: msg.accessToken, expiresAt: msg.expiresOn };
      return msg.accessToken;
    } catch (e) {
      throw new AuthError('로그인하지 못했습니다.', 'Sign-in failed.', e);
    }
  };
  return {
    async getToken() {
      if (cached && cached.expiresAt - Date.now() > EARLY_MS) return cached.token;
      pending ??= open().finally(() => (pending = null));
      return pending;
    },
    invalidate() {
      cached = null;
    },
  };
}

/** The pane's token provider for this host and configuration. */
export function browserTokenProvider(config: DelibConfig, pageBase: string = location.href): TokenProvider {
  if (!config.auth.clientId) {
    if (isLoopback(config.graphRoot)) return { getToken: async () => STANDIN_TOKEN };
    throw new AuthError('설정 파일에 auth.clientId가 없습니다.', 'The configuration lacks auth.clientId.');
  }
  return naaSupported() ? nestedAppTokens(config) : dialogTokens(config, pageBase);
}
