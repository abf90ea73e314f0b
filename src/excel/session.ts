// The live session: Excel → snapshot → engine → highlights → PaneState, and the pane's intents.
// A full pass is three syncs (survey, read, highlight); a change event's pass is two (read the
// changed rows, highlight), whatever the sheet's size.
import type { Finding } from '../engine/report';
import { type SheetSnapshot, type WorkbookSnapshot, parseAddress } from '../engine/snapshot';
import { ENGINE_VERSION, revalidateRows, validateWorkbook, type Validation } from '../engine';
import { currentStandard } from '../standard';
import type { Standard, Text } from '../standard/types';
import { type Stamp, StampFormatError, createStamp, stampFromXml, verdictOf } from '../stamp';
import type { LiveSession, PaneState } from '../taskpane/state';
import { type ChangeBatch, ChangeCoalescer, parseChange } from './changes';
import { insertStandardSheets } from './insert';
import {
  type HighlightMemory,
  desiredHighlights,
  loadMemory,
  planHighlights,
  pruneMemory,
  queueHighlights,
  storeMemory,
} from './highlights';
import { type ExcelRunner, capabilities, defaultRunner, detectHost, displayLanguage } from './host';
import { type RowCells, blocksFor, queueRowReads, rangeBlocks } from './reader';
import { type DocumentSettings, documentSettings, memorySettings } from './settings';
import { DATA_ROLES, type SheetRef, type SheetRole } from './sheets';
import { type Extent, surveyWorkbook } from './survey';
import { writeStamp } from './stamp-store';
import { describeProblem, problems } from './problems';

export interface SessionOptions {
  run?: ExcelRunner;
  standard?: Standard;
  /** Quiet period before a burst of edits is validated. */
  debounceMs?: number;
  settings?: DocumentSettings;
  /** Who marks a workbook validated, when the pane knows (e.g. after sign-in). */
  userName?: string;
  now?: () => Date;
  detect?: () => Promise<'excel' | 'no-host'>;
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
  private readonly standard: Standard;
  private readonly now: () => Date;
  private settings: DocumentSettings;
  private readonly coalescer: ChangeCoalescer;
  private snapshot: WorkbookSnapshot = { sheets: [] };
  private refs = new Map<SheetRole, SheetRef>();
  private extents = new Map<string, Extent>();
  private validation: Validation | null = null;
  private memory: HighlightMemory = new Map();
  private stamp: Stamp | null = null;
  private watched = new Set<string>();
  private workbookWatched = false;
  /** Rows co-authors changed: not validated on their account, but folded into our next pass. */
  private remoteRows = new Map<string, Set<number>>();
  private disposed = false;
  /** Syncs of the last pass and passes so far, for the bench and the tests. */
  lastPassSyncs = 0;
  passCount = 0;

  constructor(private readonly options: SessionOptions = {}) {
    this.run = options.run ?? defaultRunner;
    this.standard = options.standard ?? currentStandard;
    this.now = options.now ?? (() => new Date());
    this.settings = options.settings ?? memorySettings();
    this.coalescer = new ChangeCoalescer((batch) => this.pass(batch), options.debounceMs ?? 150);
    this.state = {
      status: 'starting',
      report: null,
      stamp: { status: 'absent' },
      problem: null,
      lastPassMs: null,
      displayLanguage: 'ko-KR',
    };
  }

  getState(): PaneState {
    return this.state;
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
    const host = await (this.options.detect ?? detectHost)();
    if (host === 'no-host') {
      this.update({ status: 'no-host', problem: problems.noHost });
      return;
    }
    if (!this.options.settings) this.settings = documentSettings();
    this.update({ displayLanguage: displayLanguage() });
    await this.removeHandlers();
    this.memory = loadMemory(this.settings);
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
    await this.removeHandlers();
  }

  private get scope(): string {
    return this.options.handlerScope ?? 'pane';
  }

  private register(r: Registration): void {
    const list = registrations.get(this.scope) ?? [];
    list.push(r);
    registrations.set(this.scope, list);
  }

  /** Removes every handler registered in this session's scope (by this or an earlier session). */
  private async removeHandlers(): Promise<void> {
    const old = registrations.get(this.scope) ?? [];
    registrations.delete(this.scope);
    this.watched.clear();
    this.workbookWatched = false;
    for (const r of old) {
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
      if (batch.full || !this.validation) await this.fullPass();
      else await this.rowsPass(batch);
      this.update({ status: 'ready', lastPassMs: performance.now() - started });
    } catch (e) {
      this.update({ status: this.validation ? 'ready' : 'error', problem: describeProblem(e) });
    }
  }

  private async fullPass(): Promise<void> {
    await this.run(async (context) => {
      let syncs = 0;
      const counted = async () => {
        syncs++;
        await context.sync();
      };
      const guesses = new Map([...this.refs].map(([role, ref]) => [role, ref.name]));
      const survey = await surveyWorkbook(context, this.standard, guesses);
      syncs += survey.syncs;
      this.refs = survey.refs;
      this.extents = survey.extents;
      const readers: { ref: SheetRef; collect: () => RowCells }[] = [];
      for (const role of DATA_ROLES) {
        const ref = this.refs.get(role);
        const extent = ref && this.extents.get(ref.id);
        if (!ref || !extent || extent.lastRow === 0) continue;
        const sheet = context.workbook.worksheets.getItem(ref.id);
        readers.push({
          ref,
          collect: queueRowReads(sheet, rangeBlocks(1, extent.lastRow, 0, extent.columns)),
        });
      }
      const xml = survey.stampPart.isNullObject ? null : survey.stampPart.getXml();
      await counted();
      const sheets: SheetSnapshot[] = [];
      for (const role of DATA_ROLES) {
        const ref = this.refs.get(role);
        if (!ref) continue;
        const cells = readers.find((r) => r.ref === ref)?.collect() ?? new Map();
        const rows: SheetSnapshot['rows'] = [];
        for (const [r, line] of cells) rows[r - 1] = line;
        sheets.push({ name: ref.name, rows: fillHoles(rows) });
      }
      this.snapshot = { sheets };
      this.stamp = null;
      let stampProblem: Text | null = null;
      if (xml) {
        try {
          this.stamp = stampFromXml(xml.value);
        } catch (e) {
          if (!(e instanceof StampFormatError)) throw e;
          stampProblem = problems.badStamp;
        }
      }
      this.validation = validateWorkbook(this.snapshot, this.standard);
      const liveIds = new Set(survey.sheets.map((s) => s.id));
      this.memory = pruneMemory(this.memory, liveIds);
      // A full read has every co-author's rows too.
      this.remoteRows.clear();
      const plan = planHighlights(
        this.memory,
        desiredHighlights(this.validation.report.findings, this.sheetIds()),
        'all',
      );
      queueHighlights(context, plan);
      this.queueWatch(context);
      await counted();
      this.lastPassSyncs = syncs;
      this.memory = plan.next;
      void storeMemory(this.settings, this.memory).catch(() => undefined);
      this.publish(stampProblem);
    });
  }

  private async rowsPass(batch: ChangeBatch): Promise<void> {
    let needFull = false;
    await this.run(async (context) => {
      let syncs = 0;
      const reads: { ref: SheetRef; sheet: Excel.Worksheet; collect: () => RowCells; rows: Set<number> }[] =
        [];
      for (const [id, change] of batch.rows) {
        const ref = [...this.refs.values()].find((r) => r.id === id && r.role !== 'summary');
        if (!ref) continue;
        const remote = this.remoteRows.get(id);
        const rows = new Set([...change.rows, ...(remote ?? [])]);
        this.remoteRows.delete(id);
        const extent = this.extents.get(id) ?? { lastRow: 0, columns: 0 };
        const columns = Math.max(extent.columns, change.lastColumn + 1);
        const sheet = context.workbook.worksheets.getItem(id);
        sheet.load('name');
        reads.push({ ref, sheet, rows, collect: queueRowReads(sheet, blocksFor(rows, 0, columns)) });
        extent.columns = columns;
        extent.lastRow = Math.max(extent.lastRow, ...rows);
        this.extents.set(id, extent);
      }
      if (reads.length === 0) return;
      syncs++;
      await context.sync();
      // A rename without a name-change event (ExcelApi < 1.17): start again from a full read.
      if (reads.some((r) => r.sheet.name !== r.ref.name)) {
        needFull = true;
        return;
      }
      const changes = reads.map((r) => {
        const target = this.snapshot.sheets.find((s) => s.name === r.ref.name)!;
        const cells = r.collect();
        for (const [row, line] of cells) target.rows[row - 1] = line;
        target.rows = fillHoles(target.rows);
        return { sheet: r.ref.name, rows: [...cells.keys()] };
      });
      this.validation = revalidateRows(this.validation!, this.snapshot, changes);
      const rewrite = new Map(reads.map((r) => [r.ref.id, r.rows] as const));
      const plan = planHighlights(
        this.memory,
        desiredHighlights(this.validation.report.findings, this.sheetIds()),
        rewrite,
      );
      if (queueHighlights(context, plan) > 0) {
        syncs++;
        await context.sync();
      }
      this.lastPassSyncs = syncs;
      this.memory = plan.next;
      void storeMemory(this.settings, this.memory).catch(() => undefined);
      this.publish(null);
    });
    if (needFull) await this.fullPass();
  }

  private sheetIds(): Map<string, string> {
    return new Map([...this.refs.values()].map((r) => [r.name, r.id]));
  }

  private publish(problem: Text | null): void {
    const v = this.validation!;
    this.update({ report: v.report, stamp: verdictOf(this.stamp, v), problem });
  }

  // ---- events ----

  private queueWatch(context: Excel.RequestContext): void {
    for (const role of DATA_ROLES) {
      const ref = this.refs.get(role);
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
    if (capabilities().nameChanged) this.register(sheets.onNameChanged.add(structural) as Registration);
    this.workbookWatched = true;
  }

  private async onChanged(e: Excel.WorksheetChangedEventArgs): Promise<void> {
    // The add-in's own writes (a fix, the stamp line) are validated where they are made.
    if (e.triggerSource === 'ThisLocalAddin' || this.disposed) return;
    const change = parseChange(e.address, e.changeType);
    if (e.source === 'Remote') {
      // A co-author's own pane validates their edit; two panes colouring the same cells would
      // fight. Their rows are read with our next pass so the snapshot never goes stale.
      if (change.kind === 'rows') {
        let set = this.remoteRows.get(e.worksheetId);
        if (!set) this.remoteRows.set(e.worksheetId, (set = new Set()));
        for (let r = change.first; r <= change.last; r++) set.add(r);
      }
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
    const ref = finding.sheet ? [...this.refs.values()].find((r) => r.name === finding.sheet) : undefined;
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
    const ref = finding.sheet ? [...this.refs.values()].find((r) => r.name === finding.sheet) : undefined;
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
    const done = await this.guard(() => this.run((context) => insertStandardSheets(context, this.standard)));
    if (done) await this.validateNow();
  }

  async markValidated(): Promise<void> {
    await this.validateNow();
    const v = this.validation;
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
    const summary = this.refs.get('summary')?.id ?? null;
    const done = await this.guard(() => this.run((context) => writeStamp(context, stamp, summary)));
    if (!done) return;
    this.stamp = stamp;
    this.publish(null);
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

/** The engine iterates rows; holes in a sparse array become empty rows. */
function fillHoles(rows: SheetSnapshot['rows']): SheetSnapshot['rows'] {
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return rows;
}

export function createLiveSession(options?: SessionOptions): ExcelLiveSession {
  return new ExcelLiveSession(options);
}
