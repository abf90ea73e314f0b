// The validation stamp, host-free: making a stamp from a validation, and judging a stamp against
// the data now. src/excel stores it in the workbook; src/xlsx/stamp.ts reads it from a file.
import type { Validation } from '../engine/validate';
import type { StampSummary, StampVerdict } from './types';
import { STAMP_FORMAT_VERSION, type Stamp } from './format';
import { dataNow } from './verdict';

export * from './format';
export * from './shown';
export type * from './types';
export {
  canonicalData,
  canonicalJson,
  councilNames,
  dataHash,
  rowDigests,
  scrubberOf,
  unitsChanged,
  type StampData,
} from './canonical';
export { NameScrubber, pseudonym } from './names';
export { KNOWN_ENGINES, checkStamp, dataNow, stampDataOf, type StoredStamp } from './verdict';
export { sha256Hex } from './sha256';

/** The verdict before anything was read. */
export const NO_VERDICT: StampVerdict = {
  status: 'absent',
  claims: null,
  data: null,
  rowsChanged: 0,
  changes: {},
  problems: [],
};

export interface StampContext {
  engine: string;
  /** ISO time. */
  at: string;
  by: string;
}

export class StampRefused extends Error {
  constructor(readonly errors: number) {
    super(`the workbook has ${errors} errors`);
  }
}

/** A stamp for a workbook without errors; throws StampRefused otherwise. */
export function createStamp(validation: Validation, context: StampContext): Stamp {
  const { report, council } = validation;
  if (report.stats.errors > 0) throw new StampRefused(report.stats.errors);
  const { facts, digests } = dataNow(validation);
  return {
    format: STAMP_FORMAT_VERSION,
    standard: report.standard,
    engine: context.engine,
    hash: facts.hash!,
    at: context.at,
    by: context.by,
    rows: report.stats.rows,
    council: council.length,
    errors: report.stats.errors,
    warnings: report.stats.warnings,
    digests,
  };
}

export function summaryOf(stamp: Stamp): StampSummary {
  const { standard, engine, hash, at, by, rows, errors, warnings } = stamp;
  return { standard, engine, hash, at, by, rows, errors, warnings };
}
