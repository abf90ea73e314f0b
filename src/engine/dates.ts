// Dates travel as Excel serial day numbers (1900 date system, as Office.js reports them), so a
// workbook read in Seoul and in a CI container in UTC gives the same days.

const MS_PER_DAY = 86_400_000;
/** 1899-12-30: serial 0 in Excel's 1900 system (which counts the fictional 1900-02-29). */
const EPOCH_MS = Date.UTC(1899, 11, 30);

export function serialFromYmd(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round((ms - EPOCH_MS) / MS_PER_DAY);
}

/** Days from 1970-01-01 of serial 0. */
const EPOCH_DAYS = -25569;

/**
 * Civil date of a serial by integer arithmetic (H. Hinnant's days→civil): this runs for every
 * row on every keystroke, where a Date object per row would dominate the cost.
 */
export function ymdFromSerial(serial: number): { year: number; month: number; day: number } {
  const z = Math.floor(serial) + EPOCH_DAYS + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `YYYY-MM-DD` of a serial: the one place a serial becomes a date (dates travel as serials). */
export function isoFromSerial(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A serial as the JS Date of its UTC wall clock (time of day kept): what exceljs writes back as
 * that serial.
 */
export function dateFromSerial(serial: number): Date {
  return new Date(Math.round((serial + EPOCH_DAYS) * MS_PER_DAY));
}

/**
 * The serial of a date and time of day (seconds), counting Excel's fictitious 1900-02-29: a day
 * before 1900-03-01 is one less than its distance from 1899-12-30.
 */
export function serialFromDateTime(year: number, month: number, day: number, seconds = 0): number {
  const days = (Date.UTC(year, month - 1, day) - EPOCH_MS) / MS_PER_DAY;
  return (days < 61 ? days - 1 : days) + seconds / 86_400;
}

export function quarterOfSerial(serial: number): 1 | 2 | 3 | 4 {
  return (Math.floor((ymdFromSerial(serial).month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

/** Serial of the last day of a quarter (31 March, 30 June, 30 September, 31 December). */
export function quarterEndSerial(year: number, quarter: number): number | null {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) return null;
  const nextStart = quarter === 4 ? serialFromYmd(year + 1, 1, 1) : serialFromYmd(year, 3 * quarter + 1, 1);
  return nextStart === null ? null : nextStart - 1;
}
