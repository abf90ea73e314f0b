// CSV and Markdown tables back into a snapshot, so `delib summary --check` reads every table format
// `delib summary` writes (and hand-made CSVs).
import type { WorkbookSnapshot } from '../engine/snapshot';

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  return parseCsvLines(text).map((r) => r.cells);
}

/**
 * The records of a CSV, each with the line (1-based) it starts on: a quoted line break spans lines.
 * `skipBlank` leaves out empty lines; `maxRecords` stops after that many records are kept (a reader
 * that has a row limit need not hold a file of empty lines in memory).
 */
export function parseCsvLines(
  text: string,
  options: { skipBlank?: boolean; maxRecords?: number } = {},
): { line: number; cells: string[] }[] {
  const max = options.maxRecords ?? Infinity;
  const s = text.replace(/^\uFEFF/, '');
  const rows: { line: number; cells: string[] }[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        field += ch;
        if (ch === '\n' || (ch === '\r' && s[i + 1] !== '\n')) line++;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      if (!(options.skipBlank && row.length === 1 && row[0] === '')) rows.push({ line: start, cells: row });
      if (rows.length >= max) return rows;
      row = [];
      field = '';
      start = ++line;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push({ line: start, cells: row });
  }
  return rows;
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The rows of a Markdown pipe table; the |---| separator line is dropped, other lines kept as is. */
export function parseMarkdownTable(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t.startsWith('|')) {
      rows.push([]);
      continue;
    }
    const cells = t
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|'));
    if (cells.every((c) => /^:?-{3,}:?$/.test(c))) continue;
    rows.push(cells);
  }
  return rows;
}

export function mdField(value: string): string {
  return value.replace(/\|/g, '\\|');
}

export function textRowsToSnapshot(sheet: string, rows: string[][]): WorkbookSnapshot {
  return { sheets: [{ name: sheet, rows: rows.map((r) => r.map((v) => (v === '' ? null : { value: v }))) }] };
}
