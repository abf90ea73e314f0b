// The stamp as stored in a workbook: a custom XML part in our own namespace (the full record, with
// per-unit digests). This file is the stamp format's definition; docs/excel.md describes it for
// readers. Format 2 (this one) covers the data without council members' names, computed cells,
// extra columns, the sheet list and 요약 (canonical.ts); format 1 stamps are still read, to be
// reported as made by an earlier delib (verdict.ts), never as valid.
import type { StampSummary } from './types';
import { XmlError, XmlTokenizer, type XmlElement, type XmlHandler } from '../xml/tokenizer';

export const STAMP_NAMESPACE = 'urn:seoul:delib:stamp:1';
/** The format this build writes (the root's `version`). */
export const STAMP_FORMAT_VERSION = '2';
/** Formats this build reads: 1 to tell what changed and ask for a new stamp, 2 to verify. */
export const STAMP_FORMATS_READ = ['1', '2'] as const;

export interface Stamp extends StampSummary {
  /** The stamp format (the root's `version`): what the hash and digests cover. */
  format: string;
  council: number;
  /** Per-unit digests (see canonical.ts rowDigests). */
  digests: string[];
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function stampToXml(stamp: Stamp): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<stamp xmlns="${STAMP_NAMESPACE}" version="${esc(stamp.format)}">`,
    `  <standard>${esc(stamp.standard)}</standard>`,
    `  <engine>${esc(stamp.engine)}</engine>`,
    `  <hash algorithm="SHA-256">${esc(stamp.hash)}</hash>`,
    `  <at>${esc(stamp.at)}</at>`,
    `  <by>${esc(stamp.by)}</by>`,
    `  <counts rows="${stamp.rows}" council="${stamp.council}" errors="${stamp.errors}" warnings="${stamp.warnings}"/>`,
    `  <digests count="${stamp.digests.length}">${stamp.digests.join(' ')}</digests>`,
    '</stamp>',
  ];
  return lines.join('\n');
}

export class StampFormatError extends Error {}

/**
 * The largest stamp part read: a digest is 18 characters, so a million characters hold the digests
 * of two sheets at the .xlsx reader's 20,000-row limit with room to spare (a 10,000-row stamp is
 * ≈170 KB).
 */
export const STAMP_MAX_CHARS = 1_000_000;
/** The stamp's short texts (standard, engine, time, who): shown to people, so kept short. */
export const STAMP_MAX_FIELD = 256;

const TEXT_FIELDS = ['standard', 'engine', 'hash', 'at', 'by', 'digests'] as const;

type TextField = (typeof TEXT_FIELDS)[number];

/** Collects the root's child elements in the stamp namespace; anything else is ignored. */
class StampHandler implements XmlHandler {
  readonly texts = new Map<TextField, string>();
  counts: Record<string, string> | null = null;
  version: string | undefined;
  private field: TextField | null = null;
  private depth = 0;

  get wantText(): boolean {
    return this.field !== null && this.depth === 2;
  }

  open(el: XmlElement): void {
    this.depth++;
    if (this.depth === 1) {
      if (el.local !== 'stamp' || el.ns !== STAMP_NAMESPACE) throw new StampFormatError('not a delib stamp');
      this.version = el.attrs.version;
      return;
    }
    if (this.depth !== 2 || el.ns !== STAMP_NAMESPACE) return;
    if ((TEXT_FIELDS as readonly string[]).includes(el.local)) {
      this.field = el.local as TextField;
      if (this.texts.has(this.field)) throw new StampFormatError(`<${el.local}> given twice`);
      this.texts.set(this.field, '');
    } else if (el.local === 'counts') {
      if (this.counts) throw new StampFormatError('<counts> given twice');
      this.counts = el.attrs;
    }
  }

  close(): void {
    if (this.depth === 2) this.field = null;
    this.depth--;
  }

  text(text: string): void {
    if (this.field) this.texts.set(this.field, this.texts.get(this.field) + text);
  }
}

function parsed(xml: string): StampHandler {
  if (xml.length > STAMP_MAX_CHARS) throw new StampFormatError('the stamp part is too large');
  const handler = new StampHandler();
  try {
    XmlTokenizer.parse(xml.replace(/^\uFEFF/, ''), handler, {
      maxDepth: 16,
      maxTextLength: STAMP_MAX_CHARS,
      maxMarkupLength: 64 * 1024,
      maxAttributes: 64,
    });
  } catch (e) {
    if (e instanceof XmlError) throw new StampFormatError(`damaged stamp XML: ${e.message}`);
    throw e;
  }
  return handler;
}

function field(h: StampHandler, name: TextField): string {
  const v = h.texts.get(name);
  if (v === undefined) throw new StampFormatError(`<${name}> missing`);
  const text = v.trim();
  if (name !== 'digests' && text.length > STAMP_MAX_FIELD) throw new StampFormatError(`<${name}> too long`);
  return text;
}

function count(h: StampHandler, name: 'rows' | 'council' | 'errors' | 'warnings'): number {
  const v = h.counts?.[name];
  if (v === undefined || !/^\d{1,15}$/.test(v)) throw new StampFormatError(`counts/@${name} missing`);
  return Number(v);
}

/**
 * Reads a stamp written by stampToXml (or by anything writing the same elements). Any damage — bad
 * XML, a DOCTYPE, a bad reference, a missing or repeated element, an oversized part — is a
 * StampFormatError, never another exception: the pane's full pass and `delib verify` rely on it.
 */
export function stampFromXml(xml: string): Stamp {
  const h = parsed(xml);
  // A stamp without a version predates format 2's attribute check: it is format 1.
  const format = h.version ?? '1';
  if (!/^\d{1,4}$/.test(format)) throw new StampFormatError('bad version');
  const digests = field(h, 'digests').split(/\s+/).filter(Boolean);
  // A later format may add units: its digests are read, not judged (verdict.ts: unknown-format).
  const unit = (STAMP_FORMATS_READ as readonly string[]).includes(format)
    ? /^[icfnwy][0-9a-f]{16}$/
    : /^[a-z][0-9a-f]{16}$/;
  if (!digests.every((d) => unit.test(d))) throw new StampFormatError('bad digest');
  const hash = field(h, 'hash');
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new StampFormatError('bad hash');
  return {
    format,
    standard: field(h, 'standard'),
    engine: field(h, 'engine'),
    hash,
    at: field(h, 'at'),
    by: field(h, 'by'),
    rows: count(h, 'rows'),
    council: count(h, 'council'),
    errors: count(h, 'errors'),
    warnings: count(h, 'warnings'),
    digests,
  };
}
