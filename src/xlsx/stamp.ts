// Reading the validation stamp's custom XML part straight from an .xlsx (a zip): the part lives in
// customXml/itemN.xml; we take the one in the stamp's namespace, whatever its number.
import JSZip from 'jszip';
import { STAMP_NAMESPACE, type Stamp, StampFormatError, stampFromXml } from '../stamp';

export interface StoredStamp {
  stamp: Stamp | null;
  /** A part in our namespace exists but cannot be read (edited by hand, truncated …). */
  damaged: boolean;
}

/** UTF-8 or UTF-16 (Excel may re-save custom XML parts as UTF-16 with a byte-order mark). */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

export async function readStampFromXlsx(buf: Uint8Array): Promise<StoredStamp> {
  const zip = await JSZip.loadAsync(buf);
  const parts = Object.values(zip.files).filter((f) => !f.dir && /^customXml\/item\d+\.xml$/i.test(f.name));
  for (const part of parts) {
    const xml = decode(await part.async('uint8array'));
    if (!xml.includes(STAMP_NAMESPACE)) continue;
    try {
      return { stamp: stampFromXml(xml), damaged: false };
    } catch (e) {
      if (e instanceof StampFormatError) return { stamp: null, damaged: true };
      throw e;
    }
  }
  return { stamp: null, damaged: false };
}
