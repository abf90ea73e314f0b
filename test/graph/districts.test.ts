// The district register kept in SharePoint's Districts list: provisioned with the other lists,
// written so the list holds exactly the register (a repeat changes nothing), and read back through
// the same checks as an import, so a row mistyped in SharePoint itself is reported, not trusted.
import { startGraphStandIn, type GraphStandIn } from '../../devtools/graph-standin';
import { createGraphSubmission, type GraphSubmission } from '../../src/graph';
import { readRegister, writeRegister } from '../../src/graph/districts';
import { parseConfig } from '../../src/config';
import { parseRegister, type DistrictRegister } from '../../src/register';
import { newestStandard } from '../../src/standard';
import type { SheetSnapshot } from '../../src/engine/snapshot';
import { KIM, USERS } from '../submission/harness';

const SITE = { hostname: 'seoul.sharepoint.com', path: '/sites/delib' };

function register2021(): DistrictRegister {
  const rows = [
    ['자치구코드', '자치구', '제출 대상 연도', '제출자'],
    ['11000', '서울특별시', '', 'lee.officer@seoul.go.kr'],
    ...newestStandard.districts.map((d) => [
      d.code,
      d.name,
      d.code === '11650' ? '' : '2020, 2021',
      `gu${d.code}@seoul.go.kr`,
    ]),
  ];
  const sheet: SheetSnapshot = { name: '명부', rows: rows.map((r) => r.map((value) => ({ value }))) };
  const { register, problems } = parseRegister(sheet);
  expect(problems).toEqual([]);
  return register!;
}

/** Registers compared as sets of rows: the list keeps its rows in 가나다 order, a file in its own. */
const inOrder = (r: DistrictRegister | null) =>
  r && { ...r, districts: [...r.districts].sort((a, b) => a.code.localeCompare(b.code)) };

let standIn: GraphStandIn;
let graph: GraphSubmission;

beforeEach(async () => {
  standIn = await startGraphStandIn({ users: USERS });
  graph = createGraphSubmission({
    config: parseConfig({ graphRoot: standIn.url, site: SITE }),
    tokens: { getToken: async () => KIM },
    standard: newestStandard,
  });
  expect((await graph.provision()).remaining).toEqual([]);
});
afterEach(() => standIn.close());

test('provisioning creates the Districts list with an indexed, unique 자치구코드', async () => {
  const columns = await graph.site.columns('districts');
  expect(columns?.find((c) => c.name === 'DistrictCode')).toMatchObject({
    indexed: true,
    enforceUniqueValues: true,
  });
  expect(await graph.checkSchema()).toEqual([]);
});

test('a written register reads back as the same register; writing it again changes nothing', async () => {
  const register = register2021();
  expect(await writeRegister(graph.site, register)).toEqual({ created: 26, updated: 0, deleted: 0 });
  const read = await readRegister(graph.site);
  expect(read.problems).toEqual([]);
  expect(inOrder(read.register)).toEqual(inOrder(register));
  expect(await writeRegister(graph.site, register)).toEqual({ created: 0, updated: 0, deleted: 0 });
});

test('a changed register updates its rows and deletes the districts it no longer lists', async () => {
  const register = register2021();
  await writeRegister(graph.site, register);
  const next: DistrictRegister = {
    officers: register.officers,
    districts: register.districts
      .filter((d) => d.code !== '11110')
      .map((d) => (d.code === '11650' ? { ...d, dueYears: [2022] } : d)),
  };
  expect(await writeRegister(graph.site, next)).toEqual({ created: 0, updated: 1, deleted: 1 });
  expect(inOrder((await readRegister(graph.site)).register)).toEqual(inOrder(next));
});

test('a row mistyped in SharePoint is reported with its item, and no register is trusted', async () => {
  await writeRegister(graph.site, register2021());
  const [gangseo] = await graph.site.query('districts', "fields/DistrictCode eq '11500'");
  await graph.site.patchFields('districts', gangseo.id, { DueYears: '2021년도, 이십이' });
  const read = await readRegister(graph.site);
  expect(read.register).toBeNull();
  const bad = read.problems.find((p) => p.severity === 'error')!;
  expect(bad.field).toBe('dueYears');
  expect(read.itemOfRow.get(bad.row!)).toBe(gangseo.id);
});
