// A zip's central directory, read the cautious way, in plain TypeScript (no Node API: the pane runs
// it too, on the bytes Office hands out): the end record first, the directory's size and entry count
// checked against the limits before it is read, every entry's sizes and offsets from the directory
// (never the local headers), zip64 fields where the 32-bit ones overflow, and no two entries with
// one name. src/xlsx/zip.ts streams entries from it in Node; src/xlsx/package.ts in any host.
import { XlsxReadError, corrupt } from './errors';
import { XLSX_LIMITS, limitError, unsupported } from './limits';

/** Random access to the file's bytes: a file on disk is never read whole. */
export interface RandomAccess {
  readonly size: number;
  read(position: number, length: number): Promise<Uint8Array>;
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  /** Uncompressed size as the central directory declares it (checked while inflating). */
  size: number;
  localOffset: number;
}

export interface ZipDirectory {
  /** By lower-case name (OPC part names compare without case). */
  entries: Map<string, ZipEntry>;
  /** Where the central directory starts: every entry's data lies before it. */
  dataEnd: number;
}

export const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// An OLE compound file: what Excel writes for a password-protected .xlsx, and the old .xls format.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

export const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, ZIP_MAGIC);

/** Little-endian reads over a byte array (a Buffer is one too). */
export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(v: DataView, at: number, file: string): number {
  const n = v.getBigUint64(at, true);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt(file, 'a zip64 field is out of range');
  return Number(n);
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (the zip's), continuing from `value` (0 to start). */
export function crc32(data: Uint8Array, value = 0): number {
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** Reads and checks the directory; refuses what is beyond the limits before reading it. */
export async function readDirectory(src: RandomAccess, file: string): Promise<ZipDirectory> {
  const head = await src.read(0, Math.min(8, src.size));
  if (startsWith(head, OLE_MAGIC)) throw new XlsxReadError('encrypted', file);
  if (!startsWith(head, ZIP_MAGIC)) throw new XlsxReadError('not-xlsx', file);
  const { entries: count, cdSize, cdOffset, end } = await readEnd(src, file);
  if (count > XLSX_LIMITS.zipEntries) throw limitError.zipEntries(file, count);
  if (cdSize > XLSX_LIMITS.centralDirectoryBytes) throw limitError.centralDirectory(file, cdSize);
  if (cdOffset + cdSize > end) throw corrupt(file, 'the central directory lies outside the file');
  const cd = await src.read(cdOffset, cdSize);
  return { entries: parseCentralDirectory(cd, count, file), dataEnd: cdOffset };
}

/** Where an entry's data starts, from its local header (whose name must be the directory's). */
export async function dataStart(
  src: RandomAccess,
  dir: ZipDirectory,
  entry: ZipEntry,
  file: string,
): Promise<number> {
  if (entry.localOffset + 30 > dir.dataEnd) throw corrupt(file, `${entry.name}: bad local header offset`);
  const head = view(await src.read(entry.localOffset, 30));
  if (head.getUint32(0, true) !== SIG_LOCAL) throw corrupt(file, `${entry.name}: no local header`);
  const nameLength = head.getUint16(26, true);
  const start = entry.localOffset + 30 + nameLength + head.getUint16(28, true);
  if (start + entry.compressedSize > dir.dataEnd)
    throw corrupt(file, `${entry.name}: data runs into the central directory`);
  // The local header only locates the data; its name must agree with the directory's.
  const name = await src.read(entry.localOffset + 30, nameLength);
  const expected = new TextEncoder().encode(entry.name);
  const same =
    entry.flags & 0x800
      ? name.length === expected.length && name.every((b, i) => b === expected[i])
      : latin1.decode(name) === entry.name;
  if (!same) throw corrupt(file, `${entry.name}: local header names another file`);
  return start;
}

interface End {
  entries: number;
  cdSize: number;
  cdOffset: number;
  /** Where the end records start (the central directory must end before). */
  end: number;
}

async function readEnd(src: RandomAccess, file: string): Promise<End> {
  if (src.size < EOCD_SIZE) throw corrupt(file, 'too short for a zip');
  const tailLength = Math.min(src.size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = src.size - tailLength;
  const bytes = await src.read(tailStart, tailLength);
  const tail = view(bytes);
  let at = -1;
  for (let i = bytes.length - EOCD_SIZE; i >= 0; i--) {
    if (
      tail.getUint32(i, true) === SIG_EOCD &&
      i + EOCD_SIZE + tail.getUint16(i + 20, true) <= bytes.length
    ) {
      at = i;
      break;
    }
  }
  if (at < 0) throw corrupt(file, 'no end of central directory');
  const disk = tail.getUint16(at + 4, true);
  const cdDisk = tail.getUint16(at + 6, true);
  const onDisk = tail.getUint16(at + 8, true);
  const entries = tail.getUint16(at + 10, true);
  const cdSize = tail.getUint32(at + 12, true);
  const cdOffset = tail.getUint32(at + 16, true);
  const eocd = tailStart + at;
  const zip64 = entries === U16_MAX || onDisk === U16_MAX || cdSize === U32_MAX || cdOffset === U32_MAX;
  if (!zip64) {
    if (disk !== 0 || cdDisk !== 0 || onDisk !== entries) throw unsupported.multiDisk(file);
    return { entries, cdSize, cdOffset, end: eocd };
  }
  return readZip64End(src, file, eocd);
}

async function readZip64End(src: RandomAccess, file: string, eocd: number): Promise<End> {
  if (eocd < 20) throw corrupt(file, 'no zip64 locator');
  const locator = view(await src.read(eocd - 20, 20));
  if (locator.getUint32(0, true) !== SIG_ZIP64_LOCATOR) throw corrupt(file, 'no zip64 locator');
  if (locator.getUint32(4, true) !== 0 || locator.getUint32(16, true) > 1) throw unsupported.multiDisk(file);
  const at = u64(locator, 8, file);
  if (at + 56 > eocd - 20) throw corrupt(file, 'bad zip64 end record offset');
  const rec = view(await src.read(at, 56));
  if (rec.getUint32(0, true) !== SIG_ZIP64_EOCD) throw corrupt(file, 'no zip64 end record');
  const onDisk = u64(rec, 24, file);
  const entries = u64(rec, 32, file);
  if (rec.getUint32(16, true) !== 0 || rec.getUint32(20, true) !== 0 || onDisk !== entries)
    throw unsupported.multiDisk(file);
  return { entries, cdSize: u64(rec, 40, file), cdOffset: u64(rec, 48, file), end: at };
}

function parseCentralDirectory(bytes: Uint8Array, count: number, file: string): Map<string, ZipEntry> {
  const cd = view(bytes);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || cd.getUint32(p, true) !== SIG_CENTRAL)
      throw corrupt(file, 'the central directory holds fewer entries than it says');
    const flags = cd.getUint16(p + 8, true);
    const nameLength = cd.getUint16(p + 28, true);
    const extraLength = cd.getUint16(p + 30, true);
    const next = p + 46 + nameLength + extraLength + cd.getUint16(p + 32, true);
    if (next > bytes.length) throw corrupt(file, 'a central directory record runs past its end');
    const entry: ZipEntry = {
      name: (flags & 0x800 ? utf8 : latin1).decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: cd.getUint16(p + 10, true),
      flags,
      crc32: cd.getUint32(p + 16, true),
      compressedSize: cd.getUint32(p + 20, true),
      size: cd.getUint32(p + 24, true),
      localOffset: cd.getUint32(p + 42, true),
    };
    const diskStart = cd.getUint16(p + 34, true);
    const extra = bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    applyZip64(entry, extra, diskStart, file);
    p = next;
    if (entry.name.endsWith('/')) continue;
    const key = entry.name.toLowerCase();
    // Two entries with one name: readers disagree on which one counts, so none does.
    if (entries.has(key)) throw corrupt(file, `two entries named ${entry.name}`);
    entries.set(key, entry);
  }
  return entries;
}

/** Sizes and offsets too big for 32 bits are in the zip64 extra field, in this order. */
function applyZip64(entry: ZipEntry, bytes: Uint8Array, diskStart: number, file: string): void {
  const needs = [entry.size === U32_MAX, entry.compressedSize === U32_MAX, entry.localOffset === U32_MAX];
  if (!needs.some(Boolean) && diskStart !== U16_MAX) {
    if (diskStart !== 0) throw unsupported.multiDisk(file);
    return;
  }
  const extra = view(bytes);
  for (let q = 0; q + 4 <= bytes.length;) {
    const id = extra.getUint16(q, true);
    const length = extra.getUint16(q + 2, true);
    if (id === 0x0001) {
      let r = q + 4;
      const field = (): number => {
        if (r + 8 > q + 4 + length || r + 8 > bytes.length)
          throw corrupt(file, `${entry.name}: short zip64 field`);
        const v = u64(extra, r, file);
        r += 8;
        return v;
      };
      if (needs[0]) entry.size = field();
      if (needs[1]) entry.compressedSize = field();
      if (needs[2]) entry.localOffset = field();
      if (
        diskStart === U16_MAX &&
        r + 4 <= Math.min(q + 4 + length, bytes.length) &&
        extra.getUint32(r, true) !== 0
      )
        throw unsupported.multiDisk(file);
      return;
    }
    q += 4 + length;
  }
  throw corrupt(file, `${entry.name}: zip64 sizes without a zip64 field`);
}
