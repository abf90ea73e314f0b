// The district register as a value (standard §6): which districts are due in which years, who may
// submit for each, and who the city officers are. Host-free: src/graph keeps it in the SharePoint
// `Districts` list, the CLI imports it from a file; both hand this shape around.
import type { RegisterProblemCode } from '../standard/register';
import type { Text } from '../standard/types';

/** People by sign-in name (UPN, as written) and Entra groups (or directory objects) by id. */
export interface Submitters {
  people: string[];
  groups: string[];
}

export interface RegisteredDistrict {
  /** The 5-digit code of standard §4. */
  code: string;
  /** The standard's name (강서구), whatever form the file wrote. */
  name: string;
  /** Ascending, without repeats; empty = never due. */
  dueYears: number[];
  submitters: Submitters;
}

export interface DistrictRegister {
  /** In the order of the file; `districtsInOrder` gives 가나다 order. */
  districts: RegisteredDistrict[];
  /** The city's row: city officers may submit on a district's behalf and see the city desk. */
  officers: Submitters;
}

/**
 * Who is asking, as the caller knows it from the signed-in token or from SharePoint's record of
 * an item's creator: never what a workbook says about itself.
 */
export interface Identity {
  upn: string | null;
  /** The Entra object id of the user, when known. */
  objectId?: string | null;
  /** Ids of the groups the user belongs to (transitively), when known. */
  groupIds?: readonly string[];
}

/** An import problem, with the Excel row (or CSV line) where one applies. */
export interface RegisterProblem {
  code: RegisterProblemCode;
  severity: 'error' | 'warning';
  row: number | null;
  /** The register's column key (`code`, `name`, `dueYears`, `submitters`), or null. */
  field: string | null;
  value: string | null;
  message: Text;
}

/** The register, or null when any row is bad (then nothing is imported); problems in row order. */
export interface RegisterImport {
  register: DistrictRegister | null;
  problems: RegisterProblem[];
}
