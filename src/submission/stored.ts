// The journal and the receipt as read back from the workbook's settings, which anyone who can edit
// the workbook can edit: each is checked field by field against its schema before anything uses it,
// and one that does not pass is set aside with a reason in both languages — never a crash, never a
// value half trusted. A receipt's links are kept only when they are https on the configured
// SharePoint host: a planted `javascript:` or phishing address is never rendered as a link.
import type { Text } from '../standard/types';
import { MAX_ROWS_PER_SUBMISSION } from './plan';
import { SUBMIT_PHASES, type Journal, type Receipt, type Stored, type Submitter } from './types';

const t = (ko: string, en: string): Text => ({ ko, en });

/** Field checks: each answers the value or throws `Unreadable` naming the field. */
class Unreadable extends Error {
  constructor(readonly field: string) {
    super(field);
  }
}

type Fields = Record<string, unknown>;

const MAX_TEXT = 400;
const MAX_URL = 2_000;

function text(o: Fields, key: string, max = MAX_TEXT, pattern?: RegExp): string {
  const v = o[key];
  if (typeof v !== 'string' || v.length > max || (pattern && !pattern.test(v))) throw new Unreadable(key);
  return v;
}

function textOrNull(o: Fields, key: string, max = MAX_TEXT): string | null {
  return o[key] === null || o[key] === undefined ? null : text(o, key, max);
}

function integer(o: Fields, key: string, min: number, max: number): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new Unreadable(key);
  return v;
}

function object(v: unknown, field: string): Fields {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Unreadable(field);
  return v as Fields;
}

const SUBMISSION_ID = /^\d{5}-\d{4}-[0-9a-f]{16}$/;
const DISTRICT_YEAR = /^\d{5}-\d{4}$/;
const RANGES = /^(\d{1,5}(-\d{1,5})?(,\d{1,5}(-\d{1,5})?)*)?$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function submitter(v: unknown): Submitter | null {
  if (v === null || v === undefined) return null;
  const o = object(v, 'submittedBy');
  return {
    id: text(o, 'id', 100),
    displayName: text(o, 'displayName'),
    email: textOrNull(o, 'email'),
  };
}

function asReceipt(v: unknown): Receipt {
  const o = object(v, 'receipt');
  const submittedAt = text(o, 'submittedAt', 40, ISO_INSTANT);
  if (Number.isNaN(Date.parse(submittedAt))) throw new Unreadable('submittedAt');
  const status = text(o, 'status', 20);
  if (status !== 'current' && status !== 'superseded') throw new Unreadable('status');
  if (o.onBehalf !== undefined && typeof o.onBehalf !== 'boolean') throw new Unreadable('onBehalf');
  return {
    submissionId: text(o, 'submissionId', 40, SUBMISSION_ID),
    submittedAt,
    submittedBy: submitter(o.submittedBy),
    status,
    district: text(o, 'district', 40),
    districtCode: text(o, 'districtCode', 5, /^\d{5}$/),
    year: integer(o, 'year', 1900, 9999),
    quarter: integer(o, 'quarter', 1, 4),
    rowCount: integer(o, 'rowCount', 0, MAX_ROWS_PER_SUBMISSION),
    // Receipts saved before issue 10 do not say; then the item was the district's own.
    onBehalf: o.onBehalf === true,
    stampHash: text(o, 'stampHash', 64, /^[0-9a-f]{64}$/),
    itemUrl: textOrNull(o, 'itemUrl', MAX_URL),
    fileUrl: textOrNull(o, 'fileUrl', MAX_URL),
  };
}

function asJournal(v: unknown): Journal {
  const o = object(v, 'journal');
  if (o.version !== 2) throw new Unreadable('version');
  const phase = text(o, 'phase', 20);
  if (!(SUBMIT_PHASES as readonly string[]).includes(phase)) throw new Unreadable('phase');
  const rowCount = integer(o, 'rowCount', 0, MAX_ROWS_PER_SUBMISSION);
  return {
    version: 2,
    submissionId: text(o, 'submissionId', 40, SUBMISSION_ID),
    districtYear: text(o, 'districtYear', 10, DISTRICT_YEAR),
    phase: phase as Journal['phase'],
    rowCount,
    confirmed: text(o, 'confirmed', 60_000, RANGES),
    submissionItemId: textOrNull(o, 'submissionItemId', 100),
  };
}

function read<T>(raw: unknown, parse: (v: unknown) => T, what: Text): Stored<T> {
  if (raw === null || raw === undefined) return { value: null, problem: null };
  try {
    return { value: parse(raw), problem: null };
  } catch (e) {
    if (!(e instanceof Unreadable)) throw e;
    return {
      value: null,
      problem: t(
        `이 통합시트에 저장된 ${what.ko}을(를) 읽을 수 없어 무시합니다 (항목: ${e.field}). 이전 버전이 저장했거나, 누군가 고쳤거나, 손상되었습니다. 실제 기록은 SharePoint의 Submissions 목록에 있습니다.`,
        `The ${what.en} saved in this workbook cannot be read and is ignored (field: ${e.field}): an older version saved it, or it was edited or damaged. The real record is the Submissions list in SharePoint.`,
      ),
    };
  }
}

/** The receipt from the workbook's settings, if it passes its schema. */
export function readStoredReceipt(raw: unknown): Stored<Receipt> {
  return read(raw, asReceipt, t('접수증', 'receipt'));
}

/** The journal from the workbook's settings (or a journal file), if it passes its schema. */
export function readStoredJournal(raw: unknown): Stored<Journal> {
  return read(raw, asJournal, t('제출 진행 기록', 'progress record'));
}

/**
 * `url` when it is an https address on the configured SharePoint host (exactly that host, default
 * port, no user info), else null: the only links a receipt may render.
 */
export function siteLink(url: string | null | undefined, siteHost: string): string | null {
  if (typeof url !== 'string' || url.length > MAX_URL) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = siteHost.trim().toLowerCase().replace(/\.$/, '');
  const ok =
    parsed.protocol === 'https:' &&
    parsed.hostname.toLowerCase() === host &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '';
  return ok ? parsed.href : null;
}
