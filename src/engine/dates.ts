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

export function serialFromDate(date: Date): number {
  return (date.getTime() - EPOCH_MS) / MS_PER_DAY;
}

export function ymdFromSerial(serial: number): { year: number; month: number; day: number } {
  const d = new Date(EPOCH_MS + Math.floor(serial) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoFromSerial(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function quarterOfSerial(serial: number): 1 | 2 | 3 | 4 {
  return (Math.floor((ymdFromSerial(serial).month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}
