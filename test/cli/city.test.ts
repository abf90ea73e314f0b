// `delib status|databook|composition` against a Graph stand-in holding the demo city (districts in
// every state, 2020 and 2021), compared with golden outputs: each table says its year (and quarter),
// and the whole desk comes from one query per year — never from the Forums rows. Set
// UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change (then read the diff).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { readWorkbookFile } from '../../src/xlsx/read';
import { DESK_SHEETS } from '../../src/workbook/desk';
import { demoStandIn, type DemoStandIn } from '../support/demo-city';
import { repoRoot } from './support';

let demo: DemoStandIn;
let tmp: string;
beforeAll(async () => {
  demo = await demoStandIn('xlsx');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'delib-city-'));
}, 120_000);
afterAll(async () => {
  await demo?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function run(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  demo.standIn.resetStats();
  const code = await main([...args, '--graph-root', demo.standIn.url], {
    out: (s) => (out += s),
    err: (s) => (err += s),
    cwd: tmp,
    env,
  });
  // The stand-in's port changes from run to run; nothing else does.
  const port = new URL(demo.standIn.url).port;
  const norm = (s: string) => s.split(`127.0.0.1:${port}`).join('127.0.0.1:PORT');
  return { code, out: norm(out), err: norm(err), requests: demo.standIn.stats().requests };
}

function golden(name: string, text: string): void {
  const file = path.join(repoRoot, 'test', 'cli', 'golden', name);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, text);
  expect(text).toBe(fs.readFileSync(file, 'utf8'));
}

test.each([
  ['status-2021-q4.txt', ['status', '--year', '2021', '--quarter', '4'], 1],
  [
    'status-2020-q4-en.csv',
    ['status', '--year', '2020', '--quarter', '4', '--format', 'csv', '--lang', 'en'],
    1,
  ],
  ['status-2021-q1.md', ['status', '--year', '2021', '--quarter', '1', '--format', 'md'], 1],
  ['databook-2021-compare-2020.txt', ['databook', '--year', '2021', '--compare', '2020'], 0],
  ['databook-2021-q2.md', ['databook', '--year', '2021', '--quarter', '2', '--format', 'md'], 0],
  ['databook-2021.csv', ['databook', '--year', '2021', '--format', 'csv'], 0],
  ['composition-2021.txt', ['composition', '--year', '2021'], 0],
  ['composition-2021.csv', ['composition', '--year', '2021', '--format', 'csv'], 0],
] as const)('%s', async (name, args, exit) => {
  const r = await run([...args]);
  expect(r.code).toBe(exit);
  golden(name, r.out);
});

test('one query per year: the site, the register, the years (and who is reading, once, in one batch)', async () => {
  const status = await run(['status', '--year', '2021', '--quarter', '4']);
  // The demo's 강서구 row names a group, and two creators are matched by no name: the reader's own
  // groups are asked in one $batch (/me + checkMemberGroups).
  expect(status.requests).toBe(3 + 1);
  const compare = await run(['databook', '--year', '2021', '--compare', '2020', '--format', 'json']);
  expect(compare.requests).toBe(4 + 1);
  const body = JSON.parse(compare.out);
  expect(Object.keys(body)).toEqual(['dataBook', 'compareWith', 'comparison']);
  expect([body.dataBook.year, body.compareWith.year]).toEqual([2021, 2020]);
  // A year with nobody unmatched asks nothing about the reader: site, register, the year.
  expect((await run(['composition', '--year', '2020'])).requests).toBe(3);
});

test('status JSON is the board: states, Korea times, SharePoint creators, superseded submissions counted', async () => {
  const r = await run(['status', '--year', '2021', '--quarter', '4', '--format', 'json']);
  const board = JSON.parse(r.out);
  expect(board.counts).toEqual({ 'on-time': 18, late: 2, missing: 2, 'needs-review': 2 });
  const row = (name: string) => board.rows.find((x: { district: string }) => x.district === name);
  // The last second of the due day is on time; the first of the next day is late.
  expect(row('강북구')).toMatchObject({ state: 'on-time', coveredAt: '2021-12-31T23:59:59+09:00' });
  expect(row('강동구')).toMatchObject({ state: 'late', coveredAt: '2022-01-01T00:00:00+09:00' });
  // Covered on time by a submission since replaced: on time, and the row says it was revised.
  expect(row('동대문구')).toMatchObject({ state: 'on-time', revisedAfterDeadline: true });
  // The city submitted 서대문구's on its behalf; 마포구's own officer submitted through its group.
  expect(row('서대문구').current).toMatchObject({
    onBehalf: true,
    createdBy: { upn: 'officer@delib.localhost' },
  });
  expect(row('마포구')).toMatchObject({ state: 'on-time', current: { onBehalf: false } });
  expect(board.notDue.map((d: { district: string }) => d.district)).toEqual(['서초구']);
});

test("the reader's own group settles a creator the register names by group only", async () => {
  const officer = await run(['status', '--year', '2021', '--quarter', '4', '--format', 'json']);
  const gangseo = (out: string) =>
    JSON.parse(out).rows.find((x: { district: string }) => x.district === '강서구');
  expect(gangseo(officer.out)).toMatchObject({
    state: 'needs-review',
    reasons: [{ ko: expect.stringContaining('서울시 권한으로 확인할 수 없습니다') }],
  });
  // Read by the group member themself, Graph says which of the register's groups they are in.
  const member = await run(['status', '--year', '2021', '--quarter', '4', '--format', 'json'], {
    DELIB_GRAPH_TOKEN: 'demo-gangseo-team',
  });
  // (Its own submission covered 4분기 on time; the member's correction came after the date.)
  expect(gangseo(member.out)).toMatchObject({ state: 'on-time', revisedAfterDeadline: true, reasons: [] });
});

test('--format xlsx writes the desk sheets with their formulas; --out prints one line', async () => {
  const r = await run([
    'databook',
    '--year',
    '2021',
    '--compare',
    '2020',
    '--format',
    'xlsx',
    '--out',
    'book.xlsx',
  ]);
  expect(r.code).toBe(0);
  expect(r.out).toBe('book.xlsx: 2021년 자치구별 현황 (연간, 제출 누계)\n');
  const { snapshot } = await readWorkbookFile(path.join(tmp, 'book.xlsx'));
  expect(snapshot.sheets.map((s) => s.name)).toEqual([DESK_SHEETS.dataBook, DESK_SHEETS.comparison]);
  const book = snapshot.sheets[0];
  const total = book.rows.find((row) => row[0]?.value === '총계')!;
  expect(total.filter((c) => c?.formula).length).toBe(6);
});

test('bad command lines and a refused sign-in get one bilingual line, exit 2', async () => {
  expect((await run(['status', '--year', '2021'])).err).toMatch(/--quarter.*give --quarter/);
  expect((await run(['databook', '--year', '2021', '--compare', '2021'])).code).toBe(2);
  expect((await run(['composition', '--year', '1999'])).err).toContain('2018');
  expect((await run(['status', '--year', '2021', '--quarter', '4', '--format', 'xlsx'])).err).toContain(
    '--format xlsx needs --out',
  );
  // A token SharePoint does not know: one line in both languages, no stack.
  const { code, err } = await run(['status', '--year', '2021', '--quarter', '4'], {
    DELIB_GRAPH_TOKEN: 'nobody',
  });
  expect(code).toBe(2);
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).toMatch(/^delib status: .+ \/ .+/);
});

test('the data book in every printed form passes summary --check (its sums and means agree)', async () => {
  for (const format of ['csv', 'md', 'xlsx']) {
    const out = `book.${format}`;
    expect((await run(['databook', '--year', '2021', '--format', format, '--out', out])).code).toBe(0);
    let err = '';
    let printed = '';
    const code = await main(['summary', '--check', out], {
      out: (s) => (printed += s),
      err: (s) => (err += s),
      cwd: tmp,
      env: {},
    });
    expect({ format, code, err }).toEqual({ format, code: 0, err: '' });
  }
});
