// The city desk's tables as people read them from `delib status|databook|composition`: aligned text
// and Markdown (each under its title, which names the year and quarter), CSV (the year and quarter
// are columns) — display-rounded as the standard prints (§2); JSON keeps unrounded figures.
import type { Standard, Text } from '../standard/types';
import { unitOf } from '../city/compare';
import type { CellTable, TableValue } from '../workbook/city-tables';
import { csvField, mdField } from '../workbook/text-table';
import { formatCount, formatHours, formatRate, textTable, type Lang } from './format';
import { UNDEFINED_DISPLAY } from '../workbook';

export type Shown = (key: string, value: TableValue) => string;

/** Text as given; numbers as they are (years). */
export const plainShown: Shown = (_key, v) => (v === null ? UNDEFINED_DISPLAY : String(v));

export function compositionShown(standard: Standard): Shown {
  return (key, v) => {
    if (typeof v !== 'number') return v === null ? UNDEFINED_DISPLAY : v;
    if (key === 'civilianShare' || key === 'femaleShare') return formatRate(v, standard);
    return key === 'year' ? String(v) : formatCount(v);
  };
}

/** Changes with their sign: `+3`, `-0.5`, `+14.0%p`; undefined `–`. */
export function changeShown(standard: Standard): Shown {
  return (key, v) => {
    if (typeof v !== 'number') return v === null ? UNDEFINED_DISPLAY : v;
    const unit = unitOf(key);
    const text =
      unit === 'percentPoint'
        ? v.toFixed(standard.rounding.ratePercentDigits)
        : unit === 'hours'
          ? formatHours(v, standard)
          : formatCount(v);
    // A change that rounds to nothing is shown without a sign (never `-0.0`).
    const zero = Number(text) === 0;
    const signed = zero ? text.replace(/^-/, '') : v > 0 ? `+${text}` : text;
    return unit === 'percentPoint' ? `${signed}%p` : signed;
  };
}

function shownRows(table: CellTable, shown: Shown): string[][] {
  return table.rows.map((r) => r.map((v, i) => shown(table.keys[i], v)));
}

function notesText(notes: Text[], lang: Lang): string {
  return notes.map((n) => `* ${n[lang]}\n`).join('');
}

export function cellsText(
  title: string[],
  table: CellTable,
  shown: Shown,
  notes: Text[],
  lang: Lang,
): string {
  const head = title.map((t) => `${t}\n`).join('');
  const notesPart = notes.length ? `\n${notesText(notes, lang)}` : '';
  return `${head}\n${textTable(table.header, shownRows(table, shown))}${notesPart}`;
}

/**
 * RFC 4180 CSV. A text field that a spreadsheet would read as a formula (`=`, `+`, `-`, `@` first, as
 * a name or a remark from SharePoint could be — `+82-2-120` too) is written with a leading
 * apostrophe; figures (numbers, even negative ones) and a lone `-` are written as they are.
 */
export function cellsCsv(table: CellTable, shown: Shown): string {
  const guard = (text: string, raw: TableValue) =>
    typeof raw === 'string' && text.length > 1 && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  const rows = table.rows.map((r) => r.map((v, i) => guard(shown(table.keys[i], v), v)));
  return [table.header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function cellsMarkdown(title: string[], table: CellTable, shown: Shown): string {
  const line = (r: string[]) => `| ${r.map(mdField).join(' | ')} |`;
  const rule = `|${table.header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  return (
    [
      `### ${mdField(title[0] ?? '')}`,
      ...title.slice(1).map(mdField),
      '',
      line(table.header),
      rule,
      ...shownRows(table, shown).map(line),
    ].join('\n') + '\n'
  );
}
