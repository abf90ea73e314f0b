// Frozen panes and tables of the stand-in's worksheets.
import { type Box, formatBox, parseBox, splitSheet } from './address';
import { type StandInContext, StandInObject, StandInPart, StandInCollection } from './context';
import { type StandInSheet, type TableRecord, standInError } from './model';
import type { WorksheetProxy } from './objects';
import { RangeProxy } from './range';

export class FreezePanesProxy extends StandInPart {
  constructor(
    context: StandInContext,
    private readonly ws: WorksheetProxy,
  ) {
    super(context);
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

export class TableCollectionProxy extends StandInCollection<TableProxy> {
  constructor(
    context: StandInContext,
    private readonly ws: WorksheetProxy,
  ) {
    super(context);
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let record: TableRecord | undefined;
    this.context.enqueue(() => {
      const model = this.context.model;
      let sheet: StandInSheet;
      let box: Box;
      if (typeof address === 'string') {
        const parts = splitSheet(address);
        const s = parts.sheet ? model.findSheet(parts.sheet) : this.ws.sheet();
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
    return new TableProxy(this.context, this.ws, () => record);
  }
  protected itemsAtSync(): TableProxy[] {
    return this.ws.sheet().tables.map((t) => {
      const p = new TableProxy(this.context, this.ws, () => t);
      p.fillNow();
      return p;
    });
  }
  getItem(key: string): TableProxy {
    return new TableProxy(this.context, this.ws, () => this.byName(key));
  }
  private byName(key: string): TableRecord | undefined {
    return this.context.model.sheets
      .flatMap((s) => s.tables)
      .find((x) => x.name.toLowerCase() === key.toLowerCase());
  }
  getItemOrNullObject(key: string): TableProxy {
    const t = new TableProxy(
      this.context,
      this.ws,
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
    private readonly ws: WorksheetProxy,
    private readonly find: () => TableRecord | undefined,
    orNull = false,
  ) {
    super(context, orNull);
  }
  private record(): TableRecord {
    const t = this.find();
    if (!t) throw standInError('ItemNotFound', 'The table does not exist.');
    return t;
  }
  /** The table's cells, header row included, wherever the table is by the time the request runs. */
  getRange(): RangeProxy {
    return new RangeProxy(this.context, this.ws, () => this.record().box);
  }
  /**
   * Table.resize (ExcelApi 1.13): the header row stays where it is, the new range overlaps the old
   * one and no other table; cells do not move. Header cells that are empty get Column1, Column2 …
   */
  resize(newRange: string | RangeProxy): void {
    this.context.enqueue(() => {
      if (!this.context.model.supports('ExcelApi', '1.13'))
        throw standInError('ApiNotFound', 'Table.resize needs ExcelApi 1.13.');
      const t = this.record();
      const sheet = this.ws.sheet();
      let box: Box;
      if (typeof newRange === 'string') {
        const parts = splitSheet(newRange);
        if (parts.sheet && this.context.model.findSheet(parts.sheet) !== sheet)
          throw standInError('InvalidArgument', 'A table stays on its worksheet.');
        box = parseBox(parts.local);
      } else {
        if (newRange.sheetOf() !== sheet)
          throw standInError('InvalidArgument', 'A table stays on its worksheet.');
        box = newRange.box();
      }
      if (box.row !== t.box.row || !intersects(box, t.box) || box.rowCount < (t.hasHeaders ? 2 : 1))
        throw standInError(
          'InvalidArgument',
          'The new range must keep the header row and overlap the table.',
        );
      if (sheet.tables.some((o) => o !== t && intersects(o.box, box)))
        throw standInError('InvalidOperation', 'A table cannot overlap another table.');
      if (t.hasHeaders) {
        const header = sheet.rows.get(box.row) ?? new Map();
        sheet.rows.set(box.row, header);
        const names = new Set([...header.values()].map((c) => String(c.value ?? '')));
        let n = 1;
        for (let c = box.column; c < box.column + box.columnCount; c++) {
          if (String(header.get(c)?.value ?? '') !== '') continue;
          while (names.has(`Column${n}`)) n++;
          header.set(c, { value: `Column${n}` });
          names.add(`Column${n++}`);
        }
      }
      t.box = box;
    });
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
