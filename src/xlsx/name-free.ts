// The copy of a workbook that goes to the city with a submission: every council member's name (성명)
// replaced by its stand-in (`위원 01` … by council row order), in every part of the package that can
// hold one — cells (shared and inline strings, formula results), comments and notes (legacy and
// threaded, and their authors), document properties (core, app, custom), defined names, sheet names,
// headers and footers, drawings and charts, the stamp part's `by`. A pure transform over the zip's
// bytes (the pane runs it on what getFileAsync hands out, the CLI on the file), within the reader's
// limits. Afterwards every part is searched for every name; a name left anywhere — a binary part, an
// embedded file, a part name — refuses the upload with a message in both languages, rather than
// sending it.
//
// The names are replaced by the very rule the stamp's hash uses (src/stamp/names.ts), so the copy's
// data hashes like the original's; the copy's stamp part gets the names digest of the copy's own
// stand-ins, so `delib verify` finds the copy valid and `verify --sharepoint` matches both.
import { BilingualError } from '../bilingual';
import { councilNamesOf, type CouncilNames } from '../stamp/copy';
import type { NameScrubber } from '../stamp/names';
import { STAMP_NAMESPACE } from '../stamp/format';
import type { NameFreeCopy, WorkbookFile } from '../submission/types';
import { readPackage, writePackage, type PackagePart } from './package';
import { relsPathOf, resolveTarget } from './paths';
import { isZip } from './zip-directory';
import {
  attributes,
  closing,
  decodeXml,
  escapeText,
  mapAttributes,
  tokenText,
  tokenize,
  withText,
  type XmlToken,
} from './xml-rewrite';

/** A name survives where it cannot be rewritten: nothing is uploaded. */
export class NamesRemain extends BilingualError {
  constructor(readonly parts: string[]) {
    const list = parts.slice(0, 10).join(', ') + (parts.length > 10 ? ` …(+${parts.length - 10})` : '');
    super(
      `협치회의 위원의 성명이 통합시트 파일의 바꿀 수 없는 부분에 남아 있어 파일을 올리지 않습니다: ${list}. 그 부분에서 성명을 지운 뒤 다시 제출하세요.`,
      `A council member's name remains in parts of the workbook file that cannot be rewritten, so the file is not uploaded: ${list}. Remove the name there and submit again.`,
    );
  }
}

/** Elements whose text is a formula: names there become identifiers (`위원_01`) outside string literals. */
const FORMULA_ELEMENTS = new Set(['f', 'formula', 'formula1', 'formula2', 'definedName']);
/** A run of rich text (`<r>`, `<a:r>`): where a name can be split over two elements. */
const RUN = /<(?:[\w.-]+:)?r[\s>/]/;
/** Elements whose `t` runs make one text together (a cell's rich text, a note, a drawing's paragraph). */
const CONTAINERS = new Set(['si', 'is', 'text', 'p']);

/** Attributes naming a sheet, a defined name or a table: no space allowed (`위원_01`). */
function isIdentifier(element: string, attribute: string): boolean {
  if (attribute === 'sheet' || (element === 'sheetName' && attribute === 'val')) return true;
  if (attribute === 'name') return element === 'sheet' || element === 'definedName' || element === 'table';
  return element === 'table' && attribute === 'displayName';
}

function prefixOf(tag: string): string {
  return /^<\/?([^\s/>:]+:)?/.exec(tag)?.[1] ?? '';
}

/** The council's 성명 cells, rewritten as inline strings holding their stand-ins. */
function replaceCells(tokens: XmlToken[], cells: Map<string, string>, done: Set<string>): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.local !== 'c' || (t.kind !== 'open' && t.kind !== 'empty')) continue;
    const attrs = attributes(t.raw);
    const at = attrs.find((a) => a.local === 'r')?.value;
    const replacement = at === undefined ? undefined : cells.get(at.toUpperCase());
    if (replacement === undefined) continue;
    const end = t.kind === 'empty' ? i : closing(tokens, i);
    const p = prefixOf(t.raw);
    const kept = attrs
      .filter((a) => !['t', 'cm', 'vm'].includes(a.local))
      .map((a) => `${a.name}="${escapeText(a.value).replace(/"/g, '&quot;')}"`);
    const raw =
      `<${p}c ${[...kept, 't="inlineStr"'].join(' ')}><${p}is><${p}t xml:space="preserve">` +
      `${escapeText(replacement)}</${p}t></${p}is></${p}c>`;
    tokens.splice(i, end - i + 1, { kind: 'other', raw });
    done.add(at!.toUpperCase());
  }
}

/** The `t` elements of a container (phonetic runs left out), as [open, close] token indexes. */
function runsOf(tokens: readonly XmlToken[], open: number, close: number): [number, number][] {
  const runs: [number, number][] = [];
  let phonetic = 0;
  for (let j = open + 1; j < close; j++) {
    const u = tokens[j];
    if (u.local === 'rPh') {
      if (u.kind === 'open') phonetic++;
      else if (u.kind === 'close') phonetic--;
    } else if (!phonetic && u.local === 't' && u.kind === 'open') {
      const end = closing(tokens, j);
      runs.push([j, end]);
      j = end;
    }
  }
  return runs;
}

const runText = (tokens: readonly XmlToken[], [open, close]: [number, number]): string =>
  tokens
    .slice(open + 1, close)
    .map(tokenText)
    .filter((s): s is string => s !== null)
    .join('');

/**
 * A container whose runs together hold a name (a name split over two runs of rich text) gets the
 * replaced text in its first run and empty others — its plain text, which is what a reader sees
 * and what the stamp hashes, is the whole text with the name replaced.
 */
function replaceInContainers(tokens: XmlToken[], scrub: NameScrubber, final: WeakSet<XmlToken>): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'open' || !CONTAINERS.has(t.local!)) continue;
    const close = closing(tokens, i);
    const runs = runsOf(tokens, i, close);
    const plain = runs.map((r) => runText(tokens, r)).join('');
    const replaced = scrub.text(plain);
    if (runs.length > 0 && replaced !== plain) {
      for (let k = runs.length - 1; k >= 0; k--) {
        const [open, end] = runs[k];
        const text: XmlToken = { kind: 'text', raw: escapeText(k === 0 ? replaced : '') };
        final.add(text);
        tokens.splice(open + 1, end - open - 1, text);
      }
      const first = tokens[runs[0][0]];
      if (/^\s|\s$/.test(replaced) && !/xml:space=/.test(first.raw) && prefixOf(first.raw) === '')
        tokens[runs[0][0]] = { ...first, raw: first.raw.replace(/^<t\b/, '<t xml:space="preserve"') };
    }
    i = closing(tokens, i);
  }
}

/** Every other text, attribute, CDATA section and comment with names replaced. */
function replaceEverywhere(tokens: XmlToken[], scrub: NameScrubber, final: WeakSet<XmlToken>): XmlToken[] {
  const open: string[] = [];
  return tokens.map((t) => {
    if (final.has(t)) return t;
    if (t.kind === 'open' || t.kind === 'empty') {
      if (t.kind === 'open') open.push(t.local!);
      const raw = mapAttributes(t.raw, (a) =>
        isIdentifier(t.local!, a.local) ? scrub.identifier(a.value) : scrub.text(a.value),
      );
      return raw === t.raw ? t : { ...t, raw };
    }
    if (t.kind === 'close') {
      open.pop();
      return t;
    }
    const text = tokenText(t);
    if (text === null) return t;
    const next = FORMULA_ELEMENTS.has(open[open.length - 1]) ? scrub.formula(text) : scrub.text(text);
    return next === text ? t : withText(t, next);
  });
}

/** Whether a name is still anywhere in the XML: any text or tag, or split over a container's runs. */
function nameIn(xml: string, scrub: NameScrubber): boolean {
  if (scrub.finds(decodeXml(xml))) return true;
  const tokens = tokenize(xml);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'open' || !CONTAINERS.has(t.local!)) continue;
    const close = closing(tokens, i);
    if (
      scrub.finds(
        runsOf(tokens, i, close)
          .map((r) => runText(tokens, r))
          .join(''),
      )
    )
      return true;
  }
  return false;
}

interface Decoded {
  text: string;
  /** The bytes it came from decoded as UTF-16 (written back as UTF-8 if it changes). */
  utf16: boolean;
}

/** An XML part's text, or null for a part that is not XML text (an image, a binary, an embedded file). */
function decodeXmlPart(part: PackagePart): Decoded | null {
  const d = part.data;
  if (d[0] === 0xff && d[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(d.subarray(2)), utf16: true };
  if (d[0] === 0xfe && d[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(d.subarray(2)), utf16: true };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(d).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
  return text.trimStart().startsWith('<') ? { text, utf16: false } : null;
}

const encoder = new TextEncoder();

function encodings(name: string): Uint8Array[] {
  const le = new Uint8Array(name.length * 2);
  const be = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    le[2 * i] = be[2 * i + 1] = c & 0xff;
    le[2 * i + 1] = be[2 * i] = c >> 8;
  }
  return [encoder.encode(name), le, be];
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  for (let at = haystack.indexOf(needle[0]); at >= 0; at = haystack.indexOf(needle[0], at + 1)) {
    let k = 1;
    while (k < needle.length && haystack[at + k] === needle[k]) k++;
    if (k === needle.length) return true;
  }
  return false;
}

/** The package's parts that are worksheets, by sheet name. */
function sheetParts(parts: Map<string, Decoded>): Map<string, string> {
  const rels = (source: string) =>
    tokenize(parts.get(relsPathOf(source).toLowerCase())?.text ?? '')
      .filter((t) => t.local === 'Relationship')
      .map((t) => Object.fromEntries(attributes(t.raw).map((a) => [a.local, a.value])));
  const workbook = rels('').find((r) => r.Type?.endsWith('/officeDocument'));
  if (!workbook?.Target) return new Map();
  const workbookPath = resolveTarget('', workbook.Target);
  const targets = new Map(rels(workbookPath).map((r) => [r.Id, resolveTarget(workbookPath, r.Target ?? '')]));
  const out = new Map<string, string>();
  for (const t of tokenize(parts.get(workbookPath.toLowerCase())?.text ?? '')) {
    if (t.local !== 'sheet' || (t.kind !== 'empty' && t.kind !== 'open')) continue;
    const a = attributes(t.raw);
    const name = a.find((x) => x.name === 'name')?.value;
    const target = targets.get(a.find((x) => x.local === 'id')?.value ?? '');
    if (name !== undefined && target) out.set(name, target.toLowerCase());
  }
  return out;
}

/** The stamp part's names digest: the copy's own stand-ins, so its stamp verifies. */
function restampNames(xml: string, council: CouncilNames): string {
  if (!xml.includes(STAMP_NAMESPACE)) return xml;
  return xml.replace(
    /(<(?:[\w.-]+:)?digests\b[^>]*>)([^<]*)/,
    (_, tag: string, digests: string) => tag + digests.replace(council.namesDigest, council.copyNamesDigest),
  );
}

/**
 * The workbook's bytes with every council member's name replaced; throws NamesRemain (naming the
 * parts, never the names) when one cannot be, and the reader's bilingual errors for a bad file.
 */
export async function nameFreeCopy(
  bytes: Uint8Array,
  council: CouncilNames,
  file = 'workbook.xlsx',
): Promise<Uint8Array> {
  const parts = await readPackage(bytes, file);
  const scrub = council.scrubber;
  const decoded = new Map<string, Decoded>();
  for (const part of parts) {
    const d = decodeXmlPart(part);
    if (d) decoded.set(part.name.toLowerCase(), d);
  }
  const councilPart = council.sheet === null ? undefined : sheetParts(decoded).get(council.sheet);
  const cells = new Map(council.cells.map((c) => [c.address.toUpperCase(), c.replacement]));
  const rewritten = new Set<string>();
  const remaining: string[] = [];
  const names = scrub.searched.map(encodings);
  const out = parts.map((part): PackagePart => {
    const d = decoded.get(part.name.toLowerCase());
    if (scrub.finds(part.name)) remaining.push(part.name);
    if (!d) {
      // Not XML text: nothing can be rewritten; an embedded package cannot even be searched.
      if (isZip(part.data) || names.some((forms) => forms.some((f) => contains(part.data, f))))
        remaining.push(part.name);
      return part;
    }
    const isCouncil = part.name.toLowerCase() === councilPart;
    // Nothing to do in a part that holds no name and no runs that could split one (most sheets),
    // unless it is the council's sheet or the stamp part (whose names digest follows the copy).
    const plain = !isCouncil && !d.text.includes(STAMP_NAMESPACE) && !RUN.test(d.text);
    if (plain && !scrub.finds(decodeXml(d.text))) return part;
    let tokens = tokenize(d.text);
    if (isCouncil) replaceCells(tokens, cells, rewritten);
    const final = new WeakSet<XmlToken>();
    replaceInContainers(tokens, scrub, final);
    tokens = replaceEverywhere(tokens, scrub, final);
    const xml = restampNames(tokens.map((t) => t.raw).join(''), council);
    if (nameIn(xml, scrub)) remaining.push(part.name);
    if (xml === d.text) return part;
    const utf8 = d.utf16 ? xml.replace(/(<\?xml[^>]*encoding=["'])UTF-16(["'])/i, '$1UTF-8$2') : xml;
    return { name: part.name, data: encoder.encode(utf8) };
  });
  // A 성명 cell not found where the engine read it (a cell without its address) was not replaced.
  if (council.cells.some((c) => !rewritten.has(c.address.toUpperCase())))
    remaining.push(councilPart ?? council.sheet ?? '?');
  // The message names the parts; a part named after a member is named by its stand-in.
  if (remaining.length > 0) throw new NamesRemain([...new Set(remaining.map((p) => scrub.text(p)))]);
  return writePackage(out);
}

/**
 * The hook where a submission takes the workbook's bytes (src/submission's WorkbookFile): the file
 * handed to the upload is the name-free copy, made when the upload asks for the bytes.
 */
export function nameFreeWorkbookFile(file: WorkbookFile, council: CouncilNames): WorkbookFile {
  return { name: file.name, bytes: async () => nameFreeCopy(await file.bytes(), council, file.name) };
}

/** The submission flow's port (src/submission `NameFreeCopy`): the city's copy of a validated workbook. */
export const cityCopyOf: NameFreeCopy = (file, validation) =>
  nameFreeWorkbookFile(file, councilNamesOf(validation));
