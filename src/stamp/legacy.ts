// Stamp format 1 (written before format 2): its hash covered 기본정보, the forum rows' own columns
// and the council rows with their names; computed cells, extra columns, the sheet list and 요약 were
// outside it. It is kept only to tell a district whether its data changed since such a stamp was
// made: a format-1 stamp never verifies as valid (src/stamp/verdict.ts), it asks to be made again.
import type { CouncilRecord, ReportInfo, TableRecord } from '../engine/report';
import type { ColumnDefinition, Standard } from '../standard/types';
import { canonicalJson, infoData, unitDigest } from './canonical';
import { sha256Hex } from './sha256';

interface Records {
  standard: Standard;
  info: ReportInfo;
  forums: readonly TableRecord[];
  council: readonly CouncilRecord[];
}

function rowData(columns: readonly ColumnDefinition[], record: TableRecord, withPersonal: boolean) {
  const out: Record<string, unknown> = {};
  for (const c of columns) if (!c.computed && (withPersonal || !c.personal)) out[c.key] = record.get(c.key);
  return out;
}

function personalData(columns: readonly ColumnDefinition[], record: TableRecord): unknown {
  const personal = columns.filter((c) => c.personal);
  if (personal.length === 1) return record.get(personal[0].key);
  return Object.fromEntries(personal.map((c) => [c.key, record.get(c.key)]));
}

/** The format-1 hash of the data. */
export function formatOneHash(data: Records): string {
  const { forums, council } = data.standard.sheets;
  return sha256Hex(
    canonicalJson({
      info: infoData(data.standard, data.info),
      forums: data.forums.map((f) => rowData(forums.columns, f, true)),
      council: data.council.map((c) => rowData(council.columns, c, true)),
    }),
  );
}

/** The format-1 digests: `i`, `f` per forum row, `c` per council row without names, one `n`. */
export function formatOneDigests(data: Records): string[] {
  const { forums, council } = data.standard.sheets;
  return [
    unitDigest('i', canonicalJson(infoData(data.standard, data.info))),
    ...data.forums.map((f) => unitDigest('f', canonicalJson(rowData(forums.columns, f, true)))),
    ...data.council.map((c) => unitDigest('c', canonicalJson(rowData(council.columns, c, false)))),
    unitDigest('n', canonicalJson(data.council.map((c) => personalData(council.columns, c)))),
  ];
}
