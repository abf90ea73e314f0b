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
import {
  crc32 as portableCrc32,
  dataStart,
  readDirectory,
  type ZipDirectory,
  type ZipEntry,
} from './zip-directory';

export type { ZipEntry } from './zip-directory';

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

const CHUNK = 64 * 1024;
/** Lets inflate (on libuv's threads) work ahead while the parser (on the main thread) runs. */
const AHEAD = 1024 * 1024;
// zlib streams take Transform options too, though the type does not list them.
const INFLATE_OPTIONS = { chunkSize: CHUNK, highWaterMark: AHEAD } as zlib.ZlibOptions;
// zlib's own CRC-32 (Node 20.15+) is native; the directory module's is the portable fallback.
const crc32: (data: Buffer, value: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? (data, value) => zlib.crc32(data, value)
    : portableCrc32;

/** Thrown inside the inflate pipeline when the consumer has what it needs. */
const STOP = new Error('stop');

export class ZipArchive {
  /** Inflated bytes handed out so far, across every entry read. */
  private inflated = 0;

  private constructor(
    readonly file: string,
    private readonly src: ByteSource,
    private readonly directory: ZipDirectory,
  ) {}

  static async open(src: ByteSource, file: string): Promise<ZipArchive> {
    return new ZipArchive(file, src, await readDirectory(src, file));
  }

  /** An entry by its part name (OPC names compare without case). */
  entry(name: string): ZipEntry | undefined {
    return this.directory.entries.get(name.replace(/^\//, '').toLowerCase());
  }

  names(): string[] {
    return [...this.directory.entries.values()].map((e) => e.name);
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

  private dataStart(entry: ZipEntry): Promise<number> {
    return dataStart(this.src, this.directory, entry, this.file);
  }

  private async *chunks(start: number, length: number): AsyncGenerator<Buffer> {
    for (let done = 0; done < length; done += CHUNK)
      yield await this.src.read(start + done, Math.min(CHUNK, length - done));
  }
}
