// The city's consolidation workbook (시 집계) as data: four sheets of cells, number formats, links,
// conditional formats and one chart, laid out from src/city's board, data book, composition table and
// year comparison. src/excel writes it into the open workbook; nothing here knows Office.js.
//
// - 제출현황: the due districts (then those not due) with state, time, creator and a link to the file,
//   each row coloured by its state with conditional formatting;
// - 자치구별 현황: the data book; 총계 and 평균 are native Excel formulas over the district rows, so a
//   reader can audit them without the add-in (미제출 rows are blank and left out, as src/city does),
//   and a native chart of the three 참석율 by district;
// - 협치회의 구성: the composition table, shares below the standard's thresholds highlighted; its
//   총계 counts and pooled shares are formulas too;
// - 연도 비교: every column of the data book for two years and the change, as formulas.
//
// Every text cell is formatted as text (`@`): a creator's name or a note from SharePoint that starts
// with `=` stays text and never becomes a formula.
import type { Standard, Text } from '../standard/types';
import { submissionStates, type SubmissionState } from '../standard/calendar';
import type { CompositionTable, StatusBoard, YearComparison } from '../city';
import { unitOf } from '../city/compare';
import { metricOf } from '../engine/metric-values';
import { COUNT_DISPLAY, excelNumberFormat } from '../engine/metric-format';
import { koreaDateTime } from '../city/calendar';
import { submissionCalendar } from '../standard/calendar';
import { columnLetter } from '../engine/snapshot';
import type { SummaryTable } from '../engine/summary';
import { boardCells, compositionCells, type TableValue } from './city-tables';
import { formulaText } from './summary-sheet';
import { consolidatedColumns, consolidatedLines, englishLabel, lineCells, type Lang } from './consolidated';

/** What a cell holds: text, a number, a formula (`=…`), or '' for nothing. */
export type DeskValue = string | number;

export interface DeskRule {
  /** The cells it applies to (`A6:K30`); its formula is written for the top-left cell. */
  range: string;
  formula: string;
  fill: string;
}

export interface DeskChart {
  name: string;
  title: string;
  /** The series, one per column, headers in the first row (`D4:F28`). */
  data: string;
  /** The category names (the district column, `A5:A28`). */
  categories: string;
  /** Top-left and bottom-right cells the chart is placed over when it is made. */
  anchor: [string, string];
}

export interface DeskSheet {
  name: string;
  /** Every cell of the block from A1, row by row (all rows as wide as the widest). */
  cells: DeskValue[][];
  formats: string[][];
  /** Rows set in bold (1-based). */
  boldRows: number[];
  links: { cell: string; address: string; text: string }[];
  /** Column widths in characters. */
  widths: number[];
  freezeRows: number;
  rules: DeskRule[];
  /**
   * What each formula gives, as src/city computed it (by A1 address): the .xlsx writer stores it as
   * the formula's cached result, so a reader that does not calculate sees the figures too. Excel and
   * the add-in recalculate.
   */
  results: Record<string, string | number>;
  chart: DeskChart | null;
}

/** The four sheets, by role; their names are fixed so a refresh finds them again. */
export const DESK_SHEETS = {
  board: '제출현황',
  dataBook: '자치구별 현황',
  composition: '협치회의 구성',
  comparison: '연도 비교',
} as const;

export const RATE_CHART_NAME = 'delib참석율';

/** Fills of the board's states (light, so dark text stays readable). */
export const STATE_FILLS: Record<SubmissionState | 'not-due', string> = {
  'on-time': '#E2EFDA',
  late: '#FFF2CC',
  missing: '#F8CBAD',
  'needs-review': '#E4DFEC',
  'not-due': '#EDEDED',
};
export const BELOW_THRESHOLD_FILL = '#F8CBAD';

const TEXT = '@';
const GENERAL = 'General';
const at = (column: number, row: number) => `${columnLetter(column)}${row}`;
const area = (c1: number, r1: number, c2: number, r2: number) => `${at(c1, r1)}:${at(c2, r2)}`;
const tr = (ko: string, en: string, lang: Lang) => (lang === 'ko' ? ko : en);

/** A value to lay out: table values, or a formula to write as one (with the figure it gives). */
type Cell = TableValue | { formula: string; result: TableValue };
const formula = (f: string, result: TableValue): Cell => ({ formula: f, result });

/** A sheet being laid out: rows of cells with their formats, grown as lines are added. */
class Sheet {
  /** `mark`: how an undefined figure reads (the standard's `–`). */
  constructor(private readonly mark: string) {}

  cells: DeskValue[][] = [];
  formats: string[][] = [];
  boldRows: number[] = [];
  links: DeskSheet['links'] = [];
  rules: DeskRule[] = [];
  results: DeskSheet['results'] = {};

  /** The next row's number (1-based). */
  get next(): number {
    return this.cells.length + 1;
  }

  /**
   * Adds a row: a number keeps `formats`' entry, a formula (`{ formula }`) too, text is text (even
   * text that starts with `=`), null shows '–'.
   */
  add(values: (Cell | undefined)[], formats: (string | undefined)[] = [], bold = false): number {
    const row = this.next;
    values.forEach((v, i) => {
      if (v !== null && typeof v === 'object')
        this.results[at(i, row)] = v.result === null ? this.mark : v.result;
    });
    this.cells.push(
      values.map((v) =>
        v === null ? this.mark : v === undefined ? '' : typeof v === 'object' ? v.formula : v,
      ),
    );
    this.formats.push(
      values.map((v, i) => {
        if (typeof v === 'number' || (typeof v === 'object' && v !== null)) return formats[i] ?? GENERAL;
        return v === '' || v === undefined ? GENERAL : TEXT;
      }),
    );
    if (bold) this.boldRows.push(row);
    return row;
  }

  done(name: string, widths: number[], freezeRows: number, chart: DeskChart | null = null): DeskSheet {
    const width = Math.max(widths.length, ...this.cells.map((r) => r.length));
    const pad = <T>(rows: T[][], fill: T) =>
      rows.map((r) => [...r, ...Array<T>(Math.max(0, width - r.length)).fill(fill)]);
    return {
      name,
      cells: pad(this.cells, ''),
      formats: pad(this.formats, GENERAL),
      boldRows: this.boldRows,
      links: this.links,
      widths: [...widths, ...Array<number>(Math.max(0, width - widths.length)).fill(12)],
      freezeRows,
      rules: this.rules,
      results: this.results,
      chart,
    };
  }
}

/** A metric's Excel number format by its display rule; a 평균 row's counts show their fraction digits. */
function metricFormat(standard: Standard, metric: string, fractional = false): string {
  const display = metricOf(standard, metric)?.display ?? COUNT_DISPLAY;
  return excelNumberFormat(
    fractional ? { ...display, digits: display.fractionDigits ?? display.digits } : display,
  );
}

function changeFormat(standard: Standard, metric: string): string {
  const unit = unitOf(metric, standard);
  if (unit === 'percentPoint') return '+0.0" %p";-0.0" %p";0.0" %p"';
  return unit === 'hours' ? '+0.0;-0.0;0.0' : '+#,##0.#;-#,##0.#;0';
}

/** What every sheet needs besides its table. */
export interface DeskCommon {
  /** When SharePoint was read. */
  readAt: Date;
  standard: Standard;
  lang: Lang;
}

export interface DeskInput extends DeskCommon {
  board: StatusBoard;
  dataBook: SummaryTable;
  composition: CompositionTable;
  /** Null when the earlier year has nothing to compare (then the sheet says so). */
  comparison: YearComparison | null;
  /** The year compared with, for the title when there is no comparison. */
  compareYear: number;
  /** What the reader noted (register warnings, items it could not read), shown under the board. */
  notes: Text[];
}

export function deskSheets(input: DeskInput): DeskSheet[] {
  return [
    boardSheet(input, input.board, input.notes),
    dataBookSheet(input, input.dataBook),
    compositionSheet(input, input.composition),
    comparisonSheet(input, input.dataBook, input.comparison, input.compareYear),
  ];
}

function readLine(input: DeskCommon): string {
  const when = koreaDateTime(input.readAt.getTime(), submissionCalendar);
  return tr(
    `SharePoint에서 읽은 시각: ${when} (한국 시간) · 이 시트는 시 집계가 새로 고칩니다`,
    `Read from SharePoint at ${when} (Korea time) · this sheet is refreshed by the city desk`,
    input.lang,
  );
}

function notesBelow(sheet: Sheet, notes: Text[], lang: Lang): void {
  if (!notes.length) return;
  sheet.add([]);
  for (const n of notes) sheet.add([`* ${n[lang]}`]);
}

/** The board's title and its counts line (every printed form starts with them). */
export function boardTitle(board: StatusBoard, lang: Lang): [string, string] {
  const q = board.quarter;
  const due = board.deadline.date;
  const counts = (Object.keys(board.counts) as SubmissionState[])
    .map((s) => `${submissionStates[s][lang]} ${board.counts[s]}`)
    .join(' · ');
  return [
    tr(
      `${board.year}년 ${q}분기 제출 현황 — 기한 ${due} (한국 시간)${board.deadlinePassed ? ', 지남' : ''}`,
      `Submissions for ${board.year} Q${q} — due ${due} (Korea time)${board.deadlinePassed ? ', passed' : ''}`,
      lang,
    ),
    tr(
      `${counts} (제출 대상 ${board.rows.length}개 구)`,
      `${counts} (${board.rows.length} districts due)`,
      lang,
    ),
  ];
}

export function boardSheet(input: DeskCommon, board: StatusBoard, notes: Text[] = []): DeskSheet {
  const { standard, lang } = input;
  const sheet = new Sheet(standard.figureMarks.undefined);
  const [title, counts] = boardTitle(board, lang);
  sheet.add([title], [], true);
  sheet.add([counts]);
  sheet.add([readLine(input)]);
  sheet.add([]);
  const table = boardCells(board, standard, lang);
  const header = sheet.add(table.header, [], true);
  const link = table.keys.indexOf('fileUrl');
  const state = table.keys.indexOf('state');
  table.rows.forEach((cells) => {
    const url = cells[link];
    const shown = [...cells];
    if (typeof url === 'string' && url) shown[link] = tr('열기', 'Open', lang);
    const row = sheet.add(shown);
    if (typeof url === 'string' && url)
      sheet.links.push({ cell: at(link, row), address: url, text: String(shown[link]) });
  });
  const first = header + 1;
  const last = header + table.rows.length;
  if (table.rows.length) {
    const stateCell = `$${columnLetter(state)}${first}`;
    for (const [key, fill] of Object.entries(STATE_FILLS) as [SubmissionState | 'not-due', string][]) {
      sheet.rules.push({
        range: area(0, first, table.header.length - 1, last),
        formula: `=${stateCell}=${formulaText(submissionStates[key][lang])}`,
        fill,
      });
    }
  }
  notesBelow(sheet, [...board.notes, ...notes], lang);
  const widths = table.keys.map((k) =>
    k === 'remarks' ? 48 : k === 'createdBy' ? 26 : k === 'submittedAt' ? 17 : k === 'district' ? 12 : 10,
  );
  return sheet.done(DESK_SHEETS.board, widths, header);
}

export function comparisonTitle(from: number, to: number | null, q: number | null, lang: Lang): string {
  return q === null
    ? tr(`${from}년 → ${to}년 자치구별 현황 비교 (연간)`, `${from} → ${to} by district (the year)`, lang)
    : tr(`${from}년 → ${to}년 ${q}분기 자치구별 현황 비교`, `${from} → ${to}, Q${q}, by district`, lang);
}

export function dataBookTitle(table: SummaryTable, lang: Lang): string {
  const q = table.quarter;
  return q === null
    ? tr(
        `${table.year}년 자치구별 현황 (연간, 제출 누계)`,
        `${table.year} by district (the year, cumulative submissions)`,
        lang,
      )
    : tr(
        `${table.year}년 ${q}분기 자치구별 현황 (${q}분기에 열린 회의)`,
        `${table.year} Q${q} by district (meetings held in Q${q})`,
        lang,
      );
}

export function dataBookSheet(input: DeskCommon, table: SummaryTable): DeskSheet {
  const { standard, lang } = input;
  const sheet = new Sheet(standard.figureMarks.undefined);
  const mark = standard.figureMarks.undefined;
  sheet.add([dataBookTitle(table, lang)], [], true);
  sheet.add([
    tr(
      '총계·평균은 Excel 수식입니다. 미제출 자치구는 총계·평균에 넣지 않습니다.',
      'Total and mean are Excel formulas. Districts that have not submitted are left out of both.',
      lang,
    ),
  ]);
  sheet.add([readLine(input)]);
  const columns = consolidatedColumns(standard, lang);
  const header = sheet.add(
    columns.map((c) => c.header),
    [],
    true,
  );
  const lines = consolidatedLines(table);
  const districtLines = lines.filter((l) => l.kind === 'district' || l.kind === 'missing');
  const first = header + 1;
  const last = header + districtLines.length;
  const totalRow = last + 1;
  const col = (key: string) => columns.findIndex((c) => c.key === key);
  const range = (key: string) => area(col(key), first, col(key), last);
  const hasRows = districtLines.length > 0;
  for (const line of lines) {
    const values: Cell[] = lineCells(table, line, columns, standard, lang);
    const formats = columns.map((c, i) =>
      typeof values[i] === 'number' ? metricFormat(standard, c.key, line.kind === 'mean') : undefined,
    );
    if ((line.kind === 'total' || line.kind === 'mean') && hasRows) {
      columns.forEach((c, i) => {
        if (['district', 'year', 'quarter'].includes(c.key)) return;
        const r = range(c.key);
        const here = line.kind === 'total' ? totalRow : totalRow + 1;
        const definition = metricOf(standard, c.key)?.definition;
        // null: nothing on this row (the standard's `-`); undefined: the figure src/city computed.
        let f: string | null | undefined;
        if (definition?.kind === 'ratio' && definition.across === 'pooled') {
          // The same ratio of the row's own figures (총계 hours ÷ 총계 meetings), as src/city computes.
          const [num, den] = [col(definition.numerator), col(definition.denominator)];
          f =
            num < 0 || den < 0
              ? undefined
              : `=IF(${at(den, here)}=0,${formulaText(mark)},${at(num, here)}/${at(den, here)})`;
        } else if (definition?.kind === 'ratio')
          // Averaged across districts: nothing on 총계, the mean of the defined ratios on 평균.
          f = line.kind === 'total' ? null : `=IF(COUNT(${r})=0,${formulaText(mark)},AVERAGE(${r}))`;
        else f = line.kind === 'total' ? `=SUM(${r})` : `=IF(COUNT(${r})=0,0,AVERAGE(${r}))`;
        if (f === null) values[i] = standard.figureMarks.notApplicable;
        else if (f !== undefined) {
          values[i] = formula(f, values[i] as TableValue);
          formats[i] = metricFormat(standard, c.key, line.kind === 'mean');
        }
      });
    }
    sheet.add(values, formats, line.kind === 'total' || line.kind === 'mean');
  }
  notesBelow(sheet, table.notes, lang);
  const rates = columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => unitOf(c.key, standard) === 'percentPoint');
  const contiguous = rates.every(({ i }, k) => k === 0 || i === rates[k - 1].i + 1);
  if (rates.length === 0 || !contiguous)
    throw new Error('the data book chart needs the 참석율 columns side by side');
  const chartColumn = columns.length + 1;
  const chart: DeskChart | null = hasRows
    ? {
        name: RATE_CHART_NAME,
        title: tr(`${table.year}년 자치구별 참석율`, `Attendance rates by district, ${table.year}`, lang),
        data: area(rates[0].i, header, rates[rates.length - 1].i, last),
        categories: area(0, first, 0, last),
        anchor: [at(chartColumn, header), at(chartColumn + 9, header + 22)],
      }
    : null;
  const widths = columns.map((c) => (c.key === 'district' ? 12 : c.key === 'quarter' ? 10 : 13));
  return sheet.done(DESK_SHEETS.dataBook, widths, header, chart);
}

/** The composition table's title (with the rules) and how many districts meet them. */
export function compositionTitle(table: CompositionTable, lang: Lang): [string, string] {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const { civilian, gender } = table.thresholds;
  const { met, of } = table.compliantDistricts;
  return [
    tr(
      `${table.year}년 협치회의 구성 (기준: 민간 ≥ ${pct(civilian)}, 성별 각 ≥ ${pct(gender)})`,
      `Council composition, ${table.year} (rules: civilian ≥ ${pct(civilian)}, each gender ≥ ${pct(gender)})`,
      lang,
    ),
    tr(
      `두 기준을 모두 충족한 자치구 ${met} / ${of}개. 기준에 못 미치는 비율은 색으로 표시합니다.`,
      `${met} of ${of} districts meet both rules. Shares below a rule are coloured.`,
      lang,
    ),
  ];
}

export function compositionSheet(input: DeskCommon, table: CompositionTable): DeskSheet {
  const { standard, lang } = input;
  const sheet = new Sheet(standard.figureMarks.undefined);
  const mark = standard.figureMarks.undefined;
  const [title, met] = compositionTitle(table, lang);
  sheet.add([title], [], true);
  sheet.add([met]);
  sheet.add([readLine(input)]);
  const cells = compositionCells(table, standard, lang);
  const header = sheet.add(cells.header, [], true);
  const first = header + 1;
  const lines = cells.rows.slice(0, -1);
  const last = header + lines.length;
  const col = (key: string) => cells.keys.indexOf(key);
  const share = (key: string) => key === 'civilianShare' || key === 'femaleShare';
  const formatOf = (key: string) => (share(key) ? '0.0%' : '#,##0');
  for (const line of lines)
    sheet.add(
      line,
      cells.keys.map((k) => formatOf(k)),
    );
  const total: Cell[] = [...cells.rows[cells.rows.length - 1]];
  const totalRow = last + 1;
  const formats = cells.keys.map((k) => formatOf(k));
  if (lines.length) {
    const members = at(col('members'), totalRow);
    const was = (key: string) => total[col(key)] as TableValue;
    for (const key of ['members', 'civilian', 'councillor', 'official', 'female', 'male'])
      total[col(key)] = formula(`=SUM(${area(col(key), first, col(key), last)})`, was(key));
    total[col('civilianShare')] = formula(
      `=IF(${members}=0,${formulaText(mark)},${at(col('civilian'), totalRow)}/${members})`,
      was('civilianShare'),
    );
    total[col('femaleShare')] = formula(
      `=IF(${members}=0,${formulaText(mark)},${at(col('female'), totalRow)}/${members})`,
      was('femaleShare'),
    );
  }
  sheet.add(total, formats, true);
  if (lines.length) {
    const m = `$${columnLetter(col('members'))}${first}`;
    const of = (key: string) => `$${columnLetter(col(key))}${first}`;
    const judged = `ISNUMBER(${m}),${m}>0`;
    sheet.rules.push(
      {
        range: area(col('civilianShare'), first, col('civilianShare'), last),
        formula: `=AND(${judged},${of('civilian')}/${m}<${table.thresholds.civilian})`,
        fill: BELOW_THRESHOLD_FILL,
      },
      {
        range: area(col('femaleShare'), first, col('femaleShare'), last),
        formula: `=AND(${judged},OR(${of('female')}/${m}<${table.thresholds.gender},${of('male')}/${m}<${table.thresholds.gender}))`,
        fill: BELOW_THRESHOLD_FILL,
      },
    );
  }
  notesBelow(sheet, table.notes, lang);
  const widths = cells.keys.map((k) => (k === 'district' ? 12 : share(k) ? 11 : 9));
  return sheet.done(DESK_SHEETS.composition, widths, header);
}

export function comparisonSheet(
  input: DeskCommon,
  dataBook: SummaryTable,
  cmp: YearComparison | null,
  compareYear: number,
): DeskSheet {
  const { standard, lang } = input;
  const sheet = new Sheet(standard.figureMarks.undefined);
  const mark = standard.figureMarks.undefined;
  const to = dataBook.year;
  const from = cmp?.from ?? compareYear;
  const q = dataBook.quarter;
  sheet.add([comparisonTitle(from, to, q, lang)], [], true);
  sheet.add([
    tr(
      '증감은 Excel 수식입니다 (참석율은 %p). 두 해 모두 수치가 있는 자치구만 비교합니다.',
      'Changes are Excel formulas (rates in percentage points). Only districts with figures in both years are compared.',
      lang,
    ),
  ]);
  sheet.add([readLine(input)]);
  const metrics = consolidatedColumns(standard, lang).filter(
    (c) => !['district', 'year', 'quarter'].includes(c.key),
  );
  const district = lang === 'ko' ? '자치구' : 'District';
  if (!cmp) {
    sheet.add([]);
    sheet.add([
      tr(`비교할 ${from}년 수치가 없습니다.`, `There are no ${from} figures to compare with.`, lang),
    ]);
    return sheet.done(DESK_SHEETS.comparison, [12], 0);
  }
  sheet.add([district, ...metrics.flatMap((m) => [m.header, '', ''])], [], true);
  const header = sheet.add(
    ['', ...metrics.flatMap(() => [String(from), String(to), tr('증감', 'Change', lang)])],
    [],
    true,
  );
  const name = (n: string) => (lang === 'ko' ? n : englishLabel(standard, n));
  const line = (label: string, changes: YearComparison['total'], fractional: boolean, bold = false) => {
    const row = sheet.next;
    const values: Cell[] = [name(label)];
    const formats: (string | undefined)[] = [undefined];
    metrics.forEach((m, k) => {
      const c = changes[m.key];
      const a = at(1 + k * 3, row);
      const b = at(2 + k * 3, row);
      const scale = unitOf(m.key, standard) === 'percentPoint' ? '*100' : '';
      values.push(c?.from ?? null, c?.to ?? null);
      values.push(
        formula(`=IF(COUNT(${a},${b})=2,(${b}-${a})${scale},${formulaText(mark)})`, c?.change ?? null),
      );
      formats.push(
        metricFormat(standard, m.key, fractional),
        metricFormat(standard, m.key, fractional),
        changeFormat(standard, m.key),
      );
    });
    sheet.add(values, formats, bold);
  };
  for (const r of cmp.rows) line(r.district, r.changes, false);
  line(standard.summaryTable.totalLabel, cmp.total, false, true);
  line(standard.summaryTable.meanLabel, cmp.mean, true, true);
  const names = (list: { district: string }[]) => list.map((d) => name(d.district)).join(', ');
  const extra: Text[] = [];
  if (cmp.onlyFrom.length)
    extra.push({
      ko: `${from}년에만 수치가 있는 자치구: ${names(cmp.onlyFrom)}`,
      en: `Districts with figures in ${from} only: ${names(cmp.onlyFrom)}`,
    });
  if (cmp.onlyTo.length)
    extra.push({
      ko: `${to}년에만 수치가 있는 자치구: ${names(cmp.onlyTo)}`,
      en: `Districts with figures in ${to} only: ${names(cmp.onlyTo)}`,
    });
  notesBelow(sheet, [...extra, ...cmp.notes], lang);
  return sheet.done(DESK_SHEETS.comparison, [12, ...metrics.flatMap(() => [10, 10, 10])], header);
}
