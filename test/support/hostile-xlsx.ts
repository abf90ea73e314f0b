// Hostile and huge .xlsx files, generated in well under a second each (test/support/zip-writer.ts):
// what a careless user or an attacker hands the CLI. Used by the limit tests and `npm run bench`.
import JSZip from 'jszip';
import { buildStandardWorkbook } from '../../src/xlsx/write';
import { exampleWorkbook } from '../../src/workbook/example';
import { STAMP_NAMESPACE } from '../../src/stamp';
import { newestStandard } from '../../src/standard';
import {
  deflatedEntry,
  repeatedEntry,
  streamedEntry,
  writeZip,
  type RawEntry,
  type ZipOptions,
} from './zip-writer';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const FORUMS = newestStandard.sheets.forums.name;
const MB = 1_000_000;

let example: Promise<Map<string, Buffer>> | null = null;

/** The example standard workbook's parts (valid, no findings). */
function exampleParts(): Promise<Map<string, Buffer>> {
  example ??= (async () => {
    const buf = Buffer.from(
      await buildStandardWorkbook(newestStandard, exampleWorkbook(newestStandard)).xlsx.writeBuffer(),
    );
    const zip = await JSZip.loadAsync(buf);
    const parts = new Map<string, Buffer>();
    for (const f of Object.values(zip.files)) if (!f.dir) parts.set(f.name, await f.async('nodebuffer'));
    return parts;
  })();
  return example;
}

/** The part holding a sheet of the example workbook, found through workbook.xml and its rels. */
function sheetPath(parts: Map<string, Buffer>, name: string): string {
  const wb = parts.get('xl/workbook.xml')!.toString();
  const rels = parts.get('xl/_rels/workbook.xml.rels')!.toString();
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  return `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, '')}`;
}

/** The example workbook with some parts replaced or added. */
async function exampleWith(
  path: string,
  change: (parts: Map<string, Buffer>) => RawEntry[],
  options?: ZipOptions,
): Promise<number> {
  const parts = await exampleParts();
  const extra = change(parts);
  const replaced = new Set(extra.map((e) => e.name));
  const entries = [...parts].filter(([n]) => !replaced.has(n)).map(([n, b]) => deflatedEntry(n, b));
  return writeZip(path, [...entries, ...extra], options);
}

export async function exampleXlsx(path: string, options?: ZipOptions): Promise<number> {
  return exampleWith(path, () => [], options);
}

/** A sheet whose XML is `size` bytes of rows (declared honestly unless `declare` says otherwise). */
export async function sheetBomb(path: string, bytes: number, declare?: number): Promise<number> {
  return exampleWith(path, (parts) => {
    const head = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
    const block = '<row><c t="n"><v>1</v></c></row>'.repeat(32_768);
    const entry = repeatedEntry(
      sheetPath(parts, FORUMS),
      head,
      block,
      Math.ceil(bytes / block.length),
      '</sheetData></worksheet>',
    );
    if (declare !== undefined) entry.declared = { size: declare };
    return [entry];
  });
}

/**
 * A sheet of `bytes` XML within the limits that the reader must parse to its end: elements it does
 * not use, the costliest thing to parse per byte.
 */
export async function sheetOfJunk(path: string, bytes: number): Promise<number> {
  return exampleWith(path, (parts) => {
    const head = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
    const block = '<x a="1"/>'.repeat(100_000);
    return [
      repeatedEntry(
        sheetPath(parts, FORUMS),
        head,
        block,
        Math.floor(bytes / block.length),
        '</sheetData></worksheet>',
      ),
    ];
  });
}

export interface MinimalSheet {
  name: string;
  /** The rows inside <sheetData>, or a whole prepared entry. */
  rows: RawEntry | string;
  state?: string;
}

export interface MinimalWorkbook {
  sheets: MinimalSheet[];
  sharedStrings?: RawEntry | string;
  /** styles.xml, whole. */
  styles?: string;
  /** Elements before <sheets> in workbook.xml (e.g. `<workbookPr date1904="1"/>`). */
  workbookPr?: string;
  /** The SpreadsheetML namespace and the prefix its elements are written with (tests of both). */
  ns?: string;
  prefix?: string;
  extra?: RawEntry[];
}

/** A workbook written by hand, part by part: any cell form the tests need, however rare. */
export function minimalEntries(wb: MinimalWorkbook): RawEntry[] {
  const ns = wb.ns ?? MAIN;
  const p = wb.prefix ? `${wb.prefix}:` : '';
  const decl = wb.prefix ? `xmlns:${wb.prefix}="${ns}"` : `xmlns="${ns}"`;
  const list = wb.sheets
    .map(
      (s, i) =>
        `<${p}sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ''}/>`,
    )
    .join('');
  const rels = wb.sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const sst = wb.sharedStrings
    ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
    : '';
  const styles = wb.styles ? `<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>` : '';
  const part = (name: string, content: RawEntry | string) =>
    typeof content === 'string' ? deflatedEntry(name, content) : { ...content, name };
  return [
    deflatedEntry(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    deflatedEntry(
      '_rels/.rels',
      `<Relationships xmlns="${PKG}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflatedEntry(
      'xl/workbook.xml',
      `<${p}workbook ${decl} xmlns:r="${REL}">${wb.workbookPr ?? ''}<${p}sheets>${list}</${p}sheets></${p}workbook>`,
    ),
    deflatedEntry(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${PKG}">${rels}${sst}${styles}</Relationships>`,
    ),
    ...wb.sheets.map((s, i) =>
      part(
        `xl/worksheets/sheet${i + 1}.xml`,
        typeof s.rows === 'string'
          ? `<${p}worksheet ${decl}><${p}sheetData>${s.rows}</${p}sheetData></${p}worksheet>`
          : s.rows,
      ),
    ),
    ...(wb.sharedStrings ? [part('xl/sharedStrings.xml', wb.sharedStrings)] : []),
    ...(wb.styles ? [deflatedEntry('xl/styles.xml', wb.styles)] : []),
    ...(wb.extra ?? []),
  ];
}

export function minimalWorkbook(path: string, wb: MinimalWorkbook, options?: ZipOptions): number {
  return writeZip(path, minimalEntries(wb), options);
}

const headerRow = () =>
  `<row r="4">${newestStandard.sheets.forums.columns
    .map((c, i) => `<c r="${String.fromCharCode(65 + i)}4" t="inlineStr"><is><t>${c.header}</t></is></c>`)
    .join('')}</row>`;

/** One shared string of `chars` characters (Korean: 3 bytes each), used by the 명칭 cell of `cells` forum rows. */
export function hugeSharedString(path: string, chars: number, cells: number): number {
  let rows = headerRow();
  for (let r = 5; r < 5 + cells; r++)
    rows += `<row r="${r}"><c r="A${r}"><v>${r - 4}</v></c><c r="C${r}" t="s"><v>0</v></c></row>`;
  const block = '공론'.repeat(500);
  const sst = repeatedEntry(
    '',
    `<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>`,
    block,
    Math.ceil(chars / block.length),
    '</t></si></sst>',
  );
  return minimalWorkbook(path, { sheets: [{ name: FORUMS, rows }], sharedStrings: sst });
}

/** A forum sheet with `count` filled rows (the observed 1,048,532). */
export function manyRows(path: string, count: number): number {
  function* chunks(): Generator<string> {
    yield `<worksheet xmlns="${MAIN}"><sheetData>${headerRow()}`;
    for (let r = 5; r < 5 + count; r += 10_000) {
      let s = '';
      for (let k = r; k < Math.min(r + 10_000, 5 + count); k++)
        s += `<row r="${k}"><c r="A${k}"><v>${k - 4}</v></c><c r="C${k}" t="inlineStr"><is><t>회의</t></is></c></row>`;
      yield s;
    }
    yield '</sheetData></worksheet>';
  }
  return minimalWorkbook(path, { sheets: [{ name: FORUMS, rows: streamedEntry('', chunks()) }] });
}

/** A forum sheet of `count` rows with every cell wrong: the engine's worst case, a finding per cell. */
export function everyCellWrong(path: string, count: number): number {
  const columns = newestStandard.sheets.forums.columns;
  function* chunks(): Generator<string> {
    yield `<worksheet xmlns="${MAIN}"><sheetData>${headerRow()}`;
    for (let r = 5; r < 5 + count; r += 2_000) {
      let s = '';
      for (let k = r; k < Math.min(r + 2_000, 5 + count); k++)
        s += `<row r="${k}">${columns.map((_, i) => `<c r="${String.fromCharCode(65 + i)}${k}" t="inlineStr"><is><t>잘못된 값 ${k}</t></is></c>`).join('')}</row>`;
      yield s;
    }
    yield '</sheetData></worksheet>';
  }
  return minimalWorkbook(path, { sheets: [{ name: FORUMS, rows: streamedEntry('', chunks()) }] });
}

/** Zeros in a media part nobody reads; `declare` makes the directory lie about their size. */
export async function unusedEntries(
  path: string,
  count: number,
  bytes: number,
  declare?: number,
): Promise<number> {
  const block = Buffer.alloc(10 * MB);
  const entry = repeatedEntry('', '', block, Math.round(bytes / block.length));
  return exampleWith(path, () =>
    Array.from({ length: count }, (_, i) => ({
      ...entry,
      name: `xl/media/image${i + 1}.png`,
      ...(declare !== undefined ? { declared: { size: declare } } : {}),
    })),
  );
}

/** The example workbook whose directory claims more entries than it holds. */
export async function miscountedDirectory(path: string): Promise<number> {
  const parts = await exampleParts();
  return exampleXlsx(path, { eocd: { entries: parts.size + 5 } });
}

/** A stamp part (customXml/item1.xml) with the given XML, in the example workbook. */
export async function withStampPart(path: string, xml: string | RawEntry): Promise<number> {
  return exampleWith(path, () => [
    typeof xml === 'string'
      ? deflatedEntry('customXml/item1.xml', xml)
      : { ...xml, name: 'customXml/item1.xml' },
  ]);
}

export const hostileStamps = {
  /** 200,000 unclosed tags: the old parser's regexes went quadratic on it. */
  unclosed: () =>
    repeatedEntry(
      '',
      `<?xml version="1.0"?><stamp xmlns="${STAMP_NAMESPACE}" version="1"><digests>`,
      '<digests>'.repeat(1000),
      200,
    ),
  /** A character reference beyond Unicode: the old parser threw a RangeError that broke the pane. */
  badReference: () =>
    `<stamp xmlns="${STAMP_NAMESPACE}" version="1"><standard>2021.1</standard><engine>1</engine><hash algorithm="SHA-256">${'0'.repeat(64)}</hash><at>x</at><by>&#99999999;</by><counts rows="0" council="0" errors="0" warnings="0"/><digests count="0"></digests></stamp>`,
  /** Entities that expand a billion times. */
  entities: () =>
    `<?xml version="1.0"?><!DOCTYPE stamp [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]><stamp xmlns="${STAMP_NAMESPACE}" version="1"><by>&h;</by></stamp>`,
};
