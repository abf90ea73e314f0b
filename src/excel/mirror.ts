// The add-in's picture of the workbook between passes: where the standard sheets are, how far they
// reach, the snapshot the engine validated, which cells the add-in coloured and the stored stamp.
// A full pass rebuilds it in three syncs; a change's pass patches the changed rows in two.
import { type SheetSnapshot, type WorkbookSnapshot } from '../engine/snapshot';
import { revalidateRows, validateWorkbook, type Validation } from '../engine';
import type { StandardRegistry } from '../standard';
import type { Standard } from '../standard/types';
import { type ShownStamp, type StoredStamp, StampFormatError, stampFromXml, stampLinesIn } from '../stamp';
import type { ChangeBatch } from './changes';
import {
  type HighlightMemory,
  type HighlightPlan,
  desiredHighlights,
  planHighlights,
  pruneMemory,
  queueHighlights,
  storeMemory,
} from './highlights';
import { type SheetRead, blocksFor, rangeBlocks, readSheets } from './reader';
import type { DocumentSettings } from './settings';
import {
  DATA_ROLES,
  READ_ROLES,
  type SheetInfo,
  type SheetRef,
  type SheetRole,
  sheetsSignature,
  standardCandidates,
  visibilityOf,
} from './sheets';
import { type Extent, surveyWorkbook } from './survey';

export interface PassResult {
  syncs: number;
}

/** The engine iterates rows; holes in a sparse array become empty rows. */
function fillHoles(rows: SheetSnapshot['rows']): SheetSnapshot['rows'] {
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return rows;
}

export class WorkbookMirror {
  snapshot: WorkbookSnapshot = { sheets: [] };
  refs = new Map<SheetRole, SheetRef>();
  private extents = new Map<string, Extent>();
  validation: Validation | null = null;
  memory: HighlightMemory = new Map();
  /** The stamp part as the last full pass read it. */
  stamp: StoredStamp = { stamp: null, damaged: false };
  /** The custom document properties as the last full pass read them (a stamp's shown form). */
  properties: Record<string, unknown> = {};
  /** Rows co-authors changed: not validated on their account, but folded into our next pass. */
  private remoteRows = new Map<string, Set<number>>();
  /** The sheets as the last survey saw them: a rows pass that finds them changed becomes a full one. */
  private surveyed = '';

  /**
   * `standards` are the versions a workbook may declare; sheets are located by the newest's names
   * (every version so far shares them) and the engine reads 표준버전 from what was read.
   */
  constructor(
    private readonly standards: StandardRegistry,
    private readonly settings: () => DocumentSettings,
  ) {}

  private get names(): Standard {
    return this.standards.newest;
  }

  /**
   * The standard to insert or repair sheets with: the workbook's own when it has any standard data
   * sheet, else (an empty workbook: a new form) the newest.
   */
  standardForSheets(): Standard {
    const hasData = DATA_ROLES.some((role) => this.refs.has(role));
    return hasData && this.validation ? this.validation.standard : this.standards.newest;
  }

  refById(id: string): SheetRef | undefined {
    return [...this.refs.values()].find((r) => r.id === id);
  }

  refByName(name: string): SheetRef | undefined {
    return [...this.refs.values()].find((r) => r.name === name);
  }

  addRemoteRows(sheetId: string, first: number, last: number): void {
    let set = this.remoteRows.get(sheetId);
    if (!set) this.remoteRows.set(sheetId, (set = new Set()));
    for (let r = first; r <= last; r++) set.add(r);
  }

  private sheetIds(): Map<string, string> {
    return new Map([...this.refs.values()].map((r) => [r.name, r.id]));
  }

  /** Survey, read everything, validate, highlight (and whatever `watch` queues) — three syncs. */
  async full(
    context: Excel.RequestContext,
    watch: (context: Excel.RequestContext) => void,
  ): Promise<PassResult> {
    const guesses = new Map([...this.refs].map(([role, ref]) => [role, ref.name]));
    const survey = await surveyWorkbook(context, this.names, guesses);
    let syncs = survey.syncs;
    this.refs = survey.refs;
    this.extents = survey.extents;
    this.surveyed = sheetsSignature(survey.sheets);
    const reads: SheetRead[] = [];
    for (const role of READ_ROLES) {
      const ref = this.refs.get(role);
      const extent = ref && this.extents.get(ref.id);
      if (!ref || !extent || extent.lastRow === 0) continue;
      reads.push({ sheetId: ref.id, blocks: rangeBlocks(1, extent.lastRow, 0, extent.columns) });
    }
    let xml: OfficeExtension.ClientResult<string> | null = null;
    let custom: Excel.CustomPropertyCollection | null = null;
    const read = await readSheets(context, reads, () => {
      if (!survey.stampPart.isNullObject) xml = survey.stampPart.getXml();
      custom = context.workbook.properties.custom.load('items/key,items/value');
    });
    syncs += read.syncs;
    // Every sheet answering to a standard name goes in with its cells and visibility (the engine
    // decides which twin is validated and reports hidden and twin sheets); every other sheet with
    // its name and visibility only (the stamp covers the sheet list, not their contents).
    const candidates = new Set(standardCandidates(survey.sheets, this.names));
    const sheets: SheetSnapshot[] = survey.sheets.map((s) => {
      if (!candidates.has(s)) return { name: s.name, rows: [], visibility: s.visibility };
      const rows: SheetSnapshot['rows'] = [];
      for (const [r, line] of read.cells.get(s.id) ?? []) rows[r - 1] = line;
      return { name: s.name, rows: fillHoles(rows), visibility: s.visibility };
    });
    this.snapshot = { sheets };
    const loaded = custom as Excel.CustomPropertyCollection | null;
    this.properties = Object.fromEntries((loaded?.items ?? []).map((p) => [p.key, p.value]));
    this.stamp = { stamp: null, damaged: false };
    const stored = xml as OfficeExtension.ClientResult<string> | null;
    if (stored) {
      try {
        this.stamp = { stamp: stampFromXml(stored.value), damaged: false };
      } catch (e) {
        if (!(e instanceof StampFormatError)) throw e;
        this.stamp = { stamp: null, damaged: true };
      }
    }
    this.validation = validateWorkbook(this.snapshot, this.standards);
    this.memory = pruneMemory(this.memory, new Set(survey.sheets.map((s) => s.id)));
    // A full read has every co-author's rows too.
    this.remoteRows.clear();
    const desired = desiredHighlights(this.validation.report.findings, this.sheetIds());
    const plan = planHighlights(this.memory, desired, 'all');
    queueHighlights(context, plan);
    watch(context);
    syncs++;
    await context.sync();
    this.remember(plan);
    return { syncs };
  }

  /** What the workbook shows of its stamp besides the part: the properties and the 요약 line. */
  shown(): ShownStamp {
    const ref = this.refs.get('summary');
    const summary = ref ? this.snapshot.sheets.find((s) => s.name === ref.name) : undefined;
    return { properties: this.properties, summaryLines: summary ? stampLinesIn(summary.rows) : null };
  }

  /** After the add-in wrote a stamp: its part, properties and 요약 line, as now stored. */
  stamped(
    stamp: StoredStamp,
    properties: Record<string, string>,
    line: { row: number; text: string } | null,
  ): void {
    this.stamp = stamp;
    this.properties = { ...this.properties, ...properties };
    const ref = this.refs.get('summary');
    const summary = ref && this.snapshot.sheets.find((s) => s.name === ref.name);
    if (!summary || !line) return;
    const row = (summary.rows[line.row - 1] = [...(summary.rows[line.row - 1] ?? [])]);
    row[0] = { value: line.text };
    summary.rows = fillHoles(summary.rows);
  }

  /**
   * Reads the changed rows (and co-authors' rows waiting), re-validates them, updates highlights —
   * two syncs, one when no fill changes. 'full' when the sheets moved under us.
   */
  async rows(context: Excel.RequestContext, batch: ChangeBatch): Promise<PassResult | 'full' | 'nothing'> {
    if (!this.validation) return 'full';
    const changed: { ref: SheetRef; rows: Set<number> }[] = [];
    const reads: SheetRead[] = [];
    for (const [id, change] of batch.rows) {
      const ref = this.refById(id);
      if (!ref) continue;
      const rows = new Set([...change.rows, ...(this.remoteRows.get(id) ?? [])]);
      this.remoteRows.delete(id);
      const extent = this.extents.get(id) ?? { lastRow: 0, columns: 0 };
      extent.columns = Math.max(extent.columns, change.lastColumn + 1);
      extent.lastRow = Math.max(extent.lastRow, ...rows);
      this.extents.set(id, extent);
      changed.push({ ref, rows });
      reads.push({ sheetId: id, blocks: blocksFor(rows, 0, extent.columns) });
    }
    if (reads.length === 0) return 'nothing';
    let worksheets: Excel.WorksheetCollection | null = null;
    const read = await readSheets(context, reads, () => {
      worksheets = context.workbook.worksheets.load('items/id,items/name,items/visibility');
    });
    let syncs = read.syncs;
    // A rename, a sheet hidden or shown, added or deleted without an event (ExcelApi < 1.17 has
    // neither name- nor visibility-change events): start again from a full read.
    const now: SheetInfo[] = (worksheets as Excel.WorksheetCollection | null)!.items.map((w) => ({
      id: w.id,
      name: w.name,
      visibility: visibilityOf(w.visibility),
    }));
    if (sheetsSignature(now) !== this.surveyed) return 'full';
    const changes = changed.map(({ ref }) => {
      const target = this.snapshot.sheets.find((s) => s.name === ref.name)!;
      const cells = read.cells.get(ref.id)!;
      for (const [row, line] of cells) target.rows[row - 1] = line;
      target.rows = fillHoles(target.rows);
      return { sheet: ref.name, rows: [...cells.keys()] };
    });
    this.validation = revalidateRows(this.validation, this.snapshot, changes);
    const desired = desiredHighlights(this.validation.report.findings, this.sheetIds());
    const plan = planHighlights(
      this.memory,
      desired,
      new Map(changed.map((c) => [c.ref.id, c.rows] as const)),
    );
    if (queueHighlights(context, plan) > 0) {
      syncs++;
      await context.sync();
    }
    this.remember(plan);
    return { syncs };
  }

  private remember(plan: HighlightPlan): void {
    this.memory = plan.next;
    // Nothing coloured or cleared: the stored memory is already right.
    if (plan.sheets.size === 0) return;
    // Settings are saved in the background: a failed save costs only the memory of fills.
    void storeMemory(this.settings(), plan.next).catch(() => undefined);
  }
}
