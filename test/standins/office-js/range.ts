// Ranges and RangeAreas of the stand-in: values, formulas, formats and fills, read only after
// load() + sync(), written only at sync().
import { type Box, MAX_ROWS, columnName, formatBox, qualify } from './address';
import { type StandInContext, StandInObject } from './context';
import { type StandInCell, type StandInSheet, standInError } from './model';
import type { WorksheetProxy } from './objects';
import { DataValidationProxy, RangeFormatProxy } from './format';
import { RangeAreasProxy } from './areas';
import { ConditionalFormatCollectionProxy } from './conditional';

/** Excel on the web refuses responses above 5 MB; the stand-in does too. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

type Grid<T> = T[][];

export class RangeProxy extends StandInObject {
  private bound: Box | undefined;
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;

  constructor(
    context: StandInContext,
    readonly worksheet: WorksheetProxy,
    private readonly locate: () => Box | undefined,
    orNull = false,
  ) {
    super(context, orNull);
    this.format = new RangeFormatProxy(context, () => this.cells());
    this.dataValidation = new DataValidationProxy(context, this);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, this);
  }

  box(): Box {
    if (!this.bound) {
      const b = this.locate();
      if (!b) throw standInError('ItemNotFound', 'The range does not exist.');
      this.bound = b;
    }
    return this.bound;
  }
  sheetOf(): StandInSheet {
    return this.worksheet.sheet();
  }
  protected exists() {
    try {
      this.worksheet.sheet();
      return !!(this.bound ?? this.locate());
    } catch {
      return false;
    }
  }
  protected override navigation() {
    return { format: this.format as StandInObject, dataValidation: this.dataValidation as StandInObject };
  }
  private grid<T>(f: (c: StandInCell | undefined) => T): Grid<T> {
    const b = this.box();
    const sheet = this.sheetOf();
    const model = this.context.model;
    const out: Grid<T> = [];
    for (let r = 0; r < b.rowCount; r++) {
      const line: T[] = new Array(b.columnCount);
      for (let c = 0; c < b.columnCount; c++) line[c] = f(model.cell(sheet, b.row + r, b.column + c));
      out.push(line);
    }
    return out;
  }
  /** Loads properties during a sync (collection items). */
  fillNow(props: string[]): void {
    const s = this.scalars() as Record<string, () => unknown>;
    for (const p of props) if (s[p]) this.loaded.set(p, s[p]());
    this.nullness = false;
  }
  cells(): { sheet: StandInSheet; box: Box } {
    return { sheet: this.sheetOf(), box: this.box() };
  }
  protected scalars() {
    const heavy =
      <T>(f: (c: StandInCell | undefined) => T) =>
      () =>
        this.checked(this.grid(f));
    return {
      address: () => qualify(this.sheetOf().name, formatBox(this.box())),
      addressLocal: () => qualify(this.sheetOf().name, formatBox(this.box())),
      rowIndex: () => this.box().row,
      columnIndex: () => this.box().column,
      rowCount: () => this.box().rowCount,
      columnCount: () => this.box().columnCount,
      cellCount: () => this.box().rowCount * this.box().columnCount,
      values: heavy((c) => (c?.error ? c.error : (c?.value ?? ''))),
      formulas: heavy((c) => (c?.formula ? c.formula : c?.error ? c.error : (c?.value ?? ''))),
      numberFormat: heavy((c) => c?.numberFormat ?? 'General'),
      valueTypes: heavy((c) => valueType(c)),
      text: heavy((c) => displayText(c)),
      hyperlink: () => {
        const b = this.box();
        const link = this.context.model.cell(this.sheetOf(), b.row, b.column)?.hyperlink;
        return link
          ? { ...link, textToDisplay: displayText(this.context.model.cell(this.sheetOf(), b.row, b.column)) }
          : null;
      },
    };
  }
  /** Counts the response towards the sync's payload (checked against the limit at the end of the sync). */
  private checked<T>(grid: Grid<T>): Grid<T> {
    const b = this.box();
    const stats = this.context.model.stats;
    stats.largestReadRows = Math.max(stats.largestReadRows, b.rowCount);
    // Small reads are counted roughly; big ones by their JSON text, as the wire carries it.
    const cells = b.rowCount * b.columnCount;
    this.context.responseBytes +=
      cells > 2000 ? new TextEncoder().encode(JSON.stringify(grid)).length : cells * 12;
    return grid;
  }

  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get cellCount(): number {
    return this.prop('cellCount');
  }
  get values(): Grid<unknown> {
    return this.prop('values');
  }
  set values(v: Grid<unknown>) {
    this.write(v, (sheet, r, c, x) => this.context.model.enter(sheet, r, c, x), true);
  }
  get formulas(): Grid<unknown> {
    return this.prop('formulas');
  }
  set formulas(v: Grid<unknown>) {
    this.write(v, (sheet, r, c, x) => this.context.model.enter(sheet, r, c, x), true);
  }
  get numberFormat(): Grid<string> {
    return this.prop('numberFormat');
  }
  set numberFormat(v: Grid<string>) {
    this.write(v, (sheet, r, c, x) => this.context.model.setNumberFormat(sheet, r, c, String(x)), false);
  }
  get hyperlink(): { address?: string; textToDisplay?: string; screenTip?: string } | null {
    return this.prop('hyperlink');
  }
  /** Range.hyperlink (ExcelApi 1.7): every cell links there; textToDisplay becomes the top-left value. */
  set hyperlink(link: { address?: string; textToDisplay?: string; screenTip?: string } | null) {
    this.queueOp(() => {
      const model = this.context.model;
      if (!model.supports('ExcelApi', '1.7'))
        throw standInError('ApiNotFound', 'Hyperlinks need ExcelApi 1.7.');
      const { sheet, box } = this.cells();
      if (link && link.address !== undefined && !/^(https?:|mailto:)/i.test(link.address))
        throw standInError('InvalidArgument', `'${link.address}' is not a link address.`);
      for (let r = box.row; r < box.row + box.rowCount; r++)
        for (let c = box.column; c < box.column + box.columnCount; c++) {
          const cell = model.cell(sheet, r, c);
          if (!link?.address) {
            if (cell) delete cell.hyperlink;
            continue;
          }
          if (!cell) model.enter(sheet, r, c, null);
          model.cell(sheet, r, c)!.hyperlink = { address: link.address, screenTip: link.screenTip };
        }
      if (link?.textToDisplay !== undefined) {
        model.enter(sheet, box.row, box.column, link.textToDisplay);
        this.context.markWritten(sheet, { ...box, rowCount: 1, columnCount: 1 });
      }
    });
  }
  get valueTypes(): Grid<string> {
    return this.prop('valueTypes');
  }
  get text(): Grid<string> {
    return this.prop('text');
  }

  private write(
    v: unknown,
    put: (s: StandInSheet, r: number, c: number, x: unknown) => void,
    data: boolean,
  ): void {
    this.queueOp(() => {
      const b = this.box();
      const sheet = this.sheetOf();
      const grid = Array.isArray(v) ? (v as unknown[][]) : null;
      if (
        grid &&
        (grid.length !== b.rowCount ||
          grid.some((line) => !Array.isArray(line) || line.length !== b.columnCount))
      ) {
        throw standInError(
          'InvalidArgument',
          `The number of rows or columns in the input array doesn't match the size of the range ${formatBox(b)}.`,
        );
      }
      for (let r = 0; r < b.rowCount; r++)
        for (let c = 0; c < b.columnCount; c++) put(sheet, b.row + r, b.column + c, grid ? grid[r][c] : v);
      if (data) this.context.markWritten(sheet, b);
    });
  }

  select(): void {
    this.queueOp(() => {
      const model = this.context.model;
      const sheet = this.sheetOf();
      model.activeSheetId = sheet.id;
      model.selection = { sheetId: sheet.id, box: this.box() };
      model.dispatch(sheet.handlers.onSelectionChanged, {
        type: 'WorksheetSelectionChanged',
        worksheetId: sheet.id,
        address: formatBox(this.box()),
      });
    });
  }
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.queueOp(() => {
      const { sheet, box } = this.cells();
      for (let r = box.row; r < box.row + box.rowCount; r++) {
        for (let c = box.column; c < box.column + box.columnCount; c++) {
          if (applyTo !== 'Formats') this.context.model.enter(sheet, r, c, null);
          if (applyTo !== 'Contents') {
            const cell = this.context.model.cell(sheet, r, c);
            if (cell) {
              delete cell.fill;
              delete cell.numberFormat;
              delete cell.bold;
              if (applyTo === 'All') delete cell.hyperlink;
            }
          }
        }
      }
      if (applyTo !== 'Formats') this.context.markWritten(sheet, box);
    });
  }
  /**
   * Inserts blank cells here and shifts the others away. The stand-in does what the add-in needs:
   * whole columns shifted right (see ./columns.ts for what moves with them); anything else is refused
   * rather than done differently from Excel.
   */
  insert(shift: string): RangeProxy {
    this.queueOp(() => {
      const b = this.box();
      if (shift !== 'Right' || b.row !== 0 || b.rowCount !== MAX_ROWS)
        throw standInError('NotImplemented', 'The stand-in inserts whole columns (shift Right) only.');
      const model = this.context.model;
      const sheet = this.sheetOf();
      model.insertColumns(sheet, b.column, b.columnCount);
      model.dispatch(sheet.handlers.onChanged, {
        type: 'WorksheetChanged',
        worksheetId: sheet.id,
        address: `${columnName(b.column)}:${columnName(b.column + b.columnCount - 1)}`,
        changeType: 'ColumnInserted',
        source: 'Local',
        triggerSource: 'ThisLocalAddin',
      });
      model.notify();
    });
    return new RangeProxy(this.context, this.worksheet, () => this.box());
  }
  /** The part of this range inside the sheet's used range (null object when they do not meet). */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      this.worksheet,
      () => {
        const used = this.context.model.usedBox(this.sheetOf(), valuesOnly);
        return used ? intersect(used, this.box()) : undefined;
      },
      true,
    );
  }
  /**
   * 'Formulas' or 'Constants' cells, optionally only those whose value is an error ('Errors');
   * areas are vertical runs per column.
   */
  getSpecialCellsOrNullObject(cellType: string, cellValueType = 'All'): RangeAreasProxy {
    if (
      (cellType !== 'Formulas' && cellType !== 'Constants') ||
      (cellValueType !== 'All' && cellValueType !== 'Errors')
    )
      throw standInError('NotImplemented', `The stand-in supports Formulas/Constants with All/Errors only.`);
    const wanted = (cell: StandInCell | undefined): boolean => {
      if (!cell) return false;
      const kind = cell.formula ? 'Formulas' : cell.value !== null || cell.error ? 'Constants' : null;
      return kind === cellType && (cellValueType === 'All' || !!cell.error);
    };
    const areas = new RangeAreasProxy(this.context, this.worksheet, () => {
      const { sheet, box } = this.cells();
      const out: Box[] = [];
      for (let c = box.column; c < box.column + box.columnCount; c++) {
        let start = -1;
        for (let r = box.row; r <= box.row + box.rowCount; r++) {
          const isFormula = r < box.row + box.rowCount && wanted(this.context.model.cell(sheet, r, c));
          if (isFormula && start < 0) start = r;
          if (!isFormula && start >= 0) {
            out.push({ row: start, column: c, rowCount: r - start, columnCount: 1 });
            start = -1;
          }
        }
      }
      return out;
    });
    this.context.enqueue(() => void areas.resolve());
    return areas;
  }
  private derived(f: (b: Box) => Box): RangeProxy {
    return new RangeProxy(this.context, this.worksheet, () => f(this.box()));
  }
  getCell(row: number, column: number): RangeProxy {
    return this.derived((b) => ({
      row: b.row + row,
      column: b.column + column,
      rowCount: 1,
      columnCount: 1,
    }));
  }
  getRow(row: number): RangeProxy {
    return this.derived((b) => ({ ...b, row: b.row + row, rowCount: 1 }));
  }
  getColumn(column: number): RangeProxy {
    return this.derived((b) => ({ ...b, column: b.column + column, columnCount: 1 }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived((b) => ({
      ...b,
      rowCount: b.rowCount + deltaRows,
      columnCount: b.columnCount + deltaColumns,
    }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived((b) => ({ ...b, row: b.row + rowOffset, column: b.column + columnOffset }));
  }
}

export function valueType(c: StandInCell | undefined): string {
  if (!c) return 'Empty';
  if (c.error) return 'Error';
  if (c.value === null || c.value === '') return 'Empty';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return 'String';
}

export function displayText(c: StandInCell | undefined): string {
  if (!c) return '';
  if (c.error) return c.error;
  const v = c.value;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const f = c.numberFormat ?? 'General';
  if (/y{2}/i.test(f)) {
    const d = new Date(Math.round((v - 25569) * 86400000));
    return d.toISOString().slice(0, 10);
  }
  if (f.includes('%')) {
    const digits = /0\.(0+)%/.exec(f)?.[1].length ?? 0;
    return (v * 100).toFixed(digits) + '%';
  }
  const fixed = /0\.(0+)/.exec(f);
  if (fixed) return v.toFixed(fixed[1].length);
  if (f.includes('#,##0')) return Math.round(v).toLocaleString('en-US');
  return String(v);
}

function intersect(a: Box, b: Box): Box | undefined {
  const r1 = Math.max(a.row, b.row);
  const c1 = Math.max(a.column, b.column);
  const r2 = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const c2 = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  return r2 > r1 && c2 > c1 ? { row: r1, column: c1, rowCount: r2 - r1, columnCount: c2 - c1 } : undefined;
}
