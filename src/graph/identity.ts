// Who is signed in, as Microsoft Graph knows them: `/me` for the user and `/me/checkMemberGroups` for
// the Entra groups the district register names. Both need only User.Read (delegated, signed-in user);
// the answer is the directory's, never a name the workbook or the user typed.
import type { DistrictRegister, Identity } from '../register';
import type { GraphHttp } from './http';
import { expectOk } from './sharepoint';

/** Graph answers checkMemberGroups for at most 20 group ids per request. */
export const GROUPS_PER_CHECK = 20;

export interface SignedInUser {
  id: string;
  /** The sign-in name (`kim@seoul.go.kr`). */
  upn: string;
  displayName: string | null;
}

export async function signedInUser(http: GraphHttp): Promise<SignedInUser> {
  const me = expectOk(
    await http.send<{ id?: string; userPrincipalName?: string; displayName?: string }>(
      'GET',
      '/me?$select=id,userPrincipalName,displayName',
    ),
    'read the signed-in user',
  );
  if (!me.id || !me.userPrincipalName)
    throw new Error('read the signed-in user: Graph named no id or sign-in name');
  return { id: me.id, upn: me.userPrincipalName, displayName: me.displayName ?? null };
}

/** Which of `groupIds` the signed-in user belongs to, transitively (Graph's checkMemberGroups). */
export async function memberGroups(http: GraphHttp, groupIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(groupIds.map((g) => g.toLowerCase()))];
  const found: string[] = [];
  for (let i = 0; i < unique.length; i += GROUPS_PER_CHECK) {
    const res = await http.send<{ value?: string[] }>('POST', '/me/checkMemberGroups', {
      groupIds: unique.slice(i, i + GROUPS_PER_CHECK),
    });
    found.push(...(expectOk(res, 'check group membership').value ?? []).map((g) => g.toLowerCase()));
  }
  return found;
}

/** Every group id the register names: the only groups whose membership matters. */
export function registerGroups(register: DistrictRegister): string[] {
  return [...register.officers.groups, ...register.districts.flatMap((d) => d.submitters.groups)];
}

/**
 * The signed-in user as the register's queries take it: sign-in name, object id, and which of the
 * groups the register (or registers: the one in use and one about to replace it) names they are in.
 */
export async function identityFor(http: GraphHttp, ...registers: DistrictRegister[]): Promise<Identity> {
  const user = await signedInUser(http);
  const groups = registers.flatMap(registerGroups);
  return {
    upn: user.upn,
    objectId: user.id,
    groupIds: groups.length ? await memberGroups(http, groups) : [],
  };
}
