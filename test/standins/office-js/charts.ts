// Charts of the stand-in's worksheets (ExcelApi 1.1; setCategoryNames 1.7): a record per chart of
// what it plots, its title, name and place, changed only at sync and readable only after load + sync.
import { type Box, parseBox, splitSheet } from './address';
import { ClientResult, type StandInContext, StandInObject, StandInPart, StandInCollection } from './context';
import { type ChartRecord, type StandInSheet, standInError } from './model';
import type { WorksheetProxy } from './objects';
import type { RangeProxy } from './range';

const CHART_TYPES = new Set(['ColumnClustered', 'BarClustered', 'Line', 'LineMarkers', 'Pie']);

type Located = { sheet: StandInSheet; box: Box };

function located(range: RangeProxy | string, sheet: () => StandInSheet, context: StandInContext): Located {
  if (typeof range !== 'string') return { sheet: range.sheetOf(), box: range.box() };
  const parts = splitSheet(range);
  const s = parts.sheet ? context.model.findSheet(parts.sheet) : sheet();
  if (!s) throw standInError('ItemNotFound', 'The requested worksheet does not exist.');
  return { sheet: s, box: parseBox(parts.local) };
}

export class ChartCollectionProxy extends StandInCollection<ChartProxy> {
  protected override defaultItemProps = ['name'];
  constructor(
    context: StandInContext,
    private readonly ws: WorksheetProxy,
  ) {
    super(context);
  }
  add(type: string, sourceData: RangeProxy, seriesBy: string = 'Auto'): ChartProxy {
    let record: ChartRecord | undefined;
    this.context.enqueue(() => {
      if (!CHART_TYPES.has(type))
        throw standInError(
          'NotImplemented',
          `The stand-in draws ${[...CHART_TYPES].join(', ')} charts only.`,
        );
      const sheet = this.ws.sheet();
      const data = located(sourceData, () => sheet, this.context);
      if (data.sheet !== sheet) throw standInError('InvalidArgument', 'The chart data must be on its sheet.');
      const model = this.context.model;
      const all = model.sheets.flatMap((s) => s.charts);
      record = {
        id: model.newId('chart'),
        name: `Chart ${all.length + 1}`,
        chartType: type,
        data: data.box,
        seriesBy: seriesBy === 'Rows' ? 'Rows' : 'Columns',
        categories: null,
        title: '',
        position: null,
      };
      sheet.charts.push(record);
    });
    return new ChartProxy(this.context, this.ws, () => record);
  }
  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(
      this.context,
      this.ws,
      () => this.ws.sheet().charts.find((c) => c.name.toLowerCase() === name.toLowerCase()),
      true,
    );
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, this.ws, () =>
      this.ws.sheet().charts.find((c) => c.name.toLowerCase() === name.toLowerCase()),
    );
  }
  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.context.enqueue(() => r.set(this.ws.sheet().charts.length));
    return r;
  }
  protected itemsAtSync(props: string[]): ChartProxy[] {
    return this.ws.sheet().charts.map((c) => {
      const p = new ChartProxy(this.context, this.ws, () => c);
      p.fillNow(props.length ? props : this.defaultItemProps);
      return p;
    });
  }
}

export class ChartProxy extends StandInObject {
  readonly title: ChartTitleProxy;
  readonly axes: { categoryAxis: ChartAxisProxy };
  readonly series: ChartSeriesCollectionProxy;
  constructor(
    context: StandInContext,
    private readonly ws: WorksheetProxy,
    private readonly find: () => ChartRecord | undefined,
    orNull = false,
  ) {
    super(context, orNull);
    this.title = new ChartTitleProxy(context, () => this.record());
    this.axes = { categoryAxis: new ChartAxisProxy(context, ws, () => this.record()) };
    this.series = new ChartSeriesCollectionProxy(context, ws, () => this.record());
  }
  record(): ChartRecord {
    const r = this.find();
    if (!r) throw standInError('ItemNotFound', 'The requested chart does not exist.');
    return r;
  }
  protected exists() {
    return !!this.find();
  }
  protected override navigation() {
    return { title: this.title as StandInObject };
  }
  protected scalars() {
    return {
      name: () => this.record().name,
      chartType: () => this.record().chartType,
      id: () => this.record().id,
    };
  }
  fillNow(props: string[]): void {
    const s = this.scalars() as Record<string, () => unknown>;
    for (const p of props) if (s[p]) this.loaded.set(p, s[p]());
    this.nullness = false;
  }
  get name(): string {
    return this.prop('name');
  }
  set name(value: string) {
    this.queueOp(() => {
      const clash = this.ws.sheet().charts.find((c) => c.name.toLowerCase() === value.toLowerCase());
      if (clash && clash !== this.record())
        throw standInError('InvalidArgument', `A chart named '${value}' already exists.`);
      this.record().name = value;
    });
  }
  get chartType(): string {
    return this.prop('chartType');
  }
  setData(sourceData: RangeProxy, seriesBy: string = 'Auto'): void {
    this.queueOp(() => {
      const data = located(sourceData, () => this.ws.sheet(), this.context);
      const record = this.record();
      record.data = data.box;
      if (seriesBy !== 'Auto') record.seriesBy = seriesBy === 'Rows' ? 'Rows' : 'Columns';
    });
  }
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this.queueOp(() => {
      const from = located(startCell, () => this.ws.sheet(), this.context).box;
      const to = endCell ? located(endCell, () => this.ws.sheet(), this.context).box : null;
      this.record().position = { from, to };
    });
  }
  delete(): void {
    this.queueOp(() => {
      const sheet = this.ws.sheet();
      sheet.charts = sheet.charts.filter((c) => c !== this.record());
    });
  }
}

export class ChartTitleProxy extends StandInPart {
  constructor(
    context: StandInContext,
    private readonly chart: () => ChartRecord,
  ) {
    super(context);
  }
  protected override scalars() {
    return { text: () => this.chart().title };
  }
  get text(): string {
    return this.prop('text');
  }
  set text(value: string) {
    this.context.enqueue(() => (this.chart().title = value));
  }
}

/** What a chart's parts share: they exist with their chart and have no scalars of their own. */
abstract class ChartPartProxy extends StandInPart {
  constructor(
    context: StandInContext,
    protected readonly ws: WorksheetProxy,
    protected readonly chart: () => ChartRecord,
  ) {
    super(context);
  }
}

export class ChartAxisProxy extends ChartPartProxy {
  setCategoryNames(sourceData: RangeProxy): void {
    this.context.enqueue(() => {
      if (!this.context.model.supports('ExcelApi', '1.7'))
        throw standInError('ApiNotFound', 'setCategoryNames needs ExcelApi 1.7.');
      this.chart().categories = located(sourceData, () => this.ws.sheet(), this.context).box;
    });
  }
}

/** The series a chart's data makes: with Columns, one per column, named by a text first row. */
export function seriesOf(
  chart: ChartRecord,
  cellValue: (r: number, c: number) => unknown,
): { name: string; values: unknown[] }[] {
  const b = chart.data;
  const byColumns = chart.seriesBy === 'Columns';
  const count = byColumns ? b.columnCount : b.rowCount;
  const length = byColumns ? b.rowCount : b.columnCount;
  const at = (s: number, k: number) =>
    byColumns ? cellValue(b.row + k, b.column + s) : cellValue(b.row + s, b.column + k);
  const headed = Array.from({ length: count }, (_, s) => typeof at(s, 0) === 'string').every(Boolean);
  return Array.from({ length: count }, (_, s) => ({
    name: headed ? String(at(s, 0)) : `Series${s + 1}`,
    values: Array.from({ length: length - (headed ? 1 : 0) }, (_, k) => at(s, k + (headed ? 1 : 0))),
  }));
}

export class ChartSeriesCollectionProxy extends ChartPartProxy {
  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.context.enqueue(() => {
      r.set(seriesOf(this.chart(), () => null).length);
    });
    return r;
  }
}
