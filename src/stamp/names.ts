// Council members' names (the standard's personal columns: 성명) and their stand-ins `위원 01`,
// `위원 02` … by council row order. One rule decides where a name is replaced, used twice: by the
// stamp, whose hash covers the data with names replaced (so what the city receives and checks holds
// no name, and the name-free copy of the workbook hashes like the original), and by the name-free
// copy itself (src/xlsx/name-free.ts), which replaces names in every part of the file.
//
// A name is looked for in other text (a 비고 mentioning a member, 작성자 when the author sits on the
// council) only when it is name-like — two characters or more, with a letter — and is not part of
// the standard's own words (a header, a sheet name, a list value, a district): a 성명 cell holding
// `행정` or `1` must not rewrite every header or number of the workbook. The 성명 cells themselves
// are always replaced (the copy rewrites them by position).
import type { Standard } from '../standard/types';

/** The stand-in of the council member in row `index` (0-based) of `count`: `위원 01`. */
export function pseudonym(index: number, count: number): string {
  return `위원 ${String(index + 1).padStart(Math.max(2, String(count).length), '0')}`;
}

/** Where a name stands in a sheet name, a defined name or a formula: no space (`위원_01`). */
function identifierForm(name: string): string {
  return name.replace(/ /g, '_');
}

/** The texts of the standard the engine recognises a workbook by: a name never replaces them. */
export function standardVocabulary(standard: Standard, extra: readonly string[] = []): string[] {
  const out = [...extra];
  for (const sheet of Object.values(standard.sheets)) out.push(sheet.name);
  for (const table of [standard.sheets.forums, standard.sheets.council])
    for (const c of table.columns) out.push(c.header, ...c.aliases);
  for (const f of standard.sheets.info.fields) out.push(f.label, ...f.aliases);
  for (const list of Object.values(standard.enums)) for (const v of list) out.push(v.value, ...v.nearMisses);
  for (const d of standard.districts) out.push(d.name, d.code);
  for (const m of standard.metrics) out.push(m.label.ko);
  return out;
}

const NAME_LIKE = /\p{L}/u;

/**
 * Replaces council members' names in text. `names` are the personal values in council row order
 * (null for a blank cell); a name met twice keeps the stand-in of its first row.
 */
export class NameScrubber {
  /** The names looked for in other text, longest first (a name inside a longer one loses). */
  readonly searched: readonly string[];
  /** Identifies the replacement (names and stand-ins): equal keys replace equally. */
  readonly key: string;
  private readonly stand = new Map<string, string>();
  private readonly pattern: RegExp | null;

  constructor(
    readonly names: readonly (string | null)[],
    /** The standard's own words: a name inside one of them is not looked for in other text. */
    readonly vocabulary: readonly string[],
  ) {
    const seen = new Set<string>();
    names.forEach((raw, i) => {
      const name = raw?.trim() ?? '';
      if (seen.has(name)) return;
      seen.add(name);
      if (name.length < 2 || !NAME_LIKE.test(name)) return;
      if (vocabulary.some((word) => word.includes(name))) return;
      this.stand.set(name, pseudonym(i, names.length));
    });
    this.searched = [...this.stand.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.pattern = this.searched.length
      ? new RegExp(this.searched.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu')
      : null;
    this.key = JSON.stringify([...this.stand]);
  }

  /** Each council row's stand-in, in row order (what the copy's 성명 cells hold). */
  pseudonyms(): string[] {
    return this.names.map((_, i) => pseudonym(i, this.names.length));
  }

  /** Whether `text` still holds a name looked for. */
  finds(text: string): boolean {
    if (!this.pattern) return false;
    this.pattern.lastIndex = 0;
    return this.pattern.test(text);
  }

  /** Text as people read it: `홍길동 위원 발표` → `위원 01 위원 발표`. */
  text(text: string): string {
    return this.pattern ? text.replace(this.pattern, (m) => this.stand.get(m)!) : text;
  }

  /** A sheet name or a defined name, where a space is not allowed or needs quoting: `위원_01`. */
  identifier(text: string): string {
    return this.pattern ? text.replace(this.pattern, (m) => identifierForm(this.stand.get(m)!)) : text;
  }

  /** A formula: string literals as text, everything else (sheet names, defined names) as identifiers. */
  formula(formula: string): string {
    if (!this.pattern) return formula;
    return formula
      .split(/("(?:[^"]|"")*")/)
      .map((part, i) => (i % 2 === 1 ? this.text(part) : this.identifier(part)))
      .join('');
  }
}
