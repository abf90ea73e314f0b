// The parts that say where everything is: relationships, workbook.xml (sheet names, visibility,
// date system) and styles.xml (number formats). Each handler keeps only that and stops the parse
// as soon as it has it.
import type { SheetVisibility } from '../engine/snapshot';
import { attribute, type XmlElement, type XmlTokenizer } from '../xml/tokenizer';
import { corrupt } from './errors';
import { XLSX_LIMITS, limitError } from './limits';
import { builtInFormat, cellFormat, type CellFormat } from './numfmt';
import { NS, parsePart, relsPathOf, resolveTarget, type PartHandler } from './xml-part';
import type { ZipArchive, ZipEntry } from './zip';

export interface Relationship {
  id: string;
  type: string;
  /** The target part's name in the zip (resolved); external targets are left out. */
  target: string;
}

abstract class Handler implements PartHandler {
  wantText = false;
  protected tokenizer: XmlTokenizer | null = null;
  attach(tokenizer: XmlTokenizer): void {
    this.tokenizer = tokenizer;
  }
  abstract open(el: XmlElement): void;
  close(_el: XmlElement): void {}
  text(_text: string): void {}
}

class RelationshipsHandler extends Handler {
  readonly found: Relationship[] = [];
  constructor(private readonly source: string) {
    super();
  }
  open(el: XmlElement): void {
    if (el.local !== 'Relationship' || el.ns !== NS.packageRelationships) return;
    const { Id: id, Type: type, Target: target, TargetMode: mode } = el.attrs;
    if (!id || !type || target === undefined || mode === 'External') return;
    this.found.push({ id, type, target: resolveTarget(this.source, target) });
  }
}

/** The relationships of a part ('' for the package's own). */
export async function readRelationships(archive: ZipArchive, source: string): Promise<Relationship[]> {
  const path = relsPathOf(source);
  const entry = archive.entry(path);
  if (!entry) return [];
  const handler = new RelationshipsHandler(source);
  await parsePart(archive, entry, { kind: 'relationships', path }, handler);
  return handler.found;
}

export interface SheetListing {
  name: string;
  visibility: SheetVisibility;
  relationship: string;
}

class WorkbookHandler extends Handler {
  date1904 = false;
  readonly sheets: SheetListing[] = [];
  constructor(private readonly file: string) {
    super();
  }
  open(el: XmlElement): void {
    if (!NS.main.has(el.ns)) return;
    if (el.local === 'workbookPr') {
      const v = el.attrs.date1904;
      this.date1904 = v === '1' || v === 'true';
    } else if (el.local === 'sheet') {
      if (this.sheets.length >= XLSX_LIMITS.sheets)
        throw limitError.sheets(this.file, this.sheets.length + 1);
      const { state, name = '' } = el.attrs;
      if (name.length > XLSX_LIMITS.sheetName) throw limitError.sheetName(this.file, name.length);
      this.sheets.push({
        name,
        visibility: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        relationship: NS.relationships.map((ns) => attribute(el, 'id', ns)).find((v) => v) ?? '',
      });
    }
  }
  override close(el: XmlElement): void {
    // Everything after the sheet list (defined names, calculation settings) is not needed.
    if (el.local === 'sheets' && NS.main.has(el.ns)) this.tokenizer?.stop();
  }
}

export interface WorkbookListing {
  date1904: boolean;
  sheets: SheetListing[];
}

export async function readWorkbookPart(
  archive: ZipArchive,
  entry: ZipEntry,
  path: string,
): Promise<WorkbookListing> {
  const handler = new WorkbookHandler(archive.file);
  await parsePart(archive, entry, { kind: 'workbook', path }, handler);
  return { date1904: handler.date1904, sheets: handler.sheets };
}

class StylesHandler extends Handler {
  readonly custom = new Map<number, string>();
  readonly xfs: number[] = [];
  private inCellXfs = false;
  private inNumFmts = false;
  constructor(private readonly file: string) {
    super();
  }
  open(el: XmlElement): void {
    if (!NS.main.has(el.ns)) return;
    if (el.local === 'numFmts') this.inNumFmts = true;
    else if (el.local === 'cellXfs') this.inCellXfs = true;
    else if (el.local === 'numFmt' && this.inNumFmts) {
      const id = Number(el.attrs.numFmtId);
      if (Number.isInteger(id) && el.attrs.formatCode !== undefined) this.custom.set(id, el.attrs.formatCode);
    } else if (el.local === 'xf' && this.inCellXfs) {
      if (this.xfs.length >= XLSX_LIMITS.cellFormats)
        throw limitError.cellFormats(this.file, this.xfs.length + 1);
      this.xfs.push(Number(el.attrs.numFmtId ?? 0));
    }
  }
  override close(el: XmlElement): void {
    if (!NS.main.has(el.ns)) return;
    if (el.local === 'numFmts') this.inNumFmts = false;
    // The cell formats are all the reader needs; fonts, fills and the rest are skipped.
    if (el.local === 'cellXfs') this.tokenizer?.stop();
  }
}

/** Cell formats by style index (a cell's `s`). */
export async function readStyles(archive: ZipArchive, entry: ZipEntry, path: string): Promise<CellFormat[]> {
  const handler = new StylesHandler(archive.file);
  await parsePart(archive, entry, { kind: 'styles', path }, handler);
  const formats = new Map<number, CellFormat>();
  return handler.xfs.map((id) => {
    let f = formats.get(id);
    if (!f) formats.set(id, (f = cellFormat(handler.custom.get(id) ?? builtInFormat(id))));
    return f;
  });
}

/** The entry a relationship points at; a workbook that names a part it lacks is corrupt. */
export function entryOf(archive: ZipArchive, path: string): ZipEntry {
  const entry = archive.entry(path);
  if (!entry) throw corrupt(archive.file, `${path} is missing`);
  return entry;
}
