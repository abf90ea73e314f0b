// Reading values the way districts really type them (standard §1.2). Every parser answers NaN
// (numbers) or null (text) for "cannot be read": the caller turns that into a type-error, never
// into a silent zero.
import type { CellValue } from './snapshot';
import { serialFromYmd } from './dates';
import { fold } from './text';

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const COUNT_UNIT = /(명|인|회)$/;

const DIGIT_0 = 0x30;
const [MYEONG, IN, HOE, SI, GAN, BUN] = [...'명인회시간분'].map((c) => c.charCodeAt(0));
/** Digits read by hand stay exact integers (below 2^53). */
const MAX_DIGITS = 15;

/** Where the digits digitsAt read end: a second result, without an object per call. */
let digitsEnd = 0;

/**
 * The ASCII digits of `s` from `start` as an integer, and where they end (`digitsEnd`); -1 when
 * there are none or too many. Counts and hours are mostly typed as `12명` or `1시간 30분`: read by
 * hand, they skip NFKC and the regexes below, which cost several times the rest of a row's checks.
 * Only text made of digits, ASCII spaces and these syllables is read here; NFKC leaves all of them
 * as they are, so the result is what the regexes give (the general readers below, tested).
 */
function digitsAt(s: string, start: number): number {
  let n = 0;
  let i = start;
  for (; i < s.length && i - start <= MAX_DIGITS; i++) {
    const d = s.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  digitsEnd = i;
  return i === start || i - start > MAX_DIGITS ? -1 : n;
}

function spacesFrom(s: string, i: number): number {
  while (i < s.length && s.charCodeAt(i) === 0x20) i++;
  return i;
}

/** `12`, `12명` (digits and at most a unit right after them), or -1. */
function plainCount(s: string): number {
  const n = digitsAt(s, 0);
  if (n < 0 || digitsEnd === s.length) return n;
  const unit = s.charCodeAt(digitsEnd);
  return digitsEnd === s.length - 1 && (unit === MYEONG || unit === IN || unit === HOE) ? n : -1;
}

/** `2`, `2시간`, `1시간 30분`, `90분` in whole numbers, or -1. */
function plainHours(s: string): number {
  const hours = digitsAt(s, 0);
  if (hours < 0 || digitsEnd === s.length) return hours;
  let i = spacesFrom(s, digitsEnd);
  if (i === s.length - 1 && s.charCodeAt(i) === BUN) return hours / 60;
  if (s.charCodeAt(i) !== SI || s.charCodeAt(i + 1) !== GAN) return -1;
  i = spacesFrom(s, i + 2);
  if (i === s.length) return hours;
  const minutes = digitsAt(s, i);
  if (minutes < 0) return -1;
  i = spacesFrom(s, digitsEnd);
  return i === s.length - 1 && s.charCodeAt(i) === BUN ? hours + minutes / 60 : -1;
}

/** A number as typed: `12`, `12명`, `1,204`, full-width digits. `1,2` is not a number. */
export function parseNumber(value: CellValue, units: RegExp = COUNT_UNIT): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value !== 'string') return NaN;
  if (units === COUNT_UNIT) {
    const n = plainCount(value);
    if (n >= 0) return n;
  }
  return numberText(value, units);
}

/** The general reading of a number typed as text: what plainCount must agree with (tested). */
export function numberText(value: string, units: RegExp = COUNT_UNIT): number {
  const s = fold(value).trim().replace(units, '').trim();
  if (PLAIN_NUMBER.test(s)) return Number(s);
  if (THOUSANDS.test(s)) return Number(s.replace(/,/g, ''));
  return NaN;
}

const HOURS_ONLY = /^(\d+(?:\.\d+)?)\s*(?:시간|h|hr|hrs|hours?)?$/i;
const HOURS_MINUTES = /^(\d+(?:\.\d+)?)\s*(?:시간|h)\s*(\d+(?:\.\d+)?)\s*(?:분|m|min)$/i;
const MINUTES_ONLY = /^(\d+(?:\.\d+)?)\s*(?:분|m|min|mins|minutes?)$/i;
const CLOCK = /^(\d{1,2}):(\d{2})$/;

/**
 * Decimal hours from `1.5`, `1시간 30분`, `90분`, `1:30`; a number formatted as a time of day
 * (Excel stores 1:30 as 0.0625 of a day) is converted from days.
 */
export function parseHours(value: CellValue, numberFormat?: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return NaN;
    if (numberFormat && /h+\s*:\s*m/i.test(numberFormat) && value < 1) return value * 24;
    return value;
  }
  if (typeof value !== 'string') return NaN;
  const plain = plainHours(value);
  return plain >= 0 ? plain : hoursText(value);
}

/** The general reading of hours typed as text: what plainHours must agree with (tested). */
export function hoursText(value: string): number {
  const s = fold(value).trim();
  let m = HOURS_ONLY.exec(s);
  if (m) return Number(m[1]);
  m = HOURS_MINUTES.exec(s);
  if (m) return Number(m[1]) + Number(m[2]) / 60;
  m = MINUTES_ONLY.exec(s);
  if (m) return Number(m[1]) / 60;
  m = CLOCK.exec(s);
  if (m && Number(m[2]) < 60) return Number(m[1]) + Number(m[2]) / 60;
  return NaN;
}

const YMD = /^(\d{2}|\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\s*\.?$/;
const YMD_KOREAN = /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/;
/** Serial numbers Excel can display as dates (1900-01-01 … 9999-12-31). */
export const MAX_SERIAL = 2_958_465;

/**
 * An Excel serial day number from a serial, `2021-03-05`, `2021.3.5`, `2021. 3. 5.`, `21.03.05`,
 * `2021/3/5`, `2021년 3월 5일`. Two-digit years are 20xx: the standard starts in 2018.
 */
export function parseDate(value: CellValue): number {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 1 && value <= MAX_SERIAL ? Math.floor(value) : NaN;
  }
  if (typeof value !== 'string') return NaN;
  const s = fold(value).trim();
  const m = YMD.exec(s) ?? YMD_KOREAN.exec(s) ?? ISO_DATETIME.exec(s);
  if (!m) return NaN;
  const year = m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  return serialFromYmd(year, Number(m[2]), Number(m[3])) ?? NaN;
}

const QUARTER = /^(?:제\s*)?([1-4])\s*(?:분기|\/\s*4\s*분기|q|사분기)?$|^q\s*([1-4])$/i;

/** `1`, `1분기`, `1/4분기`, `Q1`, `1Q`, `제1분기` → 1. */
export function parseQuarter(value: CellValue): number {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 4 ? value : NaN;
  if (typeof value !== 'string') return NaN;
  const m = QUARTER.exec(fold(value).trim());
  return m ? Number(m[1] ?? m[2]) : NaN;
}

/** Text as written, trimmed; null when it is not text-like. Numbers are accepted as their text. */
export function parseText(value: CellValue): string | null {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}
