// What a validation stamp claims, and what checking it against the data now concluded. Shared by
// the stamp module, the live session, the pane and the CLI, so it lives with the stamp.

/** What the workbook's validation stamp says about the data now. */
export type StampVerdict =
  | { status: 'absent' }
  | { status: 'valid'; stamp: StampSummary }
  | { status: 'changed'; stamp: StampSummary; rowsChanged: number };

export interface StampSummary {
  standard: string;
  engine: string;
  /** SHA-256 (hex) of the normalised data. */
  hash: string;
  /** ISO timestamp. */
  at: string;
  by: string;
  rows: number;
  errors: number;
  warnings: number;
}
