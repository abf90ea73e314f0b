// What the sign-in dialog sends back through messageParent, and how the pane reads it: a message is
// checked field by field before anything in it is used.
import { AuthError } from './types';

export type DialogMessage =
  { ok: true; accessToken: string; expiresOn: number } | { ok: false; error: string };

const signInFailed = (cause?: unknown) => new AuthError('로그인하지 못했습니다.', 'Sign-in failed.', cause);

export function readDialogMessage(text: string): { accessToken: string; expiresOn: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw signInFailed(e);
  }
  const m = (raw ?? {}) as Record<string, unknown>;
  if (m.ok === false) throw signInFailed(new Error(typeof m.error === 'string' ? m.error : 'unknown'));
  if (
    m.ok !== true ||
    typeof m.accessToken !== 'string' ||
    m.accessToken === '' ||
    typeof m.expiresOn !== 'number' ||
    !Number.isFinite(m.expiresOn)
  ) {
    throw signInFailed(new Error('malformed sign-in answer'));
  }
  return { accessToken: m.accessToken, expiresOn: m.expiresOn };
}
