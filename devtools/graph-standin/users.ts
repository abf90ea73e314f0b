// Who is calling: the stand-in knows its users by bearer token, as Entra ID would after validating a
// token, and answers an unknown token 401 as Graph does. The identity it records on items is the
// one the token names, never anything the request body says.
import { STANDIN_TOKEN } from '../../src/auth/standin';

export interface StandInUser {
  /** The Entra object id. */
  id: string;
  userPrincipalName: string;
  displayName: string;
}

/** token → user. */
export type UserTable = Record<string, StandInUser>;

/** The identity Graph puts in a listItem's `createdBy` / `lastModifiedBy` (an identitySet). */
export interface IdentitySet {
  user: { id: string; displayName: string; email: string };
}

/** The development user `npm start` signs in as (the pane's and the CLI's stand-in token). */
export const DEFAULT_USERS: UserTable = {
  [STANDIN_TOKEN]: {
    id: '00000000-0000-4000-a000-00000000d001',
    userPrincipalName: 'officer@delib.localhost',
    displayName: '대체 서버 담당자 (stand-in officer)',
  },
};

export function identityOf(user: StandInUser): IdentitySet {
  return { user: { id: user.id, displayName: user.displayName, email: user.userPrincipalName } };
}

/** The user the Authorization header's token names, or null (no header, not Bearer, unknown token). */
export function caller(users: UserTable, authorization: string | undefined): StandInUser | null {
  const m = /^Bearer (\S+)$/.exec(authorization ?? '');
  if (!m) return null;
  return Object.prototype.hasOwnProperty.call(users, m[1]) ? users[m[1]] : null;
}

/** `GET /me`, the way a later check (the district register) learns who is signed in. */
export function meView(user: StandInUser): Record<string, string> {
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName,
    mail: user.userPrincipalName,
  };
}

/** Reads a users file for `run.ts --users FILE`: `{ "token": { "id", "userPrincipalName", "displayName" } }`. */
export function parseUsers(text: string): UserTable {
  const raw = JSON.parse(text) as unknown;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('users file: not a JSON object');
  const out: UserTable = {};
  for (const [token, u] of Object.entries(raw as Record<string, Partial<StandInUser>>)) {
    if (!u || typeof u.id !== 'string' || typeof u.userPrincipalName !== 'string') {
      throw new Error(`users file: ${token.slice(0, 8)}… needs id and userPrincipalName`);
    }
    out[token] = { id: u.id, userPrincipalName: u.userPrincipalName, displayName: u.displayName ?? u.id };
  }
  return out;
}
