// `delib summary --check`: a consolidated table made by hand (standard §2 layout, on any sheet)
// checked for figures that contradict each other. Display rounding is allowed for: rates are
// shown to 0.1 percentage point and hours to 0.1 hour (standard.rounding), counts are exact except
// on the 평균 row.
import type { Standard } from '../standard/types';
import { newestStandard } from '../standard';
import type { Finding } from './report';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { cellAddress } from './snapshot';
import { makeFinding } from './findings';
import { cellText } from './locate';
import { parseNumber } from './parse';
import { fold, headerKey } from './text';

export interface SummaryCheck {
  /** Sheets where a consolidated table was found. */
  tables: { sheet: string; headerRow: number; rows: number }[];
  findings: Finding[];
}

const EPS = 1e-9;
const UNDEFINED = /^[-–—]$/;
const GROUPS = ['total', 'official', 'civilian'] as const;

interface Place {
  sheet: string;
  row: number;
  columns: Map<string, number>;
  cells: (Cell | null | undefined)[];
}

interface TableRow extends Place {
  label: string;
  kind: 'district' | 'total' | 'mean';
  values: Map<string, number | null>;
}

function locateHeader(
  sheet: SheetSnapshot,
  standard: Standard,
): { row: number; columns: Map<string, number> } | null {
  const index = new Map<string, string>();
  for (const c of standard.summaryTable.columns) {
    for (const text of [c.header, ...c.aliases]) index.set(headerKey(text), c.metric);
  }
  const need = Math.ceil(standard.summaryTable.columns.length * standard.headerSearch.minShare);
  const limit = Math.min(sheet.rows.length, standard.headerSearch.maxRows);
  for (let r = 0; r < limit; r++) {
    const columns = new Map<string, number>();
    (sheet.rows[r] ?? []).forEach((cell, c) => {
      const metric = index.get(headerKey(cellText(cell)));
      if (metric && !columns.has(metric)) columns.set(metric, c);
    });
    if (columns.has('district') && columns.size >= need) return { row: r + 1, columns };
  }
  return null;
}

/** A number as shown; '-', '–' or blank is "no value" (undefined rate). `percent` says the unit. */
function readCell(cell: Cell | null | undefined): { value: number | null; percent: boolean | null } {
  if (!cell || cell.error) return { value: null, percent: null };
  if (typeof cell.value === 'number') {
    return { value: cell.value, percent: cell.numberFormat?.includes('%') ? false : null };
  }
  const s = fold(cellText(cell)).trim();
  if (s === '' || UNDEFINED.test(s)) return { value: null, percent: null };
  if (s.endsWith('%')) {
    const n = parseNumber(s.slice(0, -1));
    return { value: Number.isNaN(n) ? null : n, percent: true };
  }
  const n = parseNumber(s, /(명|회|시간)$/);
  return { value: Number.isNaN(n) ? null : n, percent: null };
}

function readRows(
  sheet: SheetSnapshot,
  header: { row: number; columns: Map<string, number> },
  standard: Standard,
) {
  const total = headerKey(standard.summaryTable.totalLabel);
  const meanLabel = headerKey(standard.summaryTable.meanLabel);
  const rows: TableRow[] = [];
  const raw: { row: TableRow; cells: Map<string, ReturnType<typeof readCell>> }[] = [];
  for (let r = header.row; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const label = cellText(cells[header.columns.get('district')!]).trim();
    if (!label) continue;
    const key = headerKey(label);
    const row: TableRow = {
      sheet: sheet.name,
      row: r + 1,
      columns: header.columns,
      cells,
      label,
      kind: key === total ? 'total' : key === meanLabel ? 'mean' : 'district',
      values: new Map(),
    };
    const read = new Map<string, ReturnType<typeof readCell>>();
    for (const [metric, c] of header.columns) if (metric !== 'district') read.set(metric, readCell(cells[c]));
    raw.push({ row, cells: read });
    rows.push(row);
  }
  // Per rate column: bare numbers are percents when any of them is above 1.5 (nobody reports 150%
  // as 1.5 next to 82% as 0.82), fractions otherwise; '%' text and %-formatted cells say it themselves.
  for (const metric of header.columns.keys()) {
    if (!metric.startsWith('attendanceRate.')) continue;
    const bare = raw.map((x) => x.cells.get(metric)!).filter((c) => c.percent === null && c.value !== null);
    const percent = bare.some((c) => c.value! > 1.5);
    for (const x of raw) {
      const c = x.cells.get(metric)!;
      if (c.value !== null && (c.percent === true || (c.percent === null && percent))) c.value /= 100;
    }
  }
  for (const x of raw) for (const [metric, c] of x.cells) x.row.values.set(metric, c.value);
  return rows;
}

export function checkSummarySheet(sheet: SheetSnapshot, standard: Standard = newestStandard) {
  const header = locateHeader(sheet, standard);
  if (!header) return null;
  const rows = readRows(sheet, header, standard);
  const label = (metric: string, lang: 'ko' | 'en') =>
    lang === 'ko'
      ? (standard.summaryTable.columns.find((c) => c.metric === metric)?.header ?? metric)
      : (standard.metrics.find((m) => m.key === metric)?.label.en ?? metric);
  const findings: Finding[] = [];
  const report = (row: TableRow, metric: string, ko: string, en: string, fix: number | null = null) => {
    const column = row.columns.get(metric);
    findings.push(
      makeFinding(
        standard,
        'summary-inconsistent',
        {
          sheet: row.sheet,
          cell: column === undefined ? null : cellAddress(column, row.row),
          row: row.row,
          field: metric,
        },
        row.label,
        { district: row.label, detail: { ko, en } },
        fix,
      ),
    );
  };
  const pct = (x: number) => `${(x * 100).toFixed(standard.rounding.ratePercentDigits)}%`;
  const num = (x: number) => String(Math.round(x * 1000) / 1000);
  const hoursHalf = 0.5 * 10 ** -standard.rounding.hoursDigits;
  const rateHalf = 0.5 * 10 ** -(standard.rounding.ratePercentDigits + 2);
  const districts = rows.filter((r) => r.kind === 'district');
  const get = (r: TableRow, m: string) => r.values.get(m) ?? null;

  for (const row of rows) {
    const countHalf = row.kind === 'mean' ? 0.05 : 0;
    for (const kind of ['attendees'] as const) {
      const [t, o, c] = GROUPS.map((g) => get(row, `${kind}.${g}`));
      if (t !== null && o !== null && c !== null && Math.abs(t - (o + c)) > 3 * countHalf + EPS) {
        report(
          row,
          `${kind}.total`,
          `${label(`${kind}.total`, 'ko')} ${num(t)} ≠ 행정 ${num(o)} + 민간 ${num(c)}`,
          `${label(`${kind}.total`, 'en')} ${num(t)} ≠ officials ${num(o)} + citizens ${num(c)}`,
          row.kind === 'mean' ? null : o + c,
        );
      }
    }
    if (row.kind !== 'mean') {
      const [t, o, c] = GROUPS.map((g) => get(row, `attendanceRate.${g}`));
      const defined = [o, c].filter((x): x is number => x !== null);
      if (t !== null && defined.length) {
        // With one group undefined (nobody expected) its attendees still count in the pooled rate,
        // which can then only lie above the other group's rate: no upper bound is established.
        const lo = Math.min(...defined) - 2 * rateHalf - EPS;
        const hi = defined.length === 2 ? Math.max(...defined) + 2 * rateHalf + EPS : Infinity;
        if (t < lo || t > hi) {
          const shown = [o, c].map((x) => (x === null ? '–' : pct(x)));
          report(
            row,
            'attendanceRate.total',
            `${label('attendanceRate.total', 'ko')} ${pct(t)}이(가) 행정 ${shown[0]}와(과) 민간 ${shown[1]} 사이에 있지 않습니다`,
            `${label('attendanceRate.total', 'en')} ${pct(t)} is not between officials ${shown[0]} and citizens ${shown[1]}`,
          );
        }
      } else if (
        t !== null &&
        row.columns.has('attendanceRate.official') &&
        row.columns.has('attendanceRate.civilian')
      ) {
        report(
          row,
          'attendanceRate.total',
          `${label('attendanceRate.total', 'ko')} ${pct(t)}인데 행정·민간 참석율이 모두 비어 있습니다`,
          `${label('attendanceRate.total', 'en')} is ${pct(t)} but both group rates are undefined`,
        );
      } else if (
        t === null &&
        row.kind === 'district' &&
        defined.length &&
        row.columns.has('attendanceRate.total')
      ) {
        report(
          row,
          'attendanceRate.total',
          `${label('attendanceRate.total', 'ko')}이(가) 비어 있는데 행정·민간 참석율이 있습니다`,
          `${label('attendanceRate.total', 'en')} is blank while a group rate is given`,
        );
      }
    }
    checkPerMeeting(row);
  }

  function checkPerMeeting(row: TableRow) {
    const hpm = get(row, 'hoursPerMeeting');
    let hours = get(row, 'hoursTotal');
    let meetings = get(row, 'meetings');
    let tolerance = hoursHalf;
    if (row.kind === 'mean') {
      // 평균's 1회평균 is 총계 hours ÷ 총계 meetings: taken from the district rows above.
      hours = districts.every((d) => get(d, 'hoursTotal') !== null) ? sumOf(districts, 'hoursTotal') : null;
      meetings = districts.every((d) => get(d, 'meetings') !== null) ? sumOf(districts, 'meetings') : null;
      tolerance += (districts.length * hoursHalf) / Math.max(1, meetings ?? 1);
    } else if (meetings) {
      tolerance += hoursHalf / meetings;
    }
    if (hours === null || meetings === null || !row.columns.has('hoursPerMeeting')) return;
    if (meetings === 0) {
      if (hpm !== null && hpm !== 0)
        report(
          row,
          'hoursPerMeeting',
          `회의가 0회인데 ${label('hoursPerMeeting', 'ko')}이(가) ${num(hpm)}입니다`,
          `no meetings, yet ${label('hoursPerMeeting', 'en')} is ${num(hpm)}`,
        );
      return;
    }
    const expected = hours / meetings;
    if (hpm === null || Math.abs(hpm - expected) > tolerance + EPS) {
      report(
        row,
        'hoursPerMeeting',
        `${label('hoursPerMeeting', 'ko')} ${hpm === null ? '–' : num(hpm)} ≠ ${num(hours)} ÷ ${num(meetings)} = ${expected.toFixed(2)}`,
        `${label('hoursPerMeeting', 'en')} ${hpm === null ? '–' : num(hpm)} ≠ ${num(hours)} ÷ ${num(meetings)} = ${expected.toFixed(2)}`,
        Math.round(expected * 10 ** standard.rounding.hoursDigits) / 10 ** standard.rounding.hoursDigits,
      );
    }
  }

  function sumOf(list: TableRow[], metric: string) {
    return list.reduce((s, r) => s + (get(r, metric) ?? 0), 0);
  }

  const sumMetrics = ['meetings', 'hoursTotal', ...GROUPS.map((g) => `attendees.${g}`)];
  for (const row of rows.filter((r) => r.kind !== 'district')) {
    const above = districts.filter((d) => d.row < row.row);
    if (!above.length) continue;
    const isMean = row.kind === 'mean';
    const metrics = isMean ? [...sumMetrics, ...GROUPS.map((g) => `attendanceRate.${g}`)] : sumMetrics;
    for (const metric of metrics) {
      const shown = get(row, metric);
      if (shown === null || !row.columns.has(metric)) continue;
      const values = above.map((d) => get(d, metric));
      const isRate = metric.startsWith('attendanceRate.');
      const defined = values.filter((v): v is number => v !== null);
      if (!isRate && defined.length !== values.length) continue;
      if (!defined.length) continue;
      const total = defined.reduce((s, v) => s + v, 0);
      const expected = isMean ? total / defined.length : total;
      const half = isRate ? rateHalf : metric === 'hoursTotal' ? hoursHalf : isMean ? 0.05 : 0;
      // Each row above was rounded too: their error adds up in a sum, and stays one half in a mean.
      const tolerance =
        half + (isRate || metric === 'hoursTotal' ? (isMean ? half : defined.length * half) : 0);
      if (Math.abs(shown - expected) > tolerance + EPS) {
        const show = (x: number) => (isRate ? pct(x) : num(x));
        report(
          row,
          metric,
          `${row.label}의 ${label(metric, 'ko')} ${show(shown)} ≠ 위 행들의 ${isMean ? '평균' : '합계'} ${show(expected)}`,
          `${label(metric, 'en')} ${show(shown)} on the ${row.label} row ≠ the ${isMean ? 'mean' : 'sum'} of the rows above, ${show(expected)}`,
          isRate ? null : Math.round(expected * 10) / 10,
        );
      }
    }
  }
  return { table: { sheet: sheet.name, headerRow: header.row, rows: rows.length }, findings };
}

export function checkSummaryTable(
  snapshot: WorkbookSnapshot,
  standard: Standard = newestStandard,
): SummaryCheck {
  const result: SummaryCheck = { tables: [], findings: [] };
  for (const sheet of snapshot.sheets) {
    const checked = checkSummarySheet(sheet, standard);
    if (!checked) continue;
    result.tables.push(checked.table);
    result.findings.push(...checked.findings);
  }
  return result;
}
