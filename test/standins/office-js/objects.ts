// Workbook, worksheets and worksheet-level objects of the stand-in.
import { parseBox, qualify, splitSheet } from './address';
import {
  ClientResult,
  type LoadArg,
  StandInContext,
  StandInEventHandlers,
  StandInObject,
  loadList,
  StandInPart,
} from './context';
import { type SheetVisibility, type StandInSheet, standInError } from './model';
import { FreezePanesProxy, TableCollectionProxy } from './tables';
import { CustomXmlPartCollectionProxy, DocumentPropertiesProxy } from './parts';
import { RangeAreasProxy } from './areas';
import { RangeProxy } from './range';
import { ChartCollectionProxy } from './charts';

/** Worksheet name- and visibility-change events arrived with ExcelApi 1.17. */
const API_1_17 = { set: 'ExcelApi', version: '1.17' };

export class WorkbookProxy extends StandInPart {
  readonly worksheets: WorksheetCollectionProxy;
  readonly customXmlParts: CustomXmlPartCollectionProxy;
  readonly properties: DocumentPropertiesProxy;

  constructor(context: StandInContext) {
    super(context);
    this.worksheets = new WorksheetCollectionProxy(context);
    this.customXmlParts = new CustomXmlPartCollectionProxy(context);
    this.properties = new DocumentPropertiesProxy(context);
  }
  protected override scalars() {
    return { name: () => 'Book1.xlsx' };
  }
  get name(): string {
    return this.prop('name');
  }
  getSelectedRange(): RangeProxy {
    const sheet = new WorksheetProxy(this.context, () => this.selectedSheet());
    return new RangeProxy(this.context, sheet, () => this.context.model.selection?.box ?? parseBox('A1'));
  }
  getActiveWorksheet(): WorksheetProxy {
    return this.worksheets.getActiveWorksheet();
  }
  private selectedSheet(): StandInSheet | undefined {
    const m = this.context.model;
    return m.findSheet(m.selection?.sheetId ?? m.activeSheetId ?? '');
  }
}

export class WorksheetCollectionProxy extends StandInPart {
  private itemList: WorksheetProxy[] | null = null;
  readonly onAdded: StandInEventHandlers;
  readonly onDeleted: StandInEventHandlers;
  readonly onNameChanged: StandInEventHandlers;
  readonly onVisibilityChanged: StandInEventHandlers;

  constructor(context: StandInContext) {
    super(context);
    const h = context.model.workbookHandlers;
    this.onAdded = new StandInEventHandlers(context, () => h.onAdded);
    this.onDeleted = new StandInEventHandlers(context, () => h.onDeleted);
    this.onNameChanged = new StandInEventHandlers(context, () => h.onNameChanged, API_1_17);
    this.onVisibilityChanged = new StandInEventHandlers(context, () => h.onVisibilityChanged, API_1_17);
  }
  override load(arg?: LoadArg): this {
    const props = (loadList(arg) ?? ['id', 'name', 'position'])
      .map((p) => p.replace(/^items\/?/, ''))
      .filter(Boolean);
    this.context.enqueue(() => {
      this.itemList = this.context.model.sheets.map((s) => {
        const ws = new WorksheetProxy(this.context, () => s);
        ws.fill(props.length ? props : ['id', 'name', 'position']);
        return ws;
      });
    });
    return this;
  }
  get items(): WorksheetProxy[] {
    if (!this.itemList) throw standInError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.itemList;
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.model.findSheet(key));
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.model.findSheet(key), true);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () =>
      this.context.model.findSheet(this.context.model.activeSheetId ?? ''),
    );
  }
  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.context.enqueue(() => r.set(this.context.model.sheets.length));
    return r;
  }
  add(name?: string): WorksheetProxy {
    const model = this.context.model;
    let created: StandInSheet | undefined;
    this.context.enqueue(() => {
      let n = name;
      for (let i = model.sheets.length + 1; !n; i++) if (!model.findSheet(`Sheet${i}`)) n = `Sheet${i}`;
      created = model.addSheet(n);
      const c = created;
      model.dispatch(model.workbookHandlers.onAdded, {
        type: 'WorksheetAdded',
        worksheetId: c.id,
        source: 'Local',
      });
    });
    return new WorksheetProxy(this.context, () => created);
  }
}

export class WorksheetProxy extends StandInObject {
  private bound: StandInSheet | undefined;
  readonly onChanged: StandInEventHandlers;
  readonly onSelectionChanged: StandInEventHandlers;
  readonly onNameChanged: StandInEventHandlers;
  readonly onVisibilityChanged: StandInEventHandlers;
  readonly freezePanes: FreezePanesProxy;
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;

  constructor(
    context: StandInContext,
    private readonly find: () => StandInSheet | undefined,
    orNull = false,
  ) {
    super(context, orNull);
    this.onChanged = new StandInEventHandlers(context, () => this.sheet().handlers.onChanged);
    this.onSelectionChanged = new StandInEventHandlers(
      context,
      () => this.sheet().handlers.onSelectionChanged,
    );
    this.onNameChanged = new StandInEventHandlers(
      context,
      () => this.sheet().handlers.onNameChanged,
      API_1_17,
    );
    this.onVisibilityChanged = new StandInEventHandlers(
      context,
      () => this.sheet().handlers.onVisibilityChanged,
      API_1_17,
    );
    this.freezePanes = new FreezePanesProxy(context, this);
    this.tables = new TableCollectionProxy(context, this);
    this.charts = new ChartCollectionProxy(context, this);
  }

  /** The model sheet; bound on first use so a proxy follows its sheet through a rename. */
  sheet(): StandInSheet {
    const s = this.bound && this.context.model.sheets.includes(this.bound) ? this.bound : this.find();
    if (!s) throw standInError('ItemNotFound', 'The requested worksheet does not exist.');
    this.bound = s;
    return s;
  }
  protected exists() {
    try {
      this.sheet();
      return true;
    } catch {
      return false;
    }
  }
  protected scalars() {
    return {
      id: () => this.sheet().id,
      name: () => this.sheet().name,
      position: () => this.context.model.sheets.indexOf(this.sheet()),
      visibility: () => this.sheet().visibility,
    };
  }
  /** Used by collection loads, which fill items during the sync. */
  fill(props: string[]): void {
    const s = this.scalars() as Record<string, () => unknown>;
    for (const p of props) if (s[p]) this.loaded.set(p, s[p]());
    this.nullness = false;
  }
  get id(): string {
    return this.prop('id');
  }
  get name(): string {
    return this.prop('name');
  }
  set name(value: string) {
    this.queueOp(() => {
      const model = this.context.model;
      const sheet = this.sheet();
      const clash = model.findSheet(value);
      if (clash && clash !== sheet)
        throw standInError('ItemAlreadyExists', `A sheet named '${value}' exists.`);
      const before = sheet.name;
      sheet.name = value;
      const args = {
        type: 'WorksheetNameChanged',
        worksheetId: sheet.id,
        nameBefore: before,
        nameAfter: value,
        source: 'Local',
      };
      model.dispatch(sheet.handlers.onNameChanged, args);
      model.dispatch(model.workbookHandlers.onNameChanged, args);
    });
  }
  get position(): number {
    return this.prop('position');
  }
  get visibility(): SheetVisibility {
    return this.prop('visibility');
  }
  set visibility(value: SheetVisibility) {
    this.queueOp(() => this.context.model.setVisibility(this.sheet(), value, 'Local'));
  }
  getRange(address?: string): RangeProxy {
    if (address === undefined)
      return new RangeProxy(this.context, this, () => ({
        row: 0,
        column: 0,
        rowCount: 1048576,
        columnCount: 16384,
      }));
    const { sheet, local } = splitSheet(address);
    const target = sheet ? new WorksheetProxy(this.context, () => this.context.model.findSheet(sheet)) : this;
    const box = parseBox(local);
    return new RangeProxy(this.context, target, () => box);
  }
  getRanges(address: string): RangeAreasProxy {
    const boxes = address.split(',').map((a) => parseBox(a.trim()));
    return new RangeAreasProxy(this.context, this, boxes);
  }
  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, this, () => ({ row, column, rowCount: 1, columnCount: 1 }));
  }
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): RangeProxy {
    if (rowCount < 1 || columnCount < 1)
      throw standInError('InvalidArgument', 'A range has at least one row and one column.');
    return new RangeProxy(this.context, this, () => ({
      row: startRow,
      column: startColumn,
      rowCount,
      columnCount,
    }));
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => this.context.model.usedBox(this.sheet(), valuesOnly) ?? parseBox('A1'),
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => this.context.model.usedBox(this.sheet(), valuesOnly) ?? undefined,
      true,
    );
  }
  activate(): void {
    this.queueOp(() => {
      this.context.model.activeSheetId = this.sheet().id;
    });
  }
  delete(): void {
    this.queueOp(() => {
      const model = this.context.model;
      const sheet = this.sheet();
      model.sheets = model.sheets.filter((s) => s !== sheet);
      if (model.activeSheetId === sheet.id) model.activeSheetId = model.sheets[0]?.id ?? null;
      model.dispatch(model.workbookHandlers.onDeleted, {
        type: 'WorksheetDeleted',
        worksheetId: sheet.id,
        source: 'Local',
      });
    });
  }
}

export { qualify };
