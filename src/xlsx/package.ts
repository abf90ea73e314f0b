// The whole package of an .xlsx, read and written in memory with no Node API, so the pane (on the
// bytes Office's getFileAsync hands out) and the CLI run the same code: the directory read the
// cautious way (zip-directory.ts), every declared size checked against the limits before anything is
// inflated, inflation stopped at the declared size and checked by CRC-32, and a plain writer
// (deflate where the host has CompressionStream, stored otherwise; UTF-8 names; no comment).
import { XlsxReadError, corrupt } from './errors';
import { PART_BYTES, XLSX_LIMITS, limitError, unsupported } from './limits';
import { crc32, dataStart, readDirectory, view, SIG_LOCAL, type RandomAccess } from './zip-directory';

export interface PackagePart {
  /** The part's name in the zip, as written there. */
  name: string;
  data: Uint8Array;
}

function bytesSource(bytes: Uint8Array): RandomAccess {
  return {
    size: bytes.length,
    read: async (position, length) => bytes.subarray(position, position + length),
  };
}

async function inflate(data: Uint8Array, size: number, name: string, file: string): Promise<Uint8Array> {
  const out = new Uint8Array(size);
  let at = 0;
  const reader = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.length > size) throw corrupt(file, `${name} inflates beyond its declared size`);
      out.set(value, at);
      at += value.length;
    }
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw corrupt(file, `${name}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    reader.cancel().catch(() => undefined);
  }
  if (at !== size) throw corrupt(file, `${name} is shorter than its declared size`);
  return out;
}

/** Every part of the package, inflated, in the zip's order. */
export async function readPackage(bytes: Uint8Array, file: string): Promise<PackagePart[]> {
  const src = bytesSource(bytes);
  const dir = await readDirectory(src, file);
  const entries = [...dir.entries.values()].sort((a, b) => a.localOffset - b.localOffset);
  let total = 0;
  for (const e of entries) {
    if (e.size > PART_BYTES.part) throw limitError.part(file, { kind: 'part', path: e.name }, e.size);
    total += e.size;
  }
  if (total > XLSX_LIMITS.totalBytes) throw limitError.total(file, total);
  const parts: PackagePart[] = [];
  for (const entry of entries) {
    if (entry.flags & 0x1) throw new XlsxReadError('encrypted', file);
    if (entry.method !== 0 && entry.method !== 8) throw unsupported.method(file, entry.method);
    const start = await dataStart(src, dir, entry, file);
    const raw = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0 && entry.compressedSize !== entry.size)
      throw corrupt(file, `${entry.name}: stored sizes differ`);
    const data = entry.method === 0 ? raw.slice() : await inflate(raw, entry.size, entry.name, file);
    if (crc32(data) !== entry.crc32) throw corrupt(file, `${entry.name}: CRC-32 mismatch`);
    parts.push({ name: entry.name, data });
  }
  return parts;
}

async function deflate(data: Uint8Array): Promise<Uint8Array | null> {
  if (typeof CompressionStream === 'undefined') return null;
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const encoder = new TextEncoder();
/** 1980-01-01 00:00 in DOS form: the copy's bytes depend on its content only. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip of `parts`, in order (deflated where that makes them smaller). */
export async function writePackage(parts: readonly PackagePart[]): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = encoder.encode(part.name);
    const crc = crc32(part.data);
    const deflated = await deflate(part.data);
    const stored = !deflated || deflated.length >= part.data.length;
    const body = stored ? part.data : deflated;
    const header = (size: number, extra: number) => {
      const h = new Uint8Array(size + name.length);
      const v = view(h);
      v.setUint16(extra + 0, 20, true); // version needed
      v.setUint16(extra + 2, 0x800, true); // UTF-8 names
      v.setUint16(extra + 4, stored ? 0 : 8, true);
      v.setUint16(extra + 6, 0, true); // time
      v.setUint16(extra + 8, DOS_DATE, true);
      v.setUint32(extra + 10, crc, true);
      v.setUint32(extra + 14, body.length, true);
      v.setUint32(extra + 18, part.data.length, true);
      v.setUint16(extra + 22, name.length, true);
      h.set(name, size);
      return { h, v };
    };
    const local = header(30, 4);
    local.v.setUint32(0, SIG_LOCAL, true);
    const cd = header(46, 6);
    cd.v.setUint32(0, 0x02014b50, true);
    cd.v.setUint16(4, 20, true); // version made by
    cd.v.setUint32(42, offset, true);
    central.push(cd.h);
    chunks.push(local.h, body);
    offset += local.h.length + body.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = view(end);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + end.length);
  let at = 0;
  for (const c of [...chunks, ...central, end]) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
