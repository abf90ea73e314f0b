// The engine's two entry points. validateWorkbook reads everything; revalidateRows re-reads only
// the rows a host reports as changed and re-derives the table-wide findings from indexes, so a
// keystroke in a 10,000-row sheet costs one row plus one linear pass over cached results.
import type { Standard } from '../standard/types';
import { currentStandard } from '../standard';
import type { RowChange, WorkbookSnapshot } from './snapshot';
import type { CouncilRecord, Finding, ForumRecord, ValidationReport } from './report';
import { findSheet, locateTable, type TableLayout } from './locate';
import { readInfo, type InfoResult } from './info';
import { forumContext, readForumRow, type ForumContext, type ForumRow } from './forums';
import { readCouncil, type CouncilResult } from './council';
import { makeFinding } from './findings';
import { MetricsTally } from './metrics';
import { RowIndex, gapFinding, repeatFinding } from './tablewide';
import { sheetKey } from './text';

export const ENGINE_VERSION = '1.0.0';

export interface Validation {
  report: ValidationReport;
  /** Non-blank 숙의공론장 rows in sheet order. */
  forums: ForumRecord[];
  council: CouncilRecord[];
  /**
   * Incremental state for revalidateRows. It is updated in place: after revalidateRows(v, …),
   * use the returned Validation, not v, for the next call.
   */
  readonly state: unknown;
}

interface ForumTable {
  ctx: ForumContext;
  /** Indexed by Excel row; undefined for blank rows. */
  rows: (ForumRow | undefined)[];
  ids: RowIndex<number>;
  repeats: RowIndex<string>;
  tally: MetricsTally;
}

interface EngineState {
  standard: Standard;
  sheetFindings: Finding[];
  info: InfoResult;
  forums: ForumTable | null;
  council: { layout: TableLayout; result: CouncilResult } | null;
}

export function validateWorkbook(
  snapshot: WorkbookSnapshot,
  standard: Standard = currentStandard,
): Validation {
  const { sheets } = standard;
  const sheetFindings: Finding[] = [];
  const sheetOf = (name: string) => {
    const sheet = findSheet(snapshot, name);
    if (!sheet) {
      const place = { sheet: name, cell: null, row: null, field: null };
      sheetFindings.push(makeFinding(standard, 'missing-sheet', place, null, { sheet: name }));
    }
    return sheet;
  };
  const infoSheet = sheetOf(sheets.info.name);
  const forumSheet = sheetOf(sheets.forums.name);
  const councilSheet = sheetOf(sheets.council.name);
  const info = readInfo(standard, infoSheet);
  const state: EngineState = { standard, sheetFindings, info, forums: null, council: null };
  if (forumSheet) {
    const layout = locateTable(forumSheet, sheets.forums, standard);
    const table: ForumTable = {
      ctx: forumContext(standard, forumSheet, layout, info.year, info.reportDate),
      rows: [],
      ids: new RowIndex(),
      repeats: new RowIndex(),
      tally: new MetricsTally(standard),
    };
    if (layout.headerRow)
      for (let r = layout.headerRow + 1; r <= forumSheet.rows.length; r++) putRow(table, r);
    state.forums = table;
  }
  if (councilSheet) {
    const layout = locateTable(councilSheet, sheets.council, standard);
    state.council = { layout, result: readCouncil(standard, councilSheet, layout) };
  }
  return assemble(state);
}

/** Re-validates only the changed rows; the result equals validateWorkbook(snapshot). */
export function revalidateRows(
  previous: Validation,
  snapshot: WorkbookSnapshot,
  changes: RowChange[],
): Validation {
  const state = previous.state as EngineState;
  const { standard } = state;
  const full = () => validateWorkbook(snapshot, standard);
  const forums = state.forums;
  const forumName = forums?.ctx.sheet.name;
  const councilName = state.council?.layout.sheet;
  const standardNames = new Set(
    [standard.sheets.info.name, standard.sheets.forums.name, standard.sheets.council.name].map(sheetKey),
  );
  let councilChanged = false;
  const forumRows: number[] = [];
  for (const change of changes) {
    if (forums && change.sheet === forumName) {
      if (change.rows.some((r) => r <= forums.ctx.layout.headerRow)) return full();
      forumRows.push(...change.rows);
    } else if (change.sheet === councilName) {
      councilChanged = true;
    } else if (standardNames.has(sheetKey(change.sheet))) {
      // 기본정보 decides every row's date checks; a new or renamed standard sheet changes the layout.
      return full();
    }
  }
  if (forums && forumRows.length) {
    const sheet = findSheet(snapshot, forums.ctx.sheet.name);
    if (!sheet || sheet.name !== forums.ctx.sheet.name) return full();
    forums.ctx.sheet = sheet;
    for (const r of forumRows) putRow(forums, r);
  }
  if (councilChanged && state.council) {
    const sheet = findSheet(snapshot, state.council.layout.sheet);
    if (!sheet || sheet.name !== state.council.layout.sheet) return full();
    const layout = locateTable(sheet, standard.sheets.council, standard);
    state.council = { layout, result: readCouncil(standard, sheet, layout) };
  }
  return assemble(state);
}

function putRow(table: ForumTable, r: number): void {
  const old = table.rows[r];
  if (old) {
    if (old.record.id !== null) table.ids.remove(old.record.id, r);
    if (old.duplicateKey) table.repeats.remove(old.duplicateKey, r);
    table.tally.add(old.record, -1);
  }
  const row = readForumRow(table.ctx, r) ?? undefined;
  table.rows[r] = row;
  if (row) {
    if (row.record.id !== null) table.ids.add(row.record.id, r);
    if (row.duplicateKey) table.repeats.add(row.duplicateKey, r);
    table.tally.add(row.record);
  }
}

function assemble(state: EngineState): Validation {
  const { standard } = state;
  const findings: Finding[] = [...state.sheetFindings, ...state.info.findings];
  const forums: ForumRecord[] = [];
  if (state.forums) {
    const { ctx, rows, ids, repeats } = state.forums;
    const idKey = standard.sheets.forums.idKey;
    const idColumn = { sheet: ctx.sheet.name, column: ctx.layout.columns.get(idKey) };
    const nameColumn = { sheet: ctx.sheet.name, column: ctx.layout.columns.get('name') };
    findings.push(...ctx.layout.findings);
    let previousId = 0;
    for (const row of rows) {
      if (!row) continue;
      const { record } = row;
      for (const f of row.findings) findings.push(f);
      if (record.id !== null) {
        const first = ids.firstBefore(record.id, record.row);
        if (first !== null)
          findings.push(
            repeatFinding(standard, 'duplicate-id', idColumn, idKey, record.row, record.id, first),
          );
        if (Number.isInteger(record.id)) {
          if (record.id > previousId + 1)
            findings.push(gapFinding(standard, idColumn, idKey, record.row, record.id, previousId));
          previousId = record.id;
        }
      }
      if (row.duplicateKey) {
        const first = repeats.firstBefore(row.duplicateKey, record.row);
        if (first !== null)
          findings.push(
            repeatFinding(standard, 'duplicate-row', nameColumn, 'name', record.row, record.name!, first),
          );
      }
      forums.push(record);
    }
  }
  let council: CouncilRecord[] = [];
  if (state.council) {
    findings.push(...state.council.layout.findings, ...state.council.result.findings);
    council = state.council.result.members;
  }
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  const { info } = state.info;
  const report: ValidationReport = {
    standard: standard.version,
    valid: errors === 0,
    info,
    stats: { rows: forums.length, errors, warnings, infos },
    findings,
    metrics: state.forums ? state.forums.tally.metrics() : new MetricsTally(standard).metrics(),
    council: state.council ? state.council.result.composition : null,
  };
  return { report, forums, council, state };
}
