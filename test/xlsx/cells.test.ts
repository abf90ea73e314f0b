// Every cell form the reader meets, written by hand part by part (exceljs cannot write most of
// them): the snapshot must hold what Office.js would report.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Cell, WorkbookSnapshot } from '../../src/engine/snapshot';
import { onlySheets, readWorkbookFile } from '../../src/xlsx/read';
import { shiftFormula } from '../../src/xlsx/formula';
import { isoToSerial } from '../../src/xlsx/sheet';
import { MAIN, minimalWorkbook, type MinimalWorkbook } from '../support/hostile-xlsx';
import { deflatedEntry } from '../support/zip-writer';
import type { ZipOptions } from '../support/zip-writer';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-cells-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

let n = 0;
async function read(wb: MinimalWorkbook, options?: ZipOptions, sheets?: string[]): Promise<WorkbookSnapshot> {
  const file = path.join(dir, `wb${n++}.xlsx`);
  minimalWorkbook(file, wb, options);
  return (await readWorkbookFile(file, sheets ? { sheets: onlySheets(sheets) } : {})).snapshot;
}

const one = async (rows: string, extra: Partial<MinimalWorkbook> = {}) =>
  (await read({ sheets: [{ name: 's', rows }], ...extra })).sheets[0].rows;

const STYLES = `<styleSheet xmlns="${MAIN}">
  <numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts>
  <fonts count="1"><font/></fonts>
  <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="20"/><xf numFmtId="49"/><xf numFmtId="165"/></cellXfs>
  <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

describe('values', () => {
  let rows: (Cell | null | undefined)[][];
  beforeAll(async () => {
    rows = await one(
      `<row r="1">
        <c r="A1"><v>12</v></c>
        <c r="B1" t="inlineStr"><is><t>12명</t></is></c>
        <c r="C1" t="b"><v>1</v></c>
        <c r="D1" t="b"><v>0</v></c>
        <c r="E1" t="e"><v>#N/A</v></c>
        <c r="F1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>
        <c r="G1" t="str"><f>IF(A1=0,1,"")</f><v></v></c>
        <c r="H1"><f>A1*2</f></c>
        <c r="I1" t="e"><f>1/0</f><v>#DIV/0!</v></c>
        <c r="J1" s="0"/>
        <c r="K1" t="inlineStr"><is><r><t>워킹</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 그룹</t></r><rPh sb="0" eb="2"><t>ワーキング</t></rPh></is></c>
        <c r="L1" t="s"><v>0</v></c>
        <c r="M1" t="s"><v>1</v></c>
        <c r="N1" t="s"><v>2</v></c>
        <c r="O1"><v>-1.5E-3</v></c>
      </row>
      <row r="3"><c><v>1</v></c><c><v>2</v></c></row>
      <row><c r="B4"><v>3</v></c></row>`,
      {
        sharedStrings: `<sst xmlns="${MAIN}" count="3" uniqueCount="3">
          <si><t>줄_x000D_바꿈</t></si>
          <si><r><t>숙의</t></r><r><t>공론</t></r><rPh sb="0" eb="1"><t>すう</t></rPh></si>
          <si><t/></si></sst>`,
      },
    );
  });
  const at = (r: number, c: number) => rows[r - 1]?.[c - 1] ?? null;

  it('numbers, inline text, booleans, error values', () => {
    expect(at(1, 1)).toEqual({ value: 12 });
    expect(at(1, 2)).toEqual({ value: '12명' });
    expect(at(1, 3)).toEqual({ value: true });
    expect(at(1, 4)).toEqual({ value: false });
    expect(at(1, 5)).toEqual({ value: null, error: '#N/A' });
    expect(at(1, 15)).toEqual({ value: -0.0015 });
  });

  it('formulas with their cached results; an empty text result is blank; no result is null', () => {
    expect(at(1, 6)).toEqual({ value: 'ab', formula: '="a"&"b"' });
    expect(at(1, 7)).toEqual({ value: null, formula: '=IF(A1=0,1,"")' });
    expect(at(1, 8)).toEqual({ value: null, formula: '=A1*2' });
    expect(at(1, 9)).toEqual({ value: null, error: '#DIV/0!', formula: '=1/0' });
  });

  it('a formatted empty cell is no cell', () => {
    expect(at(1, 10)).toBeNull();
  });

  it('rich text is its plain text, without phonetic runs; OOXML escapes are decoded', () => {
    expect(at(1, 11)).toEqual({ value: '워킹 그룹' });
    expect(at(1, 12)).toEqual({ value: '줄\r바꿈' });
    expect(at(1, 13)).toEqual({ value: '숙의공론' });
    expect(at(1, 14)).toEqual({ value: '' });
  });

  it('cells and rows without references follow the previous ones; missing rows are empty', () => {
    expect(rows[1]).toEqual([]);
    expect(rows[2]).toEqual([{ value: 1 }, { value: 2 }]);
    expect(rows[3]).toEqual([null, { value: 3 }]);
  });
});

describe('dates and number formats', () => {
  it('gives the code of built-in and custom formats, none for General', async () => {
    const rows = await one(
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"><v>44260</v></c><c r="C1" s="2"><v>0.817</v></c>
       <c r="D1" s="3"><v>0.0625</v></c><c r="E1" s="4" t="inlineStr"><is><t>010</t></is></c><c r="F1" s="5"><v>1.5</v></c>
       <c r="G1" s="99"><v>2</v></c></row>`,
      { styles: STYLES },
    );
    expect(rows[0]).toEqual([
      { value: 1 },
      { value: 44260, numberFormat: 'mm-dd-yy' },
      { value: 0.817, numberFormat: '0.0%' },
      { value: 0.0625, numberFormat: 'h:mm' },
      { value: '010', numberFormat: '@' },
      { value: 1.5, numberFormat: '[h]:mm' },
      { value: 2 },
    ]);
  });

  it('t="d" ISO dates become 1900-system serials', async () => {
    const rows = await one(
      `<row r="1"><c r="A1" t="d"><v>2021-03-05</v></c><c r="B1" t="d"><v>2021-03-05T18:00:00Z</v></c>
       <c r="C1" t="d"><v>not a date</v></c></row>`,
    );
    expect(rows[0]).toEqual([{ value: 44260 }, { value: 44260.75 }, { value: 'not a date' }]);
    expect(isoToSerial('1900-01-01')).toBe(1);
    expect(isoToSerial('1900-02-28')).toBe(59);
    expect(isoToSerial('1900-03-01')).toBe(61);
  });

  it('a 1904-system workbook: date-formatted numbers move to the 1900 system, other numbers do not', async () => {
    const rows = await one(
      `<row r="1"><c r="A1" s="1"><v>42798</v></c><c r="B1"><v>42798</v></c><c r="C1" s="3"><v>0.5</v></c>
       <c r="D1" t="d" s="1"><v>2021-03-05</v></c></row>`,
      { styles: STYLES, workbookPr: '<workbookPr date1904="1"/>' },
    );
    expect(rows[0]).toEqual([
      { value: 44260, numberFormat: 'mm-dd-yy' },
      { value: 42798 },
      { value: 1462.5, numberFormat: 'h:mm' },
      { value: 44260, numberFormat: 'mm-dd-yy' },
    ]);
  });
});

describe('shared formulas', () => {
  it('each cell of the group gets the master formula moved by its offset', async () => {
    const rows = await one(
      `<row r="2"><c r="C2"><f t="shared" ref="C2:D4" si="0">A2*2+$B$1+SUM(A$2:A2)+Sheet2!A2+'시트 1'!B2+"A1"&amp;LOG10(A2)</f><v>1</v></c>
        <c r="D2"><f t="shared" si="0"/><v>2</v></c></row>
       <row r="3"><c r="C3"><f t="shared" si="0"/><v>3</v></c></row>
       <row r="4"><c r="C4"><f t="shared" si="0"/><v>4</v></c><c r="E4"><f t="shared" si="7"/><v>5</v></c></row>`,
    );
    expect(rows[1][2]).toEqual({
      value: 1,
      formula: `=A2*2+$B$1+SUM(A$2:A2)+Sheet2!A2+'시트 1'!B2+"A1"&LOG10(A2)`,
    });
    expect(rows[1][3]?.formula).toBe(`=B2*2+$B$1+SUM(B$2:B2)+Sheet2!B2+'시트 1'!C2+"A1"&LOG10(B2)`);
    expect(rows[2][2]?.formula).toBe(`=A3*2+$B$1+SUM(A$2:A3)+Sheet2!A3+'시트 1'!B3+"A1"&LOG10(A3)`);
    expect(rows[3][2]?.formula).toBe(`=A4*2+$B$1+SUM(A$2:A4)+Sheet2!A4+'시트 1'!B4+"A1"&LOG10(A4)`);
    // A group whose first cell is missing: the cell keeps its value, without a formula.
    expect(rows[3][4]).toEqual({ value: 5 });
  });

  it('moves whole-column and whole-row ranges, leaves structured references, refuses to leave the sheet', () => {
    expect(shiftFormula('SUM(A:A)+SUM($B:C)+SUM(2:3)', 1, 1)).toBe('SUM(B:B)+SUM($B:D)+SUM(3:4)');
    expect(shiftFormula('tblForums[@[참석인원(행정)]]+A1', 1, 0)).toBe('tblForums[@[참석인원(행정)]]+A2');
    expect(shiftFormula('A1+XFD1', 0, 1)).toBe('B1+#REF!');
    expect(shiftFormula('1.5E+3+E3', 1, 0)).toBe('1.5E+3+E4');
  });
});

describe('sheets', () => {
  const sheets = [
    { name: '기본정보', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
    { name: '숙의공론장', rows: '<row r="1"><c r="A1"><v>2</v></c></row>', state: 'veryHidden' },
    { name: '숙의공론장 ', rows: '<row r="1"><c r="A1"><v>3</v></c></row>' },
    { name: '메모', rows: '<row r="1"><c r="A1"><v>4</v></c></row>', state: 'hidden' },
  ];

  it('lists every sheet with its visibility, in tab order', async () => {
    const snapshot = await read({ sheets });
    expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['기본정보', 'visible'],
      ['숙의공론장', 'veryHidden'],
      ['숙의공론장 ', 'visible'],
      ['메모', 'hidden'],
    ]);
    expect(snapshot.sheets.map((s) => s.rows[0][0]?.value)).toEqual([1, 2, 3, 4]);
  });

  it('reads the cells of chosen sheets only (matched as the engine matches names); lists the rest', async () => {
    const snapshot = await read({ sheets }, undefined, ['숙의공론장']);
    expect(snapshot.sheets.map((s) => [s.name, s.visibility, s.rows.length])).toEqual([
      ['기본정보', 'visible', 0],
      ['숙의공론장', 'veryHidden', 1],
      ['숙의공론장 ', 'visible', 1],
      ['메모', 'hidden', 0],
    ]);
  });

  it('a chosen sheet that does not exist is no error', async () => {
    const snapshot = await read({ sheets }, undefined, ['없는 시트']);
    expect(snapshot.sheets.every((s) => s.rows.length === 0)).toBe(true);
  });
});

describe('the same workbook written differently reads the same', () => {
  const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>숙의</t></is></c><c r="B1"><v>3</v></c></row>';
  let expected: WorkbookSnapshot;
  beforeAll(async () => {
    expected = await read({ sheets: [{ name: 's', rows }] });
    expect(expected.sheets[0].rows[0]).toEqual([{ value: '숙의' }, { value: 3 }]);
  });

  it('with prefixed SpreadsheetML elements (x:row, x:c)', async () => {
    const prefixed = rows.replace(/<(\/?)(row|c|is|t|v)\b/g, '<$1x:$2');
    expect(await read({ sheets: [{ name: 's', rows: prefixed }], prefix: 'x' })).toEqual(expected);
  });

  it('in ISO 29500 strict namespaces', async () => {
    const strict = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
    expect(await read({ sheets: [{ name: 's', rows }], ns: strict })).toEqual(expected);
  });

  it('as UTF-16 with a byte-order mark', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    expect(await read({ sheets: [{ name: 's', rows: deflatedEntry('', utf16) }] })).toEqual(expected);
  });

  it('in a zip64 archive', async () => {
    expect(await read({ sheets: [{ name: 's', rows }] }, { zip64: true })).toEqual(expected);
  });

  it('with comments, processing instructions, CDATA and character references', async () => {
    const odd =
      '<!-- a comment --><?pi data?><row r="1"><c r="A1" t="inlineStr"><is><t>&#xC219;<![CDATA[의]]></t></is></c><c r="B1"><v> 3 </v></c></row>';
    expect(await read({ sheets: [{ name: 's', rows: odd }] })).toEqual(expected);
  });
});
