// The attacker's way (issue 7, item 1): about 25 lines using the project's own exports recompute a
// stamp over an edited workbook. `delib verify` must not vouch for it: data with errors, a fake
// standard or engine, and an edited district or year are refused with the reason in both
// languages; what a stamp alone cannot prove (that this district sent this data) is left to
// `verify --sharepoint` (test/stamp/verify-sharepoint.test.ts). Each case is also a workbook whose
// data is valid and unchanged otherwise, so nothing but the check under test can fail it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ENGINE_VERSION, validateWorkbook } from '../../src/engine';
import {
  STAMP_FORMAT_VERSION,
  STAMP_PROPERTIES,
  dataHash,
  rowDigests,
  shortHash,
  stampDataOf,
  stampLine,
  stampToXml,
  type Stamp,
} from '../../src/stamp';
import { standardLayout } from '../../src/workbook';
import { standard2021_1 } from '../../src/standard/2021.1';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { FORUMS, LETTERS, forumCell, forumRow, workbook } from '../excel/fixtures';
import { boot } from '../excel/helpers';
import type { OfficeStandIn } from '../standins/office-js';
import { xlsxOfStandIn } from './xlsx-fixture';
import { runVerify } from './run-verify';

const dir = mkdtempSync(path.join(tmpdir(), 'delib-forgery-'));
const INFO = standardLayout(standard2021_1).info;
const infoCell = (key: string) => `B${INFO.rows.find((r) => r.key === key)!.row}`;
const SUMMARY = standard2021_1.sheets.summary.name;

/** The attacker: reads the edited file, recomputes the stamp with the project's exports, claims what it likes. */
async function forgedStamp(file: Buffer, claims: Partial<Stamp> = {}): Promise<Stamp> {
  const { snapshot } = await readWorkbookBuffer(file, 'edited.xlsx');
  const validation = validateWorkbook(snapshot);
  const data = stampDataOf(validation);
  return {
    format: STAMP_FORMAT_VERSION,
    standard: validation.report.standard,
    engine: ENGINE_VERSION,
    hash: dataHash(data),
    at: '2021-12-31T09:00:00.000Z',
    by: '김검토',
    rows: validation.report.stats.rows,
    council: validation.council.length,
    errors: 0,
    warnings: 0,
    digests: rowDigests(data),
    ...claims,
  };
}

/**
 * A workbook stamped honestly in the pane, then edited and re-stamped by the attacker. A thorough
 * attacker also rewrites the document properties and the 요약 line the stamp shows elsewhere.
 */
async function forged(
  name: string,
  edit: (s: OfficeStandIn) => void,
  claims: Partial<Stamp> = {},
  thorough = false,
): Promise<string> {
  const { session, standin } = await boot(workbook(12, { summary: true }), {
    now: () => new Date('2021-12-31T09:00:00Z'),
    userName: '김검토',
  });
  await session.markValidated();
  await session.dispose();
  edit(standin);
  const stamp = await forgedStamp(await xlsxOfStandIn(standin), claims);
  standin.model.customXmlParts[0].xml = stampToXml(stamp);
  if (thorough) {
    standin.model.customProperties.set(STAMP_PROPERTIES.hash, {
      value: shortHash(stamp.hash),
      type: 'String',
    });
    standin.model.customProperties.set(STAMP_PROPERTIES.standard, { value: stamp.standard, type: 'String' });
    standin.model.customProperties.set(STAMP_PROPERTIES.engine, { value: stamp.engine, type: 'String' });
    standin.user.setValues(SUMMARY, 'A1', [[stampLine(stamp)]]);
  }
  writeFileSync(path.join(dir, name), await xlsxOfStandIn(standin));
  standin.uninstall();
  return name;
}

async function verify(name: string) {
  const text = await runVerify(dir, [name, '--lang', 'en']);
  const json = await runVerify(dir, [name, '--format', 'json']);
  return { code: text.code, out: text.out + text.err, verdict: JSON.parse(json.out).verdict };
}

const codes = (verdict: { problems: { code: string }[] }) => verdict.problems.map((p) => p.code);

test('data with 4 errors, re-stamped claiming none: refused, the numbers are the data’s', async () => {
  const name = await forged(
    'errors.xlsx',
    (s) => {
      for (const i of [1, 3, 5, 7]) s.user.setValues(FORUMS, forumCell('hours', i), [[-1]]);
    },
    {},
    true,
  );
  const r = await verify(name);
  expect(r.code).toBe(1);
  expect(r.verdict.status).toBe('invalid');
  expect(r.verdict.data.errors).toBe(4);
  expect(r.verdict.claims.errors).toBe(0);
  expect(codes(r.verdict)).toEqual(['errors']);
  // Said in both languages.
  expect(r.out).toContain('The data has 4 error(s) now; a stamp never vouches for data with errors.');
  expect(r.out).toContain('지금 데이터에 오류 4건이 있습니다');
  expect(r.out).toMatch(/data \(now\): .*4 errors/);
});

test('a stamp naming standard 9999.9, engine 0.0.0-fake, by 서울시장: refused, its claims labelled', async () => {
  const name = await forged('fake.xlsx', () => undefined, {
    standard: '9999.9',
    engine: '0.0.0-fake',
    by: '서울시장',
  });
  const r = await verify(name);
  expect(r.code).toBe(1);
  expect(r.verdict.status).toBe('invalid');
  expect(codes(r.verdict)).toEqual(expect.arrayContaining(['unknown-standard', 'unknown-engine']));
  expect(r.out).toContain('The stamp names standard 9999.9, which this program does not know.');
  expect(r.out).toContain('검증 표시가 이 프로그램이 모르는 표준 9999.9을(를) 말합니다.');
  expect(r.out).toMatch(
    /validation engine 0\.0\.0-fake, which this program does not know \(known: 1\.0\.0\)/,
  );
  expect(r.out).toMatch(/the stamp says: .*by 서울시장/);
  expect(r.out).not.toMatch(/^.*valid — unchanged/m);
});

test('the year edited: every forum date falls outside it, so the re-stamp vouches for nothing', async () => {
  const name = await forged(
    'year.xlsx',
    (s) => s.user.setValues('기본정보', infoCell('year'), [[2020]]),
    {},
    true,
  );
  const r = await verify(name);
  expect(r.code).toBe(1);
  expect(codes(r.verdict)).toEqual(['errors']);
  expect(r.verdict.data.errors).toBeGreaterThanOrEqual(12);
});

test('the district edited and only the stamp part replaced: the properties and the 요약 line give it away', async () => {
  const name = await forged('district.xlsx', (s) =>
    s.user.setValues('기본정보', infoCell('district'), [['마포구']]),
  );
  const r = await verify(name);
  expect(r.code).toBe(1);
  expect(r.verdict.status).toBe('invalid');
  expect(codes(r.verdict)).toEqual(['properties', 'summary-line']);
  expect(r.out).toContain('The document properties 검증해시 are missing or differ from the stamp.');
  expect(r.out).toContain('The stamp line on 요약 says something else than the stamp.');
});

test('a thorough forger of valid data passes the local check: that is what --sharepoint is for', async () => {
  // Documented (docs/excel.md): a stamp is a checksum anyone can recompute; it cannot say who made it.
  const name = await forged(
    'thorough.xlsx',
    (s) => s.user.setValues('기본정보', infoCell('district'), [['마포구']]),
    {},
    true,
  );
  const r = await verify(name);
  expect(r.verdict.status).toBe('valid');
  expect(r.verdict.data.hash).toBe(r.verdict.claims.hash);
});

test('a stamp whose counts are not the data’s is refused', async () => {
  const name = await forged('counts.xlsx', () => undefined, { rows: 999 });
  const r = await verify(name);
  expect(codes(r.verdict)).toContain('counts');
  expect(r.code).toBe(1);
});

describe('what the stamp covers beyond the records (each edited after an honest stamp)', () => {
  async function edited(name: string, edit: (s: OfficeStandIn) => void) {
    const { session, standin } = await boot(workbook(12, { summary: true }), {
      now: () => new Date('2021-12-31T09:00:00Z'),
    });
    await session.insertStandardSheets(); // 요약 with its native formulas
    await session.markValidated();
    await session.dispose();
    edit(standin);
    writeFileSync(path.join(dir, name), await xlsxOfStandIn(standin));
    standin.uninstall();
    return verify(name);
  }

  it('untouched, with 요약’s formulas: valid from the file as in the pane', async () => {
    const r = await edited('untouched.xlsx', () => undefined);
    expect(r.verdict.problems).toEqual([]);
    expect(r.verdict.status).toBe('valid');
  });

  it('a typed-over 참석율 (the value it already showed) breaks it', async () => {
    const r = await edited('rate.xlsx', (s) =>
      s.user.setValues(FORUMS, forumCell('attendanceRate', 2), [[0.8]]),
    );
    expect(r.verdict).toMatchObject({ status: 'changed', changes: { forums: 1 } });
  });

  it('a typed-over 참석인원(계) breaks it', async () => {
    const r = await edited('total.xlsx', (s) =>
      s.user.setValues(FORUMS, forumCell('attendedTotal', 4), [[12]]),
    );
    expect(r.verdict).toMatchObject({ status: 'changed', changes: { forums: 1 } });
  });

  it('formula text changed in a computed column breaks it', async () => {
    const r = await edited('formula.xlsx', (s) => {
      const row = forumRow(3);
      s.user.setValues(FORUMS, forumCell('attendedTotal', 3), [
        [`=${LETTERS.attendedOfficial}${row}+${LETTERS.attendedCivilian}${row}+0`],
      ]);
    });
    expect(r.verdict).toMatchObject({ status: 'changed', changes: { forums: 1 } });
  });

  it('a value in an extra column of a data row breaks it', async () => {
    const r = await edited('extra.xlsx', (s) => s.user.setValues(FORUMS, `P${forumRow(1)}`, [['메모']]));
    expect(r.verdict).toMatchObject({ status: 'changed', changes: { forums: 1 } });
  });

  it('a typed-over 요약 figure breaks it', async () => {
    const r = await edited('summary.xlsx', (s) => s.user.setValues(SUMMARY, 'B5', [[999]]));
    expect(r.verdict).toMatchObject({ status: 'changed', changes: { summary: 1 } });
  });

  it('a sheet added (even very hidden) breaks it', async () => {
    const r = await edited('sheet.xlsx', (s) => {
      s.user.addSheet('숙의공론장_원본');
      s.user.setVisibility('숙의공론장_원본', 'VeryHidden');
    });
    expect(r.verdict).toMatchObject({ status: 'changed', changes: { sheets: 1 } });
  });
});
