// The contract between the pane (which renders) and the live session (src/excel, which talks to
// Excel and runs the engine). The pane holds no workbook logic: it shows a PaneState and sends
// PaneIntents.
import type { Finding, ValidationReport } from '../engine/report';
import type { Text } from '../standard/types';
import type { StampVerdict } from '../stamp/types';
import type { UpgradeOffer } from '../workbook/upgrade';

export type { StampSummary, StampVerdict } from '../stamp/types';
export type { UpgradeOffer } from '../workbook/upgrade';

export type SessionStatus =
  | 'starting'
  /** Office.js is not present: the page was opened outside Excel. */
  | 'no-host'
  | 'reading'
  | 'ready'
  | 'error';

export interface PaneState {
  status: SessionStatus;
  /** The latest validation; null until the first pass ends. */
  report: ValidationReport | null;
  stamp: StampVerdict;
  /** A problem to show (bad workbook, Excel refused a write …), in both languages. */
  problem: Text | null;
  /** Duration of the last validation pass, ms (shown in the status line for the curious). */
  lastPassMs: number | null;
  /** Office's display language, e.g. `ko-KR`. */
  displayLanguage: string;
  /** A newer standard the workbook can be upgraded to; absent or null when there is none. */
  upgrade?: UpgradeOffer | null;
}

export interface PaneIntents {
  validateNow(): Promise<void>;
  selectFinding(finding: Finding): Promise<void>;
  applyFix(finding: Finding): Promise<void>;
  insertStandardSheets(): Promise<void>;
  /** Upgrades the workbook to `PaneState.upgrade.to`, keeping every value; nothing when there is no offer. */
  upgradeStandard(): Promise<void>;
  markValidated(): Promise<void>;
}

export interface LiveSession extends PaneIntents {
  getState(): PaneState;
  /**
   * SHA-256 of the data now without council members' names (what the city's records are searched
   * by); null before the first pass. Taken on demand: the live verdict takes it only when needed.
   */
  dataHash(): string | null;
  subscribe(listener: (state: PaneState) => void): () => void;
}
