// Formats of the stand-in's ranges: fills (what highlights write), fonts, widths and data validation.
import type { Box } from './address';
import { type StandInContext, StandInObject, StandInPart } from './context';
import type { StandInSheet } from './model';
import type { RangeProxy } from './range';

export type CellSet = () => { sheet: StandInSheet; box: Box } | { sheet: StandInSheet; box: Box }[];

function each(target: CellSet, f: (sheet: StandInSheet, r: number, c: number) => void): void {
  const t = target();
  for (const { sheet, box } of Array.isArray(t) ? t : [t]) {
    for (let r = box.row; r < box.row + box.rowCount; r++)
      for (let c = box.column; c < box.column + box.columnCount; c++) f(sheet, r, c);
  }
}

export class RangeFormatProxy extends StandInPart {
  readonly fill: RangeFillProxy;
  readonly font: RangeFontProxy;
  constructor(
    context: StandInContext,
    private readonly target: CellSet,
  ) {
    super(context);
    this.fill = new RangeFillProxy(context, target);
    this.font = new RangeFontProxy(context, target);
  }
  protected override navigation() {
    return { fill: this.fill as StandInObject, font: this.font as StandInObject };
  }
  protected override scalars() {
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

export class RangeFillProxy extends StandInPart {
  constructor(
    context: StandInContext,
    private readonly target: CellSet,
  ) {
    super(context);
  }
  protected override scalars() {
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

/** Fonts: bold is kept per cell (headers, totals); colour and name are accepted, not drawn. */
export class RangeFontProxy extends StandInPart {
  constructor(
    context: StandInContext,
    private readonly target: CellSet,
  ) {
    super(context);
  }
  protected override scalars() {
    return {
      bold: () => {
        const seen = new Set<boolean>();
        each(this.target, (sheet, r, c) => seen.add(!!this.context.model.cell(sheet, r, c)?.bold));
        return seen.size === 1 ? [...seen][0] : null;
      },
      color: () => '#000000',
      name: () => 'Calibri',
    };
  }
  get bold(): boolean {
    return this.prop('bold');
  }
  set bold(v: boolean) {
    this.context.enqueue(() =>
      each(this.target, (sheet, r, c) => {
        const cell = this.context.model.cell(sheet, r, c);
        if (cell) cell.bold = v;
        else if (v) {
          this.context.model.enter(sheet, r, c, null);
          this.context.model.cell(sheet, r, c)!.bold = true;
        }
      }),
    );
  }
  set color(_v: string) {
    this.context.enqueue(() => undefined);
  }
}

export class DataValidationProxy extends StandInPart {
  constructor(
    context: StandInContext,
    private readonly range: RangeProxy,
  ) {
    super(context);
  }
  protected override scalars() {
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

function sameBox(a: Box, b: Box): boolean {
  return (
    a.row === b.row && a.column === b.column && a.rowCount === b.rowCount && a.columnCount === b.columnCount
  );
}
