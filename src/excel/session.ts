// The live session: Excel → snapshot → engine → highlights → PaneState, and the pane's intents.
// A full pass is three syncs (survey, read, highlight); a change event's pass is two (read the
// changed rows, highlight), whatever the sheet's size. The workbook's state lives in WorkbookMirror.
import type { Finding } from '../engine/report';
import { parseAddress } from '../engine/snapshot';
import { ENGINE_VERSION, type Validation } from '../engine';
import { registry, standardByVersion, type StandardRegistry } from '../standard';
import { checkStamp, createStamp, dataNow, NO_VERDICT } from '../stamp';
import type { LiveSession, PaneState } from '../session/state';
import { type ChangeBatch, ChangeCoalescer, parseChange } from './changes';
import { insertStandardSheets } from './insert';
import { loadMemory, shiftMemory, storeMemory } from './highlights';
import { upgradeWorkbook, type UpgradeResult } from './upgrade';
import { upgradeOffer, upgradeTarget } from '../workbook/upgrade';
import { type ExcelRunner, type HostCapabilities, type HostInfo, checkHost, defaultRunner } from './host';
import { WorkbookMirror } from './mirror';
import { type DocumentSettings, documentSettings, memorySettings } from './settings';
import { READ_ROLES } from './sheets';
import { type WrittenStamp, writeStamp } from './stamp-store';
import { describeProblem, problems } from './problems';

export interface SessionOptions {
  run?: ExcelRunner;
  /** The standard versions a workbook may declare (the product's by default; tests add fixtures). */
  standards?: StandardRegistry;
  /** Quiet period before a burst of edits is validated. */
  debounceMs?: number;
  settings?: DocumentSettings;
  /** Who marks a workbook validated, when the pane knows (e.g. after sign-in). */
  userName?: string;
  now?: () => Date;
  /** The host check (default `checkHost`); the pane passes the answer it already has. */
  detect?: () => Promise<HostInfo>;
  /**
   * Sessions of the same scope replace each other's event handlers (a pane that loads again);
   * another scope (e.g. 'commands' in a shared runtime) leaves them alone. Default 'pane'.
   */
  handlerScope?: string;
}

/** Settings key for the name a user gives for stamps (Office.js has no user name without sign-in). */
export const USER_NAME_KEY = 'delib.user.name';

type Registration = OfficeExtension.EventHandlerResult<unknown>;

// Handlers outlive a session object when the pane re-renders in the same page; the next session of
// the same scope removes them before registering its own, so events are never handled twice.
const registrations = new Map<string, Registration[]>();

export class ExcelLiveSession implements LiveSession {
  private state: PaneState;
  private readonly listeners = new Set<(s: PaneState) => void>();
  private readonly run: ExcelRunner;
  private readonly now: () => Date;
  private settings: DocumentSettings;
  private readonly coalescer: ChangeCoalescer;
  private readonly mirror: WorkbookMirror;
  private watched = new Set<string>();
  private workbookWatched = false;
  private disposed = false;
  private readonly own = new Set<Registration>();
  private capabilities: HostCapabilities | null = null;
  private get standards(): StandardRegistry {
    return this.options.standards ?? registry;
  }
  /** Syncs of the last pass and passes so far, for the bench and the tests. */
  lastPassSyncs = 0;
  passCount = 0;

  constructor(private readonly options: SessionOptions = {}) {
    this.run = options.run ?? defaultRunner;
    this.now = options.now ?? (() => new Date());
    this.settings = options.settings ?? memorySettings();
    this.coalescer = new ChangeCoalescer((batch) => this.pass(batch), options.debounceMs ?? 150);
    this.mirror = new WorkbookMirror(this.standards, () => this.settings);
    this.state = {
      status: 'starting',
      report: null,
      stamp: NO_VERDICT,
      problem: null,
      lastPassMs: null,
      displayLanguage: 'ko-KR',
    };
  }

  getState(): PaneState {
    return this.state;
  }

  /** The latest validation with its forum records (what a submission sends); null before the first pass. */
  currentValidation(): Validation | null {
    return this.mirror.validation ?? null;
  }

  dataHash(): string | null {
    const v = this.mirror.validation;
    return v ? dataNow(v).facts.hash : null;
  }

  subscribe(listener: (state: PaneState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) {
      try {
        l(this.state);
      } catch {
        // A failing listener must not stop the others nor the session.
      }
    }
  }

  /** Connects to Excel: removes handlers of an earlier session, reads, validates, listens. */
  async start(): Promise<void> {
    const host = await (this.options.detect ?? checkHost)();
    // Disposed while Office was getting ready (a pane unmounted at once): nothing to start.
    if (this.disposed) return;
    if (!host.inExcel) {
      this.update({ status: 'no-host', problem: problems.noHost });
      return;
    }
    this.capabilities = host.capabilities;
    if (!this.options.settings) this.settings = documentSettings();
    this.update({ displayLanguage: host.displayLanguage });
    await this.removeHandlers();
    this.mirror.memory = loadMemory(this.settings);
    this.update({ status: 'reading' });
    this.coalescer.requestFull();
    await this.coalescer.idle();
  }

  /** Resolves when every change seen so far has been validated and shown. */
  whenIdle(): Promise<void> {
    return this.coalescer.idle();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.coalescer.cancel();
    await this.removeHandlers(true);
  }

  private get scope(): string {
    return this.options.handlerScope ?? 'pane';
  }

  private register(r: Registration): void {
    const list = registrations.get(this.scope) ?? [];
    list.push(r);
    registrations.set(this.scope, list);
    this.own.add(r);
  }

  /**
   * Removes handlers of this session's scope: all of them when starting (an earlier session's
   * included), only this session's own when disposing (a newer session's stay).
   */
  private async removeHandlers(onlyOwn = false): Promise<void> {
    const all = registrations.get(this.scope) ?? [];
    const gone = onlyOwn ? all.filter((r) => this.own.has(r)) : all;
    registrations.set(
      this.scope,
      all.filter((r) => !gone.includes(r)),
    );
    this.own.clear();
    this.watched.clear();
    this.workbookWatched = false;
    for (const r of gone) {
      try {
        await Excel.run(r.context, async (context) => {
          r.remove();
          await context.sync();
        });
      } catch {
        // The context of a closed pane is gone, and its handlers with it.
      }
    }
  }

  // ---- passes ----

  private async pass(batch: ChangeBatch): Promise<void> {
    if (this.disposed) return;
    const started = performance.now();
    this.passCount++;
    try {
      if (batch.full || !this.mirror.validation) await this.fullPass();
      else await this.rowsPass(batch);
      this.update({ status: 'ready', lastPassMs: performance.now() - started });
    } catch (e) {
      this.update({ status: this.mirror.validation ? 'ready' : 'error', problem: describeProblem(e) });
    }
  }

  private async fullPass(): Promise<void> {
    const result = await this.run((context) => this.mirror.full(context, (c) => this.queueWatch(c)));
    this.lastPassSyncs = result.syncs;
    this.publish();
  }

  private async rowsPass(batch: ChangeBatch): Promise<void> {
    const result = await this.run((context) => this.mirror.rows(context, batch));
    if (result === 'full') return this.fullPass();
    if (result === 'nothing') return;
    this.lastPassSyncs = result.syncs;
    this.publish();
  }

  /**
   * The report and the stamp's verdict on the data now: the data is validated again on every
   * pass, so a stamp never vouches for data with errors, whatever it claims (src/stamp/verdict.ts).
   */
  private publish(): void {
    const v = this.mirror.validation!;
    const stamp = checkStamp(this.mirror.stamp, v, this.mirror.shown(), {
      standards: this.options.standards ?? registry,
      // A keystroke in a large sheet must not pay for the full hash when the digests already differ.
      alwaysHash: false,
    });
    this.update({ report: v.report, stamp, problem: null, upgrade: this.offer() });
  }

  /** A newer standard for a workbook with a 숙의공론장 sheet that follows an older known one. */
  private offer(): PaneState['upgrade'] {
    const v = this.mirror.validation;
    const target =
      v && this.mirror.refs.has('forums') ? upgradeTarget(v.standard, this.standards.versions) : null;
    return v && target ? upgradeOffer(v.standard, target) : null;
  }

  // ---- events ----

  private queueWatch(context: Excel.RequestContext): void {
    for (const role of READ_ROLES) {
      const ref = this.mirror.refs.get(role);
      if (!ref || this.watched.has(ref.id)) continue;
      this.register(
        context.workbook.worksheets.getItem(ref.id).onChanged.add((e) => this.onChanged(e)) as Registration,
      );
      this.watched.add(ref.id);
    }
    if (this.workbookWatched) return;
    const sheets = context.workbook.worksheets;
    const structural = async () => this.coalescer.requestFull();
    this.register(sheets.onAdded.add(structural) as Registration);
    this.register(sheets.onDeleted.add(structural) as Registration);
    const can = this.capabilities;
    if (can?.nameChanged) this.register(sheets.onNameChanged.add(structural) as Registration);
    // Hiding or showing a sheet changes which twin is validated and whether hidden-sheet holds.
    // Without the event (ExcelApi < 1.17) the next edit's pass notices it (src/excel/mirror.ts).
    if (can?.visibilityChanged) this.register(sheets.onVisibilityChanged.add(structural) as Registration);
    this.workbookWatched = true;
  }

  private async onChanged(e: Excel.WorksheetChangedEventArgs): Promise<void> {
    // The add-in's own writes (a fix, the stamp line) are validated where they are made.
    if (e.triggerSource === 'ThisLocalAddin' || this.disposed) return;
    const change = parseChange(e.address, e.changeType);
    if (e.source === 'Remote') {
      // A co-author's own pane validates their edit; two panes colouring the same cells would
      // fight. Their rows are read with our next pass so the snapshot never goes stale.
      if (change.kind === 'rows') this.mirror.addRemoteRows(e.worksheetId, change.first, change.last);
      return;
    }
    if (change.kind === 'full') this.coalescer.requestFull();
    else this.coalescer.addRows(e.worksheetId, change.first, change.last, change.lastColumn);
  }

  // ---- intents ----

  async validateNow(): Promise<void> {
    this.coalescer.requestFull();
    await this.coalescer.idle();
  }

  async selectFinding(finding: Finding): Promise<void> {
    const ref = finding.sheet ? this.mirror.refByName(finding.sheet) : undefined;
    if (!ref) return;
    await this.guard(() =>
      this.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(ref.id);
        sheet.activate();
        sheet.getRange(finding.cell ?? 'A1').select();
        await context.sync();
      }),
    );
  }

  /** Writes the finding's fix into its cell: the one place the add-in writes a user cell, on the user's click. */
  async applyFix(finding: Finding): Promise<void> {
    const ref = finding.sheet ? this.mirror.refByName(finding.sheet) : undefined;
    if (!ref || !finding.cell || finding.fix === null) return;
    const done = await this.guard(() =>
      this.run(async (context) => {
        context.workbook.worksheets.getItem(ref.id).getRange(finding.cell!).values = [[finding.fix]];
        await context.sync();
      }),
    );
    if (!done) return;
    const { row, column } = parseAddress(finding.cell);
    this.coalescer.addRows(ref.id, row, row, column);
    await this.coalescer.idle();
  }

  async insertStandardSheets(): Promise<void> {
    await this.coalescer.idle();
    // The workbook's own version (an empty workbook gets the newest): sheets are never mixed.
    const standard = this.mirror.standardForSheets();
    const done = await this.guard(() => this.run((context) => insertStandardSheets(context, standard)));
    if (done) await this.validateNow();
  }

  /**
   * Upgrades the workbook to the offered version (src/excel/upgrade.ts), then validates it against
   * that version. Without an offer (already upgraded, or a second click) nothing is written.
   */
  async upgradeStandard(): Promise<void> {
    await this.coalescer.idle();
    const offer = this.offer();
    const from = this.mirror.validation?.standard;
    const to = offer ? standardByVersion(offer.to, this.standards) : undefined;
    if (!from || !to) return;
    let moved: UpgradeResult['moved'] = new Map();
    const done = await this.guard(async () => {
      ({ moved } = await this.run((context) => upgradeWorkbook(context, from, to)));
    });
    // The cells the add-in coloured moved with their columns: so does its memory of them.
    if (moved.size > 0) {
      this.mirror.memory = shiftMemory(this.mirror.memory, moved);
      void storeMemory(this.settings, this.mirror.memory).catch(() => undefined);
    }
    if (done) await this.validateNow();
  }

  async markValidated(): Promise<void> {
    await this.validateNow();
    const v = this.mirror.validation;
    if (!v) return;
    if (v.report.stats.errors > 0) {
      this.update({ problem: problems.stampRefused(v.report.stats.errors) });
      return;
    }
    const stamp = createStamp(v, {
      engine: ENGINE_VERSION,
      at: this.now().toISOString(),
      by: this.stampUser(v),
    });
    const summary = this.mirror.refs.get('summary')?.id ?? null;
    let written: WrittenStamp | null = null;
    const done = await this.guard(async () => {
      written = await this.run((context) => writeStamp(context, stamp, summary));
    });
    if (!done || !written) return;
    const { properties, line } = written as WrittenStamp;
    this.mirror.stamped({ stamp, damaged: false }, properties, line);
    this.publish();
  }

  /** Saves the name stamps are signed with, in the workbook's settings (for the pane's name field). */
  async setUserName(name: string): Promise<void> {
    const trimmed = name.trim();
    await (trimmed ? this.settings.save(USER_NAME_KEY, trimmed) : this.settings.remove(USER_NAME_KEY));
  }

  /** The stamp's "by": the pane's signed-in name, else a name saved in the workbook, else 작성자. */
  private stampUser(v: Validation): string {
    const saved = this.settings.load<string>(USER_NAME_KEY);
    const name =
      this.options.userName ??
      (typeof saved === 'string' && saved.trim() ? saved : null) ??
      v.report.info.author;
    return name?.trim() || '(알 수 없음 / unknown)';
  }

  private async guard(action: () => Promise<unknown>): Promise<boolean> {
    try {
      await action();
      return true;
    } catch (e) {
      this.update({ problem: describeProblem(e) });
      return false;
    }
  }
}

export function createLiveSession(options?: SessionOptions): ExcelLiveSession {
  return new ExcelLiveSession(options);
}
