// The request machinery: a queue applied only at sync(), proxies that refuse to show a property
// before load() + sync(), ClientResult and event-handler registration, as Office.js behaves.
import type { Box } from './address';
import { type Handler, type StandInModel, type StandInSheet, standInError } from './model';

export type Op = () => void;

export class StandInContext {
  private queueOps: Op[] = [];
  /** Values/formulas written during the current sync, for the onChanged events that follow it. */
  written: { sheet: StandInSheet; box: Box }[] = [];
  dirtyRows = new Map<StandInSheet, Set<number>>();
  /** Bytes of loaded cell data in the current sync (Excel on the web caps a response at 5 MB). */
  responseBytes = 0;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  // The workbook proxy is attached by the installer (objects.ts depends on this file).
  workbook: unknown;

  constructor(readonly model: StandInModel) {}

  enqueue(op: Op): void {
    this.queueOps.push(op);
  }

  get pendingRequests(): number {
    return this.queueOps.length;
  }

  markWritten(sheet: StandInSheet, box: Box): void {
    this.written.push({ sheet, box });
    let rows = this.dirtyRows.get(sheet);
    if (!rows) this.dirtyRows.set(sheet, (rows = new Set()));
    for (let r = box.row; r < box.row + box.rowCount; r++) if (sheet.rows.has(r)) rows.add(r);
  }

  async sync(): Promise<void> {
    const ops = this.queueOps.splice(0);
    this.model.stats.syncs++;
    this.model.stats.requests += ops.length;
    this.written = [];
    this.dirtyRows = new Map();
    this.responseBytes = 0;
    let failure: unknown = null;
    // Excel applies the batch in order and stops at the first failing request.
    for (const op of ops) {
      try {
        op();
      } catch (e) {
        failure = e;
        break;
      }
    }
    if (!failure && this.responseBytes > this.model.payloadLimitBytes) {
      failure = standInError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit.',
      );
    }
    if (this.dirtyRows.size > 0) this.model.recalculate(this.dirtyRows);
    for (const w of this.written)
      this.model.changed(w.sheet, w.box, 'RangeEdited', 'Local', 'ThisLocalAddin');
    if (this.written.length === 0 && ops.length > 0) this.model.notify();
    await Promise.resolve();
    if (failure) throw failure;
  }
}

export function notLoaded(name: string): Error {
  return standInError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export type LoadArg = string | string[] | { select?: string } | undefined;

export function loadList(arg: LoadArg): string[] | null {
  if (arg === undefined) return null;
  if (typeof arg === 'string')
    return arg
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((s) => loadList(s) ?? []);
  return arg.select ? loadList(arg.select) : null;
}

/** Base of every proxy: loaded values appear only after the sync that ran the load. */
export abstract class StandInObject {
  protected loaded = new Map<string, unknown>();
  protected nullness: boolean | undefined;

  /**
   * An *OrNullObject answers `isNullObject` instead of throwing; whether it exists is decided at
   * the next sync, as in Excel.
   */
  constructor(
    readonly context: StandInContext,
    protected orNull = false,
  ) {
    if (orNull) context.enqueue(() => void this.check());
  }

  /** Scalar properties, read at the moment the queued load runs. */
  protected abstract scalars(): Record<string, () => unknown>;

  /** Child objects `load('format/fill/color')` navigates into. */
  protected navigation(): Record<string, StandInObject> {
    return {};
  }

  /** Throws when the object does not exist (ItemNotFound) unless it is an *OrNullObject. */
  protected abstract exists(): boolean;

  load(arg?: LoadArg): this {
    const list = loadList(arg);
    const nav = this.navigation();
    const here: string[] = [];
    for (const item of list ?? Object.keys(this.scalars())) {
      const [head, ...rest] = item.split('/');
      if (rest.length > 0 && nav[head]) nav[head].load(rest.join('/'));
      else if (nav[head] && rest.length === 0) nav[head].load();
      else here.push(head);
    }
    this.context.enqueue(() => {
      if (!this.check()) {
        for (const p of here) this.loaded.set(p, null);
        return;
      }
      const scalars = this.scalars();
      for (const p of here) {
        if (!(p in scalars)) throw standInError('PropertyNotFound', `The property '${p}' does not exist.`);
        this.loaded.set(p, scalars[p]());
      }
    });
    return this;
  }

  /** Resolves existence during sync: false for a null object, throws for a missing required one. */
  protected check(): boolean {
    const ok = this.exists();
    if (!ok && !this.orNull) throw standInError('ItemNotFound', 'The requested resource does not exist.');
    this.nullness = !ok;
    return ok;
  }

  protected queueOp(op: () => void): void {
    this.context.enqueue(() => {
      if (this.check()) op();
    });
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  get isNullObject(): boolean {
    if (this.nullness === undefined) throw notLoaded('isNullObject');
    return this.nullness;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/**
 * A part of another object (a sheet's charts, a range's format): it exists as long as its owner, so
 * only the owner's checks throw; it has no scalars unless it declares them.
 */
export abstract class StandInPart extends StandInObject {
  protected scalars(): Record<string, () => unknown> {
    return {};
  }
  protected exists(): boolean {
    return true;
  }
}

/**
 * A collection whose `items` are what the model holds at the sync after `load`, each filled with
 * the properties loaded through it (`load('items/name')`); read before that sync they throw
 * PropertyNotLoaded, as in Excel.
 */
export abstract class StandInCollection<T> extends StandInPart {
  private list: T[] | null = null;
  /** What `load()` with no properties loads on each item. */
  protected defaultItemProps: string[] = [];
  /** The items the model holds now, filled with `props`. */
  protected abstract itemsAtSync(props: string[]): T[];
  override load(arg?: LoadArg): this {
    const props = (loadList(arg) ?? this.defaultItemProps)
      .map((p) => p.replace(/^items\/?/, ''))
      .filter(Boolean);
    this.context.enqueue(() => void (this.list = this.itemsAtSync(props)));
    return this;
  }
  get items(): T[] {
    if (!this.list) throw standInError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }
}

export class ClientResult<T> {
  private has = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.has = true;
  }
  get value(): T {
    if (!this.has) throw notLoaded('value');
    return this.v as T;
  }
}

/**
 * `obj.onChanged.add(h)`: registration takes effect at the next sync, like Excel's. An event of a
 * requirement set the host lacks (onVisibilityChanged needs ExcelApi 1.17) fails that sync with
 * ApiNotFound, as Excel does: the JavaScript library has the property, the host does not.
 */
export class StandInEventHandlers {
  constructor(
    private readonly context: StandInContext,
    private readonly set: () => Set<Handler>,
    private readonly requires?: { set: string; version: string },
  ) {}

  add(handler: Handler): { context: StandInContext; remove: () => void } {
    const requires = this.requires;
    this.context.enqueue(() => {
      if (requires && !this.context.model.supports(requires.set, requires.version))
        throw standInError('ApiNotFound', `This event needs ${requires.set} ${requires.version}.`);
      this.set().add(handler);
    });
    return {
      context: this.context,
      remove: () => this.context.enqueue(() => this.set().delete(handler)),
    };
  }
}
