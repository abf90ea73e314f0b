// What a stamp shows people who do not have the add-in: short custom document properties (File ›
// Info › Properties › Advanced › Custom) and one line on 요약. Both are written with the stamp part
// and read back by every check (the pane's and `delib verify`): a line or a property that says
// something else than the stamp part is reported, so a reviewer reading them is not misled by a
// stamp part someone replaced.
import type { StampSummary } from './types';

/** Custom document property names (Korean, as district staff and city reviewers read them). */
export const STAMP_PROPERTIES = {
  status: '검증상태',
  at: '검증일시',
  hash: '검증해시',
  standard: '표준버전',
  engine: '검증엔진',
} as const;

export const STAMP_STATUS_TEXT = '검증 완료 (validated)';
/** Characters of the hash shown in the properties and on 요약: enough to compare by eye. */
export const SHORT_HASH = 16;

/** Marks the 요약 line so a later stamp replaces it instead of adding another. */
export const STAMP_LINE_PREFIX = '검증 완료 / Validated:';

export function shortHash(hash: string): string {
  return hash.slice(0, SHORT_HASH);
}

/** The custom document properties of a stamp, by name. */
export function stampProperties(stamp: StampSummary): Record<string, string> {
  return {
    [STAMP_PROPERTIES.status]: STAMP_STATUS_TEXT,
    [STAMP_PROPERTIES.at]: stamp.at,
    [STAMP_PROPERTIES.hash]: shortHash(stamp.hash),
    [STAMP_PROPERTIES.standard]: stamp.standard,
    [STAMP_PROPERTIES.engine]: stamp.engine,
  };
}

/** `검증 완료 / Validated: <time> · 표준 … · 엔진 … · SHA-256 <16 hex> · 행 N · 경고 N · <by>`. */
export function stampLine(stamp: StampSummary): string {
  return [
    `${STAMP_LINE_PREFIX} ${stamp.at}`,
    `표준 ${stamp.standard}`,
    `엔진 ${stamp.engine}`,
    `SHA-256 ${shortHash(stamp.hash)}`,
    `행 ${stamp.rows}`,
    `경고 ${stamp.warnings}`,
    stamp.by,
  ].join(' · ');
}

/** What the workbook shows of its stamp besides the part, as read. */
export interface ShownStamp {
  /** The custom document properties (all of them, by name); null when the reader could not tell. */
  properties: Readonly<Record<string, unknown>> | null;
  /** The 요약 stamp line(s) found; null when the workbook has no 요약 sheet (then none is written). */
  summaryLines: readonly string[] | null;
}

export interface ShownDifferences {
  /** Stamp properties missing or holding another value than the stamp part's. */
  properties: string[];
  /** The 요약 line is missing, repeated or says something else than the stamp part. */
  summaryLine: 'missing' | 'different' | null;
}

export function shownDifferences(stamp: StampSummary, shown: ShownStamp): ShownDifferences {
  const properties: string[] = [];
  if (shown.properties) {
    const byName = new Map(Object.entries(shown.properties).map(([k, v]) => [k.toLowerCase(), v]));
    for (const [name, value] of Object.entries(stampProperties(stamp))) {
      const found = byName.get(name.toLowerCase());
      if (found === undefined || String(found) !== value) properties.push(name);
    }
  }
  let summaryLine: ShownDifferences['summaryLine'] = null;
  if (shown.summaryLines) {
    if (shown.summaryLines.length === 0) summaryLine = 'missing';
    else if (shown.summaryLines.some((l) => l.trim() !== stampLine(stamp))) summaryLine = 'different';
  }
  return { properties, summaryLine };
}

/** The stamp lines on a 요약 sheet's cells (text cells starting with the prefix). */
export function stampLinesIn(
  rows: readonly (readonly ({ value: unknown; formula?: string } | null | undefined)[] | undefined)[],
): string[] {
  const out: string[] = [];
  for (const cells of rows)
    for (const cell of cells ?? [])
      if (cell && !cell.formula && typeof cell.value === 'string' && cell.value.startsWith(STAMP_LINE_PREFIX))
        out.push(cell.value);
  return out;
}
