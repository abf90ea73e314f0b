// The submission's vocabulary and its ports. Everything here is host-free: the pane adapts Office.js to
// these ports in src/taskpane/submit, the CLI adapts files, and src/graph implements the Graph side.
import { BilingualError } from '../bilingual';
import type { Text } from '../standard/types';
import type { Validation } from '../engine/validate';
import type { PlannedRow, SubmissionPlan } from './plan';
import type { Admission } from './admission';

/** Where a submission run stands (shown while it runs, and kept in the journal). */
export type SubmitPhase =
  'checking' | 'schema' | 'register' | 'upload' | 'rows' | 'finalise' | 'receipt' | 'done';

export const SUBMIT_PHASES: readonly SubmitPhase[] = [
  'checking',
  'schema',
  'register',
  'upload',
  'rows',
  'finalise',
  'receipt',
  'done',
];

export interface SubmitProgress {
  phase: SubmitPhase;
  rowsDone: number;
  rowsTotal: number;
  /** Answers that asked us to wait (429/503/504) or failed ambiguously, so far. */
  retries: number;
}

/** A signed-in identity as SharePoint recorded it on an item (`createdBy.user`). */
export interface Submitter {
  id: string;
  displayName: string;
  /** SharePoint gives the user's e-mail (their sign-in name); null when it gave none. */
  email: string | null;
}

/**
 * The district's receipt: what the Submissions item says, read back from SharePoint after the run —
 * its creator and creation time as SharePoint recorded them, never the client's clock or claims.
 */
export interface Receipt {
  submissionId: string;
  /** The Submissions item's `createdDateTime`: a resubmission of identical data shows the first. */
  submittedAt: string;
  /** The Submissions item's `createdBy.user`. */
  submittedBy: Submitter | null;
  /** `current` unless another submission of the district-year took over since. */
  status: string;
  district: string;
  districtCode: string;
  year: number;
  quarter: number;
  rowCount: number;
  /** The item says a city officer submitted it on the district's behalf (`OnBehalf`). */
  onBehalf: boolean;
  /** SHA-256 (hex) of the normalised data that was submitted. */
  stampHash: string;
  /** The Submissions item and the uploaded workbook, as Graph gave their addresses. */
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
  /** `notes`: what the officer should know about an accepted submission (on behalf, not due). */
  | { ok: true; receipt: Receipt; notes: Text[] }
  | { ok: false; cancelled: boolean; problem: Text; rowProblems: RowProblem[] };

/**
 * The progress journal, saved in the workbook's settings (pane) or beside the file (CLI) so the pane
 * can offer "resume" and show how far a stopped run got. It is a hint, written and never trusted: a
 * run decides everything by querying SharePoint (rows by key, the file by its path, the item by its
 * key), so an edited or forged journal changes nothing that is sent or recorded. It holds identifiers
 * and counts only — never a token, a time, an address, or a council member's name.
 */
export interface Journal {
  version: 2;
  submissionId: string;
  districtYear: string;
  phase: SubmitPhase;
  rowCount: number;
  /** Row indexes (into the plan's rows) found stored so far, as ranges `0-19,40-59` (progress only). */
  confirmed: string;
  /** The Submissions item's id once known (for people reading the journal; never used to find it). */
  submissionItemId: string | null;
}

export interface SubmissionStore {
  /** The journal as last saved, unchecked (anyone may have edited it): see readStoredJournal. */
  load(): Promise<unknown>;
  save(journal: Journal): Promise<void>;
}

/**
 * A value read back from where anyone may have edited it (the workbook's settings): the value when
 * it passed its schema, else null and — when something was there — why it was set aside.
 */
export interface Stored<T> {
  value: T | null;
  problem: Text | null;
}

/** What the submit panel is handed (by props from the pane's entry; by tests directly). */
export interface SubmitService {
  /** The journal of an unfinished run, if any (to offer "resume"), checked against its schema. */
  pending(): Promise<Stored<Journal>>;
  /** The receipt of the last completed submission of this workbook, checked against its schema. */
  lastReceipt(): Promise<Stored<Receipt>>;
  /** Whether the workbook file goes with the submission (false where the host cannot hand it out). */
  readonly uploadsWorkbook: boolean;
  /** The configured SharePoint host: the only host a receipt's links may point at. */
  readonly siteHost: string;
  submit(options: { onProgress: (p: SubmitProgress) => void; signal: AbortSignal }): Promise<SubmitOutcome>;
}

/** The workbook's bytes (the pane reads them through Office, the CLI from disk). */
export interface WorkbookFile {
  name: string;
  bytes(): Promise<Uint8Array>;
}

/**
 * Makes the copy of a workbook file that goes to the city: every council member's name replaced
 * (src/xlsx/name-free.ts implements it; the surfaces pass it in, so no flow can upload the original).
 */
export type NameFreeCopy = (file: WorkbookFile, validation: Validation) => WorkbookFile;

export type RowOutcome =
  /** Graph created the item and said so (201): stored, in its own words. */
  | { kind: 'created' }
  /** Refused because an item with this row key exists: stored, unless it belongs to another
   * submission — the query by key decides. */
  | { kind: 'exists' }
  /** No definite answer (timeout, 504, lost connection): the query by key decides. */
  | { kind: 'ambiguous' }
  | { kind: 'rejected'; status: number; message: string };

/** The Submissions item as SharePoint holds it after the run: the receipt is made of this alone. */
export interface SubmissionRecord {
  itemId: string;
  itemUrl: string | null;
  createdDateTime: string;
  createdBy: Submitter | null;
  fields: Record<string, unknown>;
}

/** The service refused the sign-in (401) or no token could be had: signing in again is the fix. */
export class SignInRequired extends BilingualError {
  constructor(detail?: { ko: string; en: string }, cause?: unknown) {
    super(
      `로그인이 만료되었거나 거부되었습니다. 다시 로그인한 뒤 제출하세요.${detail ? ` (${detail.ko})` : ''}`,
      `The sign-in expired or was refused: sign in again, then submit.${detail ? ` (${detail.en})` : ''}`,
      cause,
    );
  }
}

/**
 * The register refused the submission (the signed-in user is not on it for the district, or no
 * longer is when the submission would be made current): said as it is, never "submit again".
 */
export class SubmitRefused extends BilingualError {
  constructor(reason: Text) {
    super(reason.ko, reason.en);
  }
}

/** The SharePoint side of a submission (implemented in src/graph/target.ts). */
export interface SubmissionTarget {
  /** Blocking schema problems, each explained in both languages; empty when writing is safe. */
  checkSchema(): Promise<Text[]>;
  /**
   * Whether the signed-in user may submit this for its district, from the district register as it
   * is now (read-only: asked before anything is written).
   */
  admit(plan: SubmissionPlan): Promise<Admission>;
  /** Uploads the workbook file (replacing the same path); answers the address Graph gave for it. */
  uploadWorkbook(plan: SubmissionPlan, file: WorkbookFile): Promise<string | null>;
  /** The address of a file already at this submission's path, as Graph gives it; null when none. */
  findWorkbook(plan: SubmissionPlan): Promise<string | null>;
  sendRows(
    plan: SubmissionPlan,
    rows: PlannedRow[],
    options: {
      signal: AbortSignal;
      onRow(row: PlannedRow, outcome: RowOutcome): void | Promise<void>;
      onRetry(): void;
    },
  ): Promise<void>;
  /** Row keys of this submission already in the Forums list (the query by key). */
  storedRowKeys(plan: SubmissionPlan): Promise<Set<string>>;
  /**
   * Makes this submission the district-year's current one and every earlier one superseded, each step
   * verified by query, and answers the Submissions item as SharePoint then holds it. The register is
   * read again first: `SubmitRefused` when it no longer admits the submission (nothing superseded).
   */
  complete(
    plan: SubmissionPlan,
    fileUrl: string | null,
    options: { signal: AbortSignal; onRetry(): void },
  ): Promise<SubmissionRecord>;
}
