// The reader's limits and its distrust of the zip, in process: each limit refuses with its own
// bilingual message, declared sizes are refused before anything is inflated (the bytes read from the
// file show it), and every lie in the zip is caught. test/xlsx/hostile-cli.test.ts runs the big
// attacks through the real CLI with time and memory measured.
import { readFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WorkbookSnapshot } from '../../src/engine/snapshot';
import { readWorkbook, XlsxReadError, ZipArchive } from '../../src/xlsx/read';
import type { ByteSource } from '../../src/xlsx/zip';
import {
  MAIN,
  exampleXlsx,
  minimalEntries,
  minimalWorkbook,
  sheetBomb,
  unusedEntries,
  type MinimalWorkbook,
} from '../support/hostile-xlsx';
import {
  deflatedEntry,
  repeatedEntry,
  writeZip,
  type RawEntry,
  type ZipOptions,
} from '../support/zip-writer';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-limits-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A file read through a source that counts the bytes taken from it. */
async function readCounting(
  file: string,
): Promise<{ snapshot?: WorkbookSnapshot; error?: XlsxReadError; bytesRead: number }> {
  const buf = readFileSync(file);
  let bytesRead = 0;
  const src: ByteSource = {
    size: buf.length,
    read: async (position, length) => {
      bytesRead += length;
      return buf.subarray(position, position + length);
    },
    close: async () => undefined,
  };
  try {
    const archive = await ZipArchive.open(src, 'book.xlsx');
    const { snapshot } = await readWorkbook(archive);
    return { snapshot, bytesRead };
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    return { error: e, bytesRead };
  }
}

let n = 0;
const fileFor = () => path.join(dir, `f${n++}.xlsx`);

async function refusal(
  make: (file: string) => unknown,
): Promise<{ error: XlsxReadError; bytesRead: number; size: number }> {
  const file = fileFor();
  await make(file);
  const r = await readCounting(file);
  if (!r.error) throw new Error('expected the file to be refused');
  return { error: r.error, bytesRead: r.bytesRead, size: readFileSync(file).length };
}

const workbookOf =
  (rows: string, extra: Partial<MinimalWorkbook> = {}) =>
  (file: string) =>
    minimalWorkbook(file, { sheets: [{ name: 's', rows }], ...extra });

const zipOf = (entries: RawEntry[], options?: ZipOptions) => (file: string) =>
  writeZip(file, entries, options);

describe('declared sizes are refused before anything is inflated', () => {
  it('one sheet over 200 MB', async () => {
    const r = await refusal((f) => sheetBomb(f, 1.5e9));
    expect(r.error.kind).toBe('limit');
    expect(r.error.ko).toBe("book.xlsx: 시트 '숙의공론장'의 XML이 200MB를 넘습니다 (1.5GB)");
    expect(r.error.en).toBe("book.xlsx: the XML of sheet '숙의공론장' exceeds 200 MB (1.5 GB)");
    // The workbook's own small parts, never the bomb's 3.7 MB.
    expect(r.bytesRead).toBeLessThan(200_000);
    expect(r.size).toBeGreaterThan(3_000_000);
  });

  it('all the parts to read together over 500 MB', async () => {
    const big = repeatedEntry(
      '',
      `<worksheet xmlns="${MAIN}"><sheetData>`,
      ' '.repeat(1e6),
      190,
      '</sheetData></worksheet>',
    );
    const r = await refusal((f) =>
      minimalWorkbook(f, { sheets: ['a', 'b', 'c'].map((name) => ({ name, rows: big })) }),
    );
    expect(r.error.en).toBe('book.xlsx: the XML to read exceeds 500 MB in all (at least 570 MB)');
    // The directory's tail (up to 64 KB of comment room) and the small parts only.
    expect(r.bytesRead).toBeLessThan(100_000);
  });

  it('the shared strings over 200 MB, the styles over 100 MB', async () => {
    const huge = (bytes: number) => repeatedEntry('', '<x>', ' '.repeat(1e6), bytes / 1e6, '</x>');
    let r = await refusal(workbookOf('', { sharedStrings: huge(201e6) }));
    expect(r.error.en).toBe(
      'book.xlsx: the shared strings part (xl/sharedStrings.xml) exceeds 200 MB (201 MB)',
    );
    r = await refusal((f) =>
      writeZip(f, [
        ...minimalEntries({ sheets: [{ name: 's', rows: '' }], styles: '<x/>' }).filter(
          (e) => e.name !== 'xl/styles.xml',
        ),
        { ...huge(101e6), name: 'xl/styles.xml' },
      ]),
    );
    expect(r.error.ko).toBe('book.xlsx: 서식 정보(xl/styles.xml)가 100MB를 넘습니다 (101MB)');
  });

  it('more than 10,000 entries, or a directory over 16 MB, before the directory is read', async () => {
    let r = await refusal((f) => exampleXlsx(f, { eocd: { entries: 10_001 } }));
    expect(r.error.en).toBe('book.xlsx: the zip holds more than 10,000 entries (10,001)');
    r = await refusal((f) => exampleXlsx(f, { eocd: { cdSize: 17_000_000 } }));
    expect(r.error.en).toBe("book.xlsx: the zip's central directory exceeds 16 MB (17 MB)");
    expect(r.bytesRead).toBeLessThan(100_000);
  });
});

describe('parts nobody reads are never read', () => {
  it.each([
    ['honest', undefined],
    ['lying about its size', 1000],
  ])('a 1.5 GB media entry, %s', async (_, declare) => {
    const file = fileFor();
    await unusedEntries(file, 1, 1.5e9, declare);
    const r = await readCounting(file);
    expect(r.error).toBeUndefined();
    expect(r.snapshot!.sheets.map((s) => s.name)).toEqual([
      '기본정보',
      '숙의공론장',
      '협치회의 구성',
      '요약',
    ]);
    expect(r.bytesRead).toBeLessThan(150_000);
  });

  it('an unused shared string, however long, is skipped unread', async () => {
    const sst = repeatedEntry(
      '',
      `<sst xmlns="${MAIN}"><si><t>`,
      'x'.repeat(1e6),
      20,
      '</t></si><si><t>쓰임</t></si></sst>',
    );
    const file = fileFor();
    minimalWorkbook(file, {
      sheets: [{ name: 's', rows: '<row r="1"><c r="A1" t="s"><v>1</v></c></row>' }],
      sharedStrings: sst,
    });
    expect((await readCounting(file)).snapshot!.sheets[0].rows).toEqual([[{ value: '쓰임' }]]);
  });
});

describe('limits while reading', () => {
  const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;

  it(`a value in row 20,000 is read; one in row 20,001 refuses the file; formatting alone is no value`, async () => {
    const file = fileFor();
    minimalWorkbook(file, {
      sheets: [
        {
          name: 's',
          rows: row(20_000, '<c r="A20000"><v>1</v></c>') + row(900_000, '<c r="A900000" s="1"/>'),
        },
      ],
    });
    expect((await readCounting(file)).snapshot!.sheets[0].rows).toHaveLength(20_000);
    const r = await refusal(workbookOf(row(20_001, '<c r="B20001"><v>1</v></c>')));
    expect(r.error.ko).toBe(
      "book.xlsx: 시트 's'의 20,001행에 값이 있습니다 — 시트마다 20,000행까지 읽습니다",
    );
    expect(r.error.en).toBe(
      "book.xlsx: sheet 's' has a value in row 20,001; at most 20,000 rows per sheet are read",
    );
  });

  it('more than 500,000 cells, counting the empty ones before a value far to the right', async () => {
    let rows = '';
    for (let r = 1; r <= 31; r++) rows += row(r, `<c r="XFD${r}"><v>1</v></c>`);
    const r = await refusal(workbookOf(rows));
    expect(r.error.en).toBe(
      "book.xlsx: more than 500,000 cells to read (empty cells before a row's last value included)",
    );
  });

  it('more than 20 million characters of text in all', async () => {
    const text = '가'.repeat(32_000);
    const rows = repeatedEntry(
      '',
      `<worksheet xmlns="${MAIN}"><sheetData>`,
      `<row><c t="inlineStr"><is><t>${text}</t></is></c></row>`,
      700,
      '</sheetData></worksheet>',
    );
    const r = await refusal((f) => minimalWorkbook(f, { sheets: [{ name: 's', rows }] }));
    expect(r.error.en).toBe('book.xlsx: the text in all cells exceeds 20,000,000 characters');
  });

  describe("a cell's text beyond Excel's 32,767 characters", () => {
    const inline = (t: string) => row(3, `<c r="B3" t="inlineStr"><is><t>${t}</t></is></c>`);

    it('32,767 is read', async () => {
      const file = fileFor();
      minimalWorkbook(file, { sheets: [{ name: 's', rows: inline('a'.repeat(32_767)) }] });
      expect((await readCounting(file)).snapshot!.sheets[0].rows[2][1]!.value).toHaveLength(32_767);
    });

    it('32,768 in an inline string, or across rich-text runs, is refused at its cell', async () => {
      let r = await refusal(workbookOf(inline('a'.repeat(32_768))));
      expect(r.error.en).toBe(
        "book.xlsx: the text in s!B3 exceeds Excel's limit of 32,767 characters (32,768)",
      );
      r = await refusal(
        workbookOf(
          row(
            3,
            `<c r="B3" t="inlineStr"><is><r><t>${'a'.repeat(20_000)}</t></r><r><t>${'b'.repeat(20_000)}</t></r></is></c>`,
          ),
        ),
      );
      expect(r.error.ko).toBe('book.xlsx: s!B3의 텍스트가 Excel의 한도 32,767자를 넘습니다 (40,000자)');
    });

    it('a huge text is refused without being read whole (a lower bound is named)', async () => {
      const rows = repeatedEntry(
        '',
        `<worksheet xmlns="${MAIN}"><sheetData><row r="2"><c r="C2" t="inlineStr"><is><t>`,
        'z'.repeat(1e6),
        50,
        '</t></is></c></row></sheetData></worksheet>',
      );
      const r = await refusal((f) => minimalWorkbook(f, { sheets: [{ name: 's', rows }] }));
      expect(r.error.en).toMatch(
        /^book\.xlsx: the text in s!C2 exceeds Excel's limit of 32,767 characters \(at least [\d,]+\)$/,
      );
    });

    it('a shared string is refused at the first cell using it', async () => {
      const sst = `<sst xmlns="${MAIN}"><si><t>ok</t></si><si><t>${'긴'.repeat(40_000)}</t></si></sst>`;
      const r = await refusal(
        workbookOf(
          row(2, '<c r="A2" t="s"><v>0</v></c>') +
            row(7, '<c r="D7" t="s"><v>1</v></c><c r="E7" t="s"><v>1</v></c>'),
          { sharedStrings: sst },
        ),
      );
      expect(r.error.en).toBe(
        "book.xlsx: the text in s!D7 exceeds Excel's limit of 32,767 characters (40,000)",
      );
    });

    it('a formula longer than that, too', async () => {
      const r = await refusal(workbookOf(row(1, `<c r="A1"><f>${'1+'.repeat(17_000)}1</f></c>`)));
      expect(r.error.en).toMatch(/the text in s!A1 exceeds Excel's limit of 32,767 characters/);
    });
  });

  it('more than 1,000 sheets; a sheet name over 255 characters; more than 65,536 cell formats', async () => {
    let r = await refusal((f) =>
      minimalWorkbook(f, { sheets: Array.from({ length: 1_001 }, (_, i) => ({ name: `s${i}`, rows: '' })) }),
    );
    expect(r.error.en).toBe('book.xlsx: more than 1,000 sheets (1,001)');
    r = await refusal((f) =>
      minimalWorkbook(f, { sheets: [{ name: `숙의공론장${' '.repeat(300)}`, rows: '' }] }),
    );
    expect(r.error.en).toBe('book.xlsx: a sheet name exceeds 255 characters (305)');
    const styles = `<styleSheet xmlns="${MAIN}"><cellXfs>${'<xf numFmtId="0"/>'.repeat(65_537)}</cellXfs></styleSheet>`;
    r = await refusal(workbookOf('', { styles }));
    expect(r.error.en).toBe('book.xlsx: more than 65,536 cell formats (at least 65,537)');
  });

  it('XML nested too deep, a tag too long, too many attributes', async () => {
    let r = await refusal(
      workbookOf(`<row r="1"><c r="A1"><is>${'<r>'.repeat(70)}${'</r>'.repeat(70)}</is></c></row>`),
    );
    expect(r.error.en).toBe("book.xlsx: sheet 's': XML elements nested deeper than 64 levels");
    r = await refusal(workbookOf(`<row r="1" x="${'y'.repeat(100_001)}"/>`));
    expect(r.error.en).toBe("book.xlsx: sheet 's': one XML tag exceeds 100,000 characters");
    const attrs = Array.from({ length: 257 }, (_, i) => `a${i}="1"`).join(' ');
    r = await refusal(workbookOf(`<row r="1" ${attrs}/>`));
    expect(r.error.en).toBe("book.xlsx: sheet 's': one XML element has more than 256 attributes");
  });
});

describe('a zip that lies, or is not what it seems', () => {
  const good = () =>
    minimalEntries({ sheets: [{ name: 's', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
  const changed = (name: string, change: (e: RawEntry) => RawEntry) =>
    good().map((e) => (e.name === name ? change(e) : e));
  const sheetEntry = (change: (e: RawEntry) => RawEntry) => changed('xl/worksheets/sheet1.xml', change);
  // Read to its end (a sheet is read only up to </sheetData>, so its size and CRC are checked only then).
  const relsEntry = (change: (e: RawEntry) => RawEntry) => changed('xl/_rels/workbook.xml.rels', change);

  it.each<[string, (file: string) => unknown]>([
    ['a part inflating past its declared size', zipOf(sheetEntry((e) => ({ ...e, declared: { size: 10 } })))],
    ['a part shorter than declared', zipOf(relsEntry((e) => ({ ...e, declared: { size: e.size + 100 } })))],
    ['a wrong CRC-32', zipOf(relsEntry((e) => ({ ...e, declared: { crc: e.crc ^ 1 } })))],
    [
      'a compressed size beyond the data',
      zipOf(sheetEntry((e) => ({ ...e, declared: { compressedSize: 1e6 } }))),
    ],
    ['two entries with one name', zipOf([...good(), deflatedEntry('XL/worksheets/sheet1.xml', '<x/>')])],
    [
      'a local header naming another file',
      zipOf(sheetEntry((e) => ({ ...e, declared: { localName: 'xl/worksheets/sheet9.xml' } }))),
    ],
    ['a directory miscounting its entries', zipOf(good(), { eocd: { entries: good().length + 3 } })],
    ['a directory offset past the end', zipOf(good(), { eocd: { cdOffset: 10_000_000 } })],
    ['mismatched tags', workbookOf('<row r="1"><c r="A1"><v>1</c></v></row>')],
    [
      'an undeclared entity',
      workbookOf('<row r="1"><c r="A1" t="inlineStr"><is><t>&bogus;</t></is></c></row>'),
    ],
    [
      'a character reference beyond Unicode',
      workbookOf('<row r="1"><c r="A1" t="inlineStr"><is><t>&#99999999;</t></is></c></row>'),
    ],
    [
      'a DOCTYPE',
      zipOf(
        sheetEntry((e) => ({
          ...deflatedEntry(e.name, `<!DOCTYPE x [<!ENTITY a "b">]><worksheet xmlns="${MAIN}"/>`),
        })),
      ),
    ],
    [
      'a shared string that is not there',
      workbookOf('<row r="1"><c r="A1" t="s"><v>5</v></c></row>', {
        sharedStrings: `<sst xmlns="${MAIN}"><si><t>a</t></si></sst>`,
      }),
    ],
    ['a cell reference of another row', workbookOf('<row r="1"><c r="A2"><v>1</v></c></row>')],
    ['a number that is not one', workbookOf('<row r="1"><c r="A1"><v>12abc</v></c></row>')],
    ['no workbook part', zipOf([deflatedEntry('word/document.xml', '<w/>')])],
  ])('%s: corrupt', async (_, make) => {
    const r = await refusal(make);
    expect(r.error.kind).toBe('corrupt');
    expect(r.error.en).toBe('book.xlsx: the .xlsx file is corrupt');
  });

  it('a split archive, an unknown compression method, an encrypted entry: said plainly', async () => {
    let r = await refusal(zipOf(good(), { eocd: { disk: 1 } }));
    expect(r.error.en).toBe('book.xlsx: split (multi-part) zip archives are not supported');
    r = await refusal(zipOf(sheetEntry((e) => ({ ...e, declared: { method: 12 } }))));
    expect(r.error.en).toBe('book.xlsx: unsupported compression method (12)');
    r = await refusal(zipOf(sheetEntry((e) => ({ ...e, declared: { flags: 1 } }))));
    expect(r.error.kind).toBe('encrypted');
  });
});
