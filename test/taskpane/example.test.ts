import { exampleInitialWorkbook, isoDate } from '../../devtools/preview/example';
import { installOfficeStandIn } from '../standins/office-js';
import { standard2021_1 } from '../../src/standard/2021.1';

describe('exampleInitialWorkbook (preview and e2e starting point)', () => {
  it('lays the example out under the standard headers with computed-column formulas', () => {
    const wb = exampleInitialWorkbook({ rows: 5 });
    expect(wb.sheets.map((s) => s.name)).toEqual([
      standard2021_1.sheets.info.name,
      standard2021_1.sheets.forums.name,
      standard2021_1.sheets.council.name,
    ]);
    const forums = wb.sheets[1].rows as unknown[][];
    const header = forums.findIndex((r) => r[0] === standard2021_1.sheets.forums.columns[0].header);
    expect(forums[header]).toEqual(standard2021_1.sheets.forums.columns.map((c) => c.header));
    expect(forums.length - header - 1).toBe(5);
    const computed = standard2021_1.sheets.forums.columns.findIndex((c) => c.computed);
    expect(String(forums[header + 1][computed])).toMatch(/^=/);
  });

  it('loads into the stand-in, which computes the formulas', () => {
    const g: Record<string, unknown> = {};
    const standIn = installOfficeStandIn(g, exampleInitialWorkbook({ rows: 3 }));
    const sheet = standard2021_1.sheets.forums.name;
    const names = standIn.user.sheetNames();
    expect(names).toContain(sheet);
    const used = standIn.user.usedAddress(sheet);
    expect(used).toMatch(/:M7$/);
    const totalCol = 'K';
    const v = standIn.user.values(sheet, `${totalCol}5:${totalCol}7`).map((r) => r[0]);
    expect(v.every((x) => typeof x === 'number' && x > 0)).toBe(true);
  });

  it('converts serials to ISO dates', () => {
    expect(isoDate(44550)).toBe('2021-12-20');
  });
});
