// Ranges and RangeAreas of the stand-in: values, formulas, formats and fills, read only after
// load() + sync(), written only at sync().
import { type Box, formatBox, qualify } from './address';
import { type LoadArg, type StandInContext, StandInObject, loadList } from './context';
import { type StandInCell, type StandInSheet, standInError } from './model';
import type { WorksheetProxy } from './objects';

/** Excel on the web refuses responses above 5 MB; the stand-in does too. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

type Grid<T> = T[][];

export class RangeProxy extends StandInObject {
  private bound: Box | undefined;
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;

  constructor(
    context: StandInContext,
    readonly worksheet: WorksheetProxy,
    private readonly locate: () => Box | undefined,
    orNull = false,
  ) {
    super(context);
    this.orNull = orNull;
    if (orNull) this.context.enqueue(() => void this.check());
    this.format = new RangeFormatProxy(context, () => this.cells());
    this.dataValidation = new DataValidationProxy(context, this);
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
    };
  }
  /** Rejects a response Excel on the web would refuse (5 MB). */
  private checked<T>(grid: Grid<T>): Grid<T> {
    const b = this.box();
    const stats = this.context.model.stats;
    stats.largestReadRows = Math.max(stats.largestReadRows, b.rowCount);
    if (b.rowCount * b.columnCount > 20000 && JSON.stringify(grid).length > PAYLOAD_LIMIT_BYTES) {
      throw standInError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit.',
      );
    }
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
            }
          }
        }
      }
      if (applyTo !== 'Formats') this.context.markWritten(sheet, box);
    });
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
  /** Formula cells only ('Formulas'); areas are vertical runs per column. */
  getSpecialCellsOrNullObject(cellType: string): RangeAreasProxy {
    if (cellType !== 'Formulas')
      throw standInError('NotImplemented', `The stand-in supports getSpecialCells('Formulas') only.`);
    const areas = new RangeAreasProxy(this.context, this.worksheet, () => {
      const { sheet, box } = this.cells();
      const out: Box[] = [];
      for (let c = box.column; c < box.column + box.columnCount; c++) {
        let start = -1;
        for (let r = box.row; r <= box.row + box.rowCount; r++) {
          const isFormula = r < box.row + box.rowCount && !!this.context.model.cell(sheet, r, c)?.formula;
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

type CellSet = () => { sheet: StandInSheet; box: Box } | { sheet: StandInSheet; box: Box }[];

function each(target: CellSet, f: (sheet: StandInSheet, r: number, c: number) => void): void {
  const t = target();
  for (const { sheet, box } of Array.isArray(t) ? t : [t]) {
    for (let r = box.row; r < box.row + box.rowCount; r++)
      for (let c = box.column; c < box.column + box.columnCount; c++) f(sheet, r, c);
  }
}

export class RangeFormatProxy extends StandInObject {
  readonly fill: RangeFillProxy;
  readonly font: RangeFontProxy;
  constructor(
    context: StandInContext,
    private readonly target: CellSet,
  ) {
    super(context);
    this.fill = new RangeFillProxy(context, target);
    this.font = new RangeFontProxy(context);
  }
  protected exists() {
    return true;
  }
  protected override navigation() {
    return { fill: this.fill as StandInObject, font: this.font as StandInObject };
  }
  protected scalars() {
    return { wrapText: () => false, columnWidth: () => 64 };
  }
  set columnWidth(width: number) {
    this.context.enqueue(() => {
      const t = this.target();
      for (const { sheet, box } of Array.isArray(t) ? t : [t]) {
        for (let c = box.column; c < box.column + box.columnCount; c++) sheet.columnWidths.set(c, width);
      }
    });
  }
  set wrapText(_v: boolean) {
    this.context.enqueue(() => undefined);
  }
  set horizontalAlignment(_v: string) {
    this.context.enqueue(() => undefined);
  }
  autofitColumns(): void {
    this.context.enqueue(() => undefined);
  }
}

export class RangeFillProxy extends StandInObject {
  constructor(
    context: StandInContext,
    private readonly target: CellSet,
  ) {
    super(context);
  }
  protected exists() {
    return true;
  }
  protected scalars() {
    return {
      color: () => {
        const seen = new Set<string>();
        each(this.target, (sheet, r, c) => seen.add(this.context.model.cell(sheet, r, c)?.fill ?? '#FFFFFF'));
        return seen.size === 1 ? [...seen][0] : null;
      },
    };
  }
  get color(): string {
    return this.prop('color');
  }
  set color(value: string) {
    this.context.enqueue(() =>
      each(this.target, (sheet, r, c) => this.context.model.setFill(sheet, r, c, value.toUpperCase())),
    );
  }
  clear(): void {
    this.context.enqueue(() =>
      each(this.target, (sheet, r, c) => this.context.model.setFill(sheet, r, c, null)),
    );
  }
}

/** Font settings are accepted (headers are bold) but the stand-in does not draw them. */
export class RangeFontProxy extends StandInObject {
  protected exists() {
    return true;
  }
  protected scalars() {
    return { bold: () => false, color: () => '#000000', name: () => 'Calibri' };
  }
  set bold(_v: boolean) {
    this.context.enqueue(() => undefined);
  }
  set color(_v: string) {
    this.context.enqueue(() => undefined);
  }
}

export class DataValidationProxy extends StandInObject {
  constructor(
    context: StandInContext,
    private readonly range: RangeProxy,
  ) {
    super(context);
  }
  protected exists() {
    return true;
  }
  protected scalars() {
    return {
      rule: () => {
        const { sheet, box } = this.range.cells();
        return sheet.validations.find((v) => sameBox(v.box, box))?.rule ?? {};
      },
    };
  }
  get rule(): unknown {
    return this.prop('rule');
  }
  set rule(rule: unknown) {
    this.context.enqueue(() => {
      const { sheet, box } = this.range.cells();
      sheet.validations = sheet.validations.filter((v) => !sameBox(v.box, box));
      sheet.validations.push({ box, rule });
    });
  }
  set errorAlert(_v: unknown) {
    this.context.enqueue(() => undefined);
  }
  set prompt(_v: unknown) {
    this.context.enqueue(() => undefined);
  }
  clear(): void {
    this.context.enqueue(() => {
      const { sheet, box } = this.range.cells();
      sheet.validations = sheet.validations.filter((v) => !sameBox(v.box, box));
    });
  }
}

function intersect(a: Box, b: Box): Box | undefined {
  const r1 = Math.max(a.row, b.row);
  const c1 = Math.max(a.column, b.column);
  const r2 = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const c2 = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  return r2 > r1 && c2 > c1 ? { row: r1, column: c1, rowCount: r2 - r1, columnCount: c2 - c1 } : undefined;
}

function sameBox(a: Box, b: Box): boolean {
  return (
    a.row === b.row && a.column === b.column && a.rowCount === b.rowCount && a.columnCount === b.columnCount
  );
}

export class RangeAreasProxy extends StandInObject {
  readonly format: RangeFormatProxy;
  readonly areas: RangeCollectionProxy;
  private resolved: Box[] | undefined;

  /** `boxes` is fixed (getRanges) or computed when the sync reaches it (special cells). */
  constructor(
    context: StandInContext,
    readonly worksheet: WorksheetProxy,
    private readonly boxes: Box[] | (() => Box[]),
  ) {
    super(context);
    this.orNull = typeof boxes === 'function';
    this.format = new RangeFormatProxy(context, () =>
      this.list().map((box) => ({ sheet: this.worksheet.sheet(), box })),
    );
    this.areas = new RangeCollectionProxy(context, () =>
      this.check() ? this.list().map((box) => new RangeProxy(this.context, this.worksheet, () => box)) : [],
    );
  }
  resolve(): void {
    this.check();
  }
  private list(): Box[] {
    if (!this.resolved) this.resolved = typeof this.boxes === 'function' ? this.boxes() : this.boxes;
    return this.resolved;
  }
  protected exists() {
    return this.list().length > 0;
  }
  protected override navigation() {
    return { format: this.format as StandInObject };
  }
  protected scalars() {
    return {
      address: () =>
        this.list()
          .map((b) => qualify(this.worksheet.sheet().name, formatBox(b)))
          .join(','),
      areaCount: () => this.list().length,
      cellCount: () => this.list().reduce((n, b) => n + b.rowCount * b.columnCount, 0),
    };
  }
  get address(): string {
    return this.prop('address');
  }
  get areaCount(): number {
    return this.prop('areaCount');
  }
}

/** The areas of a RangeAreas: `load('items/values,…')` loads every area. */
export class RangeCollectionProxy extends StandInObject {
  private list: RangeProxy[] | null = null;
  constructor(
    context: StandInContext,
    private readonly make: () => RangeProxy[],
  ) {
    super(context);
  }
  protected exists() {
    return true;
  }
  protected scalars() {
    return {};
  }
  override load(arg?: LoadArg): this {
    const props = (loadList(arg) ?? ['address']).map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    this.context.enqueue(() => {
      this.list = this.make();
      for (const r of this.list) r.fillNow(props);
    });
    return this;
  }
  get items(): RangeProxy[] {
    if (!this.list) throw standInError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }
}
