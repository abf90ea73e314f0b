// A small streaming XML tokenizer for the XML the product parses itself: the .xlsx parts the CLI
// reads (src/xlsx) and the stamp part (src/stamp, also in the pane, so it is pure JS without Node).
// It is a real parser, not a pattern match: tags, attributes, namespaces, CDATA, comments and
// processing instructions, end tags matched against start tags, one root element, entity and
// character references checked. It refuses DOCTYPE (so no entity can expand) and stops at its limits:
// element depth, one text node, one tag. Every byte is looked at a bounded number of times, so the
// time is linear in the input whatever it holds and however it is cut into chunks (a tag split over
// many chunks is joined once, when its '>' arrives). Text the handler does not want is skipped unread.

export type XmlLimitKind = 'depth' | 'text' | 'markup' | 'attributes' | 'elements';

export class XmlError extends Error {
  constructor(
    message: string,
    /** Set when a limit, not a syntax error, stopped the parse. */
    readonly limit?: XmlLimitKind,
    /** What was found: the depth, the characters of text, the characters of markup … */
    readonly found?: number,
    /** `found` is a lower bound: the parse stopped before the end of what it measured. */
    readonly partial?: boolean,
  ) {
    super(message);
    this.name = 'XmlError';
  }
}

export interface XmlLimits {
  /** Element nesting. */
  maxDepth: number;
  /** Characters of one wanted text node, after references are decoded. */
  maxTextLength: number;
  /** Characters of one tag, comment, processing instruction or CDATA section. */
  maxMarkupLength: number;
  /** Attributes of one element. */
  maxAttributes: number;
  /** Elements in the document (bounds the time a document of small elements takes). */
  maxElements?: number;
}

/** Prefix → namespace URI; '' is the default namespace. A prototype chain per declaring element. */
export type XmlScope = Record<string, string>;

export interface XmlElement {
  /** The name as written (`x:row`). */
  readonly name: string;
  readonly local: string;
  /** The resolved namespace URI; '' when none applies. */
  readonly ns: string;
  /** Attributes by the name as written. */
  readonly attrs: Record<string, string>;
  readonly scope: XmlScope;
}

export interface XmlHandler {
  /** Read before each text node: text is decoded and passed to `text` only while this is true. */
  readonly wantText: boolean;
  open(element: XmlElement): void;
  close(element: XmlElement): void;
  text(text: string): void;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/**
 * A raw text node may be longer than its decoded text (`&amp;` is one character); beyond this many
 * raw characters per allowed character it is refused before being decoded.
 */
const RAW_PER_CHAR = 8;
const NAME_CACHE_SIZE = 4096;

// XML 1.0 names (the BMP ranges), without colons: a qualified name is one or two of these.
const NAME_START =
  'A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
const NCNAME = `[${NAME_START}][${NAME_CHAR}]*`;
// eslint-disable-next-line no-misleading-character-class -- ranges of XML name characters (combining marks may follow a name's first character), not joined sequences
const QNAME = new RegExp(`^(?:(${NCNAME}):)?(${NCNAME})$`);
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids
const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ALL_SPACE = /^[ \t\r\n]*$/;
const ATTR_SPACE = /[\t\r\n]/g;
const CHAR_REF = /^#(?:x([0-9A-Fa-f]{1,8})|([0-9]{1,10}))$/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function malformed(message: string): XmlError {
  return new XmlError(message);
}

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function reference(ref: string): string {
  const predefined = PREDEFINED[ref];
  if (predefined !== undefined) return predefined;
  const m = CHAR_REF.exec(ref);
  if (!m) throw malformed(`unknown entity &${ref.slice(0, 20)};`);
  const cp = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
  if (!isXmlChar(cp)) throw malformed(`character reference &${ref}; is not an XML character`);
  return String.fromCodePoint(cp);
}

/** Decodes entity and character references; anything else after `&` is an error. */
export function decodeReferences(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    // The first bad reference throws, so this search runs past its window at most once.
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 16) throw malformed('unterminated entity reference');
    out += s.slice(last, amp) + reference(s.slice(amp + 1, semi));
    last = semi + 1;
    amp = s.indexOf('&', last);
  }
  return out + s.slice(last);
}

function checkChars(s: string): void {
  if (INVALID_CHAR.test(s)) throw malformed('a character XML does not allow');
}

// eslint-disable-next-line no-control-regex -- anything that needs more than a copy: references, control characters
const NEEDS_WORK = /[\u0000-\u001F&\uFFFE\uFFFF]/;

/** Text as written → its value (most texts need nothing). */
function textValue(raw: string): string {
  if (!NEEDS_WORK.test(raw)) return raw;
  checkChars(raw);
  return decodeReferences(raw);
}

/** An attribute value: literal tabs and line breaks become spaces (XML's normalisation), then references. */
function attributeValue(raw: string): string {
  if (!NEEDS_WORK.test(raw)) return raw;
  checkChars(raw);
  return decodeReferences(raw.replace(ATTR_SPACE, ' '));
}

export class XmlTokenizer {
  private buf = '';
  private pos = 0;
  /** Inside markup that has started (`<` seen) but not ended. */
  private inMarkup = false;
  /** Chunks that arrived while a tag was pending, without a '>' that could end it. */
  private pending: string[] = [];
  private pendingLength = 0;
  /** Where the pending markup's scan resumes, and the quote it is inside (start tags). */
  private scanFrom = 0;
  private quote = 0;
  /** The current wanted text node: decoded so far (CDATA), then raw pieces not yet decoded. */
  private textDecoded = '';
  private textRaw: string[] = [];
  private textRawLength = 0;
  private readonly stack: XmlElement[] = [];
  private readonly rootScope: XmlScope;
  private rootClosed = false;
  private readonly names = new Map<string, { prefix: string; local: string }>();
  private stopped = false;
  /** Elements opened so far. */
  elements = 0;

  constructor(
    private readonly handler: XmlHandler,
    private readonly limits: XmlLimits,
  ) {
    this.rootScope = Object.create(null) as XmlScope;
    this.rootScope.xml = XML_NS;
  }

  /** The handler calls this to end the parse early (everything it needs has been read). */
  stop(): void {
    this.stopped = true;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  get depth(): number {
    return this.stack.length;
  }

  write(chunk: string): void {
    if (this.stopped) return;
    // Every kind of markup ends with '>': until a chunk brings one, a pending tag cannot end, and
    // the chunk is only set aside (joining and rescanning on every chunk would be quadratic).
    if (this.inMarkup && chunk.indexOf('>') < 0) {
      this.pending.push(chunk);
      this.pendingLength += chunk.length;
      const length = this.buf.length - this.pos + this.pendingLength;
      if (length > this.limits.maxMarkupLength) throw new XmlError('a tag is too long', 'markup', length);
      return;
    }
    const rest = this.pos < this.buf.length ? this.buf.slice(this.pos) : '';
    if (rest || this.pending.length) {
      this.buf = rest + this.pending.join('') + chunk;
      this.scanFrom -= this.pos;
    } else {
      this.buf = chunk;
      this.scanFrom = 0;
    }
    this.pending = [];
    this.pendingLength = 0;
    this.pos = 0;
    this.run();
  }

  /** The input is complete: anything left open is an error. */
  end(): void {
    if (this.stopped) return;
    if (this.inMarkup) throw malformed('the document ends inside a tag');
    this.flushText();
    if (!this.rootClosed) throw malformed('the document ends before its root element is closed');
  }

  /** Parses a whole document held in one string. */
  static parse(xml: string, handler: XmlHandler, limits: XmlLimits): void {
    const t = new XmlTokenizer(handler, limits);
    t.write(xml);
    t.end();
  }

  private run(): void {
    const buf = this.buf;
    const len = buf.length;
    let pos = this.pos;
    while (pos < len && !this.stopped) {
      if (!this.inMarkup) {
        const lt = buf.indexOf('<', pos);
        const end = lt < 0 ? len : lt;
        if (end > pos) this.textPiece(buf, pos, end);
        if (lt < 0) {
          pos = len;
          break;
        }
        pos = lt;
        this.inMarkup = true;
        this.scanFrom = lt + 1;
        this.quote = 0;
      }
      const next = this.markup(buf, pos);
      const length = (next < 0 ? len : next) - pos;
      if (length > this.limits.maxMarkupLength) throw new XmlError('a tag is too long', 'markup', length);
      if (next < 0) break;
      this.inMarkup = false;
      pos = next;
    }
    this.pos = pos;
  }

  private textPiece(buf: string, start: number, end: number): void {
    if (this.stack.length === 0) {
      if (!ALL_SPACE.test(buf.slice(start, end))) throw malformed('text outside the root element');
      return;
    }
    if (!this.handler.wantText) return;
    this.textRawLength += end - start;
    this.textRaw.push(buf.slice(start, end));
    if (this.textRawLength > this.limits.maxTextLength * RAW_PER_CHAR) {
      let found = this.textRawLength;
      try {
        found = decodeReferences(this.textRaw.join('')).length;
      } catch {
        // A reference cut at the chunk's end: the raw length is the measure.
      }
      throw new XmlError('a text is too long', 'text', this.textDecoded.length + found, true);
    }
  }

  private decodePending(): void {
    if (this.textRaw.length === 0) return;
    const raw = this.textRaw.length === 1 ? this.textRaw[0] : this.textRaw.join('');
    this.textRaw = [];
    this.textRawLength = 0;
    this.textDecoded += textValue(raw);
    if (this.textDecoded.length > this.limits.maxTextLength)
      throw new XmlError('a text is too long', 'text', this.textDecoded.length);
  }

  private flushText(): void {
    this.decodePending();
    if (!this.textDecoded) return;
    const text = this.textDecoded;
    this.textDecoded = '';
    this.handler.text(text);
  }

  /** Handles the markup starting at `pos` (a `<`); the position after it, or -1 when incomplete. */
  private markup(buf: string, pos: number): number {
    const len = buf.length;
    if (pos + 1 >= len) return -1;
    const c1 = buf.charCodeAt(pos + 1);
    if (c1 === 0x2f /* / */) {
      const gt = buf.indexOf('>', this.scanFrom);
      if (gt < 0) return this.incomplete(len);
      this.flushText();
      this.closeElement(buf.slice(pos + 2, gt).replace(/[ \t\r\n]+$/, ''));
      return gt + 1;
    }
    if (c1 === 0x3f /* ? */) {
      const end = this.find(buf, '?>', pos + 2);
      if (end < 0) return -1;
      this.flushText();
      return end + 2;
    }
    if (c1 === 0x21 /* ! */) return this.declaration(buf, pos);
    return this.startTag(buf, pos);
  }

  private incomplete(len: number): number {
    this.scanFrom = len;
    return -1;
  }

  /** indexOf for a terminator that may arrive split across chunks; resumes where it left off. */
  private find(buf: string, terminator: string, from: number): number {
    const at = buf.indexOf(terminator, Math.max(this.scanFrom, from));
    if (at < 0) this.scanFrom = Math.max(from, buf.length - terminator.length + 1);
    return at;
  }

  private declaration(buf: string, pos: number): number {
    const head = buf.slice(pos, pos + 9);
    if (head.startsWith('<!--')) {
      const end = this.find(buf, '-->', pos + 4);
      if (end < 0) return -1;
      this.flushText();
      return end + 3;
    }
    if (head === '<![CDATA[') {
      const end = this.find(buf, ']]>', pos + 9);
      if (end < 0) return -1;
      this.cdata(buf.slice(pos + 9, end));
      return end + 3;
    }
    const partial = '<![CDATA['.startsWith(head) || '<!--'.startsWith(head) || '<!DOCTYPE'.startsWith(head);
    if (head.length < 9 && partial) return -1;
    if (head.startsWith('<!DOCTYPE')) throw malformed('DOCTYPE declarations are not allowed');
    throw malformed('an unknown declaration');
  }

  private cdata(content: string): void {
    if (this.stack.length === 0) throw malformed('CDATA outside the root element');
    if (!this.handler.wantText) return;
    this.decodePending();
    checkChars(content);
    this.textDecoded += content;
    if (this.textDecoded.length > this.limits.maxTextLength)
      throw new XmlError('a text is too long', 'text', this.textDecoded.length);
  }

  private startTag(buf: string, pos: number): number {
    const len = buf.length;
    let q = this.quote;
    let i = this.scanFrom;
    for (; i < len; i++) {
      const ch = buf.charCodeAt(i);
      if (q) {
        if (ch === q) q = 0;
        else if (ch === 0x3c) throw malformed('< in an attribute value');
      } else if (ch === 0x22 || ch === 0x27) q = ch;
      else if (ch === 0x3e) break;
      else if (ch === 0x3c) throw malformed('< inside a tag');
    }
    if (i >= len) {
      this.quote = q;
      return this.incomplete(len);
    }
    this.flushText();
    const selfClosing = buf.charCodeAt(i - 1) === 0x2f;
    const element = this.openElement(buf, pos + 1, selfClosing ? i - 1 : i);
    if (selfClosing && !this.stopped) this.closeElement(element.name);
    return i + 1;
  }

  private qname(name: string): { prefix: string; local: string } {
    let known = this.names.get(name);
    if (known) return known;
    const m = QNAME.exec(name);
    if (!m) throw malformed(`not an XML name: ${name.slice(0, 40)}`);
    known = { prefix: m[1] ?? '', local: m[2] };
    if (this.names.size < NAME_CACHE_SIZE) this.names.set(name, known);
    return known;
  }

  /** The start tag held in buf[start, end) (after `<`, before `>` or `/>`). */
  private openElement(buf: string, start: number, end: number): XmlElement {
    if (this.rootClosed) throw malformed('content after the root element');
    if (this.stack.length >= this.limits.maxDepth)
      throw new XmlError('elements nested too deep', 'depth', this.stack.length + 1);
    if (++this.elements > (this.limits.maxElements ?? Infinity))
      throw new XmlError('too many elements', 'elements', this.elements);
    let i = start;
    while (i < end && !isSpace(buf.charCodeAt(i))) i++;
    const name = buf.slice(start, i);
    const { prefix, local } = this.qname(name);
    const parent = this.stack.length ? this.stack[this.stack.length - 1].scope : this.rootScope;
    // A plain object is far cheaper than a prototype-less one; handlers read only known names, and
    // duplicates are checked on own properties only.
    const attrs: Record<string, string> = {};
    let scope = parent;
    let count = 0;
    let prefixed = false;
    while (i < end) {
      const before = i;
      while (i < end && isSpace(buf.charCodeAt(i))) i++;
      if (i >= end) break;
      if (i === before) throw malformed('attributes must be separated by white space');
      let e = i;
      while (e < end && buf.charCodeAt(e) !== 0x3d && !isSpace(buf.charCodeAt(e))) e++;
      const attr = buf.slice(i, e);
      this.qname(attr);
      while (e < end && isSpace(buf.charCodeAt(e))) e++;
      if (buf.charCodeAt(e) !== 0x3d) throw malformed(`attribute ${attr.slice(0, 40)} has no value`);
      e++;
      while (e < end && isSpace(buf.charCodeAt(e))) e++;
      const q = buf.charCodeAt(e);
      if (e >= end || (q !== 0x22 && q !== 0x27)) throw malformed('an attribute value must be quoted');
      const close = buf.indexOf(q === 0x22 ? '"' : "'", e + 1);
      if (close < 0 || close >= end) throw malformed('an attribute value is not closed');
      if (Object.prototype.hasOwnProperty.call(attrs, attr))
        throw malformed(`attribute ${attr.slice(0, 40)} given twice`);
      if (++count > this.limits.maxAttributes) throw new XmlError('too many attributes', 'attributes', count);
      const value = attributeValue(buf.slice(e + 1, close));
      attrs[attr] = value;
      if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
        if (scope === parent) scope = Object.create(parent) as XmlScope;
        scope[attr === 'xmlns' ? '' : attr.slice(6)] = value;
      } else if (attr.includes(':')) prefixed = true;
      i = close + 1;
    }
    if (prefixed) {
      for (const attr of Object.keys(attrs)) {
        const p = attr.indexOf(':');
        if (p > 0 && !attr.startsWith('xmlns:') && scope[attr.slice(0, p)] === undefined)
          throw malformed(`namespace prefix ${attr.slice(0, p)} is not declared`);
      }
    }
    const ns = scope[prefix];
    if (prefix && ns === undefined) throw malformed(`namespace prefix ${prefix} is not declared`);
    const element: XmlElement = { name, local, ns: ns ?? '', attrs, scope };
    this.stack.push(element);
    this.handler.open(element);
    return element;
  }

  private closeElement(name: string): void {
    const top = this.stack.pop();
    if (!top || top.name !== name)
      throw malformed(`</${name.slice(0, 40)}> does not close <${top?.name.slice(0, 40) ?? ''}>`);
    if (this.stack.length === 0) this.rootClosed = true;
    this.handler.close(top);
  }
}

function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;
}

/** The value of the attribute named `local` in namespace `ns` ('' for an unprefixed attribute). */
export function attribute(element: XmlElement, local: string, ns = ''): string | undefined {
  if (!ns) return element.attrs[local];
  for (const name of Object.keys(element.attrs)) {
    const p = name.indexOf(':');
    if (p > 0 && name.slice(p + 1) === local && element.scope[name.slice(0, p)] === ns)
      return element.attrs[name];
  }
  return undefined;
}
