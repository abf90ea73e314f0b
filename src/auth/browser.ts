// Tokens in the pane. Nested app authentication (MSAL's nestable client: silent first, then a popup
// the host brokers) where the host supports NestedAppAuth 1.1; elsewhere the Office dialog fallback:
// a dialog page of ours runs MSAL's redirect flow and messages the access token back, and only a
// message from our own origin is believed. What the host offers arrives as `HostSignIn` from the
// pane's wiring. Tokens stay in memory (MSAL's cache included): never in the workbook, its settings,
// the journal, browser storage or the console.
import { createNestablePublicClientApplication, type IPublicClientApplication } from '@azure/msal-browser';
import type { DelibConfig } from '../config';
import { cachedTokens, expiresAt, type IssuedToken } from './cache';
import { readDialogMessage } from './dialog-message';
import { msalBrowserConfiguration } from './msal';
import { AuthError, type HostSignIn, type TokenProvider } from './types';

function nestedAppTokens(config: DelibConfig): TokenProvider {
  let pca: Promise<IPublicClientApplication> | null = null;
  const scopes = config.auth.scopes;
  return cachedTokens(async (refresh): Promise<IssuedToken> => {
    pca ??= createNestablePublicClientApplication(msalBrowserConfiguration(config.auth)).catch(
      (e: unknown) => {
        pca = null;
        throw new AuthError('로그인을 준비하지 못했습니다.', 'Sign-in could not start.', e);
      },
    );
    const app = await pca;
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
    let result;
    try {
      result = await app.acquireTokenSilent({
        scopes,
        forceRefresh: refresh,
        ...(account ? { account } : {}),
      });
    } catch {
      try {
        result = await app.acquireTokenPopup({ scopes });
      } catch (e) {
        throw new AuthError('로그인하지 못했습니다.', 'Sign-in failed.', e);
      }
    }
    if (result.account) app.setActiveAccount(result.account);
    return { token: result.accessToken, expiresAt: expiresAt(result.expiresOn) };
  });
}

function sameOrigin(reported: string, expected: string): boolean {
  try {
    return new URL(reported).origin === expected;
  } catch {
    return false;
  }
}

/**
 * The dialog page is ours, on the pane's own origin. A host with DialogOrigin 1.1 tells us where each
 * message came from: anything else (a page the dialog was redirected to, an unknown origin) is
 * refused. Older hosts report no origin and deliver messageParent only from the add-in's own domain
 * (the manifest's AppDomains name no other), so there a message without an origin is accepted.
 */
export function dialogOriginAccepted(
  reported: string | undefined,
  expected: string,
  reportsOrigin: boolean,
): boolean {
  if (reported === undefined) return !reportsOrigin;
  return sameOrigin(reported, expected);
}

function dialogTokens(config: DelibConfig, host: HostSignIn, pageBase: string): TokenProvider {
  const url = new URL(config.auth.dialogPage, pageBase);
  return cachedTokens(async (): Promise<IssuedToken> => {
    let answer;
    try {
      answer = await host.openDialog(url.toString());
    } catch (e) {
      if ((e as { reason?: unknown } | null)?.reason === 'closed') {
        throw new AuthError('로그인 창이 닫혔습니다.', 'The sign-in dialog was closed.');
      }
      throw new AuthError('로그인 창을 열 수 없습니다.', 'The sign-in dialog could not open.', e);
    }
    if (!dialogOriginAccepted(answer.origin, url.origin, host.dialogOrigin)) {
      const from = answer.origin ?? '?';
      throw new AuthError(
        `로그인 창의 응답이 다른 출처(${from})에서 와서 거부했습니다.`,
        `Refused a sign-in answer from another origin (${from}).`,
      );
    }
    const message = readDialogMessage(answer.message);
    return { token: message.accessToken, expiresAt: message.expiresOn };
  });
}

/** The pane's token provider for this host and configuration. */
export function browserTokenProvider(
  config: DelibConfig,
  host: HostSignIn,
  pageBase: string = location.href,
): TokenProvider {
  if (!config.auth.clientId) {
    throw new AuthError('설정 파일에 auth.clientId가 없습니다.', 'The configuration lacks auth.clientId.');
  }
  return host.nestedAppAuth ? nestedAppTokens(config) : dialogTokens(config, host, pageBase);
}
