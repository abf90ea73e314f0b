// TEMPORARY SIGNATURES — being implemented now (engine owner). Do not edit.
import type { Standard } from '../standard/types';
import { currentStandard } from '../standard';
import type { RowChange, WorkbookSnapshot } from './snapshot';
import type { CouncilRecord, ForumRecord, ValidationReport } from './report';

export const ENGINE_VERSION = '0.1.0';

export interface Validation {
  report: ValidationReport;
  /** Non-blank 숙의공론장 rows in sheet order. */
  forums: ForumRecord[];
  council: CouncilRecord[];
  /** Opaque incremental state, for revalidateRows. */
  readonly state: unknown;
}

export function validateWorkbook(_snapshot: WorkbookSnapshot, _standard: Standard = currentStandard): Validation {
  throw new Error('not yet');
}

/** Re-validates only the changed rows; the result equals validateWorkbook(snapshot). */
export function revalidateRows(_previous: Validation, _snapshot: WorkbookSnapshot, _changes: RowChange[]): Validation {
  throw new Error('not yet');
}
