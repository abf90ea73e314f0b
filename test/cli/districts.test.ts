// `delib districts import FILE` and `delib districts list` against the Graph stand-in: a good file
// imported (warnings printed, import goes on), every kind of bad file refused with nothing written,
// the list printed in the file's own columns and read back by import unchanged, and an import by
// someone who is not a city officer on the register in use refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { DEFAULT_USERS, startGraphStandIn, type GraphStandIn } from '../../devtools/graph-standin';
import { STANDIN_TOKEN } from '../../src/auth/standin';
import { newestStandard } from '../../src/standard';
import { io } from '../submission/doubles';

const DEV = DEFAULT_USERS[STANDIN_TOKEN].userPrincipalName;
const KIM_TOKEN = 'kim-district-token';
const HEADER = '자치구코드,자치구,제출 대상 연도,제출자';

/** The city's row (the development user an officer), then every district due 2021. */
function goodCsv(): string {
  return [
    HEADER,
    `11000,서울특별시,,${DEV}`,
    ...newestStandard.districts.map((d) =>
      d.code === '11650'
        ? `${d.code},${d.name},,`
        : `${d.code},${d.name},"2020, 2021",gu${d.code}@seoul.go.kr`,
    ),
  ].join('\r\n');
}

let s: GraphStandIn;
let dir: string;
let root: string[];
beforeEach(async () => {
  s = await startGraphStandIn({
    users: {
      ...DEFAULT_USERS,
      [KIM_TOKEN]: { id: 'u-kim', userPrincipalName: 'gu11500@seoul.go.kr', displayName: '김강서' },
    },
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delib-districts-'));
  root = ['--graph-root', s.url];
  expect(await main(['sharepoint', 'provision', ...root], io(dir))).toBe(0);
});
afterEach(async () => {
  await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const districtItems = () =>
  JSON.stringify(
    s
      .sites()[0]
      .lists.find((l) => l.name === 'Districts')
      ?.items.map((i) => i.fields),
  );

async function delib(args: string[], env: Record<string, string> = {}) {
  const out = io(dir, env);
  const code = await main(['districts', ...args, ...root], out);
  return { code, out: out.stdout, err: out.stderr };
}

test('a good file is imported; list prints it; its CSV imports back unchanged', async () => {
  fs.writeFileSync(path.join(dir, 'register.csv'), goodCsv());
  const first = await delib(['import', 'register.csv']);
  expect(first.code).toBe(0);
  expect(first.out).toContain('추가 26, 변경 0, 삭제 0');
  expect(first.out).toContain('26 added, 0 changed, 0 removed');

  const table = await delib(['list']);
  expect(table.code).toBe(0);
  expect(table.out.split('\n')[0]).toMatch(/^자치구코드\s+자치구\s+제출 대상 연도\s+제출자/);
  expect(table.out).toContain('11000');
  expect(table.out).toContain('2020, 2021');

  const csv = await delib(['list', '--format', 'csv']);
  expect(csv.out.startsWith('\uFEFF' + HEADER + '\r\n')).toBe(true);
  fs.writeFileSync(path.join(dir, 'exported.csv'), csv.out);
  const before = districtItems();
  const again = await delib(['import', 'exported.csv']);
  expect(again.code).toBe(0);
  expect(again.out).toContain('0 added, 0 changed, 0 removed');
  expect(districtItems()).toBe(before);

  const json = JSON.parse((await delib(['list', '--format', 'json'])).out) as unknown[];
  expect(json).toHaveLength(26);
  expect(json[0]).toEqual({ code: '11000', name: '서울특별시', dueYears: [], submitters: [DEV] });
  expect(json[1]).toEqual({
    code: '11680',
    name: '강남구',
    dueYears: [2020, 2021],
    submitters: ['gu11680@seoul.go.kr'],
  });
});

test('an .xlsx with one sheet is imported; warnings are printed and the import goes on', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('자치구 명부');
  ws.addRow(['서울시 자치구 명부 (2021)']);
  ws.addRow([]);
  ws.addRow(['자치구코드', '자치구', '제출대상\n연도', '제출자', '비고']);
  ws.addRow([11000, '서울시', null, DEV]);
  ws.addRow([11500, '강서', 2021, 'gu11500@seoul.go.kr', '담당 변경 예정']);
  ws.addRow([11440, '서울특별시 마포구', '2021년', null]);
  await wb.xlsx.writeFile(path.join(dir, 'register.xlsx'));
  const r = await delib(['import', 'register.xlsx']);
  expect(r.code).toBe(0);
  // 23 districts without a row, and 마포구 due without submitters: warnings, not errors.
  expect(r.out.match(/^• /gm)).toHaveLength(24);
  expect(r.out).toContain('6행: 마포구는 제출 대상이지만 제출자가 없습니다');
  expect(r.out).toContain('Row 6: Mapo-gu is due but lists no submitter');
  expect(r.out).toContain('추가 3, 변경 0, 삭제 0');
});

test('bad rows: each reported with its line in both languages, and nothing is imported', async () => {
  fs.writeFileSync(path.join(dir, 'register.csv'), goodCsv());
  expect((await delib(['import', 'register.csv'])).code).toBe(0);
  const before = districtItems();
  fs.writeFileSync(
    path.join(dir, 'bad.csv'),
    [
      HEADER,
      `11000,서울특별시,,"${DEV};\nlee@seoul.go.kr"`, // a quoted line break: this record spans lines 2–3
      '11500,강서구,2021,kim@gangseo.go.kr',
      '1150,강서구,2021,kim@gangseo.go.kr',
      '11440,마포구,이천이십일,kim@mapo.go.kr',
      '11110,종로구,2021,김담당',
    ].join('\n'),
  );
  const r = await delib(['import', 'bad.csv']);
  expect(r.code).toBe(1);
  expect(r.out).toContain("5행: 자치구코드 '1150'는 5자리 숫자가 아닙니다.");
  expect(r.out).toContain("Row 5: district code '1150' is not a 5-digit number.");
  expect(r.out).toContain("6행: 제출 대상 연도 '이천이십일'를 읽을 수 없습니다");
  expect(r.out).toContain("Row 6: due year '이천이십일' cannot be read");
  expect(r.out).toContain("7행: 제출자 '김담당'는");
  expect(r.out).toContain("Row 7: submitter '김담당' is neither");
  expect(r.out).toContain('3 error(s) — nothing imported');
  expect(districtItems()).toBe(before);
});

test.each<[string, string | Buffer, RegExp]>([
  [
    'not UTF-8 (Excel’s default CP949 CSV)',
    Buffer.from([0xc0, 0xda, 0xc4, 0xa1, 0xb1, 0xb8, 0x2c, 0x0a]),
    /not a UTF-8 CSV.*CSV UTF-8/,
  ],
  ['larger than 10 MB', Buffer.alloc(10_000_001, 0x0a), /exceeds 10 MB/],
])('%s: one line, exit 2, nothing written', async (_name, content, message) => {
  fs.writeFileSync(path.join(dir, 'register.csv'), content);
  const before = districtItems();
  const r = await delib(['import', 'register.csv']);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(message);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).not.toContain(dir);
  expect(districtItems()).toBe(before);
});

test('too many rows, a cell too long: refused by the register’s limits, nothing written', async () => {
  const rows = Array.from({ length: 250 }, (_, i) => `11110,종로구,2021,p${i}@jongno.go.kr`);
  fs.writeFileSync(path.join(dir, 'tall.csv'), [HEADER, `11000,서울특별시,,${DEV}`, ...rows].join('\n'));
  const tall = await delib(['import', 'tall.csv']);
  expect(tall.code).toBe(1);
  expect(tall.out).toContain('A register has at most 200 rows (stopped at row 202)');
  fs.writeFileSync(
    path.join(dir, 'wide.csv'),
    [HEADER, `11000,서울특별시,,${'a'.repeat(10_001)}`].join('\n'),
  );
  const wide = await delib(['import', 'wide.csv']);
  expect(wide.code).toBe(1);
  expect(wide.out).toContain('Row 2, Submitters: longer than 10000 characters.');
  expect(districtItems()).toBe('[]');
});

test('an .xlsx with two sheets, another file type, a missing file: exit 2', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('명부').addRow(HEADER.split(','));
  wb.addWorksheet('메모');
  await wb.xlsx.writeFile(path.join(dir, 'two.xlsx'));
  const two = await delib(['import', 'two.xlsx']);
  expect(two.code).toBe(2);
  expect(two.err).toContain("a register file holds exactly one sheet (found 2: '명부', '메모')");
  fs.writeFileSync(path.join(dir, 'register.txt'), goodCsv());
  const txt = await delib(['import', 'register.txt']);
  expect(txt.code).toBe(2);
  expect(txt.err).toContain('a register file is .xlsx or .csv');
  const missing = await delib(['import', 'nowhere.csv']);
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('nowhere.csv: 파일이 없습니다 / file not found');
  expect(districtItems()).toBe('[]');
});

test('--dry-run checks and writes nothing; an empty register lists as empty', async () => {
  fs.writeFileSync(path.join(dir, 'register.csv'), goodCsv());
  const dry = await delib(['import', 'register.csv', '--dry-run']);
  expect(dry.code).toBe(0);
  expect(dry.out).toContain('--dry-run wrote nothing');
  expect(districtItems()).toBe('[]');
  const empty = await delib(['list']);
  expect(empty.code).toBe(1);
  expect(empty.err).toContain('the register in SharePoint is empty');
});

test('only a city officer on the register in use may replace it', async () => {
  fs.writeFileSync(path.join(dir, 'register.csv'), goodCsv());
  expect((await delib(['import', 'register.csv'])).code).toBe(0);
  const before = districtItems();
  fs.writeFileSync(path.join(dir, 'mine.csv'), [HEADER, '11000,서울특별시,,gu11500@seoul.go.kr'].join('\n'));
  const r = await delib(['import', 'mine.csv'], { DELIB_GRAPH_TOKEN: KIM_TOKEN });
  expect(r.code).toBe(1);
  expect(r.err).toContain('gu11500@seoul.go.kr is not a city officer on the register in use');
  expect(districtItems()).toBe(before);
});
