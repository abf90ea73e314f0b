// The stamp's pure parts: SHA-256, canonical data, the XML format and the verdict.
import { createHash } from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { ENGINE_VERSION, validateWorkbook } from '../../src/engine';
import {
  STAMP_NAMESPACE,
  StampRefused,
  canonicalData,
  canonicalJson,
  dataHash,
  createStamp,
  rowDigests,
  stampDataOf,
  sha256Hex,
  stampFromXml,
  stampToXml,
  unitsChanged,
  checkStamp,
  KNOWN_ENGINES,
} from '../../src/stamp';
import { formatOneDigests, formatOneHash } from '../../src/stamp/legacy';
import type { WorkbookSnapshot } from '../../src/engine';
import { installOfficeStandIn } from '../standins/office-js';
import { COUNCIL, FORUMS, forumCell, workbook } from '../excel/fixtures';
import { parseAddress } from '../../src/engine/snapshot';
import { readWorkbookFile } from '../../src/xlsx/read';
import { SAMPLES } from '../support/samples';

test('SHA-256 equals node:crypto for any text, including Korean and block-boundary lengths', () => {
  for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
    const s = '가'.repeat(n % 7) + 'x'.repeat(n);
    expect(sha256Hex(s)).toBe(createHash('sha256').update(s).digest('hex'));
  }
  fc.assert(
    fc.property(
      fc.string({ unit: 'binary' }),
      (s) => sha256Hex(s) === createHash('sha256').update(s, 'utf8').digest('hex'),
    ),
  );
});

test('canonical JSON sorts keys at every level and ignores undefined', () => {
  expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: undefined } })).toBe(
    '{"a":{"d":[2,{"y":null,"z":1}]},"b":1}',
  );
});

test('changed units count as a multiset difference', () => {
  expect(unitsChanged(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(0);
  expect(unitsChanged(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe(1);
  expect(unitsChanged(['a', 'b', 'c'], ['c', 'b', 'a'])).toBe(0);
  expect(unitsChanged(['a', 'b', 'c'], ['a', 'b'])).toBe(1);
  expect(unitsChanged(['a', 'a'], ['a', 'x', 'y'])).toBe(2);
});

/** The snapshot of a fixture workbook as the Office.js reader would give it (via the stand-in's values). */
function snapshotOf(edit?: (sheets: Map<string, unknown[][]>) => void): WorkbookSnapshot {
  const standin = installOfficeStandIn(globalThis, workbook(6));
  try {
    const sheets = new Map<string, unknown[][]>();
    for (const s of standin.model.sheets) {
      const used = standin.user.usedAddress(s.name)!;
      const end = parseAddress(used.split(':')[1]);
      sheets.set(
        s.name,
        standin.user.values(s.name, `A1:${used.split(':')[1].replace(/\d+$/, '')}${end.row}`),
      );
    }
    edit?.(sheets);
    return {
      sheets: [...sheets].map(([name, rows]) => ({
        name,
        rows: rows.map((r) => r.map((v) => (v === null ? null : { value: v as string | number }))),
      })),
    };
  } finally {
    standin.uninstall();
  }
}

const context = { engine: ENGINE_VERSION, at: '2021-12-31T00:00:00.000Z', by: '검토자 <A&B>' };

test('XML round trip keeps every field, escapes text, and stores no council name', () => {
  const stamp = createStamp(validateWorkbook(snapshotOf()), context);
  const xml = stampToXml(stamp);
  expect(xml).toContain(`xmlns="${STAMP_NAMESPACE}"`);
  expect(xml).toContain('검토자 &lt;A&amp;B&gt;');
  expect(xml).not.toMatch(/위원\d/);
  expect(stampFromXml(xml)).toEqual(stamp);
  // 기본정보, 6 forum rows, 10 council rows, the names, the sheet list, 요약.
  expect(stamp.digests).toHaveLength(1 + 6 + 10 + 1 + 1 + 1);
});

/** The fixture with one forum row's 비고 edited. */
function withEditedNote() {
  const cell = parseAddress(forumCell('note', 2));
  return validateWorkbook(snapshotOf((s) => (s.get(FORUMS)![cell.row - 1][cell.column] = '메모')));
}

test('verdicts: valid, changed by one forum row, changed by a council name only, absent', () => {
  const base = validateWorkbook(snapshotOf());
  const stamp = createStamp(base, context);
  expect(checkStamp(stamp, base).status).toBe('valid');
  expect(checkStamp(null, base)).toMatchObject({ status: 'absent', claims: null, problems: [] });
  expect(checkStamp(stamp, withEditedNote())).toMatchObject({
    status: 'changed',
    rowsChanged: 1,
    changes: { forums: 1 },
  });
  // A renamed member changes only the names digest: still noticed, as one unit.
  const renamed = validateWorkbook(snapshotOf((s) => (s.get(COUNCIL)![4][1] = '다른이름')));
  expect(checkStamp(stamp, renamed)).toMatchObject({
    status: 'changed',
    rowsChanged: 1,
    changes: { names: 1 },
  });
  expect(rowDigests(stampDataOf(renamed)).filter((d) => d.startsWith('c'))).toEqual(
    stamp.digests.filter((d) => d.startsWith('c')),
  );
});

test('a workbook with errors cannot be stamped', () => {
  const cell = parseAddress(forumCell('hours', 0));
  const bad = validateWorkbook(snapshotOf((s) => (s.get(FORUMS)![cell.row - 1][cell.column] = -1)));
  expect(() => createStamp(bad, context)).toThrow(StampRefused);
});

test('malformed stamp XML is rejected, not half-read', () => {
  expect(() => stampFromXml('<stamp/>')).toThrow();
  const xml = stampToXml(createStamp(validateWorkbook(snapshotOf()), context));
  expect(() => stampFromXml(xml.replace(/<digests[^>]*>/, '<digests count="1">zz '))).toThrow();
});

describe('the format-1 hash of a 2021.1 workbook does not move with the registry', () => {
  // Pinned from the engine before records were keyed by the standard's columns (commit 04523da):
  // format-1 stamps made then are still recognised (as old, with their data unchanged).
  const pinned: Record<string, string> = {
    'dobong-2021-q2-messy.xlsx': '1ea11acb1c285fd230d6341d1cb597cd496bfc2d46b3d39df19457c59b73f9d1',
    'gangseo-2021-q1.xlsx': '0a63995e225fb3b6d3edca3fe0b5854bc4ab0f1d9529d7662545c81de99b2dce',
  };
  const load = async (file: string) =>
    validateWorkbook((await readWorkbookFile(path.join(SAMPLES, file))).snapshot);

  it.each(Object.keys(pinned))('%s', async (file) => {
    expect(formatOneHash(stampDataOf(await load(file)))).toBe(pinned[file]);
  });

  it('declaring 표준버전 2021.1 changes nothing; declaring another version changes the hash', async () => {
    const { snapshot } = await readWorkbookFile(path.join(SAMPLES, 'gangseo-2021-q1.xlsx'));
    const declared = (version: string | number) => ({
      sheets: snapshot.sheets.map((s) =>
        s.name === '기본정보' ? { ...s, rows: [...s.rows, [{ value: '표준버전' }, { value: version }]] } : s,
      ),
    });
    expect(formatOneHash(stampDataOf(validateWorkbook(declared('2021.1'))))).toBe(
      pinned['gangseo-2021-q1.xlsx'],
    );
    // Format 2 too: declaring the version an absent 표준버전 means changes nothing.
    expect(dataHash(stampDataOf(validateWorkbook(declared('2021.1'))))).toBe(
      dataHash(stampDataOf(validateWorkbook(snapshot))),
    );
    const v2 = validateWorkbook(declared('2021.2'));
    expect(v2.report.standard).toBe('2021.2');
    expect(formatOneHash(stampDataOf(v2))).not.toBe(pinned['gangseo-2021-q1.xlsx']);
  });

  it('a 2021.2 column enters the hash and the row digests', async () => {
    const { snapshot } = await readWorkbookFile(path.join(SAMPLES, 'gangseo-2021-q1.xlsx'));
    const withStage = (stage: string) => ({
      sheets: snapshot.sheets.map((s) => {
        if (s.name === '기본정보')
          return { ...s, rows: [...s.rows, [{ value: '표준버전' }, { value: '2021.2' }]] };
        if (s.name !== '숙의공론장') return s;
        const rows = s.rows.map((r) => [...r]);
        rows[0][13] = { value: '단계' };
        rows[1][13] = { value: stage };
        return { ...s, rows };
      }),
    });
    const a = validateWorkbook(withStage('실행'));
    const b = validateWorkbook(withStage('평가'));
    expect(a.report.findings).toEqual([]);
    expect(canonicalData(stampDataOf(a))).toContain('"stage":"실행"');
    expect(checkStamp(createStamp(a, context), b)).toMatchObject({ status: 'changed', rowsChanged: 1 });
  });
});

describe('format-1 stamps (made before format 2)', () => {
  const formatOne = (v: ReturnType<typeof validateWorkbook>) => ({
    ...createStamp(v, context),
    format: '1',
    hash: formatOneHash(stampDataOf(v)),
    digests: formatOneDigests(stampDataOf(v)),
  });

  it('on unchanged data: recognised, never valid, asked to be made again', () => {
    const base = validateWorkbook(snapshotOf());
    const verdict = checkStamp(stampFromXml(stampToXml(formatOne(base))), base);
    expect(verdict.status).toBe('invalid');
    expect(verdict.rowsChanged).toBe(0);
    expect(verdict.problems.map((p) => p.code)).toEqual(['old-format']);
    expect(verdict.problems[0].message.en).toMatch(
      /earlier delib \(format 1\).*mark the workbook validated again/,
    );
  });

  it('on changed data: changed, with what changed', () => {
    const stamp = formatOne(validateWorkbook(snapshotOf()));
    expect(checkStamp(stamp, withEditedNote())).toMatchObject({
      status: 'changed',
      rowsChanged: 1,
      changes: { forums: 1 },
    });
  });

  it('a format this build does not know is not checked, and says to update', () => {
    const base = validateWorkbook(snapshotOf());
    const future = { ...createStamp(base, context), format: '3' };
    // Its own units are read, not judged.
    const xml = stampToXml({ ...future, digests: [...future.digests, 'z0123456789abcdef'] });
    const verdict = checkStamp(stampFromXml(xml), base);
    expect(verdict.status).toBe('invalid');
    expect(verdict.problems.map((p) => p.code)).toEqual(['unknown-format']);
  });
});

test('the hash covers no council member’s name; the names digest notices a renamed member', () => {
  const base = validateWorkbook(snapshotOf());
  const text = canonicalData(stampDataOf(base));
  for (const c of base.council) expect(text).not.toContain(`"${String(c.get('name'))}"`);
  // A note naming a member is covered with the member's stand-in, not the name.
  const cell = parseAddress(forumCell('note', 1));
  const noted = validateWorkbook(
    snapshotOf((s) => (s.get(FORUMS)![cell.row - 1][cell.column] = '위원3 발표')),
  );
  expect(canonicalData(stampDataOf(noted))).toContain('"note":"위원 03 발표"');
  expect(canonicalData(stampDataOf(noted))).not.toContain('위원3');
});

test('the engines a stamp may name: every released one and this build’s', () => {
  expect(KNOWN_ENGINES).toContain(ENGINE_VERSION);
  expect(KNOWN_ENGINES).toContain('1.0.0');
  const base = validateWorkbook(snapshotOf());
  const verdict = checkStamp({ ...createStamp(base, context), engine: '1.0.0-fake' }, base);
  expect(verdict.problems.map((p) => p.code)).toEqual(['unknown-engine']);
});
