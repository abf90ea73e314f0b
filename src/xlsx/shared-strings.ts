// The shared string table (sharedStrings.xml), read after the sheets: only the strings some read
// cell uses are built — the text of every other <si> is skipped unread — and the parse stops after
// the last one needed. Each string is counted once against the text limit, however many cells use it.
import type { XmlElement, XmlTokenizer } from '../xml/tokenizer';
import { corrupt } from './errors';
import { XLSX_LIMITS, limitError } from './limits';
import { unescapeOoxml, type ReadBudget, type SharedStringRefs } from './sheet';
import { NS, parsePart, type PartHandler } from './xml-part';
import type { ZipArchive, ZipEntry } from './zip';

class SharedStringsHandler implements PartHandler {
  readonly strings = new Map<number, string>();
  private tokenizer: XmlTokenizer | null = null;
  private index = -1;
  private wanted = false;
  private collecting = false;
  private depth = 0;
  private inRun = false;
  private text_ = '';

  constructor(
    private readonly file: string,
    private readonly needed: Set<number>,
    private readonly last: number,
    private readonly refs: SharedStringRefs,
  ) {}

  get wantText(): boolean {
    return this.collecting;
  }

  attach(tokenizer: XmlTokenizer): void {
    this.tokenizer = tokenizer;
  }

  textTooLong(found: number, atLeast: boolean): Error {
    return limitError.cellText(this.file, this.refs.where(this.index), found, atLeast);
  }

  open(el: XmlElement): void {
    const d = ++this.depth;
    if (!NS.main.has(el.ns)) return;
    if (d === 2 && el.local === 'si') {
      this.index++;
      this.wanted = this.needed.has(this.index);
      this.text_ = '';
    } else if (d === 3 && el.local === 't') this.collecting = this.wanted;
    else if (d === 3 && el.local === 'r') this.inRun = true;
    // Phonetic runs (rPh) are a reading aid, not part of the value.
    else if (d === 4 && this.inRun && el.local === 't') this.collecting = this.wanted;
  }

  close(el: XmlElement): void {
    const d = this.depth--;
    if (!NS.main.has(el.ns)) return;
    if (d === 2 && el.local === 'si') {
      if (this.wanted) this.strings.set(this.index, unescapeOoxml(this.text_));
      if (this.index >= this.last) this.tokenizer?.stop();
    } else if (d === 3 && el.local === 'r') this.inRun = false;
    this.collecting = false;
  }

  text(text: string): void {
    this.text_ += text;
    if (this.text_.length > XLSX_LIMITS.cellText) throw this.textTooLong(this.text_.length, false);
  }
}

/** Fills in every waiting cell's string; a reference to a string the table lacks is corruption. */
export async function resolveSharedStrings(
  archive: ZipArchive,
  entry: ZipEntry | undefined,
  path: string,
  refs: SharedStringRefs,
  budget: ReadBudget,
): Promise<void> {
  if (refs.cells.length === 0) return;
  if (!entry) throw corrupt(archive.file, 'cells use shared strings but there is no string table');
  const needed = new Set(refs.indexes);
  let last = 0;
  for (const i of needed) last = Math.max(last, i);
  const handler = new SharedStringsHandler(archive.file, needed, last, refs);
  await parsePart(archive, entry, { kind: 'sharedStrings', path }, handler);
  for (const s of handler.strings.values()) budget.addText(s.length);
  refs.cells.forEach((cell, k) => {
    const s = handler.strings.get(refs.indexes[k]);
    if (s === undefined) throw corrupt(archive.file, `shared string ${refs.indexes[k]} is missing`);
    cell.value = s;
  });
}
