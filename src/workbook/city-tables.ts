// The status board and the composition table as rows of cells, for every writer (the CLI's text,
// CSV and Markdown, an .xlsx, the city desk in Excel): one layout, in Korean or English. Figures stay
// numbers (shares as fractions); each writer formats them.
import type { Standard } from '../standard/types';
import { boardColumns, boardRemarks, submissionCalendar, submissionStates } from '../standard/calendar';
import { compliantDisplay, compositionTableColumns } from '../standard/composition';
import type { Changes, CompositionRow, CompositionTable, StatusBoard, YearComparison } from '../city';
import { koreaDateTime, parseInstant } from '../city/calendar';
import { consolidatedColumns, englishLabel, missingText, type Lang } from './consolidated';

export type TableValue = string | number | null;

export interface CellTable {
  header: string[];
  /** The key of each column (`district`, `state` …, `civilianShare` …), for formats and widths. */
  keys: string[];
  rows: TableValue[][];
}

function quarterText(q: number, lang: Lang): string {
  return lang === 'ko' ? `${q}분기` : `Q${q}`;
}

/** The board's due districts in 가나다 order, then the districts not due that year. */
export function boardCells(board: StatusBoard, standard: Standard, lang: Lang = 'ko'): CellTable {
  const name = (n: string) => (lang === 'ko' ? n : englishLabel(standard, n));
  const when = (text: string) => {
    const ms = parseInstant(text);
    return ms === null ? text : koreaDateTime(ms, submissionCalendar);
  };
  const due = board.rows.map((r) => {
    const remarks = [
      ...r.reasons.map((x) => x[lang]),
      ...(r.current?.onBehalf && r.state !== 'missing' ? [boardRemarks.onBehalf[lang]] : []),
      ...(r.revisedAfterDeadline ? [boardRemarks.revisedAfterDeadline[lang]] : []),
      ...(r.overdue ? [boardRemarks.overdue[lang]] : []),
    ];
    const c = r.current;
    const values: Record<string, TableValue> = {
      district: name(r.district),
      year: board.year,
      boardQuarter: quarterText(board.quarter, lang),
      state: r.label[lang],
      quarter: c ? quarterText(c.quarter, lang) : '',
      submittedAt: c ? when(c.submittedAt) : '',
      createdBy: c ? (c.createdBy.upn ?? c.createdBy.displayName ?? '') : '',
      fileUrl: c?.fileUrl ?? '',
      remarks: remarks.join('; '),
    };
    return boardColumns.map((col) => values[col.key]);
  });
  const notDue = board.notDue.map((r) => {
    const values: Partial<Record<string, TableValue>> = {
      district: name(r.district),
      year: board.year,
      boardQuarter: quarterText(board.quarter, lang),
      state: submissionStates['not-due'][lang],
    };
    return boardColumns.map((col) => values[col.key] ?? '');
  });
  return {
    header: boardColumns.map((c) => c.label[lang]),
    keys: boardColumns.map((c) => c.key),
    rows: [...due, ...notDue],
  };
}

/** One row per due district (미제출 ones in their 가나다 place), then 총계 with `met/of` under 충족. */
export function compositionCells(table: CompositionTable, standard: Standard, lang: Lang = 'ko'): CellTable {
  const name = (n: string) => (lang === 'ko' ? n : englishLabel(standard, n));
  const compliant = (r: CompositionRow) =>
    compliantDisplay[r.compliant === null ? 'none' : r.compliant ? 'yes' : 'no'][lang];
  const line = (r: CompositionRow, isTotal = false): TableValue[] =>
    compositionTableColumns.map((c) => {
      if (c.key === 'district') return name(r.district);
      if (c.key === 'compliant')
        return isTotal ? `${table.compliantDistricts.met}/${table.compliantDistricts.of}` : compliant(r);
      return r[c.key];
    });
  const lines = [
    ...table.rows.map((r) => ({ name: r.district, cells: line(r) })),
    ...table.missing.map((m) => ({
      name: m.district,
      cells: compositionTableColumns.map((c) =>
        c.key === 'district'
          ? name(m.district)
          : c.key === 'year'
            ? m.year
            : c.key === 'members'
              ? missingText(lang)
              : '',
      ),
    })),
  ].sort((a, b) => a.name.localeCompare(b.name, 'ko'));
  return {
    header: compositionTableColumns.map((c) => c.label[lang]),
    keys: compositionTableColumns.map((c) => c.key),
    rows: [...lines.map((l) => l.cells), line(table.total, true)],
  };
}

/**
 * The year comparison: per district with figures in both years the change in every column of the
 * data book (rates in percentage points), then 총계 and 평균. `years` says which two.
 */
export function comparisonCells(cmp: YearComparison, standard: Standard, lang: Lang = 'ko'): CellTable {
  const name = (n: string) => (lang === 'ko' ? n : englishLabel(standard, n));
  const metrics = consolidatedColumns(standard, lang).filter(
    (c) => !['district', 'year', 'quarter'].includes(c.key),
  );
  const years = `${cmp.from}→${cmp.to}`;
  const line = (label: string, changes: Changes): TableValue[] => [
    name(label),
    years,
    ...metrics.map((m) => changes[m.key]?.change ?? null),
  ];
  return {
    header: [
      lang === 'ko' ? '자치구' : 'District',
      lang === 'ko' ? '비교' : 'Years',
      ...metrics.map((m) => m.header),
    ],
    keys: ['district', 'years', ...metrics.map((m) => m.key)],
    rows: [
      ...cmp.rows.map((r) => line(r.district, r.changes)),
      line(standard.summaryTable.totalLabel, cmp.total),
      line(standard.summaryTable.meanLabel, cmp.mean),
    ],
  };
}
