// Creators matched to the register through a group: the city's reader can know only its own
// memberships (Graph answers checkMemberGroups for the signed-in user alone), so a creator matched by
// neither sign-in name nor object id is 확인 필요 — saying, when the register names groups, that the
// city cannot check them and should name the account.
import { statusBoard, type CreatorGroups } from '../../src/city';
import type { DistrictRegister } from '../../src/register';
import { GANGSEO, GANGSEO_GROUP, demoRegister, submission } from './fixtures';

const NOW = new Date('2022-03-01T00:00:00Z');
const MEMBER = { by: 'team@gangseo.go.kr', byId: '0a0a0a0a-1111-4222-8333-444455556666' };
const board = (register: DistrictRegister, groupsOf?: CreatorGroups) =>
  statusBoard({
    submissions: [submission({ code: GANGSEO, quarter: 4, at: '2021-12-20T01:00:00Z', ...MEMBER })],
    register,
    year: 2021,
    quarter: 4,
    now: NOW,
    groupsOf,
  }).rows.find((r) => r.districtCode === GANGSEO)!;

test('memberships nobody can know, on a row that names a group: needs review, saying why and what to do', () => {
  const row = board(demoRegister(), () => null);
  expect(row.state).toBe('needs-review');
  expect(row.reasons).toEqual([
    {
      ko: expect.stringContaining('명부의 그룹에 속하는지는 서울시 권한으로 확인할 수 없습니다'),
      en: expect.stringContaining(
        'cannot be checked with the city’s permissions (name the account on the register)',
      ),
    },
  ]);
});

test('memberships the reader knows settle it: a member of the row’s group counts', () => {
  const mine: CreatorGroups = (c) => (c.id === MEMBER.byId ? [GANGSEO_GROUP] : null);
  expect(board(demoRegister(), mine)).toMatchObject({ state: 'on-time', reasons: [] });
  // Known, and not a member: simply not on the register.
  const row = board(demoRegister(), () => []);
  expect(row.state).toBe('needs-review');
  expect(row.reasons[0].en).toContain('is not on the register for Gangseo-gu');
});

test('a register without groups: unknown memberships change nothing, the creator is not on it', () => {
  const register = demoRegister();
  register.officers.groups = [];
  register.districts.forEach((d) => (d.submitters.groups = []));
  expect(board(register, () => null).reasons[0].en).toContain('is not on the register for Gangseo-gu');
});
