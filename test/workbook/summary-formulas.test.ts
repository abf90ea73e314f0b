// The 요약 sheet's native formulas, evaluated by a real formula engine (headless LibreOffice), must
// give the engine's figures: overall, per quarter, per forum type. The written file carries no
// cached 요약 results, so every number read back was computed by LibreOffice.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { computeMetrics, validateWorkbook, type Metrics } from '../../src/engine';
import { readWorkbookFile } from '../../src/xlsx/read';
import { writeStandardWorkbook } from '../../src/xlsx/write';
import { exampleWorkbook, type ExampleOptions } from '../../src/workbook/example';
import {
  standardLayout,
  standardSummarySource,
  summarySheetLayout,
  UNDEFINED_DISPLAY,
} from '../../src/workbook';
import { newestStandard } from '../../src/standard';
import { recalculate, soffice } from '../support/libreoffice';

if (!soffice) {
  console.warn(
    'summary-formulas.test: soffice not found — 요약 formula check SKIPPED (apt-get install libreoffice-calc-nogui)',
  );
}
const maybe = soffice ? describe : describe.skip;

function metricOf(m: Metrics, key: string): number | null {
  const [head, tail] = key.split('.');
  const v = (m as unknown as Record<string, unknown>)[head];
  return (tail ? (v as Record<string, number | null>)[tail] : v) as number | null;
}

maybe('요약 formulas recalculated by LibreOffice equal computeMetrics', () => {
  let dir: string;
  const cases: [string, ExampleOptions, string?][] = [
    ['the 40-row example', {}],
    // Five rows leave forum types without rows: their rates and averages must show '–'.
    ['a 5-row example with empty groups', { rows: 5, seed: 7 }],
    // 연도 typed as text, as districts do: the quarter formulas still find the year.
    ['연도 typed as 2021년', { rows: 12, seed: 3 }, '2021년'],
  ];
  const fileOf = (options: ExampleOptions) => `example-${options.rows ?? 40}.xlsx`;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-lo-'));
    for (const [, options, yearText] of cases) {
      const example = exampleWorkbook(newestStandard, options);
      if (yearText) example.info.year = yearText;
      await writeStandardWorkbook(path.join(dir, fileOf(options)), newestStandard, example);
    }
    recalculate(
      dir,
      cases.map(([, options]) => path.join(dir, fileOf(options))),
    );
  }, 120_000);
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it.each(cases)('%s', async (name, options) => {
    const source = path.join(dir, fileOf(options));
    const outDir = path.join(dir, 'out');
    const { snapshot: recalculated } = await readWorkbookFile(path.join(outDir, path.basename(source)));
    const { snapshot: original } = await readWorkbookFile(source);
    const validation = validateWorkbook(original);
    expect(validation.report.stats.errors).toBe(0);
    const expected = computeMetrics(validation.forums, validation.standard);

    const layout = summarySheetLayout(standardSummarySource(standardLayout(newestStandard)), newestStandard);
    // Our file carries no cached 요약 results: every figure below was computed by LibreOffice.
    const unevaluated = original.sheets.find((s) => s.name === newestStandard.sheets.summary.name)!;
    for (const row of layout.rows) {
      for (const cell of unevaluated.rows[row.row - 1].slice(1)) expect(cell?.value ?? null).toBeNull();
    }
    const sheet = recalculated.sheets.find((s) => s.name === newestStandard.sheets.summary.name)!;
    expect(sheet).toBeDefined();
    let compared = 0;
    let undefinedShown = 0;
    for (const row of layout.rows) {
      const metrics =
        row.group.kind === 'overall'
          ? expected.overall
          : row.group.kind === 'quarter'
            ? expected.byQuarter[String(row.group.quarter) as '1' | '2' | '3' | '4']
            : expected.byType[row.group.type];
      expect(sheet.rows[row.row - 1][0]?.value).toBe(row.label);
      row.cells.forEach((cell, i) => {
        const got = sheet.rows[row.row - 1][i + 1];
        expect(got?.error).toBeUndefined();
        const want = metricOf(metrics, cell.metric);
        if (want === null) {
          expect(got?.value).toBe(UNDEFINED_DISPLAY);
          undefinedShown++;
        } else {
          expect(typeof got?.value).toBe('number');
          expect(got!.value as number).toBeCloseTo(want, 9);
        }
        compared++;
      });
    }
    expect(compared).toBe(layout.rows.length * newestStandard.metrics.length);
    if (name.startsWith('a 5-row')) expect(undefinedShown).toBeGreaterThan(0);
  });
});
