// The engine's two entry points, assembling what the rules (./rules) find. validateWorkbook reads
// everything; revalidateRows re-reads only the rows a host reports as changed and re-derives the
// table-wide findings from indexes, so a keystroke in a 10,000-row sheet costs one row plus one
// linear pass over cached results.
import { registry as productRegistry } from '../standard';
import type { Standard } from '../standard/types';
import type { RowChange, WorkbookSnapshot } from './snapshot';
import type { CouncilRecord, Finding, ForumRecord, ReportInfo, ValidationReport } from './report';
import { detectStandard, isRegistry, type Detected, type StandardChoice } from './detect';
import { findSheet, sheetsMatching } from './sheets';
import { compileStandard, type CompiledTable } from './compile';
import { MetricsTally } from './metrics';
import { TableState, type RowResult } from './table';
import { councilRules, headerReader, infoReader, tableRules, workbookRules } from './rules';
import type { InfoResult } from './rules/info';
import type { Period, RowVisitor, TableView } from './rules/types';
import { quarterEndSerial, serialFromYmd } from './dates';
import { sheetKey } from './text';
import { councilComposition, type CouncilComposition } from './composition';

export { ENGINE_VERSION } from './version';

export interface Validation {
  report: ValidationReport;
  /** Non-blank 숙의공론장 rows in sheet order, keyed by the standard's column keys. */
  forums: ForumRecord[];
  council: CouncilRecord[];
  /** The standard the data was checked against (the workbook's 표준버전, or the one imposed). */
  standard: Standard;
  /** The cells validated (the stamp also covers what records leave out: formulas, extra columns, 요약). */
  readonly snapshot: WorkbookSnapshot;
  /**
   * Incremental state for revalidateRows. It is updated in place: after revalidateRows(v, …),
   * use the returned Validation, not v, for the next call.
   */
  readonly state: unknown;
}

interface EngineState {
  choice: StandardChoice;
  standard: Standard;
  detected: Detected;
  workbookFindings: Finding[];
  info: InfoResult;
  /** Name and visibility of every sheet answering to a standard name: a change is a full pass. */
  sheetSignature: string;
  forums: TableState | null;
  council: TableState | null;
}

function standardNames(standard: Standard): string[] {
  const s = standard.sheets;
  return [s.info.name, s.forums.name, s.council.name, s.summary.name];
}

function sheetSignature(snapshot: WorkbookSnapshot, standard: Standard): string {
  return standardNames(standard)
    .flatMap((n) => sheetsMatching(snapshot.sheets, n))
    .map((s) => `${s.name}\u0000${s.visibility ?? 'visible'}`)
    .join('\u0001');
}

function periodOf(info: ReportInfo, dates: Map<string, number>): Period {
  const year = typeof info.year === 'number' ? info.year : null;
  const quarter = typeof info.quarter === 'number' ? info.quarter : null;
  return {
    year,
    quarter,
    reportDate: dates.get('reportDate') ?? null,
    yearStart: year === null ? null : serialFromYmd(year, 1, 1),
    yearEnd: year === null ? null : serialFromYmd(year, 12, 31),
    quarterEnd: year === null || quarter === null ? null : quarterEndSerial(year, quarter),
  };
}

/**
 * Validates a workbook against the standard its 표준버전 names in `choice` (the product's registry
 * by default), or against `choice` itself when it is one standard.
 */
export function validateWorkbook(
  snapshot: WorkbookSnapshot,
  choice: StandardChoice = productRegistry,
): Validation {
  const detected = detectStandard(snapshot, choice);
  const { standard } = detected;
  const compiled = compileStandard(standard, isRegistry(choice) ? choice : null);
  const workbookFindings: Finding[] = [];
  for (const rule of workbookRules) rule.check({ snapshot, standard, detected }, workbookFindings);
  const info = infoReader.check(standard, findSheet(snapshot, standard.sheets.info.name));
  const period = periodOf(info.info, info.dates);
  const table = (compiledTable: CompiledTable, tally: MetricsTally | null) => {
    const sheet = findSheet(snapshot, compiledTable.def.name);
    if (!sheet) return null;
    const layout = headerReader.check(sheet, compiledTable.def, standard);
    return new TableState(compiledTable, sheet, layout, period, tally).readAll();
  };
  const state: EngineState = {
    choice,
    standard,
    detected,
    workbookFindings,
    info,
    sheetSignature: sheetSignature(snapshot, standard),
    forums: table(compiled.forums, new MetricsTally(standard)),
    council: table(compiled.council, null),
  };
  return assemble(state, snapshot);
}

/** Re-validates only the changed rows; the result equals validateWorkbook(snapshot). */
export function revalidateRows(
  previous: Validation,
  snapshot: WorkbookSnapshot,
  changes: RowChange[],
): Validation {
  const state = previous.state as EngineState;
  const { standard } = state;
  const full = () => validateWorkbook(snapshot, state.choice);
  // A sheet renamed, added, hidden or shown changes which sheet is validated.
  if (sheetSignature(snapshot, standard) !== state.sheetSignature) return full();
  const tables = [state.forums, state.council].filter((t): t is TableState => t !== null);
  const standardNameKeys = new Set(standardNames(standard).map(sheetKey));
  const rowsOf = new Map<TableState, number[]>();
  for (const change of changes) {
    const table = tables.find((t) => t.sheet.name === change.sheet);
    if (table) {
      // A header row changes the layout.
      if (change.rows.some((r) => r <= table.layout.headerRow)) return full();
      rowsOf.set(table, [...(rowsOf.get(table) ?? []), ...change.rows]);
    } else if (standardNameKeys.has(sheetKey(change.sheet))) {
      // 기본정보 decides the standard and every row's date checks; a twin may become the one checked.
      return full();
    }
  }
  for (const [table, rows] of rowsOf) {
    const sheet = findSheet(snapshot, table.sheet.name);
    if (!sheet || sheet.name !== table.sheet.name) return full();
    table.sheet = sheet;
    for (const r of rows) table.put(r);
  }
  return assemble(state, snapshot);
}

function viewOf(table: TableState): TableView {
  return {
    spec: table.table,
    sheet: table.sheet.name,
    layout: table.layout,
    firstIdBefore: (id, row) => table.ids.firstBefore(id, row),
    firstDuplicateBefore: (record) => table.firstDuplicateBefore(record),
  };
}

/** The table's header findings, then each row's findings with what the table rules say of it. */
function tableFindings(table: TableState, out: Finding[]): RowResult['record'][] {
  out.push(...table.layout.findings);
  const view = viewOf(table);
  const visitors = tableRules.map((r) => r.check(view)).filter((v): v is RowVisitor => v !== null);
  const records: RowResult['record'][] = [];
  for (const row of table.rows) {
    if (!row) continue;
    for (const f of row.findings) out.push(f);
    for (const visit of visitors) visit(row.record, out);
    records.push(row.record);
  }
  return records;
}

function assemble(state: EngineState, snapshot: WorkbookSnapshot): Validation {
  const { standard } = state;
  const findings: Finding[] = [...state.workbookFindings, ...state.info.findings];
  const forums = state.forums ? (tableFindings(state.forums, findings) as ForumRecord[]) : [];
  let council: CouncilRecord[] = [];
  let composition: CouncilComposition | null = null;
  if (state.council) {
    council = tableFindings(state.council, findings);
    // One composition for the report and the composition warnings.
    composition = councilComposition(council, standard);
    for (const rule of councilRules)
      findings.push(...rule.check(standard, state.council.sheet, state.council.layout, council, composition));
  }
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  const report: ValidationReport = {
    standard: standard.version,
    valid: errors === 0,
    info: state.info.info,
    stats: { rows: forums.length, errors, warnings, infos },
    findings,
    metrics: (state.forums?.tally ?? new MetricsTally(standard)).metrics(),
    council: composition,
  };
  return { report, forums, council, standard, snapshot, state };
}
