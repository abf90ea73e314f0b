// RangeAreas (getRanges, getSpecialCells) and their areas collection.
import { type Box, formatBox, qualify } from './address';
import { type StandInContext, StandInObject, StandInCollection } from './context';
import type { WorksheetProxy } from './objects';
import { RangeFormatProxy } from './format';
import { RangeProxy } from './range';

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
export class RangeCollectionProxy extends StandInCollection<RangeProxy> {
  protected override defaultItemProps = ['address'];
  constructor(
    context: StandInContext,
    private readonly make: () => RangeProxy[],
  ) {
    super(context);
  }
  protected itemsAtSync(props: string[]): RangeProxy[] {
    const ranges = this.make();
    for (const r of ranges) r.fillNow(props);
    return ranges;
  }
}
