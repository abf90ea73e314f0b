// The district register in SharePoint (standard §6): the `Districts` list, one item per row of the
// register file. Reading it back runs the very checks an import runs (src/register), so a row an
// officer mistyped in SharePoint itself is reported, not trusted; writing it makes the list hold
// exactly the register given, item by item, so a repeated import after a failure finishes the job.
import type { SheetSnapshot } from '../engine/snapshot';
import { parseRegister, registerRows, type DistrictRegister, type RegisterImport } from '../register';
import { registerSheet } from '../standard/register';
import { DISTRICT_COLUMNS } from './schema';
import { expectOk, type GraphItem, type SharePointSite } from './sharepoint';

const KEYS = registerSheet.columns.map((c) => c.key);
const FIELDS = KEYS.map((k) => DISTRICT_COLUMNS[k]);

export interface StoredRegister extends RegisterImport {
  /** The list item each checked row came from (problems name rows of the list in item order). */
  itemOfRow: Map<number, string>;
}

const cellText = (v: unknown): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);

/** The list as the sheet of cells the register's parser reads: a header row, then one row per item. */
function asSheet(items: GraphItem[]): SheetSnapshot {
  const header = registerSheet.columns.map((c) => ({ value: c.header }));
  const rows = items.map((item) => FIELDS.map((f) => ({ value: cellText(item.fields[f]) || null })));
  return { name: registerSheet.name, rows: [header, ...rows] };
}

const byItemId = (a: GraphItem, b: GraphItem) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id);

/** The register as the Districts list holds it now, checked as an import would check it. */
export async function readRegister(site: SharePointSite): Promise<StoredRegister> {
  const items = (await site.allItems('districts', FIELDS)).sort(byItemId);
  const checked = parseRegister(asSheet(items));
  return { ...checked, itemOfRow: new Map(items.map((item, i) => [i + 2, item.id])) };
}

export interface RegisterWrite {
  created: number;
  updated: number;
  deleted: number;
}

/**
 * Makes the Districts list hold exactly `register`: rows matched by 자치구코드 are updated where they
 * differ, new ones created, and items of codes the register no longer has deleted.
 */
export async function writeRegister(
  site: SharePointSite,
  register: DistrictRegister,
): Promise<RegisterWrite> {
  const [, ...rows] = registerRows(register);
  const existing = await site.allItems('districts', FIELDS);
  const byCode = new Map<string, GraphItem[]>();
  for (const item of existing) {
    const code = cellText(item.fields[DISTRICT_COLUMNS.code]);
    byCode.set(code, [...(byCode.get(code) ?? []), item]);
  }
  const result: RegisterWrite = { created: 0, updated: 0, deleted: 0 };
  for (const row of rows) {
    const fields = Object.fromEntries(FIELDS.map((f, i) => [f, row[i]]));
    const [item, ...repeats] = byCode.get(row[0]) ?? [];
    byCode.delete(row[0]);
    for (const extra of repeats) {
      await site.deleteItem('districts', extra.id);
      result.deleted++;
    }
    if (!item) {
      expectOk(
        await site.createItem('districts', { Title: row[1], ...fields }),
        `add ${row[1]} to the register`,
      );
      result.created++;
    } else if (FIELDS.some((f) => cellText(item.fields[f]) !== fields[f])) {
      await site.patchFields('districts', item.id, { Title: row[1], ...fields });
      result.updated++;
    }
  }
  for (const items of byCode.values()) {
    for (const item of items) {
      await site.deleteItem('districts', item.id);
      result.deleted++;
    }
  }
  return result;
}
