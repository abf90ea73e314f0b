// The 요약 sheet's native formulas, evaluated by a real formula engine (headless LibreOffice), must
// give the engine's figures: overall and per group of every grouping of the workbook's standard —
// quarters and forum types, and in 2021.2 단계 and 진행방식 with their 미기재 groups. The written file
// carries no cached 요약 results, so every number read back was computed by LibreOffice.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateWorkbook, type WorkbookSnapshot } from '../../src/engine';
import { readWorkbookFile } from '../../src/xlsx/read';
import { writeStandardWorkbook } from '../../src/xlsx/write';
import { exampleWorkbook, type ExampleOptions } from '../../src/workbook/example';
import { standardLayout, standardSummarySource, summarySheetLayout } from '../../src/workbook';
import { standard2021_1 } from '../../src/standard/2021.1';
import { standard2021_2 } from '../../src/standard/2021.2';
import type { Standard } from '../../src/standard/types';
import { expectSummaryEqualsMetrics, recalculate, withLibreOffice } from '../support/libreoffice';

withLibreOffice('summary-formulas.test')('요약 formulas recalculated by LibreOffice equal the engine', () => {
  let dir: string;
  let out: string;
  const cases: [string, Standard, ExampleOptions, string?][] = [
    ['2021.1, the 40-row example', standard2021_1, {}],
    // Five rows leave groups without rows: their rates and averages must show '–'.
    ['2021.1, a 5-row example with empty groups', standard2021_1, { rows: 5, seed: 7 }],
    // 연도 typed as text, as districts do: the quarter formulas still find the year.
    ['2021.1, 연도 typed as 2021년', standard2021_1, { rows: 12, seed: 3 }, '2021년'],
    // 단계 and 진행방식, some rows left blank (미기재).
    ['2021.2, the 40-row example', standard2021_2, {}],
    ['2021.2, a 9-row example', standard2021_2, { rows: 9, seed: 4 }],
  ];
  const fileOf = (i: number) => `example-${i}.xlsx`;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-lo-'));
    for (const [i, [, standard, options, yearText]] of cases.entries()) {
      const example = exampleWorkbook(standard, options);
      if (yearText) example.info.year = yearText;
      await writeStandardWorkbook(path.join(dir, fileOf(i)), standard, example);
    }
    out = recalculate(
      dir,
      cases.map((_, i) => path.join(dir, fileOf(i))),
    );
  }, 120_000);
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it.each(cases.map((c, i) => [c[0], i, c[1]] as const))('%s', async (name, i, standard) => {
    const { snapshot: original } = await readWorkbookFile(path.join(dir, fileOf(i)));
    const { snapshot: recalculated } = await readWorkbookFile(path.join(out, fileOf(i)));
    const validation = validateWorkbook(original);
    expect(validation.report.standard).toBe(standard.version);
    expect(validation.report.stats.errors).toBe(0);

    const layout = summarySheetLayout(standardSummarySource(standardLayout(standard)), standard);
    expectNoCachedResults(original, layout);
    const { compared, undefinedShown } = expectSummaryEqualsMetrics(
      recalculated,
      layout,
      validation.report.metrics,
      standard,
    );
    expect(compared).toBe(layout.rows.length * standard.metrics.length);
    if (name.includes('5-row')) expect(undefinedShown).toBeGreaterThan(0);
    if (standard === standard2021_2) {
      // Every stage and format has a row, and 미기재 rows are really there to count.
      const labels = layout.rows.map((r) => r.label);
      expect(labels).toEqual(
        expect.arrayContaining(['계획수립', '환류', '병행', '미기재(단계)', '미기재(진행방식)']),
      );
      expect(validation.forums.some((f) => f.get('stage') === null)).toBe(true);
    }
  });
});

/** Our file carries no cached 요약 results: every figure compared was computed by LibreOffice. */
function expectNoCachedResults(original: WorkbookSnapshot, layout: ReturnType<typeof summarySheetLayout>) {
  const unevaluated = original.sheets.find((s) => s.name === layout.name)!;
  for (const row of layout.rows) {
    for (const cell of unevaluated.rows[row.row - 1].slice(1)) expect(cell?.value ?? null).toBeNull();
  }
}
