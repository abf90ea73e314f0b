// Display formatting only: the engine's numbers stay unrounded everywhere else (standard §2).
import { newestStandard } from '../../standard';
import type { Lang } from './language';

/** Shown for a rate with a zero denominator (standard §2: never 0% nor an error). */
export const UNDEFINED_MARK = '–';

const locales: Record<Lang, string> = { ko: 'ko-KR', en: 'en-US' };

function fixed(value: number, digits: number, lang: Lang): string {
  // Rounding first, then formatting, keeps -0.0 out of the output.
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor || 0;
  return rounded.toLocaleString(locales[lang], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A fraction (0.8174) as a percentage to the standard's precision (81.7%); null → '–'. */
export function formatRate(rate: number | null | undefined, lang: Lang): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return UNDEFINED_MARK;
  return `${fixed(rate * 100, newestStandard.rounding.ratePercentDigits, lang)}%`;
}

export function formatHours(hours: number | null | undefined, lang: Lang): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return UNDEFINED_MARK;
  return fixed(hours, newestStandard.rounding.hoursDigits, lang);
}

export function formatCount(count: number | null | undefined, lang: Lang): string {
  if (count === null || count === undefined || !Number.isFinite(count)) return UNDEFINED_MARK;
  return count.toLocaleString(locales[lang]);
}

/** A finding's value as plain text (never markup: the pane renders it as a text node). */
export function formatValue(value: string | number | null): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : value;
}

export function formatTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locales[lang], { dateStyle: 'medium', timeStyle: 'short' });
}
