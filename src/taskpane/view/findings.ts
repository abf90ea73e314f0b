// Findings as the pane lists them: by severity, then by sheet row, with counts, filtered by what
// the user types. Pure, so the grouping can be tested without a browser.
import type { Finding } from '../../engine/report';
import type { Severity } from '../../standard/types';
import type { Lang } from './language';

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export interface RowGroup {
  /** Stable React key: sheet + row, or sheet alone for sheet-level findings. */
  key: string;
  sheet: string | null;
  row: number | null;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  rows: RowGroup[];
}

/** Case-, width- and spacing-insensitive matching, so `워킹 그룹`, `ＷＧ` and `wg` find what they mean. */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

function haystack(f: Finding, lang: Lang): string {
  const parts = [
    f.message[lang],
    f.code,
    f.sheet ?? '',
    f.cell ?? '',
    f.field ?? '',
    f.value === null ? '' : String(f.value),
  ];
  if (f.row !== null) parts.push(String(f.row));
  return normaliseForSearch(parts.join('\u0000'));
}

export function filterFindings(findings: readonly Finding[], query: string, lang: Lang): Finding[] {
  const q = normaliseForSearch(query);
  if (!q) return [...findings];
  return findings.filter((f) => haystack(f, lang).includes(q));
}

function compareRows(a: RowGroup, b: RowGroup): number {
  // Sheet-level findings (no row) first: they usually explain the row-level ones.
  if ((a.row === null) !== (b.row === null)) return a.row === null ? -1 : 1;
  const bySheet = (a.sheet ?? '').localeCompare(b.sheet ?? '');
  if (bySheet !== 0) return bySheet;
  return (a.row ?? 0) - (b.row ?? 0);
}

export function groupFindings(findings: readonly Finding[]): SeverityGroup[] {
  const bySeverity = new Map<Severity, Map<string, RowGroup>>();
  for (const s of SEVERITY_ORDER) bySeverity.set(s, new Map());
  for (const f of findings) {
    const rows = bySeverity.get(f.severity) as Map<string, RowGroup>;
    const key = `${f.sheet ?? ''}\u0000${f.row ?? ''}`;
    let group = rows.get(key);
    if (!group) {
      group = { key, sheet: f.sheet, row: f.row, findings: [] };
      rows.set(key, group);
    }
    group.findings.push(f);
  }
  return SEVERITY_ORDER.map((severity) => {
    const rows = [...(bySeverity.get(severity) as Map<string, RowGroup>).values()].sort(compareRows);
    return { severity, count: rows.reduce((n, r) => n + r.findings.length, 0), rows };
  });
}

/** Can the pane send selectFinding for it? Only findings that point at a sheet. */
export function isSelectable(f: Finding): boolean {
  return f.sheet !== null;
}

export function hasFix(f: Finding): boolean {
  return f.fix !== null && f.fix !== undefined && f.fix !== '';
}

/** The filter box's Enter must not act while an IME is still composing a Korean syllable. */
export function isImeComposing(event: {
  nativeEvent?: { isComposing?: boolean };
  keyCode?: number;
}): boolean {
  return event.nativeEvent?.isComposing === true || event.keyCode === 229;
}
