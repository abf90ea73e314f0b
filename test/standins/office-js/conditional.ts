// Conditional formats of the stand-in's ranges (ExcelApi 1.6), the Custom kind: a formula written
// for the range's top-left cell and a fill. Added, changed and cleared only at sync; readable only
// after load + sync. Other kinds are refused, so the add-in never relies on one the stand-in ignores.
import type { Box } from './address';
import { ClientResult, type StandInContext, StandInObject, StandInCollection } from './context';
import { type ConditionalFormatRecord, type StandInSheet, standInError } from './model';
import type { RangeProxy } from './range';
import { intersects } from './tables';

export class ConditionalFormatCollectionProxy extends StandInCollection<ConditionalFormatProxy> {
  constructor(
    context: StandInContext,
    private readonly range: RangeProxy,
  ) {
    super(context);
  }
  private target(): { sheet: StandInSheet; box: Box } {
    return this.range.cells();
  }
  private overlapping(): ConditionalFormatRecord[] {
    const { sheet, box } = this.target();
    return sheet.conditionalFormats.filter((cf) => intersects(cf.box, box));
  }
  add(type: string): ConditionalFormatProxy {
    let record: ConditionalFormatRecord | undefined;
    this.context.enqueue(() => {
      if (!this.context.model.supports('ExcelApi', '1.6'))
        throw standInError('ApiNotFound', 'Conditional formats need ExcelApi 1.6.');
      if (type !== 'Custom')
        throw standInError(
          'NotImplemented',
          `The stand-in models Custom conditional formats only, not ${type}.`,
        );
      const { sheet, box } = this.target();
      record = {
        id: this.context.model.newId('cf'),
        box,
        type: 'Custom',
        formula: '',
        fill: null,
        fontColor: null,
      };
      // Excel puts a new format first (the top priority).
      sheet.conditionalFormats.unshift(record);
    });
    return new ConditionalFormatProxy(this.context, () => record);
  }
  clearAll(): void {
    this.context.enqueue(() => {
      const { sheet } = this.target();
      const gone = new Set(this.overlapping());
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !gone.has(cf));
    });
  }
  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.context.enqueue(() => r.set(this.overlapping().length));
    return r;
  }
  protected override defaultItemProps = ['type'];
  protected itemsAtSync(props: string[]): ConditionalFormatProxy[] {
    return this.overlapping().map((cf) => {
      const p = new ConditionalFormatProxy(this.context, () => cf);
      p.fillNow(props);
      return p;
    });
  }
}

export class ConditionalFormatProxy extends StandInObject {
  readonly custom: CustomConditionalFormatProxy;
  constructor(
    context: StandInContext,
    private readonly find: () => ConditionalFormatRecord | undefined,
  ) {
    super(context);
    this.custom = new CustomConditionalFormatProxy(context, () => this.record());
  }
  record(): ConditionalFormatRecord {
    const r = this.find();
    if (!r) throw standInError('ItemNotFound', 'The conditional format does not exist.');
    return r;
  }
  protected exists() {
    return !!this.find();
  }
  protected override navigation() {
    return { custom: this.custom as StandInObject };
  }
  protected scalars() {
    return { type: () => this.record().type, id: () => this.record().id };
  }
  fillNow(props: string[]): void {
    const s = this.scalars() as Record<string, () => unknown>;
    for (const p of props) if (s[p]) this.loaded.set(p, s[p]());
    this.nullness = false;
  }
  get type(): string {
    return this.prop('type');
  }
}

class CustomConditionalFormatProxy extends StandInObject {
  readonly rule: RuleProxy;
  readonly format: { fill: ColorProxy; font: ColorProxy };
  constructor(context: StandInContext, record: () => ConditionalFormatRecord) {
    super(context);
    this.rule = new RuleProxy(context, record);
    this.format = {
      fill: new ColorProxy(context, record, 'fill'),
      font: new ColorProxy(context, record, 'fontColor'),
    };
  }
  protected exists() {
    return true;
  }
  protected override navigation() {
    return { rule: this.rule as StandInObject };
  }
  protected scalars() {
    return {};
  }
}

class RuleProxy extends StandInObject {
  constructor(
    context: StandInContext,
    private readonly record: () => ConditionalFormatRecord,
  ) {
    super(context);
  }
  protected exists() {
    return true;
  }
  protected scalars() {
    return { formula: () => this.record().formula };
  }
  get formula(): string {
    return this.prop('formula');
  }
  set formula(value: string) {
    this.context.enqueue(() => {
      if (!value.startsWith('=')) throw standInError('InvalidArgument', 'A rule formula starts with =.');
      this.record().formula = value;
    });
  }
}

/** A conditional format's fill or font colour (`fill` / `fontColor` of its record). */
class ColorProxy extends StandInObject {
  constructor(
    context: StandInContext,
    private readonly record: () => ConditionalFormatRecord,
    private readonly key: 'fill' | 'fontColor',
  ) {
    super(context);
  }
  protected exists() {
    return true;
  }
  protected scalars() {
    return { color: () => this.record()[this.key] };
  }
  get color(): string {
    return this.prop('color');
  }
  set color(value: string) {
    this.context.enqueue(() => (this.record()[this.key] = value.toUpperCase()));
  }
}
