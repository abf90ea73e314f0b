// The standard versions the product knows. A new city standard is one more data file listed here.
import type { Standard } from './types';
import { standard2021 } from './2021.1';

export const standards: Record<string, Standard> = { [standard2021.version]: standard2021 };

/** The version new workbooks are made for and unknown workbooks are checked against. */
export const currentStandard: Standard = standard2021;

export function standardFor(version: string | undefined): Standard {
  return (version && standards[version]) || currentStandard;
}

export type * from './types';
