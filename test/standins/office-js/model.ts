// The stand-in's workbook: plain data that the proxies change only when a RequestContext syncs,
// and that the "user" side (typing, pasting, co-authors) changes directly. Events are dispatched
// asynchronously after the change, as Excel does.
import { type Box, MAX_COLUMNS, formatBox } from './address';
import { insertColumnsInSheet, lastUsedColumn, shiftFormula } from './columns';
import { evaluateFormula, relativeFormula } from './formula';

export type Scalar = string | number | boolean | null;

export interface StandInCell {
  value: Scalar;
  formula?: string;
  error?: string;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  /** Range.hyperlink (ExcelApi 1.7): where the cell links to. */
  hyperlink?: { address: string; screenTip?: string };
}

/** A conditional format (ExcelApi 1.6): the stand-in models the Custom (formula) kind. */
export interface ConditionalFormatRecord {
  id: string;
  box: Box;
  type: 'Custom';
  /** Written for the top-left cell; relative references move with each cell. */
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

/** A chart (ExcelApi 1.1, setCategoryNames 1.7): what it plots and where it sits. */
export interface ChartRecord {
  id: string;
  name: string;
  chartType: string;
  /** The source range; with seriesBy Columns each column is a series, a text first row names them. */
  data: Box;
  seriesBy: 'Columns' | 'Rows';
  categories: Box | null;
  title: string;
  position: { from: Box; to: Box | null } | null;
}

export interface DataValidationRecord {
  box: Box;
  rule: unknown;
}

export interface TableRecord {
  id: string;
  name: string;
  box: Box;
  hasHeaders: boolean;
}

export type Handler = (args: Record<string, unknown>) => unknown;

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';
export const SHEET_VISIBILITIES: readonly SheetVisibility[] = ['Visible', 'Hidden', 'VeryHidden'];

type SheetEvent = 'onChanged' | 'onSelectionChanged' | 'onNameChanged' | 'onVisibilityChanged';
type WorkbookEvent = 'onAdded' | 'onDeleted' | 'onNameChanged' | 'onVisibilityChanged';

export interface StandInSheet {
  id: string;
  name: string;
  visibility: SheetVisibility;
  rows: Map<number, Map<number, StandInCell>>;
  freeze: { rows: number; columns: number };
  validations: DataValidationRecord[];
  tables: TableRecord[];
  charts: ChartRecord[];
  conditionalFormats: ConditionalFormatRecord[];
  columnWidths: Map<number, number>;
  handlers: Record<SheetEvent, Set<Handler>>;
}

export interface CustomXmlPartRecord {
  id: string;
  xml: string;
  namespaceUri: string;
}

export type TriggerSource = 'ThisLocalAddin' | 'Unknown';
export type EventSource = 'Local' | 'Remote';

export const ERROR_VALUES = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#SPILL!',
  '#CALC!',
];

export class StandInModel {
  sheets: StandInSheet[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; box: Box } | null = null;
  settings = new Map<string, unknown>();
  customXmlParts: CustomXmlPartRecord[] = [];
  customProperties = new Map<string, { value: unknown; type: string }>();
  workbookHandlers: Record<WorkbookEvent, Set<Handler>> = {
    onAdded: new Set(),
    onDeleted: new Set(),
    onNameChanged: new Set(),
    onVisibilityChanged: new Set(),
  };
  /** Highest supported version per requirement set (what Office.context.requirements answers). */
  requirementSets: Record<string, string> = { ExcelApi: '1.14' };
  stats = { syncs: 0, requests: 0, largestReadRows: 0 };
  /** Largest response one sync may carry (Excel on the web: 5 MB). */
  payloadLimitBytes = 5 * 1024 * 1024;
  /** Listeners outside Office (the preview's grid) told after every change. */
  observers = new Set<() => void>();
  /** Formula cells that read other rows or sheets: recomputed after every change. */
  private globalFormulas = new Map<string, { sheet: StandInSheet; row: number; column: number }>();
  private nextId = 1;
  private pending = new Set<Promise<unknown>>();

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, '0')}}`;
  }

  addSheet(name: string): StandInSheet {
    if (this.findSheet(name)) throw standInError('ItemAlreadyExists', `A sheet named '${name}' exists.`);
    const sheet: StandInSheet = {
      id: this.newId('sheet'),
      name,
      visibility: 'Visible',
      rows: new Map(),
      freeze: { rows: 0, columns: 0 },
      validations: [],
      tables: [],
      charts: [],
      conditionalFormats: [],
      columnWidths: new Map(),
      handlers: {
        onChanged: new Set(),
        onSelectionChanged: new Set(),
        onNameChanged: new Set(),
        onVisibilityChanged: new Set(),
      },
    };
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  findSheet(nameOrId: string): StandInSheet | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  cell(sheet: StandInSheet, row: number, column: number): StandInCell | undefined {
    return sheet.rows.get(row)?.get(column);
  }

  private ensureCell(sheet: StandInSheet, row: number, column: number): StandInCell {
    let r = sheet.rows.get(row);
    if (!r) sheet.rows.set(row, (r = new Map()));
    let c = r.get(column);
    if (!c) r.set(column, (c = { value: null }));
    return c;
  }

  /** Writes what a user types (or Office.js `values` / `formulas`): `=…` is a formula, error literals are errors. */
  enter(sheet: StandInSheet, row: number, column: number, input: unknown): void {
    const cell = this.ensureCell(sheet, row, column);
    delete cell.formula;
    delete cell.error;
    this.globalFormulas.delete(`${sheet.id}|${row}|${column}`);
    if (input === null || input === undefined || input === '') {
      cell.value = null;
    } else if (typeof input === 'string' && cell.numberFormat === '@') {
      // A cell formatted as Text keeps what is written as text, formulas and numbers included.
      cell.value = input;
    } else if (typeof input === 'string' && input.startsWith('=') && input.length > 1) {
      cell.formula = input;
      if (!isRowLocal(input, row))
        this.globalFormulas.set(`${sheet.id}|${row}|${column}`, { sheet, row, column });
    } else if (typeof input === 'string' && ERROR_VALUES.includes(input.trim())) {
      cell.value = null;
      cell.error = input.trim();
    } else if (typeof input === 'string') {
      const parsed = parseTyped(input);
      cell.value = parsed.value;
      if (parsed.numberFormat && (!cell.numberFormat || cell.numberFormat === 'General'))
        cell.numberFormat = parsed.numberFormat;
    } else if (typeof input === 'number' || typeof input === 'boolean') {
      cell.value = input;
    } else {
      throw standInError('InvalidArgument', `Cannot write ${typeof input} into a cell.`);
    }
  }

  /**
   * Inserts `count` blank columns before column `at` (0-based), as Range.insert on whole columns
   * does: cells, formulas on every sheet, validations, tables and widths move (./columns.ts).
   */
  insertColumns(sheet: StandInSheet, at: number, count: number): void {
    if (lastUsedColumn(sheet) + count >= MAX_COLUMNS)
      throw standInError('InsertDeleteConflict', 'The insert would push cells off the worksheet.');
    insertColumnsInSheet(sheet, at, count);
    for (const s of this.sheets)
      for (const cols of s.rows.values())
        for (const cell of cols.values())
          if (cell.formula) cell.formula = shiftFormula(cell.formula, s.name, sheet.name, at, count);
    const globals = [...this.globalFormulas.values()];
    this.globalFormulas.clear();
    for (const g of globals) {
      const column = g.sheet === sheet && g.column >= at ? g.column + count : g.column;
      this.globalFormulas.set(`${g.sheet.id}|${g.row}|${column}`, { ...g, column });
    }
    this.recalculate();
  }

  setNumberFormat(sheet: StandInSheet, row: number, column: number, format: string): void {
    this.ensureCell(sheet, row, column).numberFormat = format;
  }

  setFill(sheet: StandInSheet, row: number, column: number, color: string | null): void {
    if (color === null) {
      const c = this.cell(sheet, row, column);
      if (c) delete c.fill;
      return;
    }
    this.ensureCell(sheet, row, column).fill = color;
  }

  /**
   * The fill a cell shows: the first conditional format over it whose formula is true there (its
   * relative references moved to the cell, as Excel does), else the cell's own fill.
   */
  shownFill(sheet: StandInSheet, row: number, column: number): string | null {
    for (const cf of sheet.conditionalFormats) {
      const b = cf.box;
      if (cf.fill === null) continue;
      if (row < b.row || row >= b.row + b.rowCount || column < b.column || column >= b.column + b.columnCount)
        continue;
      const shifted = relativeFormula(cf.formula, row - b.row, column - b.column);
      const result = evaluateFormula(this, sheet, row, column, shifted);
      if (!result.error && result.value === true) return cf.fill;
    }
    return this.cell(sheet, row, column)?.fill ?? null;
  }

  /**
   * Recomputes formulas: those in the changed rows (row-local ones read only their own row) and
   * every formula that reads other rows or sheets. Without `dirty`, every formula.
   */
  recalculate(dirty?: Map<StandInSheet, Set<number>>): void {
    const run = (sheet: StandInSheet, r: number, c: number, cell: StandInCell) => {
      if (!cell.formula) return;
      const result = evaluateFormula(this, sheet, r, c, cell.formula);
      cell.value = result.error ? null : result.value;
      if (result.error) cell.error = result.error;
      else delete cell.error;
    };
    // Two rounds, so a formula reading another formula (either kind) settles.
    for (let round = 0; round < 2; round++) {
      for (const sheet of this.sheets) {
        const rows = dirty ? dirty.get(sheet) : undefined;
        if (dirty && !rows) continue;
        const list = rows ? [...rows].map((r) => [r, sheet.rows.get(r)] as const) : [...sheet.rows];
        for (const [r, cols] of list) for (const [c, cell] of cols ?? []) run(sheet, r, c, cell);
      }
      for (const g of this.globalFormulas.values()) {
        const cell = this.cell(g.sheet, g.row, g.column);
        if (cell && this.sheets.includes(g.sheet)) run(g.sheet, g.row, g.column, cell);
      }
    }
  }

  /** The box holding every value (and, unless valuesOnly, every formatted cell), or null. */
  usedBox(sheet: StandInSheet, valuesOnly: boolean): Box | null {
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = -1;
    let c2 = -1;
    for (const [r, cols] of sheet.rows) {
      for (const [c, cell] of cols) {
        const hasValue = cell.value !== null || !!cell.formula || !!cell.error;
        const hasFormat = !!cell.fill || (!!cell.numberFormat && cell.numberFormat !== 'General');
        if (!hasValue && (valuesOnly || !hasFormat)) continue;
        if (r < r1) r1 = r;
        if (r > r2) r2 = r;
        if (c < c1) c1 = c;
        if (c > c2) c2 = c;
      }
    }
    if (r2 < 0) return null;
    return { row: r1, column: c1, rowCount: r2 - r1 + 1, columnCount: c2 - c1 + 1 };
  }

  /** Whether `set` (ExcelApi …) is supported at `version`, as Office.context.requirements answers. */
  supports(set: string, version: string): boolean {
    const have = this.requirementSets[set];
    return have !== undefined && versionAtLeast(have, version);
  }

  /**
   * Hides or shows a sheet (Office.js `visibility`, or the user's Hide / Unhide). As in Excel, the
   * last visible sheet cannot be hidden. Fires onVisibilityChanged on the sheet and the collection.
   */
  setVisibility(sheet: StandInSheet, visibility: SheetVisibility, source: EventSource): void {
    if (!SHEET_VISIBILITIES.includes(visibility))
      throw standInError('InvalidArgument', `'${String(visibility)}' is not a sheet visibility.`);
    if (sheet.visibility === visibility) return;
    if (visibility !== 'Visible' && !this.sheets.some((s) => s !== sheet && s.visibility === 'Visible'))
      throw standInError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
    const before = sheet.visibility;
    sheet.visibility = visibility;
    if (this.activeSheetId === sheet.id && visibility !== 'Visible')
      this.activeSheetId = this.sheets.find((s) => s.visibility === 'Visible')?.id ?? null;
    const args = {
      type: 'WorksheetVisibilityChanged',
      worksheetId: sheet.id,
      visibilityBefore: before,
      visibilityAfter: visibility,
      source,
    };
    this.dispatch(sheet.handlers.onVisibilityChanged, args);
    this.dispatch(this.workbookHandlers.onVisibilityChanged, args);
  }

  /** Calls handlers later, as Excel does; `settled()` waits for them. */
  dispatch(handlers: Iterable<Handler>, args: Record<string, unknown>): void {
    const list = [...handlers];
    if (list.length === 0) return;
    const p = new Promise<void>((resolve) => {
      setTimeout(() => {
        Promise.all(list.map((h) => Promise.resolve().then(() => h(args)))).then(
          () => resolve(),
          (e) => {
            // A throwing handler must not take the stand-in down; Excel logs and carries on.
            console.error('stand-in: event handler failed', e);
            resolve();
          },
        );
      }, 0);
    });
    this.pending.add(p);
    void p.then(() => this.pending.delete(p));
  }

  changed(
    sheet: StandInSheet,
    box: Box,
    changeType: string,
    source: EventSource,
    triggerSource: TriggerSource,
  ): void {
    this.dispatch(sheet.handlers.onChanged, {
      type: 'WorksheetChanged',
      worksheetId: sheet.id,
      address: formatBox(box),
      changeType,
      source,
      triggerSource,
    });
    this.notify();
  }

  notify(): void {
    for (const o of this.observers) o();
  }

  /** Resolves when every event dispatched so far (and those its handlers caused) has been handled. */
  async settled(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 0));
      if (this.pending.size === 0) return;
      await Promise.all([...this.pending]);
    }
  }
}

export function standInError(code: string, message: string): Error & { code: string } {
  const e = new Error(message) as Error & { code: string; name: string };
  e.code = code;
  e.name = 'RichApi.Error';
  return e;
}

/** What Excel makes of typed text: plain numbers become numbers, ISO dates become date serials. */
export function parseTyped(text: string): { value: Scalar; numberFormat?: string } {
  const t = text.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return { value: Number(t) };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) {
    const serial = dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== null) return { value: serial, numberFormat: 'yyyy-mm-dd' };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  return { value: text };
}

export function dateSerial(y: number, m: number, d: number): number | null {
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / 86400000) + 25569;
}

/** True when every reference in the formula is a single cell on the formula's own row and sheet. */
function isRowLocal(formula: string, row: number): boolean {
  if (/[!:]/.test(formula)) return false;
  const refs = formula.replace(/"(?:[^"]|"")*"/g, '').match(/\$?[A-Za-z]{1,3}\$?\d+/g) ?? [];
  return refs.every((ref) => Number(/\d+$/.exec(ref)?.[0]) === row + 1);
}

/** `1.17` ≥ `1.14`, compared part by part. */
export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
