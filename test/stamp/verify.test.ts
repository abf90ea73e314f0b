// `delib verify` on .xlsx files: the stamp made in Excel (here: the Office.js stand-in) is checked
// from Node with the same verdict — valid, changed with the number of rows, absent, damaged.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifyCommand } from '../../src/cli/commands/verify';
import { STAMP_NAMESPACE } from '../../src/stamp';
import { readStampFromXlsx } from '../../src/xlsx/stamp';
import { FORUMS, LETTERS, forumRow, workbook } from '../excel/fixtures';
import { boot } from '../excel/helpers';
import { withCustomXmlPart, xlsxOf } from './xlsx-fixture';

const dir = mkdtempSync(path.join(tmpdir(), 'delib-verify-'));
let stampXml = '';
const initial = workbook(25, { summary: true });

beforeAll(async () => {
  const { session, standin } = await boot(initial, {
    now: () => new Date('2021-12-31T09:00:00Z'),
    userName: '김검토',
  });
  await session.markValidated();
  stampXml = standin.model.customXmlParts.find((p) => p.namespaceUri === STAMP_NAMESPACE)!.xml;
  await session.dispose();
  standin.uninstall();
});

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await verifyCommand.run(args, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    cwd: dir,
    env: {},
  });
  return { code, out, err };
}

async function file(name: string, wb = initial, xml: string | null = stampXml): Promise<string> {
  const plain = await xlsxOf(wb);
  writeFileSync(path.join(dir, name), xml === null ? plain : await withCustomXmlPart(plain, xml));
  return name;
}

test('a stamp made in Excel verifies as valid from the .xlsx', async () => {
  const r = await run(await file('valid.xlsx'), '--lang', 'en');
  expect(r.err).toBe('');
  expect(r.out).toMatch(
    /valid\.xlsx: valid — unchanged since validation \(2021-12-31T09:00:00.000Z, 김검토, standard 2021\.1/,
  );
  expect(r.code).toBe(0);
});

test('one edited row after stamping: changed, 1 row differs, exit 1', async () => {
  const edited = structuredClone(initial);
  const rows = edited.sheets.find((s) => s.name === FORUMS)!.rows!;
  const hoursColumn = LETTERS.hours.charCodeAt(0) - 65;
  rows[forumRow(7) - 1][hoursColumn] = 3.5;
  const r = await run(await file('changed.xlsx', edited));
  expect(r.out).toMatch(/changed\.xlsx: 검증 이후 변경됨 — 1행이 다름/);
  expect(r.code).toBe(1);
  const json = JSON.parse((await run('changed.xlsx', '--format', 'json')).out);
  expect(json.verdict).toMatchObject({ status: 'changed', rowsChanged: 1 });
});

test('a workbook never stamped: absent, exit 1', async () => {
  const r = await run(await file('fresh.xlsx', initial, null), '--lang', 'en');
  expect(r.out).toMatch(/fresh\.xlsx: no validation stamp/);
  expect(r.code).toBe(1);
  expect(await readStampFromXlsx(await xlsxOf(initial))).toEqual({ stamp: null, damaged: false });
});

test('a damaged stamp part is reported, not trusted', async () => {
  const r = await run(
    await file('damaged.xlsx', initial, stampXml.replace(/<hash[^<]*<\/hash>/, '<hash>x</hash>')),
    '--lang',
    'en',
  );
  expect(r.out).toMatch(/damaged/);
  expect(r.code).toBe(1);
});

test('a missing file: one bilingual line, exit 2, no stack trace', async () => {
  const r = await run('nope.xlsx');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/파일이 없습니다 \/ .*file not found/);
  expect(r.err).not.toMatch(/\n\s+at /);
});
