// The submission's vocabulary and its ports. Everything here is host-free: the pane adapts Office.js to
// these ports in src/taskpane/submit, the CLI adapts files, and src/graph implements the Graph side.
import type { Text } from '../standard/types';

/** Where a submission run stands; the journal remembers it so a closed pane resumes here. */
export type SubmitPhase = 'checking' | 'schema' | 'upload' | 'rows' | 'finalise' | 'receipt' | 'done';

export interface SubmitProgress {
  phase: SubmitPhase;
  rowsDone: number;
  rowsTotal: number;
  /** Answers that asked us to wait (429/503/504) or failed ambiguously, so far. */
  retries: number;
}

/** The district's proof that the city holds its submission. */
export interface Receipt {
  submissionId: string;
  /** ISO timestamp of the moment the submission became current. */
  submittedAt: string;
  district: string;
  districtCode: string;
  year: number;
  quarter: number;
  rowCount: number;
  /** SHA-256 (hex) of the normalised data that was submitted. */
  stampHash: string;
  /** The Submissions item and the uploaded workbook, when Graph gave their addresses. */
  itemUrl: string | null;
  fileUrl: string | null;
}

/** A row the server refused, with the Excel row it came from so the district can fix it. */
export interface RowProblem {
  row: number;
  status: number;
  message: Text;
}

export type SubmitOutcome =
  | { ok: true; receipt: Receipt }
  | { ok: false; cancelled: boolean; problem: Text; rowProblems: RowProblem[] };

/**
 * The progress journal, saved in the workbook's settings (pane) or beside the file (CLI). It holds
 * identifiers and counts only — never a token, never a council member's name.
 */
export interface Journal {
  version: 1;
  submissionId: string;
  districtYear: string;
  phase: SubmitPhase;
  startedAt: string;
  rowCount: number;
  /** Row indexes (into the plan's rows) known to be stored, as ranges `0-19,40-59`. */
  confirmed: string;
  fileUrl: string | null;
  submissionItemId: string | null;
  receipt: Receipt | null;
}

export interface SubmissionStore {
  load(): Promise<Journal | null>;
  save(journal: Journal): Promise<void>;
}

/** Narrow view of the pane's services the submit panel uses (injected by tests, Office in the pane). */
export interface SubmitService {
  /** The journal of an unfinished run, if any (to offer "resume"). */
  pending(): Promise<Journal | null>;
  /** The receipt of the last completed submission of this workbook, if any. */
  lastReceipt(): Promise<Receipt | null>;
  /** Whether the workbook file goes with the submission (false where the host cannot hand it out). */
  readonly uploadsWorkbook: boolean;
  submit(options: { onProgress: (p: SubmitProgress) => void; signal: AbortSignal }): Promise<SubmitOutcome>;
}

/** The workbook's bytes (the pane reads them through Office, the CLI from disk). */
export interface WorkbookFile {
  name: string;
  bytes(): Promise<Uint8Array>;
}

export type RowOutcome =
  /** Stored now, or found already stored (a repeat refused by the unique row key). */
  | { kind: 'stored' }
  /** No definite answer (timeout, 504, lost connection): the query by key decides. */
  | { kind: 'ambiguous' }
  | { kind: 'rejected'; status: number; message: string };

/** The SharePoint side of a submission (implemented in src/graph/target.ts). */
export interface SubmissionTarget {
  /** Blocking schema problems, each explained in both languages; empty when writing is safe. */
  checkSchema(): Promise<Text[]>;
  /** Uploads the workbook file; answers its address. Repeating it replaces the same file. */
  uploadWorkbook(plan: import('./plan').SubmissionPlan, file: WorkbookFile): Promise<string | null>;
  sendRows(
    plan: import('./plan').SubmissionPlan,
    rows: import('./plan').PlannedRow[],
    options: {
      signal: AbortSignal;
      onRow(row: import('./plan').PlannedRow, outcome: RowOutcome): void | Promise<void>;
      onRetry(): void;
    },
  ): Promise<void>;
  /** Row keys of this submission already in the Forums list (the query by key). */
  storedRowKeys(plan: import('./plan').SubmissionPlan): Promise<Set<string>>;
  /** Makes this submission the district-year's current one and flags earlier ones superseded. */
  complete(
    plan: import('./plan').SubmissionPlan,
    fileUrl: string | null,
    submittedAt: string,
  ): Promise<{ itemId: string; itemUrl: string | null }>;
}
