// A zip writer for tests and the bench that can say anything: entries whose declared sizes lie,
// directories that miscount, zip64 records, and gigabyte-sized deflate streams built in milliseconds.
// The trick for the big ones: deflate a block of content once with a full flush (the output ends on a
// byte boundary and refers to nothing before it), then write those bytes N times and one final
// empty block — a valid stream that inflates to N copies of the block.
import fs from 'node:fs';
import zlib from 'node:zlib';

export interface RawEntry {
  name: string;
  method: 0 | 8;
  /** The entry's stored bytes, in order (a piece may repeat). */
  pieces: Buffer[];
  /** The true inflated size and CRC-32. */
  size: number;
  crc: number;
  /** What the headers claim instead, to build liars. */
  declared?: {
    size?: number;
    compressedSize?: number;
    crc?: number;
    method?: number;
    flags?: number;
    /** The name in the local header, when it should disagree with the directory's. */
    localName?: string;
  };
}

const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

export function storedEntry(name: string, data: Buffer | string): RawEntry {
  const b = Buffer.from(data);
  return { name, method: 0, pieces: [b], size: b.length, crc: zlib.crc32(b) };
}

export function deflatedEntry(name: string, data: Buffer | string): RawEntry {
  const b = Buffer.from(data);
  return { name, method: 8, pieces: [zlib.deflateRawSync(b)], size: b.length, crc: zlib.crc32(b) };
}

/** An entry inflating to head + block × times + tail, in a file about times × (block ÷ ~1000) bytes. */
export function repeatedEntry(
  name: string,
  head: string | Buffer,
  block: string | Buffer,
  times: number,
  tail: string | Buffer = '',
): RawEntry {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const h = Buffer.from(head);
  const b = Buffer.from(block);
  const t = Buffer.from(tail);
  const blockDeflated = zlib.deflateRawSync(b, flush);
  let crc = zlib.crc32(h);
  for (let i = 0; i < times; i++) crc = zlib.crc32(b, crc);
  crc = zlib.crc32(t, crc);
  const pieces = [zlib.deflateRawSync(h, flush)];
  for (let i = 0; i < times; i++) pieces.push(blockDeflated);
  pieces.push(zlib.deflateRawSync(t, flush), FINAL_EMPTY_BLOCK);
  return { name, method: 8, pieces, size: h.length + b.length * times + t.length, crc };
}

/** A deflated entry whose content is produced in chunks (for content that does not repeat). */
export function streamedEntry(name: string, chunks: Iterable<string>): RawEntry {
  const pieces: Buffer[] = [];
  let size = 0;
  let crc = 0;
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 1 };
  for (const chunk of chunks) {
    const b = Buffer.from(chunk);
    size += b.length;
    crc = zlib.crc32(b, crc);
    pieces.push(zlib.deflateRawSync(b, flush));
  }
  pieces.push(FINAL_EMPTY_BLOCK);
  return { name, method: 8, pieces, size, crc };
}

export interface ZipOptions {
  /** Write zip64 records (extra fields and end records) even where 32 bits would do. */
  zip64?: boolean;
  /** Overrides for the end of central directory record (liars). */
  eocd?: { entries?: number; disk?: number; cdOffset?: number; cdSize?: number };
}

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};

export function writeZip(path: string, entries: RawEntry[], options: ZipOptions = {}): number {
  const fd = fs.openSync(path, 'w');
  let offset = 0;
  const write = (b: Buffer) => {
    fs.writeSync(fd, b);
    offset += b.length;
  };
  const central: Buffer[] = [];
  const z64 = options.zip64 ?? false;
  try {
    for (const e of entries) {
      const name = Buffer.from(e.name, 'utf8');
      const flags = e.declared?.flags ?? (/[^\x20-\x7e]/.test(e.name) ? 0x800 : 0);
      const method = e.declared?.method ?? e.method;
      const localName = Buffer.from(e.declared?.localName ?? e.name, 'utf8');
      const compressed = e.pieces.reduce((s, p) => s + p.length, 0);
      const size = e.declared?.size ?? e.size;
      const csize = e.declared?.compressedSize ?? compressed;
      const crc = e.declared?.crc ?? e.crc;
      const local = offset;
      const sizes32 = z64 ? [u32(0xffffffff), u32(0xffffffff)] : [u32(csize), u32(size)];
      write(Buffer.concat([u32(0x04034b50), u16(20), u16(flags), u16(method), u32(0), u32(crc), ...sizes32]));
      write(Buffer.concat([u16(localName.length), u16(0), localName]));
      for (const p of e.pieces) write(p);
      const extra = z64
        ? Buffer.concat([u16(1), u16(24), u64(size), u64(csize), u64(local)])
        : Buffer.alloc(0);
      central.push(
        Buffer.concat([
          u32(0x02014b50),
          u16(45),
          u16(20),
          u16(flags),
          u16(method),
          u32(0),
          u32(crc),
          ...(z64 ? [u32(0xffffffff), u32(0xffffffff)] : [u32(csize), u32(size)]),
          u16(name.length),
          u16(extra.length),
          u16(0),
          u16(0),
          u16(0),
          u32(0),
          u32(z64 ? 0xffffffff : local),
          name,
          extra,
        ]),
      );
    }
    const cdOffset = offset;
    for (const c of central) write(c);
    const cdSize = offset - cdOffset;
    const count = options.eocd?.entries ?? entries.length;
    if (z64) {
      const at = offset;
      write(
        Buffer.concat([
          u32(0x06064b50),
          u64(44),
          u16(45),
          u16(45),
          u32(0),
          u32(0),
          u64(count),
          u64(count),
          u64(cdSize),
          u64(cdOffset),
        ]),
      );
      write(Buffer.concat([u32(0x07064b50), u32(0), u64(at), u32(1)]));
    }
    const disk = options.eocd?.disk ?? 0;
    write(
      Buffer.concat([
        u32(0x06054b50),
        u16(disk),
        u16(disk),
        u16(z64 ? 0xffff : count),
        u16(z64 ? 0xffff : count),
        u32(z64 ? 0xffffffff : (options.eocd?.cdSize ?? cdSize)),
        u32(z64 ? 0xffffffff : (options.eocd?.cdOffset ?? cdOffset)),
        u16(0),
      ]),
    );
  } finally {
    fs.closeSync(fd);
  }
  return offset;
}
