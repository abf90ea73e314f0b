// The stamp part's parser against what a hand, a broken tool or an attacker puts there: anything but
// a well-formed stamp is a StampFormatError ("damaged stamp"), never another exception — the pane's
// full pass and `delib verify` rely on it — and never slow.
import fc from 'fast-check';
import {
  STAMP_MAX_CHARS,
  STAMP_NAMESPACE,
  StampFormatError,
  stampFromXml,
  stampToXml,
  type Stamp,
} from '../../src/stamp';
import { readStampFromXlsx } from '../../src/xlsx/stamp';
import { hostileStamps, minimalEntries } from '../support/hostile-xlsx';
import { deflatedEntry, repeatedEntry, writeZip } from '../support/zip-writer';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const stamp: Stamp = {
  format: '2',
  standard: '2021.1',
  engine: '1.0.0',
  hash: 'ab'.repeat(32),
  at: '2021-12-31T09:00:00.000Z',
  by: '김검토 <A&B>',
  rows: 2,
  council: 1,
  errors: 0,
  warnings: 1,
  digests: ['i0123456789abcdef', 'f0123456789abcdef', 'f1123456789abcdef', 'c0123456789abcdef'],
};
const xml = stampToXml(stamp);

const damaged = (text: string) => {
  expect(() => stampFromXml(text)).toThrow(StampFormatError);
};

test('reads what stampToXml writes, and the same stamp written another way', () => {
  expect(stampFromXml(xml)).toEqual(stamp);
  expect(stampFromXml('\uFEFF' + xml)).toEqual(stamp);
  const prefixed = xml
    .replace(`xmlns="${STAMP_NAMESPACE}"`, `xmlns:s="${STAMP_NAMESPACE}"`)
    .replace(/<(\/?)(stamp|standard|engine|hash|at|by|counts|digests)\b/g, '<$1s:$2');
  expect(stampFromXml(prefixed)).toEqual(stamp);
  const extra = xml.replace(
    '</stamp>',
    '<future xmlns="urn:other"><x/></future><note>later versions</note></stamp>',
  );
  expect(stampFromXml(extra)).toEqual(stamp);
});

describe('damaged stamps', () => {
  it.each(Object.entries(hostileStamps))('the hostile generators: %s', (_, make) => {
    const part = make();
    damaged(typeof part === 'string' ? part : zlib.inflateRawSync(Buffer.concat(part.pieces)).toString());
  });

  const unclosed = () =>
    `<?xml version="1.0"?><stamp xmlns="${STAMP_NAMESPACE}" version="1"><digests>${'<digests>'.repeat(200_000)}`;

  it.each([
    ['not a stamp', '<stamp/>'],
    ['another namespace', xml.replace(STAMP_NAMESPACE, 'urn:other')],
    ['a missing element', xml.replace(/<by>.*<\/by>/, '')],
    ['an element given twice', xml.replace('</stamp>', '<by>누군가</by></stamp>')],
    ['a bad digest', xml.replace(/<digests[^>]*>/, '<digests count="1">zz ')],
    ['a bad hash', xml.replace(/<hash([^>]*)>[0-9a-f]+/, '<hash$1>nope')],
    ['a count that is not a number', xml.replace('rows="2"', 'rows="-2"')],
    ['a count beyond any sheet', xml.replace('rows="2"', `rows="${'9'.repeat(20)}"`)],
    ['a name longer than anyone has', xml.replace('김검토 &lt;A&amp;B&gt;', 'x'.repeat(257))],
    ['a character reference beyond Unicode', xml.replace('김검토', '&#99999999;')],
    ['a lone surrogate by reference', xml.replace('김검토', '&#xDC00;')],
    ['an undefined entity', xml.replace('김검토', '&nbsp;')],
    ['a DOCTYPE', `<!DOCTYPE stamp [<!ENTITY x "y">]>${xml}`],
    ['truncated', xml.slice(0, xml.length - 10)],
    [
      'a part over the size limit',
      xml.replace('</stamp>', `<pad>${' '.repeat(STAMP_MAX_CHARS)}</pad></stamp>`),
    ],
    ['200,000 unclosed tags', unclosed()],
  ])('%s', (_, text) => damaged(text));

  it('time grows linearly: ten times the unclosed tags take about ten times as long, not a hundred', () => {
    const time = (n: number) => {
      const text = `<stamp xmlns="${STAMP_NAMESPACE}"><digests>${'<digests>'.repeat(n)}`;
      const t0 = performance.now();
      expect(() => stampFromXml(text)).toThrow(StampFormatError);
      return performance.now() - t0;
    };
    time(20_000);
    const small = Math.max(time(20_000), 1);
    expect(time(200_000) / small).toBeLessThan(40);
  });

  it('any damage to a stamp gives a stamp or a StampFormatError, nothing else', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(xml.length), fc.nat(12), fc.string({ maxLength: 6 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (edits) => {
          let text = xml;
          for (const [at, cut, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + cut);
          try {
            stampFromXml(text);
          } catch (e) {
            expect(e).toBeInstanceOf(StampFormatError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the stamp part in an .xlsx', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'delib-stamp-part-'));
  const book = (name: string, parts: ReturnType<typeof deflatedEntry>[]) => {
    const file = path.join(dir, name);
    writeZip(file, [...minimalEntries({ sheets: [{ name: 's', rows: '' }] }), ...parts]);
    return readFileSync(file);
  };

  it('an oversized part of ours is damaged, without being read whole', async () => {
    const big = repeatedEntry(
      'customXml/item1.xml',
      `<stamp xmlns="${STAMP_NAMESPACE}"><pad>`,
      ' '.repeat(1e6),
      100,
      '</pad></stamp>',
    );
    expect(await readStampFromXlsx(book('big-ours.xlsx', [big]))).toEqual({ stamp: null, damaged: true });
  });

  it("someone else's big part is passed over, and our stamp after it is read", async () => {
    const theirs = repeatedEntry(
      'customXml/item1.xml',
      '<data xmlns="urn:sharepoint"><pad>',
      ' '.repeat(1e6),
      100,
      '</pad></data>',
    );
    const ours = deflatedEntry('customXml/item2.xml', xml);
    expect(await readStampFromXlsx(book('big-theirs.xlsx', [theirs, ours]))).toEqual({
      stamp,
      damaged: false,
    });
  });

  it('a UTF-16 stamp part, as Excel may re-save it', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(xml.replace('UTF-8', 'UTF-16'), 'utf16le'),
    ]);
    expect(
      await readStampFromXlsx(book('utf16.xlsx', [deflatedEntry('customXml/item1.xml', utf16)])),
    ).toEqual({
      stamp,
      damaged: false,
    });
  });
});
