// The stamp's pure parts: SHA-256, canonical data, the XML format and the verdict.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { validateWorkbook } from '../../src/engine';
import {
  STAMP_NAMESPACE,
  StampRefused,
  canonicalJson,
  createStamp,
  rowDigests,
  stampDataOf,
  sha256Hex,
  stampFromXml,
  stampToXml,
  unitsChanged,
  verdictOf,
} from '../../src/stamp';
import type { WorkbookSnapshot } from '../../src/engine';
import { installOfficeStandIn } from '../standins/office-js';
import { COUNCIL, FORUMS, forumCell, workbook } from '../excel/fixtures';
import { parseAddress } from '../../src/engine/snapshot';

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

const context = { engine: 'test', at: '2021-12-31T00:00:00.000Z', by: '검토자 <A&B>' };

test('XML round trip keeps every field, escapes text, and stores no council name', () => {
  const stamp = createStamp(validateWorkbook(snapshotOf()), context);
  const xml = stampToXml(stamp);
  expect(xml).toContain(`xmlns="${STAMP_NAMESPACE}"`);
  expect(xml).toContain('검토자 &lt;A&amp;B&gt;');
  expect(xml).not.toMatch(/위원\d/);
  expect(stampFromXml(xml)).toEqual(stamp);
  expect(stamp.digests).toHaveLength(1 + 6 + 10 + 1);
});

test('verdicts: valid, changed by one forum row, changed by a council name only, absent', () => {
  const base = validateWorkbook(snapshotOf());
  const stamp = createStamp(base, context);
  expect(verdictOf(stamp, base).status).toBe('valid');
  expect(verdictOf(null, base)).toEqual({ status: 'absent' });
  const cell = parseAddress(forumCell('note', 2));
  const edited = validateWorkbook(snapshotOf((s) => (s.get(FORUMS)![cell.row - 1][cell.column] = '메모')));
  expect(verdictOf(stamp, edited)).toMatchObject({ status: 'changed', rowsChanged: 1 });
  // A renamed member changes only the names digest: still noticed, as one unit.
  const renamed = validateWorkbook(snapshotOf((s) => (s.get(COUNCIL)![4][1] = '다른이름')));
  expect(verdictOf(stamp, renamed)).toMatchObject({ status: 'changed', rowsChanged: 1 });
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
