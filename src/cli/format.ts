// Display rules for people (standard §2): rates to 0.1 percentage point, hours to 0.1 hour, an
// undefined rate as '–'. Rounding happens here only, never in the figures themselves.
import type { Standard } from '../standard/types';
import { newestStandard } from '../standard';
import { UNDEFINED_DISPLAY } from '../workbook';

export type { Lang } from '../workbook/consolidated';

export function formatRate(rate: number | null | undefined, standard: Standard = newestStandard): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return UNDEFINED_DISPLAY;
  return `${(rate * 100).toFixed(standard.rounding.ratePercentDigits)}%`;
}

export function formatHours(hours: number | null | undefined, standard: Standard = newestStandard): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return UNDEFINED_DISPLAY;
  return hours.toFixed(standard.rounding.hoursDigits);
}

/** Counts are whole in a district's row; the 평균 row's are not, and show one decimal. */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return UNDEFINED_DISPLAY;
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** Pads to a display width where Hangul and other wide characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

export function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** A plain aligned text table; columns before `rightFrom` left-aligned (default: the first), the rest right-aligned. */
export function textTable(header: string[], rows: string[][], rightFrom = 1): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], i >= rightFrom))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}
