// Reading values the way districts really type them (standard §1.2). Every parser answers NaN
// (numbers) or null (text) for "cannot be read": the caller turns that into a type-error, never
// into a silent zero.
import type { CellValue } from './snapshot';
import { serialFromYmd } from './dates';
import { fold } from './text';

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const COUNT_UNIT = /(명|인|회)$/;

/** A number as typed: `12`, `12명`, `1,204`, full-width digits. `1,2` is not a number. */
export function parseNumber(value: CellValue, units: RegExp = COUNT_UNIT): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value !== 'string') return NaN;
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
