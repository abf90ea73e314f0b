// A strict in-memory Office.js for tests and the browser preview (never imported from src/).
// `installOfficeStandIn(globalThis, workbook)` defines Office, Excel and OfficeExtension globals.
// Dependency-free ES2020 so the e2e page and the preview can bundle it.
import { StandInContext } from './context';
import { StandInModel, dateSerial, standInError, versionAtLeast, type SheetVisibility } from './model';
import { WorkbookProxy } from './objects';
import { StandInUser } from './user';

export { StandInModel, dateSerial } from './model';
export type {
  ChartRecord,
  ConditionalFormatRecord,
  SheetVisibility,
  StandInCell,
  StandInSheet,
} from './model';
export { seriesOf } from './charts';
export { StandInUser } from './user';
export { PAYLOAD_LIMIT_BYTES } from './range';

export interface InitialSheet {
  name: string;
  /** Hidden or very hidden from the start (default visible). */
  visibility?: SheetVisibility;
  /** Row-major, from A1; strings starting with `=` are formulas, error literals are errors. */
  rows?: unknown[][];
  /** Number formats by column letter, applied to the rows given. */
  numberFormats?: Record<string, string>;
}

export interface InitialWorkbook {
  sheets: InitialSheet[];
  settings?: Record<string, unknown>;
  customXmlParts?: string[];
  customProperties?: Record<string, string | number | boolean>;
}

export interface StandInOptions {
  displayLanguage?: string;
  /** Highest supported version per requirement set; ExcelApi defaults to 1.14. */
  requirementSets?: Record<string, string>;
  platform?: string;
  /** Largest response one sync may carry; default 5 MB as in Excel on the web. */
  payloadLimitBytes?: number;
}

export interface OfficeStandIn {
  model: StandInModel;
  user: StandInUser;
  /** Syncs, queued requests, and the most rows one range request read. */
  stats(): { syncs: number; requests: number; largestReadRows: number };
  resetStats(): void;
  /** Waits until every dispatched event has been handled. */
  settled(): Promise<void>;
  /** How many times settings were saved (saveAsync). */
  settingsSaves(): number;
  uninstall(): void;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function installOfficeStandIn(
  target: object,
  initial: InitialWorkbook = { sheets: [] },
  options: StandInOptions = {},
): OfficeStandIn {
  const g = target as Record<string, unknown>;
  const previous = { Office: g.Office, Excel: g.Excel, OfficeExtension: g.OfficeExtension };
  const model = new StandInModel();
  if (options.payloadLimitBytes) model.payloadLimitBytes = options.payloadLimitBytes;
  for (const s of initial.sheets) {
    const sheet = model.addSheet(s.name);
    sheet.visibility = s.visibility ?? 'Visible';
    (s.rows ?? []).forEach((line, r) =>
      line.forEach((v, c) => v !== null && v !== undefined && v !== '' && model.enter(sheet, r, c, v)),
    );
    for (const [col, fmt] of Object.entries(s.numberFormats ?? {})) {
      for (let r = 0; r < (s.rows ?? []).length; r++) model.setNumberFormat(sheet, r, columnIndex(col), fmt);
    }
  }
  model.recalculate();
  for (const [k, v] of Object.entries(initial.settings ?? {})) model.settings.set(k, v);
  for (const xml of initial.customXmlParts ?? []) {
    const ns = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? '';
    model.customXmlParts.push({ id: model.newId('xml'), xml, namespaceUri: ns });
  }
  for (const [k, v] of Object.entries(initial.customProperties ?? {}))
    model.customProperties.set(k, { value: v, type: typeof v === 'number' ? 'Number' : 'String' });

  const sets: Record<string, string> = { ExcelApi: '1.14', ...options.requirementSets };
  model.requirementSets = sets;
  let saves = 0;
  const clone = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
  const settings = {
    get: (name: string) => (model.settings.has(name) ? clone(model.settings.get(name)) : null),
    set: (name: string, value: unknown) => void model.settings.set(name, clone(value)),
    remove: (name: string) => void model.settings.delete(name),
    saveAsync: (a?: unknown, b?: unknown) => {
      const cb = (typeof a === 'function' ? a : b) as ((r: { status: string }) => void) | undefined;
      saves++;
      setTimeout(() => cb?.({ status: 'succeeded' }), 0);
    },
  };
  const platform = options.platform ?? 'OfficeOnline';
  const office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform };
      return new Promise((resolve) =>
        setTimeout(() => {
          cb?.(info);
          resolve(info);
        }, 0),
      );
    },
    context: {
      host: 'Excel',
      platform,
      displayLanguage: options.displayLanguage ?? 'ko-KR',
      contentLanguage: options.displayLanguage ?? 'ko-KR',
      diagnostics: { host: 'Excel', platform, version: 'stand-in' },
      requirements: {
        isSetSupported: (name: string, version?: string | number) => {
          const have = sets[name];
          if (have === undefined) return false;
          return version === undefined || versionAtLeast(have, String(version));
        },
      },
      document: { settings },
    },
  };
  const newContext = () => {
    const ctx = new StandInContext(model);
    ctx.workbook = new WorkbookProxy(ctx);
    return ctx;
  };
  const run = async (a: unknown, b?: unknown) => {
    const batch = (typeof a === 'function' ? a : b) as (ctx: StandInContext) => Promise<unknown>;
    if (typeof batch !== 'function')
      throw standInError('InvalidArgument', 'Excel.run needs a batch function.');
    let ctx: StandInContext;
    if (a instanceof StandInContext) ctx = a;
    else if (a && typeof a === 'object' && (a as { context?: unknown }).context instanceof StandInContext)
      ctx = (a as { context: StandInContext }).context;
    else ctx = newContext();
    const result = await batch(ctx);
    // Excel.run syncs whatever the batch left queued.
    if (ctx.pendingRequests > 0) await ctx.sync();
    return result;
  };
  g.Office = office;
  g.Excel = {
    run,
    RequestContext: StandInContext,
    EventSource: { local: 'Local', remote: 'Remote' },
    EventTriggerSource: { thisLocalAddin: 'ThisLocalAddin', unknown: 'Unknown' },
    RangeValueType: {
      empty: 'Empty',
      string: 'String',
      double: 'Double',
      boolean: 'Boolean',
      error: 'Error',
    },
    DataValidationType: { list: 'List' },
    SpecialCellType: { formulas: 'Formulas', constants: 'Constants', blanks: 'Blanks' },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  };
  g.OfficeExtension = {
    ErrorCodes: { propertyNotLoaded: 'PropertyNotLoaded', itemNotFound: 'ItemNotFound' },
  };

  return {
    model,
    user: new StandInUser(model),
    stats: () => ({ ...model.stats }),
    resetStats: () => {
      model.stats = { syncs: 0, requests: 0, largestReadRows: 0 };
    },
    settled: () => model.settled(),
    settingsSaves: () => saves,
    uninstall: () => {
      for (const [k, v] of Object.entries(previous)) {
        if (v === undefined) delete g[k];
        else g[k] = v;
      }
    },
  };
}

export { dateSerial as excelDateSerial };
