import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readWorkbookFile, readWorkbookBuffer, XlsxReadError } from '../../src/xlsx/read';
import { dateToSerial } from './exceljs-reader';
import { fillValues } from './fixtures';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-read-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeWorkbook(
  name: string,
  fill: (wb: ExcelJS.Workbook) => void,
  date1904 = false,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (date1904) (wb.properties as { date1904?: boolean }).date1904 = true;
  fill(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('readWorkbookFile: values as the engine expects them', () => {
  let sheet: (r: number, c: number) => unknown;
  let rows: unknown[][];

  beforeAll(async () => {
    const file = await writeWorkbook('values.xlsx', fillValues);
    const { snapshot } = await readWorkbookFile(file);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['숙의공론장']);
    rows = snapshot.sheets[0].rows;
    sheet = (r, c) => rows[r - 1]?.[c - 1];
  });

  it('keeps plain numbers, text and booleans', () => {
    expect(sheet(1, 1)).toEqual({ value: 12 });
    expect(sheet(1, 2)).toEqual({ value: '12명' });
    expect(sheet(1, 3)).toEqual({ value: true });
  });

  it('turns dates into exact Excel serial numbers (1900 system), times as fractions', () => {
    expect(sheet(1, 4)).toEqual({ value: 44260, numberFormat: 'yyyy-mm-dd' });
    expect((sheet(1, 5) as { value: number }).value).toBe(44260.75);
  });

  it('gives a formula with its cached result and its text', () => {
    expect(sheet(1, 6)).toEqual({ value: 13, formula: '=A1+1' });
  });

  it('keeps falsy cached results (0, false) that exceljs drops from cell.value', () => {
    expect(sheet(1, 12)).toEqual({ value: 0, formula: '=A1-12' });
    expect(sheet(1, 13)).toEqual({ value: false, formula: '=A1>100' });
    // An empty text result is blank, as Excel shows it (the file holds an empty <v/>).
    expect(sheet(1, 14)).toEqual({ value: null, formula: '=IF(A1=0,1,"")' });
  });

  it('reports Excel error values, cached or typed, as Cell.error', () => {
    expect(sheet(1, 7)).toEqual({ value: null, error: '#DIV/0!', formula: '=1/0' });
    expect(sheet(1, 8)).toEqual({ value: null, error: '#REF!' });
  });

  it('flattens rich text and hyperlinks to their shown text', () => {
    expect(sheet(1, 9)).toEqual({ value: '워킹 그룹' });
    expect(sheet(1, 10)).toEqual({ value: '시청 누리집' });
  });

  it('keeps number formats', () => {
    expect(sheet(1, 11)).toEqual({ value: 0.817, numberFormat: '0.0%' });
  });

  it('translates shared formulas to each cell', () => {
    expect(sheet(2, 11)).toEqual({ value: 2, formula: '=A2*2' });
    expect(sheet(3, 11)).toEqual({ value: 4, formula: '=A3*2' });
    expect(sheet(4, 11)).toEqual({ value: 6, formula: '=A4*2' });
  });

  it('leaves the other cells of a merged area empty and keeps row positions', () => {
    expect(sheet(7, 1)).toEqual({ value: '제목' });
    expect(sheet(7, 2) ?? null).toBeNull();
    expect(rows[4]).toEqual([]);
    expect(sheet(9, 1) ?? null).toBeNull();
    expect(sheet(9, 2)).toEqual({ value: 'x' });
  });
});

describe('dates in a 1904-system workbook', () => {
  it('still become 1900-system serials', async () => {
    const file = await writeWorkbook(
      '1904.xlsx',
      (wb) => {
        const ws = wb.addWorksheet('s');
        ws.getCell('A1').value = new Date(Date.UTC(2021, 2, 5));
        ws.getCell('A1').numFmt = 'yyyy-mm-dd';
      },
      true,
    );
    const { snapshot } = await readWorkbookFile(file);
    expect(snapshot.sheets[0].rows[0][0]?.value).toBe(44260);
  });
});

describe('dateToSerial (the exceljs oracle)', () => {
  it('converts exceljs UTC dates exactly', () => {
    expect(dateToSerial(new Date(Date.UTC(1970, 0, 1)))).toBe(25569);
    expect(dateToSerial(new Date(Date.UTC(2021, 11, 31)))).toBe(44561);
    expect(dateToSerial(new Date(Date.UTC(2021, 0, 1, 12)))).toBe(44197.5);
  });
});

describe('files that are not readable workbooks: a typed error with both languages', () => {
  async function failure(file: string): Promise<XlsxReadError> {
    try {
      await readWorkbookFile(file);
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxReadError);
      return e as XlsxReadError;
    }
    throw new Error('expected a read error');
  }

  it('missing file', async () => {
    const e = await failure(path.join(dir, 'nope.xlsx'));
    expect(e.kind).toBe('missing');
    expect(e.ko).toContain('파일이 없습니다');
    expect(e.en).toContain('file not found');
  });

  it('a directory', async () => {
    expect((await failure(dir)).kind).toBe('not-xlsx');
  });

  it('not an xlsx (wrong magic)', async () => {
    const file = path.join(dir, 'notes.xlsx');
    await fs.writeFile(file, '연번,일자\n1,2021-03-05\n');
    const e = await failure(file);
    expect(e.kind).toBe('not-xlsx');
    expect(e.en).toContain('not an Excel (.xlsx) file');
  });

  it('a corrupt zip (truncated workbook)', async () => {
    const good = await writeWorkbook('good.xlsx', (wb) => (wb.addWorksheet('s').getCell('A1').value = 1));
    const bytes = await fs.readFile(good);
    const file = path.join(dir, 'truncated.xlsx');
    await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const e = await failure(file);
    expect(e.kind).toBe('corrupt');
    expect(e.ko).toContain('손상된');
  });

  it('zip magic followed by garbage', async () => {
    const file = path.join(dir, 'garbage.xlsx');
    await fs.writeFile(file, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    expect((await failure(file)).kind).toBe('corrupt');
  });

  it('password-protected or old .xls (an OLE compound file)', async () => {
    const file = path.join(dir, 'locked.xlsx');
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await fs.writeFile(file, Buffer.concat([ole, Buffer.alloc(504)]));
    const e = await failure(file);
    expect(e.kind).toBe('encrypted');
    expect(e.en).toContain('password-protected or old .xls format');
    expect(e.ko).toContain('암호');
  });

  it('an empty file', async () => {
    const file = path.join(dir, 'empty.xlsx');
    await fs.writeFile(file, '');
    expect((await failure(file)).kind).toBe('not-xlsx');
  });

  it('readWorkbookBuffer names the file it was given', async () => {
    await expect(readWorkbookBuffer(Buffer.from('hello'), 'upload.xlsx')).rejects.toMatchObject({
      kind: 'not-xlsx',
      file: 'upload.xlsx',
    });
  });
});
