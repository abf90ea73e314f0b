// The registry of the standard versions the product knows, in the order the city released them.
// A new city standard is one more data file and one more line in `releases` (docs/standard.md).
import type { Standard } from './types';
import { standard2021_1 } from './2021.1';
import { standard2021_2 } from './2021.2';

const releases: readonly Standard[] = [standard2021_1, standard2021_2];

/**
 * A set of standard versions a workbook may declare. The product has one (`registry`); a test may
 * build another with a fixture standard added, and nothing else changes.
 */
export interface StandardRegistry {
  /** Oldest first. */
  readonly versions: readonly Standard[];
  /** What a workbook follows when it declares no version (standard §1.1: absent means 2021.1). */
  readonly absent: Standard;
  /**
   * What a workbook declaring an unknown version is checked against, so the district still sees
   * its other problems: the newest version — an unknown version is most likely a newer revision,
   * and the newest known one accepts the most of it (every version only adds to the one before).
   */
  readonly unknown: Standard;
  /** The version new workbooks are made for (`delib template`, inserting into an empty workbook). */
  readonly newest: Standard;
}

export function defineRegistry(versions: readonly Standard[]): StandardRegistry {
  if (versions.length === 0) throw new Error('a registry needs at least one standard');
  const newest = versions[versions.length - 1];
  return { versions, absent: versions[0], unknown: newest, newest };
}

export const registry: StandardRegistry = defineRegistry(releases);

/** The newest standard the product knows: what `delib --version` names and new templates follow. */
export const newestStandard: Standard = registry.newest;

/** The standard of a version string, or undefined for a version the registry does not know. */
export function standardByVersion(
  version: string,
  within: StandardRegistry = registry,
): Standard | undefined {
  return within.versions.find((s) => s.version === version);
}

export type * from './types';
export { findingCatalog, findingCodes, wording } from './catalog';

/**
 * The standard of a report's version for showing it (labels, rounding); the newest for a version
 * the product does not know. Never for validation: that follows the workbook's 표준버전.
 */
export function standardForDisplay(version: string | null | undefined): Standard {
  return (version ? standardByVersion(version) : undefined) ?? newestStandard;
}
