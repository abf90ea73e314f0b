// The streaming XML tokenizer (src/xml): well-formed XML in, events out, whatever the chunking;
// anything malformed or beyond a limit is an XmlError, never another exception; time is linear.
import fc from 'fast-check';
import { XmlError, XmlTokenizer, attribute, type XmlElement, type XmlLimits } from '../../src/xml/tokenizer';

const LIMITS: XmlLimits = { maxDepth: 16, maxTextLength: 1000, maxMarkupLength: 1000, maxAttributes: 8 };

/** Events as one string each: `<name ns attrs>`, `</name>`, `"text"`. */
function events(
  chunks: string[],
  limits: XmlLimits = LIMITS,
  want: (el: XmlElement) => boolean = () => true,
): string[] {
  const out: string[] = [];
  const wanting: boolean[] = [];
  const handler = {
    get wantText() {
      return wanting[wanting.length - 1] ?? false;
    },
    open(el: XmlElement) {
      wanting.push(want(el));
      out.push(`<${el.local} ${el.ns} ${JSON.stringify(el.attrs)}>`);
    },
    close(el: XmlElement) {
      wanting.pop();
      out.push(`</${el.name}>`);
    },
    text(t: string) {
      // Adjacent text pieces (around a comment or PI) are one text to a reader.
      if (out.length && out[out.length - 1].startsWith('"'))
        out[out.length - 1] = JSON.stringify(JSON.parse(out[out.length - 1]) + t);
      else out.push(JSON.stringify(t));
    },
  };
  const t = new XmlTokenizer(handler, limits);
  for (const c of chunks) t.write(c);
  t.end();
  return out;
}

const DOC = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<root xmlns="urn:a" xmlns:b="urn:b" one='1' two="a &gt; b &amp; &#x41;&#66;" three="tab&#9;and
newline">
  <b:child b:attr="x">text &lt;here&gt; <![CDATA[<raw> & ]]> done</b:child>
  <empty/>
  <inner xmlns="urn:c"><deep a="&quot;q&apos;"/></inner>
  <?pi ignored?>
</root>`;

test('elements, attributes, namespaces, references, CDATA, comments and PIs', () => {
  const blank = (e: string) => e.startsWith('"') && !(JSON.parse(e) as string).trim();
  expect(events([DOC]).filter((e) => !blank(e))).toEqual([
    '<root urn:a {"xmlns":"urn:a","xmlns:b":"urn:b","one":"1","two":"a > b & AB","three":"tab\\tand newline"}>',
    '<child urn:b {"b:attr":"x"}>',
    '"text <here> <raw> &  done"',
    '</b:child>',
    '<empty urn:a {}>',
    '</empty>',
    '<inner urn:c {"xmlns":"urn:c"}>',
    '<deep urn:c {"a":"\\"q\'"}>',
    '</deep>',
    '</inner>',
    '</root>',
  ]);
});

test('any chunking gives the same events', () => {
  const whole = events([DOC]);
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: DOC.length }), { maxLength: 12 }), (cuts) => {
      const at = [0, ...[...new Set(cuts)].sort((a, b) => a - b), DOC.length];
      const chunks = at.slice(1).map((end, i) => DOC.slice(at[i], end));
      expect(events(chunks)).toEqual(whole);
    }),
  );
  expect(events([...DOC])).toEqual(whole);
});

test('resolves prefixed attributes by namespace', () => {
  let seen: XmlElement | null = null;
  const handler = { wantText: false, open: (el: XmlElement) => (seen ??= el), close() {}, text() {} };
  XmlTokenizer.parse('<a xmlns:r="urn:r" r:id="7" id="plain"/>', handler, LIMITS);
  expect(attribute(seen!, 'id', 'urn:r')).toBe('7');
  expect(attribute(seen!, 'id')).toBe('plain');
  expect(attribute(seen!, 'id', 'urn:other')).toBeUndefined();
});

test('text the handler does not want is skipped without being decoded', () => {
  expect(
    events(['<a><skip>&bogus; ', 'more</skip><keep>x</keep></a>'], LIMITS, (el) => el.local === 'keep'),
  ).toEqual(['<a  {}>', '<skip  {}>', '</skip>', '<keep  {}>', '"x"', '</keep>', '</a>']);
});

describe('malformed XML is an XmlError', () => {
  it.each([
    ['mismatched end tag', '<a><b></a></b>'],
    ['unclosed root', '<a><b/>'],
    ['two roots', '<a/><b/>'],
    ['text outside the root', 'x<a/>'],
    ['nothing at all', '   '],
    ['an undeclared prefix', '<p:a/>'],
    ['an undeclared attribute prefix', '<a p:x="1"/>'],
    ['a repeated attribute', '<a x="1" x="2"/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['attributes run together', '<a x="1"y="2"/>'],
    ['< in an attribute value', '<a x="<"/>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['an unterminated reference', '<a>&amp</a>'],
    ['a character reference beyond Unicode', '<a>&#99999999;</a>'],
    ['a character reference to NUL', '<a>&#0;</a>'],
    ['a surrogate by reference', '<a>&#xD800;</a>'],
    ['a control character', '<a>\u0001</a>'],
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ['an unknown declaration', '<!ELEMENT a ANY><a/>'],
    ['a bad name', '<1a/>'],
    ['a document cut inside a tag', '<a><b x="1"'],
  ])('%s', (_, xml) => {
    expect(() => events([xml])).toThrow(XmlError);
  });
});

describe('limits', () => {
  const limit = (xml: string, chunks = 1): XmlError => {
    const size = Math.ceil(xml.length / chunks);
    try {
      events(Array.from({ length: chunks }, (_, i) => xml.slice(i * size, (i + 1) * size)));
    } catch (e) {
      if (e instanceof XmlError) return e;
      throw e;
    }
    throw new Error('expected a limit');
  };

  it('depth', () => {
    expect(limit('<a>'.repeat(17)).limit).toBe('depth');
    expect(() => events(['<a>'.repeat(16) + '</a>'.repeat(16)])).not.toThrow();
  });

  it('text: decoded length, and raw length before decoding', () => {
    expect(() => events([`<a>${'x'.repeat(1000)}</a>`])).not.toThrow();
    expect(limit(`<a>${'x'.repeat(1001)}</a>`)).toMatchObject({ limit: 'text', found: 1001 });
    expect(() => events([`<a>${'&amp;'.repeat(1000)}</a>`])).not.toThrow();
    const huge = limit(`<a>${'y'.repeat(100_000)}</a>`, 50);
    expect(huge).toMatchObject({ limit: 'text', partial: true });
    expect(huge.found).toBeGreaterThan(1000);
  });

  it('markup, split across chunks or whole', () => {
    expect(limit(`<a x="${'1'.repeat(1001)}"/>`).limit).toBe('markup');
    expect(limit(`<a x="${'1'.repeat(5000)}"/>`, 10).limit).toBe('markup');
    expect(limit(`<a><!--${'-'.repeat(2000)}--></a>`, 7).limit).toBe('markup');
  });

  it('attributes and elements', () => {
    expect(limit(`<a ${Array.from({ length: 9 }, (_, i) => `a${i}="1"`).join(' ')}/>`).limit).toBe(
      'attributes',
    );
    const t = new XmlTokenizer(
      { wantText: false, open() {}, close() {}, text() {} },
      { ...LIMITS, maxElements: 3 },
    );
    expect(() => t.write('<a><b/><c/><d/></a>')).toThrow(expect.objectContaining({ limit: 'elements' }));
  });
});

describe('linear time, however the input is cut', () => {
  const big = {
    maxDepth: 1_000_000,
    maxTextLength: 10_000_000,
    maxMarkupLength: 10_000_000,
    maxAttributes: 256,
  };
  const quiet = { wantText: true, open() {}, close() {}, text() {} };
  /** Feeds `xml` in 1,000-character chunks; returns the milliseconds taken (errors at the end are fine). */
  const time = (xml: string) => {
    const t0 = performance.now();
    const t = new XmlTokenizer(quiet, big);
    try {
      for (let i = 0; i < xml.length; i += 1000) t.write(xml.slice(i, i + 1000));
      t.end();
    } catch (e) {
      if (!(e instanceof XmlError)) throw e;
    }
    return performance.now() - t0;
  };

  // Ratios, not absolute times: ten times the input must take about ten times as long, not a hundred.
  it.each([
    ['unclosed tags', (n: number) => '<a>'.repeat(n)],
    ['one huge tag arriving in pieces', (n: number) => `<a x="${'y'.repeat(n * 3)}"/>`],
    ['a huge comment arriving in pieces', (n: number) => `<a><!--${'-x'.repeat(n)}--></a>`],
    ['a huge text arriving in pieces', (n: number) => `<a>${'&amp;x'.repeat(n)}</a>`],
    ['many small elements', (n: number) => `<a>${'<b c="1"/>'.repeat(n)}</a>`],
  ])('%s', (_, make) => {
    time(make(20_000));
    const small = Math.max(time(make(20_000)), 1);
    const large = time(make(200_000));
    expect(large / small).toBeLessThan(40);
  });
});
