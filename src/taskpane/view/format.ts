// Display formatting only: the engine's numbers stay unrounded everywhere else (standard §2). The
// figures' display rules are the one formatter's (src/engine/metric-format.ts); this adds the pane's
// own: counts of things (findings, rows), values and times.
import { COUNT_DISPLAY, formatFigure } from '../../engine/metric-format';
import type { Lang } from './language';

const locales: Record<Lang, string> = { ko: 'ko-KR', en: 'en-US' };

/** A count of things (rows, findings), with the thousands grouped as the language does. */
export function formatCount(count: number, lang: Lang): string {
  return formatFigure(count, COUNT_DISPLAY, '', { lang, grouping: true });
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
