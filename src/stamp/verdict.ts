// Judging a stamp against the data now. A stamp is a checksum anyone can recompute with this very
// code, so matching data proves only that nothing changed since someone computed it. What it may
// vouch for is decided here, from the data, never from the stamp's own claims:
//  - the data is validated again (by the caller, with this build's engine, against the workbook's
//    표준버전), and any error finding stops the stamp vouching for it;
//  - the standard it names must be one this build knows, and the workbook's own;
//  - the engine it names must be one this build knows (a released delib engine);
//  - its counts must be the data's, and what the workbook shows without the add-in (the custom
//    document properties, the 요약 line) must say what the stamp part says.
// Who made the stamp and when are claims: only SharePoint's record (`delib verify --sharepoint`)
// says who submitted this data and when.
import { ENGINE_VERSION, type Validation } from '../engine';
import { fillText } from '../engine/findings';
import { registry as productRegistry, standardByVersion, type StandardRegistry } from '../standard';
import type { Text } from '../standard/types';
import { canonicalText, stampUnits, unitDigests, unitsChanged, type StampData } from './canonical';
import { STAMP_FORMATS_READ, STAMP_FORMAT_VERSION, type Stamp } from './format';
import { formatOneDigests, formatOneHash } from './legacy';
import { stampProblemTexts, summaryLineHow } from './messages';
import { sha256Hex } from './sha256';
import { shownDifferences, type ShownStamp } from './shown';
import type { DataFacts, StampProblem, StampProblemCode, StampUnit, StampVerdict } from './types';

/** Engine versions earlier releases of delib wrote into stamps (a release that changes it adds one). */
const RELEASED_ENGINES = ['1.0.0'];

/**
 * The engine versions whose stamps this build accepts: every engine a released delib wrote into a
 * stamp, and this build's. A stamp naming any other (`0.0.0-fake`, a version from the future) is not
 * vouched for.
 */
export const KNOWN_ENGINES: readonly string[] = [...new Set([...RELEASED_ENGINES, ENGINE_VERSION])];

/** What a validation's stamp covers (and a submission's stampHash hashes). */
export function stampDataOf(validation: Validation): StampData {
  const { standard, report, forums, council, snapshot } = validation;
  return { standard, info: report.info, forums, council, snapshot };
}

/** Hashing every unit again costs a full pass; the last result is kept per distinct data. */
let lastKey = '';
let lastHash = '';

function hashOf(units: ReturnType<typeof stampUnits>, digests: string[]): string {
  const key = digests.join('');
  if (key !== lastKey) {
    lastHash = sha256Hex(canonicalText(units));
    lastKey = key;
  }
  return lastHash;
}

/**
 * The data now: its digests, its facts and its hash (without names) — the hash only when `wanted`
 * says so given the digests (it costs a pass over every row's text; the digests are cached per row).
 */
export function dataNow(
  validation: Validation,
  wanted: (digests: string[]) => boolean = () => true,
): { facts: DataFacts; digests: string[] } {
  const units = stampUnits(stampDataOf(validation));
  const digests = unitDigests(units);
  const { report, council } = validation;
  return {
    digests,
    facts: {
      standard: report.standard,
      hash: wanted(digests) ? hashOf(units, digests) : null,
      rows: report.stats.rows,
      council: council.length,
      errors: report.stats.errors,
      warnings: report.stats.warnings,
    },
  };
}

const KIND: Record<string, StampUnit> = {
  i: 'info',
  f: 'forums',
  c: 'council',
  n: 'names',
  w: 'sheets',
  y: 'summary',
};

function changesByUnit(
  stamped: readonly string[],
  now: readonly string[],
): Partial<Record<StampUnit, number>> {
  const out: Partial<Record<StampUnit, number>> = {};
  for (const [letter, unit] of Object.entries(KIND)) {
    const n = unitsChanged(
      stamped.filter((d) => d[0] === letter),
      now.filter((d) => d[0] === letter),
    );
    if (n > 0) out[unit] = n;
  }
  return out;
}

const problem = (
  code: StampProblemCode,
  params: Record<string, string | number | Text> = {},
): StampProblem => ({
  code,
  message: fillText(stampProblemTexts[code], params),
});

export interface StoredStamp {
  stamp: Stamp | null;
  /** A part in our namespace exists but cannot be read (edited by hand, truncated, oversized …). */
  damaged: boolean;
}

export interface CheckOptions {
  /** The standard versions this build knows (tests add fixtures). */
  standards?: StandardRegistry;
  engines?: readonly string[];
  /**
   * Take the data's full hash even when its digests already show it differs from the stamp's
   * (default true: `delib verify` prints and looks it up; the pane's live passes say false).
   */
  alwaysHash?: boolean;
}

/**
 * The verdict on `stored` for the data of `validation` (validated now), given what the workbook
 * shows of its stamp elsewhere (`shown`: null when the caller could not read it).
 */
export function checkStamp(
  stored: StoredStamp | Stamp | null,
  validation: Validation,
  shown: ShownStamp | null = null,
  options: CheckOptions = {},
): StampVerdict {
  const { stamp, damaged } =
    stored && 'damaged' in stored ? stored : { stamp: stored as Stamp | null, damaged: false };
  const { facts, digests } = dataNow(
    validation,
    (now) =>
      options.alwaysHash !== false ||
      (stamp?.format === STAMP_FORMAT_VERSION && unitsChanged(stamp.digests, now) === 0),
  );
  const base = { data: facts, rowsChanged: 0, changes: {}, problems: [] as StampProblem[] };
  if (damaged) return { ...base, status: 'damaged', claims: null, problems: [problem('damaged')] };
  if (!stamp) return { ...base, status: 'absent', claims: null };
  const { format, council: _council, digests: stampedDigests, ...claims } = stamp;
  const problems: StampProblem[] = [];

  let changes: Partial<Record<StampUnit, number>> = {};
  let rowsChanged = 0;
  if ((STAMP_FORMATS_READ as readonly string[]).includes(format)) {
    const data = stampDataOf(validation);
    const now = format === '1' ? formatOneDigests(data) : digests;
    const hash = format === '1' ? formatOneHash(data) : (facts.hash ?? '');
    rowsChanged = unitsChanged(stampedDigests, now);
    if (rowsChanged > 0 || hash !== stamp.hash) {
      rowsChanged = Math.max(1, rowsChanged);
      changes = changesByUnit(stampedDigests, now);
    }
    if (format === '1') problems.push(problem('old-format', { format }));
  } else {
    problems.push(problem('unknown-format', { format }));
  }

  if (facts.errors > 0) problems.push(problem('errors', { errors: facts.errors }));
  const standards = options.standards ?? productRegistry;
  if (!standardByVersion(stamp.standard, standards))
    problems.push(problem('unknown-standard', { standard: stamp.standard }));
  else if (stamp.standard !== facts.standard)
    problems.push(problem('standard-mismatch', { standard: stamp.standard, declared: facts.standard }));
  const engines = options.engines ?? KNOWN_ENGINES;
  if (!engines.includes(stamp.engine))
    problems.push(problem('unknown-engine', { engine: stamp.engine, known: engines.join(', ') }));
  if (rowsChanged === 0) {
    const claimed = `${stamp.rows}/${stamp.council}/${stamp.errors}`;
    const found = `${facts.rows}/${facts.council}/0`;
    if (claimed !== found)
      problems.push(
        problem('counts', {
          claimed: {
            ko: `행 ${stamp.rows}, 위원 ${stamp.council}, 오류 ${stamp.errors}`,
            en: `rows ${stamp.rows}, members ${stamp.council}, errors ${stamp.errors}`,
          },
          found: {
            ko: `행 ${facts.rows}, 위원 ${facts.council}`,
            en: `rows ${facts.rows}, members ${facts.council}`,
          },
        }),
      );
  }
  if (shown) {
    const differences = shownDifferences(claims, shown);
    if (differences.properties.length)
      problems.push(problem('properties', { names: differences.properties.join(', ') }));
    if (differences.summaryLine)
      problems.push(problem('summary-line', { how: summaryLineHow[differences.summaryLine] }));
  }
  const status = rowsChanged > 0 ? 'changed' : problems.length ? 'invalid' : 'valid';
  return { ...base, status, claims, rowsChanged, changes, problems };
}
