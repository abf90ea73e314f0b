// The validation stamp, host-free: making a stamp from a validation, and judging a stamp against
// the data now. src/excel stores it in the workbook; src/xlsx/stamp.ts reads it from a file.
import type { Validation } from '../engine/validate';
import type { StampSummary, StampVerdict } from './types';
import { dataHash, rowDigests, unitsChanged, type StampData } from './canonical';
import { SHORT_HASH, type Stamp } from './format';

export * from './format';
export {
  canonicalData,
  canonicalJson,
  dataHash,
  rowDigests,
  unitsChanged,
  type StampData,
} from './canonical';
export { sha256Hex } from './sha256';

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
  const data = stampDataOf(validation);
  return {
    standard: report.standard,
    engine: context.engine,
    hash: dataHash(data),
    at: context.at,
    by: context.by,
    rows: report.stats.rows,
    council: council.length,
    errors: report.stats.errors,
    warnings: report.stats.warnings,
    digests: rowDigests(data),
  };
}

/** What a validation's stamp covers (and a submission's stampHash hashes). */
export function stampDataOf(validation: Validation): StampData {
  const { standard, report, forums, council } = validation;
  return { standard, info: report.info, forums, council };
}

export function summaryOf(stamp: Stamp): StampSummary {
  const { standard, engine, hash, at, by, rows, errors, warnings } = stamp;
  return { standard, engine, hash, at, by, rows, errors, warnings };
}

/**
 * Valid when the data hashes to the stamped hash; otherwise changed, with how many units (rows,
 * 기본정보, the council names) differ — at least 1, since the hash differs.
 */
export function verdictOf(stamp: Stamp | null, validation: Validation): StampVerdict {
  if (!stamp) return { status: 'absent' };
  const data = stampDataOf(validation);
  const digests = rowDigests(data);
  const changed = unitsChanged(stamp.digests, digests);
  // Digests all matching is near-certain equality; the full hash confirms it (once per distinct data).
  if (changed === 0 && confirmedHash(digests, data) === stamp.hash)
    return { status: 'valid', stamp: summaryOf(stamp) };
  return { status: 'changed', stamp: summaryOf(stamp), rowsChanged: Math.max(1, changed) };
}

let lastDigests = '';
let lastHash = '';

function confirmedHash(digests: string[], data: Parameters<typeof dataHash>[0]): string {
  const key = digests.join('');
  if (key !== lastDigests) {
    lastHash = dataHash(data);
    lastDigests = key;
  }
  return lastHash;
}

export function shortHash(hash: string): string {
  return hash.slice(0, SHORT_HASH);
}
