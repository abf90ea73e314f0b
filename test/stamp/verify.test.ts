// `delib verify` on .xlsx files: the stamp made in Excel (here: the Office.js stand-in, saved as Excel
// saves it — cells, the stamp part, the custom properties, the 요약 line) is checked from Node with
// the same verdict the pane shows.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readStampFromXlsx } from '../../src/xlsx/stamp';
import { FORUMS, forumCell, workbook } from '../excel/fixtures';
import { boot } from '../excel/helpers';
import type { OfficeStandIn } from '../standins/office-js';
import { xlsxOf, xlsxOfStandIn } from './xlsx-fixture';
import { runVerify } from './run-verify';

const dir = mkdtempSync(path.join(tmpdir(), 'delib-verify-'));

/** A workbook stamped in the pane, then edited by `edit` (without marking again), saved. */
async function stamped(name: string, edit?: (s: OfficeStandIn) => void): Promise<string> {
  const { session, standin } = await boot(workbook(25, { summary: true }), {
    now: () => new Date('2021-12-31T09:00:00Z'),
    userName: '김검토',
  });
  await session.markValidated();
  await session.dispose();
  edit?.(standin);
  writeFileSync(path.join(dir, name), await xlsxOfStandIn(standin));
  standin.uninstall();
  return name;
}

const run = (...args: string[]) => runVerify(dir, args);

test('a stamp made in Excel verifies as valid from the .xlsx; claims are labelled as claims', async () => {
  const r = await run(await stamped('valid.xlsx'), '--lang', 'en');
  expect(r.err).toBe('');
  expect(r.out).toContain('valid.xlsx: valid — unchanged since validation, no errors');
  expect(r.out).toMatch(/data \(now\): standard 2021\.1, 25 rows, 10 council members, 0 errors/);
  expect(r.out).toMatch(
    /the stamp says: 2021-12-31T09:00:00.000Z, by 김검토, standard 2021\.1, engine 1\.0\.0/,
  );
  expect(r.code).toBe(0);
  const json = JSON.parse((await run('valid.xlsx', '--format', 'json')).out);
  expect(json.verdict).toMatchObject({ status: 'valid', problems: [], data: { rows: 25, errors: 0 } });
  expect(json.verdict.data.hash).toBe(json.verdict.claims.hash);
});

test('one edited row after stamping: changed, 1 row differs, exit 1', async () => {
  const name = await stamped('changed.xlsx', (s) => s.user.setValues(FORUMS, forumCell('hours', 7), [[3.5]]));
  const r = await run(name);
  expect(r.out).toMatch(/changed\.xlsx: 검증 이후 변경됨 — 1곳이 다름 \(숙의공론장 1행\)/);
  expect(r.code).toBe(1);
  const json = JSON.parse((await run(name, '--format', 'json')).out);
  expect(json.verdict).toMatchObject({ status: 'changed', rowsChanged: 1, changes: { forums: 1 } });
});

test('a workbook never stamped: absent, exit 1', async () => {
  writeFileSync(path.join(dir, 'fresh.xlsx'), await xlsxOf(workbook(5)));
  const r = await run('fresh.xlsx', '--lang', 'en');
  expect(r.out).toMatch(/fresh\.xlsx: no validation stamp/);
  expect(r.code).toBe(1);
  expect(await readStampFromXlsx(await xlsxOf(workbook(5)))).toEqual({ stamp: null, damaged: false });
});

test('a damaged stamp part is reported, not trusted', async () => {
  const name = await stamped('damaged.xlsx', (s) => {
    const part = s.model.customXmlParts[0];
    part.xml = part.xml.replace(/<hash[^<]*<\/hash>/, '<hash>x</hash>');
  });
  const r = await run(name, '--lang', 'en');
  expect(r.out).toMatch(/damaged/);
  expect(r.code).toBe(1);
});

test('a missing file: one bilingual line, exit 2, no stack trace', async () => {
  const r = await run('nope.xlsx');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/파일이 없습니다 \/ .*file not found/);
  expect(r.err).not.toMatch(/\n\s+at /);
});

test('--config without --sharepoint is a usage error', async () => {
  await expect(run('valid.xlsx', '--config', 'x.json')).rejects.toThrow(/--sharepoint/);
});
