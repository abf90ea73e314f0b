// One XML part of the zip, streamed: inflate (bounded, src/xlsx/zip.ts) → text decoding (UTF-8, or
// UTF-16 after a byte-order mark) → the tokenizer (bounded, src/xml) → a handler that keeps only
// what the snapshot needs and may stop the parse early. Limits become one bilingual error.
import { XmlError, XmlTokenizer, type XmlHandler } from '../xml/tokenizer';
import { corrupt } from './errors';
import { XLSX_LIMITS, limitError, type PartRef } from './limits';
import type { ZipArchive, ZipEntry } from './zip';

/** SpreadsheetML and package namespaces, transitional and strict (ISO 29500 strict files). */
export const NS = {
  main: new Set([
    'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    'http://purl.oclc.org/ooxml/spreadsheetml/main',
  ]),
  relationships: [
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'http://purl.oclc.org/ooxml/officeDocument/relationships',
  ],
  packageRelationships: 'http://schemas.openxmlformats.org/package/2006/relationships',
};

export interface PartHandler extends XmlHandler {
  /** Lets the handler stop the parse once it has what it needs. */
  attach?(tokenizer: XmlTokenizer): void;
  /** The error for a text over the limit, naming where it is (a cell); defaults to the part. */
  textTooLong?(found: number, atLeast: boolean): Error;
}

class PartDecoder {
  private decoder: TextDecoder | null = null;
  private head = Buffer.alloc(0);

  decode(chunk: Buffer): string {
    if (this.decoder) return this.decoder.decode(chunk, { stream: true });
    this.head = Buffer.concat([this.head, chunk]);
    if (this.head.length < 3) return '';
    return this.start();
  }

  end(): string {
    const rest = this.decoder ? '' : this.start();
    return rest + this.decoder!.decode();
  }

  private start(): string {
    const h = this.head;
    const encoding =
      h[0] === 0xff && h[1] === 0xfe ? 'utf-16le' : h[0] === 0xfe && h[1] === 0xff ? 'utf-16be' : 'utf-8';
    // TextDecoder drops the byte-order mark itself.
    this.decoder = new TextDecoder(encoding);
    return this.decoder.decode(h, { stream: true });
  }
}

export const PART_XML_LIMITS = {
  maxDepth: XLSX_LIMITS.xmlDepth,
  maxTextLength: XLSX_LIMITS.cellText,
  maxMarkupLength: XLSX_LIMITS.xmlMarkup,
  maxAttributes: XLSX_LIMITS.xmlAttributes,
};

/** Elements parsed so far in each archive's parts (the limit is for the whole read). */
const elementsRead = new WeakMap<ZipArchive, number>();

/** Parses one part; resolves when the handler has stopped the parse or the part has ended. */
export async function parsePart(
  archive: ZipArchive,
  entry: ZipEntry,
  part: PartRef,
  handler: PartHandler,
): Promise<void> {
  const { file } = archive;
  const before = elementsRead.get(archive) ?? 0;
  const tokenizer = new XmlTokenizer(handler, {
    ...PART_XML_LIMITS,
    maxElements: XLSX_LIMITS.xmlElements - before,
  });
  handler.attach?.(tokenizer);
  const decoder = new PartDecoder();
  try {
    const complete = await archive.read(entry, part, (chunk) => {
      tokenizer.write(decoder.decode(chunk));
      return !tokenizer.isStopped;
    });
    if (complete && !tokenizer.isStopped) {
      tokenizer.write(decoder.end());
      tokenizer.end();
    }
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    if (e.limit === 'elements') throw limitError.xmlElements(file);
    if (e.limit === 'depth') throw limitError.xmlDepth(file, part);
    if (e.limit === 'markup') throw limitError.xmlMarkup(file, part);
    if (e.limit === 'attributes') throw limitError.xmlAttributes(file, part);
    if (e.limit === 'text') {
      const found = e.found ?? 0;
      const atLeast = e.partial ?? false;
      throw handler.textTooLong?.(found, atLeast) ?? limitError.cellText(file, entry.name, found, atLeast);
    }
    throw corrupt(file, `${entry.name}: ${e.message}`);
  } finally {
    elementsRead.set(archive, before + tokenizer.elements);
  }
}

export { relsPathOf, resolveTarget } from './paths';
