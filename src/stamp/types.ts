// What a validation stamp claims, and what checking it against the data now concluded. Shared by
// the stamp module, the live session, the pane and the CLI, so it lives with the stamp.
import type { Text } from '../standard/types';

/** What the stamp says about itself: claims, shown as claims, never as facts. */
export interface StampSummary {
  standard: string;
  engine: string;
  /** SHA-256 (hex) of the normalised data, as the stamp states it. */
  hash: string;
  /** ISO timestamp. */
  at: string;
  by: string;
  rows: number;
  errors: number;
  warnings: number;
}

/** The data as read and validated now: the verdict's numbers are these, never the stamp's. */
export interface DataFacts {
  /** The standard the data was checked against (its 표준버전). */
  standard: string;
  /**
   * SHA-256 of the data now, without council members' names: what `verify --sharepoint` looks up.
   * Null where the check was asked not to take it when the data differs from the stamp anyway (the
   * pane, on every keystroke: the full hash of a large sheet costs tens of ms; it is taken on demand).
   */
  hash: string | null;
  rows: number;
  council: number;
  errors: number;
  warnings: number;
}

/** The units a stamp's digests cover (the kind letter of each digest). */
export type StampUnit = 'info' | 'forums' | 'council' | 'names' | 'sheets' | 'summary';

export type StampProblemCode =
  /** The part is in our namespace but cannot be read. */
  | 'damaged'
  /** The data now has error findings: a stamp never vouches for data with errors. */
  | 'errors'
  /** The stamp names a standard version this build does not know. */
  | 'unknown-standard'
  /** The stamp names another standard version than the workbook's 표준버전. */
  | 'standard-mismatch'
  /** The stamp names an engine version this build does not know. */
  | 'unknown-engine'
  /** A format-1 stamp (an earlier delib): it covers less; mark validated again. */
  | 'old-format'
  /** A stamp format this build cannot read (a newer delib). */
  | 'unknown-format'
  /** The stamp's own counts are not the data's (rows, council members, errors). */
  | 'counts'
  /** The custom document properties say something else than the stamp part. */
  | 'properties'
  /** The 요약 stamp line is missing or says something else than the stamp part. */
  | 'summary-line';

export interface StampProblem {
  code: StampProblemCode;
  message: Text;
}

/**
 * `valid`: the stamp's hash is the data's, and nothing below stops it vouching for it.
 * `changed`: the data differs from what was stamped (`rowsChanged` units, by kind in `changes`).
 * `invalid`: the data is what was stamped, but the stamp cannot vouch for it (`problems`).
 * `absent` / `damaged`: no stamp part, or one that cannot be read.
 */
export type StampStatus = 'absent' | 'damaged' | 'valid' | 'changed' | 'invalid';

export interface StampVerdict {
  status: StampStatus;
  /** The stamp's claims; null when there is no readable stamp. */
  claims: StampSummary | null;
  /** The data now; null only before the first validation. */
  data: DataFacts | null;
  /** Units (rows, 기본정보, the names, the sheet list, 요약) that differ from the stamp's. */
  rowsChanged: number;
  changes: Partial<Record<StampUnit, number>>;
  /** Why the stamp does not vouch for the data; empty only when valid or absent. */
  problems: StampProblem[];
}
