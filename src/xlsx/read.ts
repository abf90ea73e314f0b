// The Node reader: an .xlsx file → the host-neutral WorkbookSnapshot the engine validates. It must
// agree with the Office.js reader (src/excel), so dates become Excel serial numbers, rich text
// becomes its plain text, and a formula cell carries its cached result. It reads the zip's directory
// first and refuses what is beyond its limits (src/xlsx/limits.ts, docs/cli.md) before inflating
// anything, then inflates only what the snapshot needs: workbook.xml and its relationships, the
// number formats, the chosen sheets up to their last row, and the shared strings those sheets use.
import type { SheetSnapshot, WorkbookSnapshot } from '../engine/snapshot';
import { sheetKey } from '../engine/text';
import { corrupt } from './errors';
import type { PartRef } from './limits';
import { ReadBudget, SharedStringRefs, SheetHandler } from './sheet';
import { resolveSharedStrings } from './shared-strings';
import { entryOf, readRelationships, readStyles, readWorkbookPart, type Relationship } from './structure';
import { parsePart } from './xml-part';
import { ZipArchive, bufferSource, fileSource, type ZipEntry } from './zip';

export { XlsxReadError } from './errors';
export type { XlsxReadErrorKind } from './errors';
export { ZipArchive } from './zip';

export interface ReadOptions {
  /**
   * Which sheets' cells to read, by their name in the workbook. The others are still listed, with
   * their visibility and no rows. Default: every sheet.
   */
  sheets?: (name: string) => boolean;
}

/** Reads the sheets named (compared as the engine finds sheets: trimmed, full-width folded). */
export function onlySheets(names: readonly string[]): (name: string) => boolean {
  const keys = new Set(names.map(sheetKey));
  return (name) => keys.has(sheetKey(name));
}

const byType = (rels: Relationship[], type: string) => rels.filter((r) => r.type.endsWith(`/${type}`));

export async function readWorkbook(
  archive: ZipArchive,
  options: ReadOptions = {},
): Promise<{ snapshot: WorkbookSnapshot }> {
  const { file } = archive;
  const root = await readRelationships(archive, '');
  const workbookPath = byType(root, 'officeDocument')[0]?.target ?? 'xl/workbook.xml';
  // A zip that is not a workbook (a .docx, a zipped folder) has no workbook part.
  const workbookEntry = archive.entry(workbookPath);
  if (!workbookEntry) throw corrupt(file, 'no workbook part');
  const rels = await readRelationships(archive, workbookPath);
  const listing = await readWorkbookPart(archive, workbookEntry, workbookPath);
  const relById = new Map(rels.map((r) => [r.id, r]));
  // Worksheets only, as Office.js lists them: chart sheets hold no cells.
  const listed = listing.sheets.flatMap((s) => {
    const rel = relById.get(s.relationship);
    return rel && rel.type.endsWith('/worksheet') ? [{ ...s, path: rel.target }] : [];
  });
  if (listed.length === 0) throw corrupt(file, 'no worksheet');
  const select = options.sheets ?? (() => true);
  const chosen = listed.filter((s) => select(s.name));

  const parts: { entry: ZipEntry; part: PartRef }[] = chosen.map((s) => ({
    entry: entryOf(archive, s.path),
    part: { kind: 'sheet', sheet: s.name, path: s.path },
  }));
  const stylesPath = byType(rels, 'styles')[0]?.target;
  const stylesEntry = stylesPath ? archive.entry(stylesPath) : undefined;
  const stringsPath = byType(rels, 'sharedStrings')[0]?.target ?? '';
  const stringsEntry = stringsPath ? archive.entry(stringsPath) : undefined;
  if (stylesEntry) parts.push({ entry: stylesEntry, part: { kind: 'styles', path: stylesPath! } });
  if (stringsEntry) parts.push({ entry: stringsEntry, part: { kind: 'sharedStrings', path: stringsPath } });
  archive.checkDeclared(parts);

  const formats = stylesEntry ? await readStyles(archive, stylesEntry, stylesPath!) : [];
  const budget = new ReadBudget(file);
  const strings = new SharedStringRefs();
  const rowsByPath = new Map<string, SheetSnapshot['rows']>();
  for (const [k, s] of chosen.entries()) {
    const handler = new SheetHandler({
      file,
      sheet: s.name,
      formats,
      date1904: listing.date1904,
      budget,
      strings,
    });
    await parsePart(archive, parts[k].entry, parts[k].part, handler);
    rowsByPath.set(s.path, handler.rows);
  }
  await resolveSharedStrings(archive, stringsEntry, stringsPath, strings, budget);
  return {
    snapshot: {
      sheets: listed.map((s) => ({
        name: s.name,
        rows: rowsByPath.get(s.path) ?? [],
        visibility: s.visibility,
      })),
    },
  };
}

/** Opens an .xlsx file without reading it whole; close the archive when done. */
export async function openXlsxFile(path: string, shown: string = path): Promise<ZipArchive> {
  const src = await fileSource(path, shown);
  try {
    return await ZipArchive.open(src, shown);
  } catch (e) {
    await src.close();
    throw e;
  }
}

export function openXlsxBuffer(buf: Uint8Array, file: string): Promise<ZipArchive> {
  return ZipArchive.open(bufferSource(buf), file);
}

async function readAndClose(archive: ZipArchive, options: ReadOptions) {
  try {
    return await readWorkbook(archive, options);
  } finally {
    await archive.close();
  }
}

/** Reads an .xlsx held in memory; `file` names it in error messages. */
export async function readWorkbookBuffer(
  buf: Uint8Array,
  file: string,
  options: ReadOptions = {},
): Promise<{ snapshot: WorkbookSnapshot }> {
  return readAndClose(await openXlsxBuffer(buf, file), options);
}

export async function readWorkbookFile(
  path: string,
  options: ReadOptions = {},
): Promise<{ snapshot: WorkbookSnapshot }> {
  return readAndClose(await openXlsxFile(path), options);
}
