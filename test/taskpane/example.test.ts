import { exampleInitialWorkbook } from '../../devtools/preview/example';
import { isoFromSerial } from '../../src/engine/dates';
import { installOfficeStandIn } from '../standins/office-js';
import { newestStandard } from '../../src/standard';
import { columnLetter } from '../../src/engine/snapshot';

describe('exampleInitialWorkbook (preview and e2e starting point)', () => {
  it('lays the example out under the standard headers with computed-column formulas', () => {
    const wb = exampleInitialWorkbook({ rows: 5 });
    expect(wb.sheets.map((s) => s.name)).toEqual([
      newestStandard.sheets.info.name,
      newestStandard.sheets.forums.name,
      newestStandard.sheets.council.name,
    ]);
    const forums = wb.sheets[1].rows as unknown[][];
    const header = forums.findIndex((r) => r[0] === newestStandard.sheets.forums.columns[0].header);
    expect(forums[header]).toEqual(newestStandard.sheets.forums.columns.map((c) => c.header));
    expect(forums.length - header - 1).toBe(5);
    const computed = newestStandard.sheets.forums.columns.findIndex((c) => c.computed);
    expect(String(forums[header + 1][computed])).toMatch(/^=/);
  });

  it('loads into the stand-in, which computes the formulas', () => {
    const g: Record<string, unknown> = {};
    const standIn = installOfficeStandIn(g, exampleInitialWorkbook({ rows: 3 }));
    const sheet = newestStandard.sheets.forums.name;
    const names = standIn.user.sheetNames();
    expect(names).toContain(sheet);
    const used = standIn.user.usedAddress(sheet);
    const last = columnLetter(newestStandard.sheets.forums.columns.length - 1);
    expect(used).toBe(`A1:${last}7`);
    const totalCol = 'K';
    const v = standIn.user.values(sheet, `${totalCol}5:${totalCol}7`).map((r) => r[0]);
    expect(v.every((x) => typeof x === 'number' && x > 0)).toBe(true);
  });

  it('converts serials to ISO dates', () => {
    expect(isoFromSerial(44550)).toBe('2021-12-20');
  });
});
