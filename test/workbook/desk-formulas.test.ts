// The consolidation workbook's formulas, as the add-in writes them through Office.js (here: into the
// strict stand-in), recalculated by a real formula engine (headless LibreOffice), equal src/city's
// figures: the data book's 총계 and 평균, the composition's 총계 and pooled shares, every change of the
// year comparison. The file handed to LibreOffice carries no cached results: every number read back
// was computed there.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { writeDesk } from '../../src/excel/desk';
import { defaultRunner } from '../../src/excel/host';
import { documentSettings } from '../../src/excel/settings';
import { readWorkbookFile } from '../../src/xlsx/read';
import { summaryValue } from '../../src/engine/summary';
import { DESK_SHEETS, deskSheets } from '../../src/workbook/desk';
import { unitOf } from '../../src/city/compare';
import { consolidatedColumns } from '../../src/workbook/consolidated';
import { newestStandard } from '../../src/standard';
import type { SheetSnapshot } from '../../src/engine/snapshot';
import { installOfficeStandIn, type StandInModel } from '../standins/office-js';
import { deskInput } from '../excel/desk-fixtures';
import { recalculate, withLibreOffice } from '../support/libreoffice';

/** The stand-in's workbook as an .xlsx: values, formulas (without results) and number formats. */
function dump(model: StandInModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const [r, cols] of sheet.rows)
      for (const [c, cell] of cols) {
        const target = ws.getCell(r + 1, c + 1);
        if (cell.formula) target.value = { formula: cell.formula.slice(1) };
        else if (cell.value !== null) target.value = cell.value;
        if (cell.numberFormat && cell.numberFormat !== 'General') target.numFmt = cell.numberFormat;
      }
  }
  return wb;
}

withLibreOffice('desk-formulas.test')(
  'the consolidation workbook recalculated by LibreOffice equals src/city',
  () => {
    let dir: string;
    let out: Map<string, SheetSnapshot>;
    const input = deskInput();

    beforeAll(async () => {
      const standin = installOfficeStandIn(globalThis, { sheets: [{ name: 'Sheet1' }] });
      try {
        await writeDesk(defaultRunner, deskSheets(input), documentSettings());
        dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-desk-lo-'));
        await dump(standin.model).xlsx.writeFile(path.join(dir, 'desk.xlsx'));
      } finally {
        standin.uninstall();
      }
      recalculate(dir, [path.join(dir, 'desk.xlsx')]);
      const { snapshot } = await readWorkbookFile(path.join(dir, 'out', 'desk.xlsx'));
      out = new Map(snapshot.sheets.map((s) => [s.name, s]));
    }, 120_000);
    afterAll(async () => {
      if (dir) await fs.rm(dir, { recursive: true, force: true });
    });

    const rowOf = (sheet: SheetSnapshot, label: string) => sheet.rows.findIndex((r) => r[0]?.value === label);
    const expectFigure = (
      got: unknown,
      want: number | null,
      undefinedText = newestStandard.figureMarks.undefined,
    ) => {
      if (want === null) expect(got).toBe(undefinedText);
      else {
        expect(typeof got).toBe('number');
        expect(got as number).toBeCloseTo(want, 9);
      }
    };

    it('자치구별 현황: 총계 and 평균 as src/city computed them', () => {
      const sheet = out.get(DESK_SHEETS.dataBook)!;
      const columns = consolidatedColumns(newestStandard);
      const table = input.dataBook;
      let compared = 0;
      for (const [label, row] of [
        ['총계', table.total],
        ['평균', table.mean],
      ] as const) {
        const r = rowOf(sheet, label);
        expect(r).toBeGreaterThan(0);
        columns.forEach((c, i) => {
          if (['district', 'year', 'quarter'].includes(c.key)) return;
          const got = sheet.rows[r][i]?.value;
          expect(sheet.rows[r][i]?.error).toBeUndefined();
          if (label === '총계' && unitOf(c.key) === 'percentPoint')
            expect(got).toBe(newestStandard.figureMarks.notApplicable);
          else expectFigure(got, summaryValue(row, c.key) as number | null);
          compared++;
        });
      }
      expect(compared).toBe(2 * (columns.length - 3));
      // The mixed city has 미제출 districts, and they were left out of both.
      expect(table.missing.length).toBeGreaterThan(0);
    });

    it('협치회의 구성: 총계 counts and pooled shares', () => {
      const sheet = out.get(DESK_SHEETS.composition)!;
      const r = rowOf(sheet, '총계');
      const t = input.composition.total;
      const header = sheet.rows[rowOf(sheet, '자치구')].map((c) => c?.value);
      const at = (h: string) => sheet.rows[r][header.indexOf(h)]?.value;
      expect([at('총 인원'), at('민간'), at('구의원'), at('행정'), at('여'), at('남')]).toEqual([
        t.members,
        t.civilian,
        t.councillor,
        t.official,
        t.female,
        t.male,
      ]);
      expectFigure(at('민간 비율'), t.civilianShare);
      expectFigure(at('여성 비율'), t.femaleShare);
    });

    it('연도 비교: every change, rates in percentage points', () => {
      const sheet = out.get(DESK_SHEETS.comparison)!;
      const cmp = input.comparison!;
      const metrics = consolidatedColumns(newestStandard).filter(
        (c) => !['district', 'year', 'quarter'].includes(c.key),
      );
      let compared = 0;
      for (const [label, changes] of [
        ...cmp.rows.map((x) => [x.district, x.changes] as const),
        ['총계', cmp.total] as const,
        ['평균', cmp.mean] as const,
      ]) {
        const r = rowOf(sheet, label);
        expect(r).toBeGreaterThan(0);
        metrics.forEach((m, k) => {
          expectFigure(sheet.rows[r][3 + k * 3]?.value, changes[m.key].change);
          compared++;
        });
      }
      expect(compared).toBe((cmp.rows.length + 2) * metrics.length);
    });
  },
);
