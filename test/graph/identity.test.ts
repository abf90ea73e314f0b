// Who is signed in, from Graph: the user `/me` names and the register's groups they belong to, asked
// 20 at a time as Graph requires; the register's queries then decide from that answer alone.
import { startGraphStandIn, type GraphStandIn } from '../../devtools/graph-standin';
import { GraphHttp } from '../../src/graph/http';
import { identityFor, memberGroups, signedInUser } from '../../src/graph/identity';
import { roleFor, type DistrictRegister } from '../../src/register';

const GROUP = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const USERS = {
  'kim-token': {
    id: '11111111-1111-4111-8111-111111111111',
    userPrincipalName: 'kim@gangseo.go.kr',
    displayName: '김담당',
    groups: [GROUP(3), GROUP(25)],
  },
};

let standIn: GraphStandIn;
let http: GraphHttp;
beforeEach(async () => {
  standIn = await startGraphStandIn({ users: USERS });
  http = new GraphHttp({ root: standIn.url, tokens: { getToken: async () => 'kim-token' } });
});
afterEach(() => standIn.close());

test('the signed-in user is who the token names', async () => {
  expect(await signedInUser(http)).toEqual({
    id: USERS['kim-token'].id,
    upn: 'kim@gangseo.go.kr',
    displayName: '김담당',
  });
});

test('group membership is asked in requests of at most 20 ids, case aside', async () => {
  const asked = Array.from({ length: 30 }, (_, i) => GROUP(i));
  asked[25] = asked[25].toUpperCase();
  expect((await memberGroups(http, asked)).sort()).toEqual([GROUP(25), GROUP(3)].sort());
});

test('a district registered by group only: its officer is recognised through the group', async () => {
  const register: DistrictRegister = {
    officers: { people: ['lee@seoul.go.kr'], groups: [] },
    districts: [
      { code: '11500', name: '강서구', dueYears: [2021], submitters: { people: [], groups: [GROUP(25)] } },
      { code: '11440', name: '마포구', dueYears: [2021], submitters: { people: [], groups: [GROUP(7)] } },
    ],
  };
  const who = await identityFor(http, register);
  expect(who.groupIds).toEqual([GROUP(25)]);
  expect(roleFor(register, who, '11500')).toBe('district');
  expect(roleFor(register, who, '11440')).toBeNull();
});
