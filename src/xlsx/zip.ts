// The zip under an .xlsx, read the cautious way: the central directory first (never the local
// headers' sizes), every limit checked against declared sizes before anything is inflated, then only
// the entries asked for, streamed through inflate with a running count that stops at the declared
// size, and a CRC-32 check. Entries nobody asks for are never read, whatever they claim to hold.
import { promises as fs } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { XlsxReadError, corrupt } from './errors';
import { PART_BYTES, XLSX_LIMITS, limitError, unsupported, type PartRef } from './limits';

/** Random access to the file's bytes: a file on disk is never read whole. */
export interface ByteSource {
  readonly size: number;
  read(position: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export function bufferSource(buf: Uint8Array): ByteSource {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  return {
    size: b.length,
    read: async (position, length) => b.subarray(position, position + length),
    close: async () => undefined,
  };
}

export async function fileSource(path: string, shown: string): Promise<ByteSource> {
  let handle: fs.FileHandle;
  let size: number;
  try {
    handle = await fs.open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new XlsxReadError(code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', shown, e);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new XlsxReadError('not-xlsx', shown);
    size = stat.size;
  } catch (e) {
    await handle.close();
    throw e instanceof XlsxReadError ? e : new XlsxReadError('unreadable', shown, e);
  }
  return {
    size,
    async read(position, length) {
      const out = Buffer.alloc(length);
      const { bytesRead } = await handle.read(out, 0, length, position);
      if (bytesRead !== length) throw corrupt(shown, 'the file is shorter than its zip directory says');
      return out;
    },
    close: () => handle.close(),
  };
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

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
const CHUNK = 64 * 1024;
/** Lets inflate (on libuv's threads) work ahead while the parser (on the main thread) runs. */
const AHEAD = 1024 * 1024;
// zlib streams take Transform options too, though the type does not list them.
const INFLATE_OPTIONS = { chunkSize: CHUNK, highWaterMark: AHEAD } as zlib.ZlibOptions;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// An OLE compound file: what Excel writes for a password-protected .xlsx, and the old .xls format.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Buffer, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

function u64(buf: Buffer, at: number, file: string): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt(file, 'a zip64 field is out of range');
  return Number(v);
}

const crc32: (data: Buffer, value: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? (data, value) => zlib.crc32(data, value)
    : crc32Fallback();

/** Node before 20.15 has no zlib.crc32. */
function crc32Fallback(): (data: Buffer, value: number) => number {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return (data, value) => {
    let c = ~value;
    for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
    return ~c >>> 0;
  };
}

/** Thrown inside the inflate pipeline when the consumer has what it needs. */
const STOP = new Error('stop');

export class ZipArchive {
  /** Inflated bytes handed out so far, across every entry read. */
  private inflated = 0;

  private constructor(
    readonly file: string,
    private readonly src: ByteSource,
    private readonly entries: Map<string, ZipEntry>,
    /** Where the central directory starts: every entry's data lies before it. */
    private readonly dataEnd: number,
  ) {}

  static async open(src: ByteSource, file: string): Promise<ZipArchive> {
    const head = await src.read(0, Math.min(8, src.size));
    if (startsWith(head, OLE_MAGIC)) throw new XlsxReadError('encrypted', file);
    if (!startsWith(head, ZIP_MAGIC)) throw new XlsxReadError('not-xlsx', file);
    const { entries: count, cdSize, cdOffset, end } = await readEnd(src, file);
    if (count > XLSX_LIMITS.zipEntries) throw limitError.zipEntries(file, count);
    if (cdSize > XLSX_LIMITS.centralDirectoryBytes) throw limitError.centralDirectory(file, cdSize);
    if (cdOffset + cdSize > end) throw corrupt(file, 'the central directory lies outside the file');
    const cd = await src.read(cdOffset, cdSize);
    return new ZipArchive(file, src, parseCentralDirectory(cd, count, file), cdOffset);
  }

  /** An entry by its part name (OPC names compare without case). */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name.replace(/^\//, '').toLowerCase());
  }

  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  close(): Promise<void> {
    return this.src.close();
  }

  /** Refuses parts whose declared sizes are beyond their limits, alone or together, before any is read. */
  checkDeclared(parts: { entry: ZipEntry; part: PartRef }[]): void {
    let total = this.inflated;
    for (const { entry, part } of parts) {
      if (entry.size > PART_BYTES[part.kind]) throw limitError.part(this.file, part, entry.size);
      total += entry.size;
    }
    if (total > XLSX_LIMITS.totalBytes) throw limitError.total(this.file, total);
  }

  /**
   * Streams an entry's inflated bytes to `consume`, which returns false once it has what it needs.
   * Resolves true when the entry was read to its end (and its size and CRC-32 matched).
   */
  async read(entry: ZipEntry, part: PartRef, consume: (chunk: Buffer) => boolean): Promise<boolean> {
    this.checkDeclared([{ entry, part }]);
    return this.stream(entry, consume);
  }

  /** The first `bytes` inflated bytes of an entry (fewer if it is shorter), whatever its declared size. */
  async peek(entry: ZipEntry, bytes: number): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let length = 0;
    await this.stream(entry, (chunk) => {
      chunks.push(chunk);
      length += chunk.length;
      return length < bytes;
    });
    return Buffer.concat(chunks).subarray(0, bytes);
  }

  private async stream(entry: ZipEntry, consume: (chunk: Buffer) => boolean): Promise<boolean> {
    const { file } = this;
    if (entry.flags & 0x1) throw new XlsxReadError('encrypted', file);
    if (entry.method !== 0 && entry.method !== 8) throw unsupported.method(file, entry.method);
    if (entry.method === 0 && entry.compressedSize !== entry.size)
      throw corrupt(file, `${entry.name}: stored sizes differ`);
    const start = await this.dataStart(entry);
    let seen = 0;
    let crc = 0;
    const sink = new Writable({
      highWaterMark: AHEAD,
      write: (chunk: Buffer, _encoding, done) => {
        seen += chunk.length;
        this.inflated += chunk.length;
        if (seen > entry.size) return done(corrupt(file, `${entry.name} inflates beyond its declared size`));
        if (this.inflated > XLSX_LIMITS.totalBytes) return done(limitError.total(file, this.inflated));
        crc = crc32(chunk, crc);
        try {
          done(consume(chunk) ? null : STOP);
        } catch (e) {
          done(e as Error);
        }
      },
    });
    const input = Readable.from(this.chunks(start, entry.compressedSize), { objectMode: false });
    try {
      if (entry.method === 8) await pipeline(input, zlib.createInflateRaw(INFLATE_OPTIONS), sink);
      else await pipeline(input, sink);
    } catch (e) {
      if (e === STOP) return false;
      if (e instanceof XlsxReadError || !(e instanceof Error) || !('code' in e)) throw e;
      throw corrupt(file, `${entry.name}: ${e.message}`);
    }
    if (seen !== entry.size) throw corrupt(file, `${entry.name} is shorter than its declared size`);
    if (crc !== entry.crc32) throw corrupt(file, `${entry.name}: CRC-32 mismatch`);
    return true;
  }

  private async dataStart(entry: ZipEntry): Promise<number> {
    const { file } = this;
    if (entry.localOffset + 30 > this.dataEnd) throw corrupt(file, `${entry.name}: bad local header offset`);
    const head = await this.src.read(entry.localOffset, 30);
    if (head.readUInt32LE(0) !== SIG_LOCAL) throw corrupt(file, `${entry.name}: no local header`);
    const nameLength = head.readUInt16LE(26);
    const start = entry.localOffset + 30 + nameLength + head.readUInt16LE(28);
    if (start + entry.compressedSize > this.dataEnd)
      throw corrupt(file, `${entry.name}: data runs into the central directory`);
    // The local header only locates the data; its name must agree with the directory's.
    const name = await this.src.read(entry.localOffset + 30, nameLength);
    const expected = Buffer.from(entry.name, entry.flags & 0x800 ? 'utf8' : 'latin1');
    if (!name.equals(expected)) throw corrupt(file, `${entry.name}: local header names another file`);
    return start;
  }

  private async *chunks(start: number, length: number): AsyncGenerator<Buffer> {
    for (let done = 0; done < length; done += CHUNK)
      yield await this.src.read(start + done, Math.min(CHUNK, length - done));
  }
}

interface End {
  entries: number;
  cdSize: number;
  cdOffset: number;
  /** Where the end records start (the central directory must end before). */
  end: number;
}

async function readEnd(src: ByteSource, file: string): Promise<End> {
  if (src.size < EOCD_SIZE) throw corrupt(file, 'too short for a zip');
  const tailLength = Math.min(src.size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = src.size - tailLength;
  const tail = await src.read(tailStart, tailLength);
  let at = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD && i + EOCD_SIZE + tail.readUInt16LE(i + 20) <= tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw corrupt(file, 'no end of central directory');
  const disk = tail.readUInt16LE(at + 4);
  const cdDisk = tail.readUInt16LE(at + 6);
  const onDisk = tail.readUInt16LE(at + 8);
  const entries = tail.readUInt16LE(at + 10);
  const cdSize = tail.readUInt32LE(at + 12);
  const cdOffset = tail.readUInt32LE(at + 16);
  const eocd = tailStart + at;
  const zip64 = entries === U16_MAX || onDisk === U16_MAX || cdSize === U32_MAX || cdOffset === U32_MAX;
  if (!zip64) {
    if (disk !== 0 || cdDisk !== 0 || onDisk !== entries) throw unsupported.multiDisk(file);
    return { entries, cdSize, cdOffset, end: eocd };
  }
  return readZip64End(src, file, eocd);
}

async function readZip64End(src: ByteSource, file: string, eocd: number): Promise<End> {
  if (eocd < 20) throw corrupt(file, 'no zip64 locator');
  const locator = await src.read(eocd - 20, 20);
  if (locator.readUInt32LE(0) !== SIG_ZIP64_LOCATOR) throw corrupt(file, 'no zip64 locator');
  if (locator.readUInt32LE(4) !== 0 || locator.readUInt32LE(16) > 1) throw unsupported.multiDisk(file);
  const at = u64(locator, 8, file);
  if (at + 56 > eocd - 20) throw corrupt(file, 'bad zip64 end record offset');
  const rec = await src.read(at, 56);
  if (rec.readUInt32LE(0) !== SIG_ZIP64_EOCD) throw corrupt(file, 'no zip64 end record');
  const onDisk = u64(rec, 24, file);
  const entries = u64(rec, 32, file);
  if (rec.readUInt32LE(16) !== 0 || rec.readUInt32LE(20) !== 0 || onDisk !== entries)
    throw unsupported.multiDisk(file);
  return { entries, cdSize: u64(rec, 40, file), cdOffset: u64(rec, 48, file), end: at };
}

function parseCentralDirectory(cd: Buffer, count: number, file: string): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL)
      throw corrupt(file, 'the central directory holds fewer entries than it says');
    const flags = cd.readUInt16LE(p + 8);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const next = p + 46 + nameLength + extraLength + cd.readUInt16LE(p + 32);
    if (next > cd.length) throw corrupt(file, 'a central directory record runs past its end');
    const entry: ZipEntry = {
      name: cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength),
      method: cd.readUInt16LE(p + 10),
      flags,
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
    };
    const diskStart = cd.readUInt16LE(p + 34);
    applyZip64(entry, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), diskStart, file);
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
function applyZip64(entry: ZipEntry, extra: Buffer, diskStart: number, file: string): void {
  const needs = [entry.size === U32_MAX, entry.compressedSize === U32_MAX, entry.localOffset === U32_MAX];
  if (!needs.some(Boolean) && diskStart !== U16_MAX) {
    if (diskStart !== 0) throw unsupported.multiDisk(file);
    return;
  }
  for (let q = 0; q + 4 <= extra.length;) {
    const id = extra.readUInt16LE(q);
    const length = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const field = (): number => {
        if (r + 8 > q + 4 + length) throw corrupt(file, `${entry.name}: short zip64 field`);
        const v = u64(extra, r, file);
        r += 8;
        return v;
      };
      if (needs[0]) entry.size = field();
      if (needs[1]) entry.compressedSize = field();
      if (needs[2]) entry.localOffset = field();
      if (diskStart === U16_MAX && r + 4 <= q + 4 + length && extra.readUInt32LE(r) !== 0)
        throw unsupported.multiDisk(file);
      return;
    }
    q += 4 + length;
  }
  throw corrupt(file, `${entry.name}: zip64 sizes without a zip64 field`);
}
