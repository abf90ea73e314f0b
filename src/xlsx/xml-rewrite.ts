// Rewriting text inside an XML part without parsing it into a tree: the part is split into tokens
// (tags, text, CDATA, comments, declarations) that join back to exactly the original, so only what is
// changed changes. Used by the name-free copy (name-free.ts) on every XML part of a package. Pure,
// no Node API.

export type TokenKind = 'text' | 'open' | 'close' | 'empty' | 'cdata' | 'comment' | 'other';

export interface XmlToken {
  kind: TokenKind;
  raw: string;
  /** Local name of a tag (`x:t` → `t`). */
  local?: string;
}

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<\/[^>]*>|<(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+|</g;

function localOf(tag: string): string {
  const name = /^<\/?([^\s/>]+)/.exec(tag)?.[1] ?? '';
  return name.slice(name.indexOf(':') + 1);
}

export function tokenize(xml: string): XmlToken[] {
  const out: XmlToken[] = [];
  for (const [raw] of xml.matchAll(TOKEN)) {
    if (raw.startsWith('<!--')) out.push({ kind: 'comment', raw });
    else if (raw.startsWith('<![CDATA[')) out.push({ kind: 'cdata', raw });
    else if (raw.startsWith('<?') || raw.startsWith('<!')) out.push({ kind: 'other', raw });
    else if (raw.startsWith('</')) out.push({ kind: 'close', raw, local: localOf(raw) });
    else if (raw.startsWith('<') && raw.length > 1)
      out.push({ kind: raw.endsWith('/>') ? 'empty' : 'open', raw, local: localOf(raw) });
    else out.push({ kind: 'text', raw });
  }
  return out;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its character and entity references resolved (as a parser would give it). */
export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g, (m, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref];
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface Attribute {
  name: string;
  local: string;
  value: string;
}

const ATTRIBUTE = /([^\s=/<>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag, values decoded. */
export function attributes(tag: string): Attribute[] {
  const body = tag.replace(/^<[^\s/>]+/, '');
  return [...body.matchAll(ATTRIBUTE)].map((m) => ({
    name: m[1],
    local: m[1].slice(m[1].indexOf(':') + 1),
    value: decodeXml(m[2] ?? m[3]),
  }));
}

/** A start tag with each attribute value passed through `change` (raw text kept where unchanged). */
export function mapAttributes(tag: string, change: (a: Attribute) => string): string {
  const head = /^<[^\s/>]+/.exec(tag)?.[0] ?? '';
  return (
    head +
    tag.slice(head.length).replace(ATTRIBUTE, (whole, name: string, dq?: string, sq?: string) => {
      const value = decodeXml(dq ?? sq ?? '');
      const next = change({ name, local: name.slice(name.indexOf(':') + 1), value });
      if (next === value) return whole;
      const quote = dq !== undefined ? '"' : "'";
      const escaped = escapeText(next).replace(
        quote === '"' ? /"/g : /'/g,
        quote === '"' ? '&quot;' : '&apos;',
      );
      return `${name}=${quote}${escaped}${quote}`;
    })
  );
}

/** The text a token holds as a parser would report it (text, CDATA, a comment's body). */
export function tokenText(t: XmlToken): string | null {
  if (t.kind === 'text') return decodeXml(t.raw);
  if (t.kind === 'cdata') return t.raw.slice(9, -3);
  if (t.kind === 'comment') return t.raw.slice(4, -3);
  return null;
}

/** A token of the same kind holding `text` instead. */
export function withText(t: XmlToken, text: string): XmlToken {
  if (t.kind === 'cdata') return { kind: 'cdata', raw: `<![CDATA[${text}]]>` };
  if (t.kind === 'comment') return { kind: 'comment', raw: `<!--${text}-->` };
  return { kind: 'text', raw: escapeText(text) };
}

/** Index of the token closing the element opened at `open` (same local name, nesting counted). */
export function closing(tokens: readonly XmlToken[], open: number): number {
  const local = tokens[open].local;
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.local !== local) continue;
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close' && --depth === 0) return i;
  }
  return tokens.length - 1;
}
