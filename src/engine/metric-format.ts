// How figures are shown, for every surface (standard §2): each metric's display rule — digits,
// percent — applied here and only here; the figures themselves are never rounded. People's tables
// (the pane) group thousands in their language's way; files (CSV, text, Markdown) keep plain digits.
// Excel shows the unrounded numbers through the number format made from the same rule.
import type { MetricDisplay, Standard, Text } from '../standard/types';
import { metricOf } from './metric-values';

export type Lang = keyof Text;

export interface FigureStyle {
  /** The language whose digit grouping and decimal mark are used (with `grouping`). */
  lang?: Lang;
  /** Thousands separators (`1,204`): for people's tables; plain digits (`1204`) for files. */
  grouping?: boolean;
}

const locales: Record<Lang, string> = { ko: 'ko-KR', en: 'en-US' };

/** A whole count, as the display of counts shows it (no metric needed: a number of findings). */
export const COUNT_DISPLAY: MetricDisplay = { digits: 0, fractionDigits: 1 };

/** The digits a value is shown with: `fractionDigits` for a count that is not whole. */
function digitsFor(value: number, display: MetricDisplay): number {
  return display.fractionDigits !== undefined && !Number.isInteger(value)
    ? display.fractionDigits
    : display.digits;
}

/** The value in the unit it is shown in (percent for a percent display), rounded to its digits. */
function shownValue(value: number, display: MetricDisplay): number {
  const factor = 10 ** digitsFor(value, display);
  // `|| 0` keeps -0 out of what is shown.
  return Math.round(value * (display.percent ? 100 : 1) * factor) / factor || 0;
}

/**
 * The value as shown, as a number (a percent display's as the fraction: 0.8174 → 0.817): what a
 * suggested fix proposes.
 */
export function roundFigure(value: number, display: MetricDisplay): number {
  return shownValue(value, display) / (display.percent ? 100 : 1);
}

/** A figure as text by its display rule; `mark` for an undefined one (null, NaN, ±∞). */
export function formatFigure(
  value: number | null | undefined,
  display: MetricDisplay,
  mark: string,
  style: FigureStyle = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return mark;
  const digits = digitsFor(value, display);
  const shown = shownValue(value, display);
  const text = style.grouping
    ? shown.toLocaleString(locales[style.lang ?? 'ko'], {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      })
    : shown.toFixed(digits);
  return display.percent ? `${text}%` : text;
}

/** A metric's value as text by its standard's display rule; '–' (the standard's mark) if undefined. */
export function formatMetric(
  value: number | null | undefined,
  key: string,
  standard: Standard,
  style: FigureStyle = {},
): string {
  const display = metricOf(standard, key)?.display ?? COUNT_DISPLAY;
  return formatFigure(value, display, standard.figureMarks.undefined, style);
}

/**
 * The Excel number format showing a value by a display rule (`0.0%`, `#,##0.0`, `#,##0`); given a
 * value, the format for that value (a count that is not whole shows `fractionDigits`).
 */
export function excelNumberFormat(display: MetricDisplay, value?: number): string {
  const digits = value === undefined ? display.digits : digitsFor(value, display);
  const decimals = digits > 0 ? `.${'0'.repeat(digits)}` : '';
  return display.percent ? `0${decimals}%` : `#,##0${decimals}`;
}
