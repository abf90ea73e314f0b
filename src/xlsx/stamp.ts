// Reading the validation stamp's custom XML part straight from an .xlsx (a zip): the part lives in
// customXml/itemN.xml; we take the one in the stamp's namespace, whatever its number. Parts are read
// within the stamp's size limit; a bigger one is only peeked at to see whose it is. The custom
// document properties, where a stamp also shows itself, are read here too.
import { STAMP_NAMESPACE, type StoredStamp, StampFormatError, stampFromXml } from '../stamp';
import type { XmlElement } from '../xml/tokenizer';
import { PART_BYTES } from './limits';
import { readRelationships } from './structure';
import { parsePart, type PartHandler } from './xml-part';
import { bufferSource, ZipArchive } from './zip';

export type { StoredStamp } from '../stamp';

/** Enough of a part's start to hold its root element and namespace declaration. */
const PEEK_BYTES = 4096;

/** UTF-8 or UTF-16 (Excel may re-save custom XML parts as UTF-16 with a byte-order mark). */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function partNumber(name: string): number {
  return Number(/(\d+)\.xml$/i.exec(name)?.[1] ?? 0);
}

export async function readStampFromXlsx(source: Uint8Array | ZipArchive): Promise<StoredStamp> {
  const archive =
    source instanceof ZipArchive ? source : await ZipArchive.open(bufferSource(source), 'stamp');
  try {
    const names = archive
      .names()
      .filter((n) => /^customXml\/item\d+\.xml$/i.test(n))
      .sort((a, b) => partNumber(a) - partNumber(b));
    for (const name of names) {
      const entry = archive.entry(name)!;
      if (entry.size > PART_BYTES.stamp) {
        // Too big to be a stamp we would read: damaged if it is ours, someone else's part otherwise.
        if (decode(await archive.peek(entry, PEEK_BYTES)).includes(STAMP_NAMESPACE))
          return { stamp: null, damaged: true };
        continue;
      }
      const chunks: Buffer[] = [];
      await archive.read(entry, { kind: 'stamp', path: name }, (chunk) => {
        chunks.push(chunk);
        return true;
      });
      const xml = decode(Buffer.concat(chunks));
      if (!xml.includes(STAMP_NAMESPACE)) continue;
      try {
        return { stamp: stampFromXml(xml), damaged: false };
      } catch (e) {
        if (e instanceof StampFormatError) return { stamp: null, damaged: true };
        throw e;
      }
    }
    return { stamp: null, damaged: false };
  } finally {
    if (!(source instanceof ZipArchive)) await archive.close();
  }
}

const CUSTOM_PROPERTIES = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';

/** Keeps each custom property's name and the text of its value (whatever its type). */
class CustomPropertiesHandler implements PartHandler {
  readonly properties: Record<string, string> = {};
  private name: string | null = null;
  private depth = 0;

  get wantText(): boolean {
    return this.name !== null && this.depth === 3;
  }

  open(el: XmlElement): void {
    this.depth++;
    if (this.depth === 2 && el.local === 'property' && el.ns === CUSTOM_PROPERTIES) {
      this.name = el.attrs.name ?? null;
      if (this.name !== null) this.properties[this.name] = '';
    }
  }

  close(): void {
    if (this.depth === 2) this.name = null;
    this.depth--;
  }

  text(text: string): void {
    if (this.name !== null) this.properties[this.name] += text;
  }
}

/**
 * The custom document properties (docProps/custom.xml) by name, with their values as text: where
 * a stamp shows itself to people without the add-in. Empty when the file has none.
 */
export async function readCustomProperties(archive: ZipArchive): Promise<Record<string, string>> {
  const target = (await readRelationships(archive, '')).find((r) => r.type.endsWith('/custom-properties'));
  const entry = target && archive.entry(target.target);
  if (!entry) return {};
  const handler = new CustomPropertiesHandler();
  await parsePart(archive, entry, { kind: 'properties', path: entry.name }, handler);
  return handler.properties;
}
