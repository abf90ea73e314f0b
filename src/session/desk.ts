// The contract between the pane's city desk (which renders) and the desk session (src/taskpane/desk,
// which reads SharePoint and has src/excel write the consolidation workbook). Host-free.
import type { Quarter } from '../engine/report';
import type { SubmissionState } from '../standard/calendar';
import type { Text } from '../standard/types';

export type DeskStatus =
  /** Reading the configuration, signing in, reading the register. */
  | 'starting'
  /** No SharePoint configured beside the pane. */
  | 'not-configured'
  /** Signed in, but not on the register's city row (and the deployment does not open the desk to all). */
  | 'not-officer'
  | 'ready'
  | 'reading'
  | 'writing'
  /** The refresh stopped: cells someone typed into would have been written over. */
  | 'conflicts'
  | 'error';

/** A cell the refresh would have written over: what the desk wrote there and what is there now. */
export interface DeskConflict {
  sheet: string;
  cell: string;
  wrote: string;
  now: string;
}

export interface DeskAttention {
  district: string;
  state: SubmissionState;
  label: Text;
  /** The board's remarks (why it needs review, past the deadline …). */
  remarks: Text[];
}

/** What the last refresh found, for the pane to show beside the workbook. */
export interface DeskSummary {
  year: number;
  quarter: Quarter;
  /** The due date, `YYYY-MM-DD` (Korea). */
  due: string;
  counts: Record<SubmissionState, number>;
  /** Districts that are not on time, in 가나다 order. */
  attention: DeskAttention[];
  dataBook: { districts: number; missing: number };
  composition: { met: number; of: number };
  compared: number | null;
}

export interface DeskState {
  status: DeskStatus;
  /** The signed-in account, once known. */
  account: string | null;
  year: number;
  quarter: Quarter;
  /** The year the comparison sheet compares with. */
  compareYear: number;
  /** Years the register makes districts due in, newest first (what the year picker offers). */
  years: number[];
  summary: DeskSummary | null;
  conflicts: DeskConflict[];
  conflictsTotal: number;
  /** The last write: Excel syncs, Graph requests and how long the whole refresh took. */
  lastRefresh: { syncs: number; requests: number; ms: number; sheets: string[] } | null;
  problem: Text | null;
  displayLanguage: string;
}

export interface DeskIntents {
  choose(choice: { year?: number; quarter?: Quarter; compareYear?: number }): void;
  /** Reads SharePoint and writes the workbook; with `overwrite`, also over cells someone changed. */
  refresh(options?: { overwrite?: boolean }): Promise<void>;
  dismissConflicts(): void;
}

export interface DeskSession extends DeskIntents {
  getState(): DeskState;
  subscribe(listener: (state: DeskState) => void): () => void;
  start(): Promise<void>;
}
