// The city's consolidation workbook in the open workbook (the layout is src/workbook/desk.ts): its
// four sheets created, or refreshed in place — the same sheets, the same chart, conditional formats
// replaced rather than added again — in three syncs however many districts there are:
//   1. the workbook's sheets;
//   2. what each existing desk sheet holds where the desk wrote last time and will write now, and
//      whether the chart is still there;
//   3. every write.
//
// Cells a person typed into are never written over by surprise. The desk remembers what it wrote
// (document settings, `delib.desk.written`); a cell that no longer holds it, or a cell outside the
// last table that the new one would cover and that is not empty, stops the refresh before anything
// is written and is reported (sheet, cell, what the desk wrote, what is there now). The officer then
// copies their note elsewhere or refreshes with `overwrite`. A sheet of the same name the desk did
// not make counts the same way: its cells in the table's way are reported.
import { BilingualError } from '../bilingual';
import { columnLetter } from '../engine/snapshot';
import { registry } from '../standard';
import { sheetKey } from '../engine/text';
import type { DeskSheet, DeskValue } from '../workbook/desk';
import type { DeskConflict } from '../session/desk';
import type { ExcelRunner } from './host';
import type { DocumentSettings } from './settings';

export const DESK_WRITTEN_KEY = 'delib.desk.written';
/** Conflicts listed at most (the count says how many there are). */
export const CONFLICTS_SHOWN = 50;
/** Excel measures column widths in points; a character of the default font is about 7 points. */
const POINTS_PER_CHARACTER = 7;

interface WrittenSheet {
  address: string;
  cells: DeskValue[][];
}

/** What the desk wrote last, per sheet name (kept in the workbook's settings). */
export interface DeskWritten {
  version: 1;
  sheets: Record<string, WrittenSheet>;
}

export type DeskWriteResult =
  | { kind: 'written'; sheets: string[]; syncs: number }
  | { kind: 'conflicts'; conflicts: DeskConflict[]; total: number; syncs: number };

const cellText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** Equal as Excel keeps them: a number may come back in its last binary digits otherwise. */
function same(a: string, b: string): boolean {
  if (a === b) return true;
  const x = Number(a);
  const y = Number(b);
  return (
    a !== '' &&
    b !== '' &&
    Number.isFinite(x) &&
    Number.isFinite(y) &&
    Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x))
  );
}

function boxAddress(rows: number, columns: number): string {
  return `A1:${columnLetter(Math.max(columns, 1) - 1)}${Math.max(rows, 1)}`;
}

function boxSize(address: string): { rows: number; columns: number } {
  const m = /^A1:([A-Z]+)(\d+)$/.exec(address);
  if (!m) return { rows: 0, columns: 0 };
  const columns = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { rows: Number(m[2]), columns };
}

/**
 * Whether the pane opens on the desk: the workbook's settings hold the desk's record of what it
 * wrote and the workbook holds no district sheet. The settings are only the workbook's own word, so
 * they never hide a district workbook's checks and stamp verdict (a record planted in a district's
 * file changes nothing). One sync, only when there is a record.
 */
export async function isConsolidationWorkbook(
  run: ExcelRunner,
  settings: DocumentSettings,
): Promise<boolean> {
  if (Object.keys(writtenOf(settings).sheets).length === 0) return false;
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();
    return districtSheetsIn(worksheets.items.map((w) => w.name)).length === 0;
  });
}

/** The stored record, when it is one this code wrote (anything else is treated as absent). */
function writtenOf(settings: DocumentSettings): DeskWritten {
  const raw = settings.load<DeskWritten>(DESK_WRITTEN_KEY);
  const ok =
    raw &&
    raw.version === 1 &&
    raw.sheets &&
    typeof raw.sheets === 'object' &&
    Object.values(raw.sheets).every(
      (s) => s && typeof s.address === 'string' && Array.isArray(s.cells) && s.cells.every(Array.isArray),
    );
  return ok ? raw : { version: 1, sheets: {} };
}

/**
 * The sheets that make a workbook a district's: 기본정보 and 숙의공론장 of any version. (협치회의 구성
 * is also the name of the desk's composition sheet, so it proves nothing.)
 */
function districtSheetsIn(names: string[]): string[] {
  const standard = new Set(
    registry.versions.flatMap((s) => [s.sheets.info.name, s.sheets.forums.name].map(sheetKey)),
  );
  return names.filter((n) => standard.has(sheetKey(n)));
}

/** A district's workbook is never turned into the city's. */
function refuseDistrictWorkbook(names: string[]): void {
  const found = districtSheetsIn(names);
  if (found.length)
    throw new BilingualError(
      `이 통합문서에는 자치구 통합시트(${found.join(', ')})가 있습니다. 시 집계는 새 통합문서(또는 시 집계 통합문서)에서 여세요.`,
      `This workbook holds a district's sheets (${found.join(', ')}). Open the city desk in a new workbook (or your consolidation workbook).`,
    );
}

/** Cells of `now` that differ from what was written, or that are filled where nothing was. */
function conflictsOf(
  sheet: string,
  now: unknown[][],
  written: WrittenSheet | undefined,
  out: DeskConflict[],
): void {
  now.forEach((line, r) =>
    line.forEach((v, c) => {
      const was = written?.cells[r]?.[c];
      const current = cellText(v);
      const expected = was === undefined ? '' : cellText(was);
      if (!same(current, expected))
        out.push({ sheet, cell: `${columnLetter(c)}${r + 1}`, wrote: expected, now: current });
    }),
  );
}

export interface DeskWriteOptions {
  /** Write even over cells a person changed (after the officer said so). */
  overwrite?: boolean;
}

export async function writeDesk(
  run: ExcelRunner,
  sheets: DeskSheet[],
  settings: DocumentSettings,
  options: DeskWriteOptions = {},
): Promise<DeskWriteResult> {
  const written = writtenOf(settings);
  const result = await run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await sync();
    const names = worksheets.items.map((w) => w.name);
    refuseDistrictWorkbook(names);
    const existing = new Map(
      sheets
        .map((s) => [s, names.find((n) => n.toLowerCase() === s.name.toLowerCase())] as const)
        .filter((e): e is readonly [DeskSheet, string] => e[1] !== undefined),
    );

    // 2. What is there now, over what the desk wrote and what it will write.
    const reads = new Map<DeskSheet, Excel.Range>();
    const charts = new Map<DeskSheet, Excel.Chart>();
    for (const [s, name] of existing) {
      const ws = worksheets.getItem(name);
      const before = boxSize(written.sheets[s.name]?.address ?? '');
      const rows = Math.max(before.rows, s.cells.length);
      const columns = Math.max(before.columns, s.cells[0]?.length ?? 0);
      reads.set(s, ws.getRange(boxAddress(rows, columns)).load('formulas'));
      if (s.chart) charts.set(s, ws.charts.getItemOrNullObject(s.chart.name).load('name'));
    }
    if (existing.size) await sync();
    const conflicts: DeskConflict[] = [];
    for (const [s, range] of reads) conflictsOf(s.name, range.formulas, written.sheets[s.name], conflicts);
    if (conflicts.length && !options.overwrite)
      return {
        kind: 'conflicts' as const,
        conflicts: conflicts.slice(0, CONFLICTS_SHOWN),
        total: conflicts.length,
        syncs,
      };

    // 3. Every write, in one sync.
    for (const s of sheets) {
      const name = existing.get(s);
      const ws = name ? worksheets.getItem(name) : worksheets.add(s.name);
      const read = reads.get(s);
      if (read) {
        read.clear('All');
        read.conditionalFormats.clearAll();
      }
      const block = ws.getRange(boxAddress(s.cells.length, s.cells[0]?.length ?? 1));
      // Formats first: a text cell formatted as text keeps `=…` from SharePoint as text.
      block.numberFormat = s.formats;
      block.formulas = s.cells;
      for (const row of s.boldRows)
        ws.getRange(`A${row}:${columnLetter(s.cells[0].length - 1)}${row}`).format.font.bold = true;
      s.widths.forEach((w, i) => {
        ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = w * POINTS_PER_CHARACTER;
      });
      for (const link of s.links)
        ws.getRange(link.cell).hyperlink = { address: link.address, textToDisplay: link.text };
      for (const rule of s.rules) {
        const format = ws.getRange(rule.range).conditionalFormats.add('Custom');
        format.custom.rule.formula = rule.formula;
        format.custom.format.fill.color = rule.fill;
      }
      if (s.freezeRows) ws.freezePanes.freezeRows(s.freezeRows);
      if (s.chart) {
        const data = ws.getRange(s.chart.data);
        const old = charts.get(s);
        const chart = old && !old.isNullObject ? old : ws.charts.add('ColumnClustered', data, 'Columns');
        if (chart === old) chart.setData(data, 'Columns');
        else {
          chart.name = s.chart.name;
          chart.setPosition(s.chart.anchor[0], s.chart.anchor[1]);
        }
        chart.title.text = s.chart.title;
        chart.axes.categoryAxis.setCategoryNames(ws.getRange(s.chart.categories));
      }
    }
    await sync();
    return { kind: 'written' as const, sheets: sheets.map((s) => s.name), syncs };
  });
  if (result.kind === 'written') {
    const next: DeskWritten = { version: 1, sheets: { ...written.sheets } };
    for (const s of sheets)
      next.sheets[s.name] = { address: boxAddress(s.cells.length, s.cells[0]?.length ?? 1), cells: s.cells };
    await settings.save(DESK_WRITTEN_KEY, next);
  }
  return result;
}
