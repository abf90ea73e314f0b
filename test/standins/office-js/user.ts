// The other side of the stand-in: what a person at the keyboard (or a co-author elsewhere) does
// to the workbook. These changes bypass request contexts and fire the events Excel would.
import { type Box, formatBox, parseBox } from './address';
import {
  type EventSource,
  type SheetVisibility,
  type StandInCell,
  type StandInModel,
  type StandInSheet,
  standInError,
} from './model';

export class StandInUser {
  constructor(private readonly model: StandInModel) {}

  private sheet(name: string): StandInSheet {
    const s = this.model.findSheet(name);
    if (!s) throw standInError('ItemNotFound', `No sheet named '${name}'.`);
    return s;
  }

  private put(sheetName: string, address: string, values: unknown[][], source: EventSource): void {
    const sheet = this.sheet(sheetName);
    const start = parseBox(address);
    const box: Box = {
      row: start.row,
      column: start.column,
      rowCount: values.length,
      columnCount: Math.max(0, ...values.map((r) => r.length)),
    };
    const dirty = new Set<number>();
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        this.model.enter(sheet, box.row + r, box.column + c, v);
        dirty.add(box.row + r);
      }),
    );
    this.model.recalculate(new Map([[sheet, dirty]]));
    this.model.changed(sheet, box, 'RangeEdited', source, 'Unknown');
  }

  /** Typing or pasting: `values` is placed from the top-left cell of `address`. */
  setValues(sheet: string, address: string, values: unknown[][]): void {
    this.put(sheet, address, values, 'Local');
  }

  /** A co-author's edit arriving from elsewhere (source 'Remote'). */
  remoteSetValues(sheet: string, address: string, values: unknown[][]): void {
    this.put(sheet, address, values, 'Remote');
  }

  /** The user's own cell colour (the add-in must never clear it). */
  setFill(sheet: string, address: string, color: string): void {
    const s = this.sheet(sheet);
    const b = parseBox(address);
    for (let r = b.row; r < b.row + b.rowCount; r++)
      for (let c = b.column; c < b.column + b.columnCount; c++)
        this.model.setFill(s, r, c, color.toUpperCase());
    this.model.notify();
  }

  /** Deletes whole rows (1-based first row), shifting the rows below up. */
  deleteRows(sheet: string, firstRow: number, count: number): void {
    this.shift(sheet, firstRow - 1, -count, 'RowDeleted');
  }

  /** Inserts blank rows before `beforeRow` (1-based). */
  insertRows(sheet: string, beforeRow: number, count: number): void {
    this.shift(sheet, beforeRow - 1, count, 'RowInserted');
  }

  private shift(sheetName: string, at: number, delta: number, changeType: string): void {
    const sheet = this.sheet(sheetName);
    const next = new Map<number, Map<number, StandInCell>>();
    for (const [r, cols] of sheet.rows) {
      if (r < at) next.set(r, cols);
      else if (delta < 0 && r < at - delta) continue;
      else next.set(r + delta, cols);
    }
    sheet.rows = next;
    this.model.recalculate();
    const rows = Math.abs(delta);
    this.model.changed(
      sheet,
      { row: at, column: 0, rowCount: rows, columnCount: 16384 },
      changeType,
      'Local',
      'Unknown',
    );
  }

  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    const clash = this.model.findSheet(to);
    if (clash && clash !== sheet) throw standInError('ItemAlreadyExists', `A sheet named '${to}' exists.`);
    sheet.name = to;
    const args = {
      type: 'WorksheetNameChanged',
      worksheetId: sheet.id,
      nameBefore: from,
      nameAfter: to,
      source: 'Local',
    };
    this.model.dispatch(sheet.handlers.onNameChanged, args);
    this.model.dispatch(this.model.workbookHandlers.onNameChanged, args);
    this.model.notify();
  }

  /** Hide / Unhide from the sheet tab, or a macro setting `Visible = xlSheetVeryHidden`. */
  setVisibility(name: string, visibility: SheetVisibility): void {
    this.model.setVisibility(this.sheet(name), visibility, 'Local');
    this.model.notify();
  }

  addSheet(name: string): void {
    const sheet = this.model.addSheet(name);
    this.model.dispatch(this.model.workbookHandlers.onAdded, {
      type: 'WorksheetAdded',
      worksheetId: sheet.id,
      source: 'Local',
    });
    this.model.notify();
  }

  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    this.model.sheets = this.model.sheets.filter((s) => s !== sheet);
    if (this.model.activeSheetId === sheet.id) this.model.activeSheetId = this.model.sheets[0]?.id ?? null;
    this.model.dispatch(this.model.workbookHandlers.onDeleted, {
      type: 'WorksheetDeleted',
      worksheetId: sheet.id,
      source: 'Local',
    });
    this.model.notify();
  }

  select(sheet: string, address: string): void {
    const s = this.sheet(sheet);
    this.model.activeSheetId = s.id;
    this.model.selection = { sheetId: s.id, box: parseBox(address) };
    this.model.dispatch(s.handlers.onSelectionChanged, {
      type: 'WorksheetSelectionChanged',
      worksheetId: s.id,
      address,
    });
    this.model.notify();
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** A cell as Excel holds it (value, formula, error, format, fill), or undefined when never touched. */
  cell(sheet: string, address: string): StandInCell | undefined {
    const b = parseBox(address);
    return this.model.cell(this.sheet(sheet), b.row, b.column);
  }

  values(sheet: string, address: string): unknown[][] {
    const s = this.sheet(sheet);
    const b = parseBox(address);
    const out: unknown[][] = [];
    for (let r = 0; r < b.rowCount; r++) {
      const line: unknown[] = [];
      for (let c = 0; c < b.columnCount; c++) {
        const cell = this.model.cell(s, b.row + r, b.column + c);
        line.push(cell?.error ?? cell?.value ?? null);
      }
      out.push(line);
    }
    return out;
  }

  fill(sheet: string, address: string): string | null {
    return this.cell(sheet, address)?.fill ?? null;
  }

  /** Addresses of every filled cell on a sheet, in row order (for tests and the preview). */
  filledCells(sheet: string): string[] {
    const s = this.sheet(sheet);
    const out: { r: number; c: number }[] = [];
    for (const [r, cols] of s.rows) for (const [c, cell] of cols) if (cell.fill) out.push({ r, c });
    out.sort((a, b) => a.r - b.r || a.c - b.c);
    return out.map(({ r, c }) => formatBox({ row: r, column: c, rowCount: 1, columnCount: 1 }));
  }

  usedAddress(sheet: string): string | null {
    const b = this.model.usedBox(this.sheet(sheet), true);
    return b ? formatBox(b) : null;
  }

  /** Called after every change, for a page that draws the sheet. Returns the unsubscribe. */
  observe(listener: () => void): () => void {
    this.model.observers.add(listener);
    return () => this.model.observers.delete(listener);
  }
}
