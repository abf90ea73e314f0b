// Headless LibreOffice for tests: re-saving files (a second writer of .xlsx), and the 요약 sheet's
// native formulas evaluated by a real formula engine and compared with the engine's figures, group
// by group. Our writer stores no cached 요약 results, so every number read back was LibreOffice's.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import type { WorkbookSnapshot } from '../../src/engine';
import type { WorkbookMetrics } from '../../src/engine/report';
import { groupingFigures, metricValue } from '../../src/engine/metric-values';
import type { SummarySheetLayout } from '../../src/workbook';
import type { Standard } from '../../src/standard/types';

export const soffice = ['soffice', 'libreoffice'].find((bin) => spawnSync('which', [bin]).status === 0);

/** `describe`, or `describe.skip` with a warning when LibreOffice is not installed. */
export function withLibreOffice(name: string): jest.Describe {
  if (!soffice)
    console.warn(
      `${name}: soffice not found — 요약 formula check SKIPPED (apt-get install libreoffice-calc-nogui)`,
    );
  return soffice ? describe : describe.skip;
}

/** Opens and re-saves the files in LibreOffice (recalculating every formula) into `dir/out`. */
export function recalculate(dir: string, files: string[]): string {
  const out = path.join(dir, 'out');
  // One LibreOffice start for all files; a private profile so parallel runs share no lock.
  execFileSync(
    soffice!,
    [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'xlsx',
      '--outdir',
      out,
      ...files,
    ],
    { stdio: 'pipe', timeout: 110_000 },
  );
  return out;
}

/**
 * Expects every 요약 cell of the layout, in the recalculated workbook, to equal the engine's figure
 * of its group (an undefined one shown as the standard's mark). Returns how many figures were
 * compared and how many were undefined.
 */
export function expectSummaryEqualsMetrics(
  recalculated: WorkbookSnapshot,
  layout: SummarySheetLayout,
  expected: WorkbookMetrics,
  standard: Standard,
): { compared: number; undefinedShown: number } {
  const sheet = recalculated.sheets.find((s) => s.name === layout.name)!;
  expect(sheet).toBeDefined();
  let compared = 0;
  let undefinedShown = 0;
  for (const row of layout.rows) {
    const figures =
      row.group.kind === 'overall'
        ? expected.overall
        : groupingFigures(expected, row.group.grouping)[row.group.group];
    expect(figures).toBeDefined();
    expect(sheet.rows[row.row - 1][0]?.value).toBe(row.label);
    row.cells.forEach((cell, i) => {
      const got = sheet.rows[row.row - 1][i + 1];
      expect(got?.error).toBeUndefined();
      const want = metricValue(figures, cell.metric);
      if (want === null) {
        expect({ at: `${row.label} ${cell.metric}`, value: got?.value }).toEqual({
          at: `${row.label} ${cell.metric}`,
          value: standard.figureMarks.undefined,
        });
        undefinedShown++;
      } else {
        expect({ at: `${row.label} ${cell.metric}`, type: typeof got?.value }).toEqual({
          at: `${row.label} ${cell.metric}`,
          type: 'number',
        });
        expect(got!.value as number).toBeCloseTo(want, 9);
      }
      compared++;
    });
  }
  return { compared, undefinedShown };
}
