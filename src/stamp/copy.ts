// What the name-free copy of a workbook (src/xlsx/name-free.ts) needs to know about its council, from
// the validation: where the 성명 cells are, the names and how they are replaced (the very scrubber the
// stamp's hash uses, so the copy hashes like the original), and the names digest the copy's stamp
// must carry for the copy's own names (`위원 01` …) so that `delib verify` finds it valid.
import type { Validation } from '../engine/validate';
import { cellAddress } from '../engine/snapshot';
import { findSheet, locateTable } from '../engine/locate';
import { namesDigest, personalData, scrubberOf } from './canonical';
import { pseudonym, type NameScrubber } from './names';
import { stampDataOf } from './verdict';

export interface CouncilNames {
  /** The council sheet as the workbook names it; null when there is none (nothing to rewrite). */
  sheet: string | null;
  /** A1 addresses of the personal cells, each with the stand-in it gets (by council row order). */
  cells: { address: string; replacement: string }[];
  scrubber: NameScrubber;
  /** The `n` digest of the workbook's names, and the one the copy's names give. */
  namesDigest: string;
  copyNamesDigest: string;
}

export function councilNamesOf(validation: Validation): CouncilNames {
  const data = stampDataOf(validation);
  const table = validation.standard.sheets.council;
  const personal = table.columns.filter((c) => c.personal);
  const sheet = findSheet(validation.snapshot, table.name);
  const layout = sheet ? locateTable(sheet, table, validation.standard) : null;
  const count = validation.council.length;
  const cells = validation.council.flatMap((record, i) =>
    personal.flatMap((c) => {
      const column = layout?.columns.get(c.key);
      return column === undefined
        ? []
        : [{ address: cellAddress(column, record.row), replacement: pseudonym(i, count) }];
    }),
  );
  // The copy's personal values: each row's stand-in in every personal column.
  const copied = validation.council.map((_, i) =>
    personal.length === 1
      ? pseudonym(i, count)
      : Object.fromEntries(personal.map((c) => [c.key, pseudonym(i, count)])),
  );
  return {
    sheet: sheet?.name ?? null,
    cells,
    scrubber: scrubberOf(data),
    namesDigest: namesDigest(data.council.map((c) => personalData(table.columns, c))),
    copyNamesDigest: namesDigest(copied),
  };
}
