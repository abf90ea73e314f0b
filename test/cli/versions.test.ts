// `delib validate` on workbooks of either standard version, and on the cases the new findings
// cover: a 2021.1 workbook using a 2021.2 type, an unknown 표준버전, a twin standard sheet.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { ValidationReport } from '../../src/engine';
import { standard2021_1 } from '../../src/standard/2021.1';
import { exampleWorkbook } from '../../src/workbook/example';
import { standardLayout } from '../../src/workbook';
import { buildStandardWorkbook } from '../../src/xlsx/write';
import { delib, expectNoStack } from './support';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-versions-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const layout = standardLayout(standard2021_1);
const typeColumn = layout.forums.columns.findIndex((c) => c.key === 'type') + 1;
const firstRow = layout.forums.firstDataRow;

/** The 2021.1 example as a file, changed by `edit` first. */
async function file(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = buildStandardWorkbook(standard2021_1, exampleWorkbook(standard2021_1, { rows: 6 }));
  edit(wb);
  await wb.xlsx.writeFile(path.join(dir, name));
  return name;
}

async function validate(name: string): Promise<{ code: number; report: ValidationReport }> {
  const run = await delib(['validate', '--format', 'json', name], dir);
  expectNoStack(run);
  return { code: run.code, report: JSON.parse(run.out) };
}

test('a 2021.1 workbook with a 2021.2 forum type: enum-error, fix 기타, naming 2021.2 in both languages', async () => {
  const name = await file('new-type.xlsx', (wb) => {
    wb.getWorksheet(layout.forums.name)!.getCell(firstRow + 1, typeColumn).value = '성과공유회';
  });
  const { code, report } = await validate(name);
  expect(code).toBe(1);
  expect(report.standard).toBe('2021.1');
  expect(report.findings).toMatchObject([
    { code: 'enum-error', field: 'type', row: firstRow + 1, value: '성과공유회', fix: '기타' },
  ]);
  expect(report.findings[0].message.ko).toContain('2021.2');
  expect(report.findings[0].message.en).toContain('2021.2');
  const text = await delib(['validate', '--lang', 'en', name], dir);
  expect(text.out).toContain('→ fix: 기타');
});

test('an unknown 표준버전: unknown-standard, and the data still checked', async () => {
  const version = layout.info.rows.find((r) => r.preset !== undefined)!;
  const name = await file('unknown.xlsx', (wb) => {
    wb.getWorksheet(layout.info.name)!.getCell(version.row, 2).value = '2023.7';
    wb.getWorksheet(layout.forums.name)!.getCell(firstRow, typeColumn).value = '회식';
  });
  const { code, report } = await validate(name);
  expect(code).toBe(1);
  expect(report.info.standardVersion).toBe('2023.7');
  expect(report.findings.map((f) => f.code).sort()).toEqual(['enum-error', 'unknown-standard']);
});

test('a very hidden real sheet and a visible twin with errors: the twin is checked (exit 1)', async () => {
  const name = await file('twin.xlsx', (wb) => {
    const real = wb.getWorksheet(layout.forums.name)!;
    const twin = wb.addWorksheet(`${layout.forums.name} `);
    real.eachRow((row, r) => (twin.getRow(r).values = row.values as ExcelJS.CellValue[]));
    twin.getCell(firstRow, typeColumn).value = '회식';
    real.state = 'veryHidden';
  });
  const { code, report } = await validate(name);
  expect(code).toBe(1);
  expect(report.findings.filter((f) => f.code === 'hidden-sheet')).toHaveLength(1);
  // The sheet the district sees is the one validated: its planted error is reported.
  const planted = report.findings.find((f) => f.code === 'enum-error');
  expect(planted).toMatchObject({ sheet: `${layout.forums.name} `, value: '회식' });
});
