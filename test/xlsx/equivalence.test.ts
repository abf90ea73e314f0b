// The bounded reader against the former exceljs reader (kept as an oracle in exceljs-reader.ts), on
// every kind of normal workbook the tests make: the standard template blank and filled, the
// consolidated table, a hand-made table, the stamp fixture, the value zoo, a 1904-system workbook,
// hidden sheets, the city's samples — and the example as LibreOffice re-saves it (another writer,
// with shared formulas and its own styles), when LibreOffice is installed.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Cell, WorkbookSnapshot } from '../../src/engine/snapshot';
import { validateWorkbook } from '../../src/engine';
import { buildSummaryTable } from '../../src/engine/summary';
import { readWorkbookFile } from '../../src/xlsx/read';
import { buildStandardWorkbook } from '../../src/xlsx/write';
import { buildSummaryWorkbook } from '../../src/xlsx/summary';
import { exampleWorkbook } from '../../src/workbook/example';
import { newestStandard } from '../../src/standard';
import { withCustomXmlPart, xlsxOf } from '../stamp/xlsx-fixture';
import { workbook as paneWorkbook } from '../excel/fixtures';
import { stampToXml } from '../../src/stamp';
import { readFileWithExcelJS } from './exceljs-reader';
import { fillValues } from './fixtures';
import { recalculate, soffice } from '../support/libreoffice';

const SAMPLES = path.resolve(__dirname, '..', '..', '..', 'shared', 'samples');

let dir: string;
const files: [string, string][] = [];

async function write(name: string, make: () => Promise<Buffer> | Buffer): Promise<void> {
  const file = path.join(dir, name);
  await fs.writeFile(file, await make());
  files.push([name, file]);
}

const excel = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-equiv-'));
  await write('template.xlsx', () => excel(buildStandardWorkbook(newestStandard)));
  await write('example.xlsx', () =>
    excel(buildStandardWorkbook(newestStandard, exampleWorkbook(newestStandard))),
  );
  const text = exampleWorkbook(newestStandard, { rows: 12, seed: 3 });
  text.info.year = '2021년';
  await write('example-year-text.xlsx', () => excel(buildStandardWorkbook(newestStandard, text)));
  await write('summary.xlsx', async () => {
    const v = validateWorkbook((await readWorkbookFile(path.join(dir, 'example.xlsx'))).snapshot);
    return excel(buildSummaryWorkbook(buildSummaryTable([v.report])));
  });
  await write('hand-made-table.xlsx', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('설명').getCell('A1').value = '이 파일은 2021년 자치구별 집계입니다.';
    const ws = wb.addWorksheet('2021년 집계');
    ws.getCell('A1').value = '2021년 자치구별 숙의공론장 운영 현황';
    ws.getRow(2).values = ['구분', '참석률(종합)', '참석율 (행정)', '회의횟수', '진행시간\n(1회평균)'];
    ws.getRow(3).values = ['강남구', '81.7%', 0.8, 20, 1.5];
    ws.getRow(4).values = ['총계', '-', '-', 20, 1.5];
    ws.getCell('C3').numFmt = '0.0%';
    return excel(wb);
  });
  await write('stamped.xlsx', async () => {
    const initial = paneWorkbook(5, { summary: true });
    const snapshot = {
      sheets: initial.sheets.map((s) => ({
        name: s.name,
        rows: (s.rows ?? []).map((r) => (r ?? []).map((value) => ({ value: value as string }))),
      })),
    };
    const v = validateWorkbook(snapshot);
    const stamp = {
      format: '2',
      standard: '2021.1',
      engine: 't',
      hash: '0'.repeat(64),
      at: 'x',
      by: 'y',
      rows: 0,
      council: 0,
    };
    const xml = stampToXml({ ...stamp, errors: v.report.stats.errors, warnings: 0, digests: [] });
    return withCustomXmlPart(await xlsxOf(initial), xml);
  });
  await write('values.xlsx', () => {
    const wb = new ExcelJS.Workbook();
    fillValues(wb);
    return excel(wb);
  });
  await write('1904.xlsx', () => {
    const wb = new ExcelJS.Workbook();
    (wb.properties as { date1904?: boolean }).date1904 = true;
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = new Date(Date.UTC(2021, 2, 5));
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    ws.getCell('B1').value = 42;
    return excel(wb);
  });
  await write('hidden-sheets.xlsx', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('보임').getCell('A1').value = 1;
    wb.addWorksheet('숨김', { state: 'hidden' }).getCell('A1').value = 2;
    wb.addWorksheet('아주 숨김', { state: 'veryHidden' }).getCell('A1').value = 3;
    return excel(wb);
  });
  for (const sample of await fs.readdir(SAMPLES)) {
    if (sample.endsWith('.xlsx')) files.push([`samples/${sample}`, path.join(SAMPLES, sample)]);
  }
  if (soffice) {
    const out = recalculate(dir, [
      path.join(dir, 'example.xlsx'),
      path.join(SAMPLES, 'dobong-2021-q2-messy.xlsx'),
    ]);
    for (const f of await fs.readdir(out)) files.push([`libreoffice/${f}`, path.join(out, f)]);
  } else {
    console.warn('equivalence.test: soffice not found — the LibreOffice-written cases are SKIPPED');
  }
}, 120_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/**
 * Two deliberate differences, both where the new reader keeps what the file says, as Office.js
 * does: exceljs turns date-formatted numbers into Dates and back (rounded to the millisecond), and
 * drops the backslashes of escaped characters in format codes (`yyyy\\-mm\\-dd`, as LibreOffice
 * writes them; `0.0\\%` is not a percentage format, so the backslash matters).
 */
function comparable(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const cell = (c: Cell | null | undefined) => {
    if (!c) return c;
    const out = { ...c };
    if (typeof out.value === 'number') out.value = Math.round(out.value * 86_400_000) / 86_400_000;
    if (out.numberFormat) out.numberFormat = out.numberFormat.replace(/\\(.)/g, '$1');
    return out;
  };
  return { sheets: snapshot.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.map(cell)) })) };
}

test('every workbook gives the same snapshot with both readers', async () => {
  expect(files.length).toBeGreaterThanOrEqual(soffice ? 13 : 11);
  for (const [name, file] of files) {
    const [ours, theirs] = await Promise.all([readWorkbookFile(file), readFileWithExcelJS(file)]);
    expect({ name, ...comparable(ours.snapshot) }).toEqual({ name, ...comparable(theirs.snapshot) });
  }
});
