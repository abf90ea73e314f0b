// One worksheet's XML → the snapshot's rows, read up to </sheetData> and no further. Values as the
// Office.js reader gives them: numbers (dates as 1900-system serials), text (rich text flattened,
// phonetic runs left out), booleans, error values, a formula's text with its cached result. Shared
// strings are left as references here and filled in afterwards (src/xlsx/shared-strings.ts), so only
// the strings some cell uses are ever built.
import { cellAddress, type Cell } from '../engine/snapshot';
import { serialFromDateTime } from '../engine/dates';
import type { XmlElement, XmlTokenizer } from '../xml/tokenizer';
import { corrupt } from './errors';
import { MAX_COLUMN, MAX_ROW, columnNumber, shiftFormula } from './formula';
import { XLSX_LIMITS, limitError, shortName } from './limits';
import type { CellFormat } from './numfmt';
import { NS, type PartHandler } from './xml-part';

type Rows = (Cell | null)[][];

/** Limits shared by every sheet read from one workbook. */
export class ReadBudget {
  private cells = 0;
  private text = 0;
  constructor(readonly file: string) {}

  /** Cell slots: the cells up to each row's last value, empty ones included (the snapshot's size). */
  addCells(n: number): void {
    this.cells += n;
    if (this.cells > XLSX_LIMITS.cells) throw limitError.cells(this.file);
  }

  addText(n: number): void {
    this.text += n;
    if (this.text > XLSX_LIMITS.textTotal) throw limitError.textTotal(this.file);
  }
}

/** Cells holding a shared string, waiting for the string table; where each is, for messages. */
export class SharedStringRefs {
  readonly cells: Cell[] = [];
  readonly indexes: number[] = [];
  private readonly places: string[] = [];
  private readonly at: number[] = [];

  add(cell: Cell, index: number, sheet: string, row: number, column: number): void {
    this.cells.push(cell);
    this.indexes.push(index);
    this.places.push(sheet);
    this.at.push(row * MAX_COLUMN + column);
  }

  /** 'sheet!A1' of the first cell using string `index`. */
  where(index: number): string {
    const k = this.indexes.indexOf(index);
    if (k < 0) return `#${index}`;
    const rc = this.at[k];
    return `${shortName(this.places[k])}!${cellAddress(rc % MAX_COLUMN, Math.floor(rc / MAX_COLUMN))}`;
  }
}

export interface SheetContext {
  file: string;
  sheet: string;
  formats: CellFormat[];
  date1904: boolean;
  budget: ReadBudget;
  strings: SharedStringRefs;
}

/** Days between the 1900 and 1904 date systems' day zero. */
const DAYS_1904 = 1462;
const ADDRESS = /^([A-Za-z]{1,3})(\d{1,7})$/;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
/** An ISO date (a `t="d"` cell) → its 1900-system serial, counting Excel's fictitious 1900-02-29. */
export function isoToSerial(iso: string): number | null {
  const m = ISO_DATE.exec(iso.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const seconds = Number(h ?? 0) * 3600 + Number(mi ?? 0) * 60 + Number(s ?? 0);
  return serialFromDateTime(Number(y), Number(mo), Number(d), seconds);
}

/** OOXML writes characters XML cannot hold as `_xHHHH_` (a CR is `_x000D_`). */
export function unescapeOoxml(s: string): string {
  return s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;
}

export class SheetHandler implements PartHandler {
  readonly rows: Rows = [];
  private tokenizer: XmlTokenizer | null = null;
  private depth = 0;
  private inData = false;
  private inRow = false;
  private inCell = false;
  private inString = false;
  private inRun = false;
  private collect: 'v' | 'f' | 't' | null = null;
  private row = 0;
  private column = 0;
  private type = 'n';
  private style = 0;
  private v = '';
  private f = '';
  private t = '';
  private hasV = false;
  private hasF = false;
  private hasString = false;
  private fAttrs: Record<string, string> = {};
  private readonly masters = new Map<string, { text: string; row: number; column: number }>();

  constructor(private readonly ctx: SheetContext) {}

  get wantText(): boolean {
    return this.collect !== null;
  }

  attach(tokenizer: XmlTokenizer): void {
    this.tokenizer = tokenizer;
  }

  textTooLong(found: number, atLeast: boolean): Error {
    return limitError.cellText(this.ctx.file, this.where(), found, atLeast);
  }

  open(el: XmlElement): void {
    const d = ++this.depth;
    if (!NS.main.has(el.ns)) return;
    const name = el.local;
    if (d === 2 && name === 'sheetData') this.inData = true;
    else if (d === 3 && this.inData && name === 'row') this.startRow(el);
    else if (d === 4 && this.inRow && name === 'c') this.startCell(el);
    else if (d === 5 && this.inCell) {
      if (name === 'v') {
        this.hasV = true;
        this.collect = 'v';
      } else if (name === 'f') {
        this.hasF = true;
        this.fAttrs = el.attrs;
        this.collect = 'f';
      } else if (name === 'is') {
        this.inString = true;
        this.hasString = true;
      }
    } else if (d === 6 && this.inString) {
      if (name === 't') this.collect = 't';
      else if (name === 'r') this.inRun = true;
    } else if (d === 7 && this.inRun && name === 't') this.collect = 't';
  }

  close(el: XmlElement): void {
    const d = this.depth--;
    if (!NS.main.has(el.ns)) return;
    const name = el.local;
    if (d === 2 && name === 'sheetData') this.tokenizer?.stop();
    else if (d === 3 && name === 'row') this.inRow = false;
    else if (d === 4 && name === 'c' && this.inCell) this.finishCell();
    else if (d === 5) {
      this.collect = null;
      if (name === 'is') this.inString = false;
    } else if (d === 6) {
      this.collect = null;
      if (name === 'r') this.inRun = false;
    } else if (d === 7) this.collect = null;
  }

  text(text: string): void {
    let length = 0;
    if (this.collect === 'v') length = (this.v += text).length;
    else if (this.collect === 'f') length = (this.f += text).length;
    else if (this.collect === 't') length = (this.t += text).length;
    if (length > XLSX_LIMITS.cellText) throw this.textTooLong(length, false);
  }

  private where(): string {
    return `${shortName(this.ctx.sheet)}!${cellAddress(this.column - 1, this.row)}`;
  }

  private startRow(el: XmlElement): void {
    const r = el.attrs.r;
    const n = r === undefined ? this.row + 1 : Number(r);
    if (!Number.isInteger(n) || n < 1 || n > MAX_ROW) throw corrupt(this.ctx.file, `bad row number ${r}`);
    this.row = n;
    this.column = 0;
    this.inRow = true;
  }

  private startCell(el: XmlElement): void {
    const { r, t, s } = el.attrs;
    if (r === undefined) this.column++;
    else {
      const m = ADDRESS.exec(r);
      if (!m || Number(m[2]) !== this.row)
        throw corrupt(this.ctx.file, `bad cell reference ${r.slice(0, 20)}`);
      this.column = columnNumber(m[1]);
    }
    if (this.column > MAX_COLUMN) throw corrupt(this.ctx.file, 'a cell beyond column XFD');
    this.type = t ?? 'n';
    this.style = s === undefined ? 0 : Number(s);
    this.v = this.f = this.t = '';
    this.hasV = this.hasF = this.hasString = false;
    this.inCell = true;
  }

  private formula(): string | undefined {
    const { t: kind, si, ref } = this.fAttrs;
    let text = this.f;
    if (kind === 'shared' && si !== undefined) {
      if (text && ref !== undefined) this.masters.set(si, { text, row: this.row, column: this.column });
      else {
        const master = this.masters.get(si);
        // A shared formula whose first cell is gone cannot be translated; the cell keeps its value.
        if (!master) return undefined;
        text = shiftFormula(master.text, this.row - master.row, this.column - master.column);
      }
    }
    if (!text) return undefined;
    const formula = `=${text.replace(/^=/, '')}`;
    if (formula.length > XLSX_LIMITS.cellText + 1) throw this.textTooLong(formula.length - 1, false);
    this.ctx.budget.addText(formula.length);
    return formula;
  }

  private finishCell(): void {
    this.inCell = false;
    const formula = this.hasF ? this.formula() : undefined;
    // A formula without a cached result (never calculated) is still a cell.
    const cell = this.value() ?? (formula ? { value: null } : null);
    if (!cell) return;
    if (formula) cell.formula = formula;
    const format = this.ctx.formats[this.style];
    if (format?.code) cell.numberFormat = format.code;
    if (format?.date && this.ctx.date1904 && typeof cell.value === 'number' && this.type !== 'd')
      cell.value += DAYS_1904;
    this.place(cell);
  }

  /** The cell's value; null for a cell without one (a formatted empty cell). */
  private value(): Cell | null {
    const { type, v } = this;
    if (type === 'inlineStr') {
      if (!this.hasString) return null;
      return this.textCell(unescapeOoxml(this.t));
    }
    if (!this.hasV) return null;
    switch (type) {
      case 's': {
        const index = Number(v);
        if (!Number.isInteger(index) || index < 0) throw corrupt(this.ctx.file, 'bad shared string index');
        const cell: Cell = { value: null };
        this.ctx.strings.add(cell, index, this.ctx.sheet, this.row, this.column - 1);
        return cell;
      }
      case 'str':
        // A formula's text result; an empty one shows as a blank cell.
        return v === '' ? { value: null } : this.textCell(v);
      case 'b':
        return { value: v.trim() === '1' || v.trim() === 'true' };
      case 'e':
        return { value: null, error: v.trim() };
      case 'd': {
        const serial = isoToSerial(v);
        return serial === null ? this.textCell(v) : { value: serial };
      }
      default: {
        if (v.trim() === '') return null;
        const n = Number(v);
        if (!Number.isFinite(n)) throw corrupt(this.ctx.file, `bad number in ${this.where()}`);
        return { value: n };
      }
    }
  }

  private textCell(s: string): Cell {
    this.ctx.budget.addText(s.length);
    return { value: s };
  }

  private place(cell: Cell): void {
    const { row, column } = this;
    if (row > XLSX_LIMITS.rowsPerSheet) throw limitError.rows(this.ctx.file, this.ctx.sheet, row);
    const rows = this.rows;
    while (rows.length < row) rows.push([]);
    const cells = rows[row - 1];
    if (column > cells.length) {
      this.ctx.budget.addCells(column - cells.length);
      while (cells.length < column - 1) cells.push(null);
      cells.push(cell);
    } else cells[column - 1] = cell;
  }
}
