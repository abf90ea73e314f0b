// Frozen panes and tables of the stand-in's worksheets.
import { type Box, formatBox, parseBox, splitSheet } from './address';
import { type LoadArg, type StandInContext, StandInObject } from './context';
import { type StandInSheet, type TableRecord, standInError } from './model';
import type { WorksheetProxy } from './objects';
import type { RangeProxy } from './range';

export class FreezePanesProxy extends StandInObject {
  constructor(
    context: StandInContext,
    private readonly ws: WorksheetProxy,
  ) {
    super(context);
  }
  protected scalars() {
    return {};
  }
  protected exists() {
    return true;
  }
  freezeRows(count = 1): void {
    this.context.enqueue(() => (this.ws.sheet().freeze = { rows: count, columns: 0 }));
  }
  freezeColumns(count = 1): void {
    this.context.enqueue(() => (this.ws.sheet().freeze = { rows: 0, columns: count }));
  }
  freezeAt(frozenRange: string | RangeProxy): void {
    const box = typeof frozenRange === 'string' ? parseBox(frozenRange) : null;
    this.context.enqueue(() => {
      const b = box ?? (frozenRange as RangeProxy).box();
      this.ws.sheet().freeze = { rows: b.row + b.rowCount, columns: b.column + b.columnCount };
    });
  }
  unfreeze(): void {
    this.context.enqueue(() => (this.ws.sheet().freeze = { rows: 0, columns: 0 }));
  }
}

export class TableCollectionProxy extends StandInObject {
  constructor(
    context: StandInContext,
    private readonly ws: WorksheetProxy | null,
  ) {
    super(context);
  }
  protected scalars() {
    return {};
  }
  protected exists() {
    return true;
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let record: TableRecord | undefined;
    this.context.enqueue(() => {
      const model = this.context.model;
      let sheet: StandInSheet;
      let box: Box;
      if (typeof address === 'string') {
        const parts = splitSheet(address);
        const s = parts.sheet ? model.findSheet(parts.sheet) : this.ws?.sheet();
        if (!s) throw standInError('InvalidArgument', 'The table needs a worksheet.');
        sheet = s;
        box = parseBox(parts.local);
      } else {
        sheet = address.sheetOf();
        box = address.box();
      }
      const all = model.sheets.flatMap((s) => s.tables);
      const overlaps = sheet.tables.some((t) => intersects(t.box, box));
      if (overlaps) throw standInError('InvalidOperation', 'A table cannot overlap another table.');
      record = { id: model.newId('table'), name: `Table${all.length + 1}`, box, hasHeaders };
      sheet.tables.push(record);
    });
    return new TableProxy(this.context, () => record);
  }
  private list: TableProxy[] | null = null;
  override load(_arg?: LoadArg): this {
    this.context.enqueue(() => {
      const owned = this.ws ? this.ws.sheet().tables : this.context.model.sheets.flatMap((s) => s.tables);
      this.list = owned.map((t) => {
        const p = new TableProxy(this.context, () => t);
        p.fillNow();
        return p;
      });
    });
    return this;
  }
  get items(): TableProxy[] {
    if (!this.list) throw standInError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }
  getItemOrNullObject(key: string): TableProxy {
    const t = new TableProxy(
      this.context,
      () =>
        this.context.model.sheets
          .flatMap((s) => s.tables)
          .find((x) => x.name.toLowerCase() === key.toLowerCase()),
      true,
    );
    return t;
  }
}

export class TableProxy extends StandInObject {
  constructor(
    context: StandInContext,
    private readonly find: () => { name: string; box: Box } | undefined,
    orNull = false,
  ) {
    super(context, orNull);
  }
  protected exists() {
    return !!this.find();
  }
  protected scalars() {
    return { name: () => this.find()?.name, address: () => formatBox(this.find()!.box) };
  }
  fillNow(): void {
    this.loaded.set('name', this.find()?.name);
    this.nullness = false;
  }
  get name(): string {
    return this.prop('name');
  }
  set name(value: string) {
    this.queueOp(() => {
      const t = this.find();
      if (t) t.name = value;
    });
  }
}

export function intersects(a: Box, b: Box): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}
