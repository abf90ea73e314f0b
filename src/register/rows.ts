// The register back as the rows of its file (standard §6): what `delib districts list` prints and
// an export writes. Reading these rows again gives the same register.
import { registerRules, registerSheet } from '../standard/register';
import { districtsInOrder } from './queries';
import type { DistrictRegister, RegisteredDistrict, Submitters } from './types';

export function submittersText(s: Submitters): string {
  return [...s.people, ...s.groups].join(registerRules.separators.submitters);
}

export function yearsText(years: readonly number[]): string {
  return years.join(registerRules.separators.years);
}

/** The header row, then the city's row, then the districts in 가나다 order. */
export function registerRows(register: DistrictRegister): string[][] {
  const line = (d: Pick<RegisteredDistrict, 'code' | 'name' | 'dueYears' | 'submitters'>) => [
    d.code,
    d.name,
    yearsText(d.dueYears),
    submittersText(d.submitters),
  ];
  const { code, name } = registerRules.city;
  return [
    registerSheet.columns.map((c) => c.header),
    line({ code, name, dueYears: [], submitters: register.officers }),
    ...districtsInOrder(register).map(line),
  ];
}
