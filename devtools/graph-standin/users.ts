// Who is calling: the stand-in knows its users by bearer token, as Entra ID would after validating a
// token, and answers an unknown token 401 as Graph does. The identity it records on items is the
// one the token names, never anything the request body says.
import { STANDIN_TOKEN } from '../../src/auth/standin';

export interface StandInUser {
  /** The Entra object id. */
  id: string;
  userPrincipalName: string;
  displayName: string;
  /** Ids of the Entra groups the user belongs to (transitively), for `checkMemberGroups`. */
  groups?: string[];
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

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Graph's own limit: at most 20 group ids per checkMemberGroups request. */
export const CHECK_MEMBER_GROUPS_MAX = 20;

/**
 * `POST /me/checkMemberGroups`: which of the given groups the caller belongs to. As Graph does, a
 * request over 20 ids or with an id that is not a GUID fails whole.
 */
export function checkMemberGroups(
  user: StandInUser,
  body: unknown,
): { status: number; value?: string[]; error?: string } {
  const ids = (body as { groupIds?: unknown } | null)?.groupIds;
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || !GUID.test(id)))
    return { status: 400, error: 'groupIds must be an array of GUIDs' };
  if (ids.length > CHECK_MEMBER_GROUPS_MAX)
    return { status: 400, error: `at most ${CHECK_MEMBER_GROUPS_MAX} groupIds per request` };
  const mine = new Set((user.groups ?? []).map((g) => g.toLowerCase()));
  return { status: 200, value: (ids as string[]).filter((id) => mine.has(id.toLowerCase())) };
}

/** Reads a users file for `run.ts --users FILE`: `{ "token": { "id", "userPrincipalName", "displayName", "groups"? } }`. */
export function parseUsers(text: string): UserTable {
  const raw = JSON.parse(text) as unknown;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('users file: not a JSON object');
  const out: UserTable = {};
  for (const [token, u] of Object.entries(raw as Record<string, Partial<StandInUser>>)) {
    if (!u || typeof u.id !== 'string' || typeof u.userPrincipalName !== 'string') {
      throw new Error(`users file: ${token.slice(0, 8)}… needs id and userPrincipalName`);
    }
    const groups = Array.isArray(u.groups) ? u.groups.filter((g): g is string => typeof g === 'string') : [];
    out[token] = {
      id: u.id,
      userPrincipalName: u.userPrincipalName,
      displayName: u.displayName ?? u.id,
      groups,
    };
  }
  return out;
}
