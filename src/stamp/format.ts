// The stamp as stored in a workbook: a custom XML part in our own namespace (the full record, with
// per-unit digests) and short custom document properties a reviewer sees in File › Properties.
// This file is the stamp format's definition; docs/excel.md describes it for readers.
import type { StampSummary } from './types';

export const STAMP_NAMESPACE = 'urn:seoul:delib:stamp:1';
export const STAMP_FORMAT_VERSION = '1';

/** Custom document property names (Korean, as district staff and city reviewers read them). */
export const STAMP_PROPERTIES = {
  status: '검증상태',
  at: '검증일시',
  hash: '검증해시',
  standard: '표준버전',
  engine: '검증엔진',
} as const;

export const STAMP_STATUS_TEXT = '검증 완료 (validated)';
/** Characters of the hash shown in the properties and on 요약: enough to compare by eye. */
export const SHORT_HASH = 16;

export interface Stamp extends StampSummary {
  council: number;
  /** Per-unit digests (see canonical.ts rowDigests). */
  digests: string[];
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unesc(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

export function stampToXml(stamp: Stamp): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<stamp xmlns="${STAMP_NAMESPACE}" version="${STAMP_FORMAT_VERSION}">`,
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

function element(xml: string, name: string): string {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  if (!m) throw new StampFormatError(`<${name}> missing`);
  return unesc(m[1].trim());
}

function attribute(xml: string, elementName: string, attr: string): number {
  const tag = new RegExp(`<${elementName}\\s[^>]*>`).exec(xml)?.[0] ?? '';
  const m = new RegExp(`\\s${attr}="(\\d+)"`).exec(tag);
  if (!m) throw new StampFormatError(`${elementName}/@${attr} missing`);
  return Number(m[1]);
}

/** Reads a stamp written by stampToXml (or by anything writing the same elements). */
export function stampFromXml(xml: string): Stamp {
  if (!xml.includes(`xmlns="${STAMP_NAMESPACE}"`)) throw new StampFormatError('not a delib stamp');
  const digests = element(xml, 'digests').split(/\s+/).filter(Boolean);
  if (!digests.every((d) => /^[icfn][0-9a-f]{16}$/.test(d))) throw new StampFormatError('bad digest');
  const hash = element(xml, 'hash');
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new StampFormatError('bad hash');
  return {
    standard: element(xml, 'standard'),
    engine: element(xml, 'engine'),
    hash,
    at: element(xml, 'at'),
    by: element(xml, 'by'),
    rows: attribute(xml, 'counts', 'rows'),
    council: attribute(xml, 'counts', 'council'),
    errors: attribute(xml, 'counts', 'errors'),
    warnings: attribute(xml, 'counts', 'warnings'),
    digests,
  };
}
