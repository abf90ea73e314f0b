// 표준버전 names a version the product does not know (standard §1.1): an error, and the data is
// still checked against the registry's `unknown` standard (the newest), so the district sees its
// other problems too.
import { makeFinding } from '../findings';
import type { RuleOf } from './types';

export const standardVersionRule: RuleOf<'workbook'> = {
  codes: ['unknown-standard'],
  scope: 'workbook',
  check({ standard, detected }, out) {
    if (detected.known) return;
    const field = standard.sheets.info.fields.find((f) => f.selectsStandard)?.key ?? null;
    const at = detected.at;
    out.push(
      makeFinding(
        standard,
        'unknown-standard',
        { sheet: at?.sheet ?? null, cell: at?.cell ?? null, row: at?.row ?? null, field },
        detected.declared,
        { known: detected.versions.map((s) => s.version).join(', '), used: standard.version },
      ),
    );
  },
};
