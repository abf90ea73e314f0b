// A standard is data: a fixture version registered only here — a required count column, an optional
// list column and a new forum type — flows through the template, validation, re-validation, the
// stamp, the SharePoint lists and the submitted rows with no code edit. (Metrics and 요약 formulas of
// its own come with metrics as data.)
import { revalidateRows, validateWorkbook, type Cell } from '../../src/engine';
import { defineRegistry, newestStandard, registry } from '../../src/standard';
import type { Standard } from '../../src/standard/types';
import { exampleWorkbook } from '../../src/workbook/example';
import { standardLayout } from '../../src/workbook';
import { buildStandardWorkbook } from '../../src/xlsx/write';
import { readWorkbookBuffer } from '../../src/xlsx/read';
import { canonicalData, createStamp, checkStamp, stampDataOf } from '../../src/stamp';
import { listSpecs } from '../../src/graph/schema';
import { forumFields } from '../../src/graph/target';
import { buildPlan } from '../../src/submission/plan';

const t = (ko: string, en: string) => ({ ko, en });
const base = newestStandard;
const fixture: Standard = {
  ...base,
  version: '2099.1',
  sheets: {
    ...base.sheets,
    forums: {
      ...base.sheets.forums,
      columns: [
        ...base.sheets.forums.columns,
        {
          key: 'volunteers',
          header: '자원봉사자',
          aliases: ['봉사자'],
          label: t('자원봉사자', 'Volunteers'),
          type: 'count',
          required: true,
          min: 0,
        },
        {
          key: 'venue',
          header: '장소구분',
          aliases: [],
          label: t('장소구분', 'Venue'),
          type: 'enum',
          enum: 'venue',
          required: false,
        },
      ],
    },
  },
  enums: {
    ...base.enums,
    forumType: [
      ...base.enums.forumType.filter((e) => !e.fallback),
      { value: '시민배심원', label: t('시민배심원', 'Citizens’ jury'), nearMisses: ['배심원'] },
      ...base.enums.forumType.filter((e) => e.fallback),
    ],
    venue: [
      { value: '구청', label: t('구청', 'District office'), nearMisses: [] },
      { value: '마을', label: t('마을', 'Neighbourhood'), nearMisses: ['동네'] },
    ],
  },
};
const registered = defineRegistry([...registry.versions, fixture]);

async function roundTrip(standard: Standard, rows = 30) {
  const example = exampleWorkbook(standard, { rows, seed: 11 });
  const buf = Buffer.from(await buildStandardWorkbook(standard, example).xlsx.writeBuffer());
  return (await readWorkbookBuffer(buf, 'fixture.xlsx')).snapshot;
}

describe('a fixture standard registered only in this test', () => {
  let snapshot: Awaited<ReturnType<typeof roundTrip>>;
  beforeAll(async () => {
    snapshot = await roundTrip(fixture);
  });
  const forumSheet = () => snapshot.sheets.find((s) => s.name === fixture.sheets.forums.name)!;
  const layout = standardLayout(fixture);
  const column = (key: string) => layout.forums.columns.findIndex((c) => c.key === key);

  it('the template carries its columns, its list and its version', () => {
    const headerRow = forumSheet().rows[layout.forums.headerRow - 1].map((c) => c?.value);
    expect(headerRow.slice(-2)).toEqual(['자원봉사자', '장소구분']);
    expect(layout.forums.columns.find((c) => c.key === 'type')!.validation).toMatchObject({
      values: expect.arrayContaining(['시민배심원']),
    });
    expect(layout.forums.columns.find((c) => c.key === 'venue')!.validation).toEqual({
      kind: 'list',
      values: ['구청', '마을'],
    });
  });

  it('validates against the fixture when 표준버전 names it, with no finding; the product does not know it', () => {
    const v = validateWorkbook(snapshot, registered);
    expect(v.report.standard).toBe('2099.1');
    expect(v.report.findings).toEqual([]);
    expect(v.forums.some((f) => f.type === '시민배심원')).toBe(true);
    expect(v.forums[0].get('volunteers')).toEqual(expect.any(Number));
    expect(v.report.metrics.byType['시민배심원'].meetings).toBeGreaterThan(0);
    const product = validateWorkbook(snapshot);
    expect(product.report.findings.map((f) => f.code)).toContain('unknown-standard');
  });

  it('its rules fire: a blank required count, a value off its list, a type a 2021.1 workbook lacks', () => {
    const edited = structuredClone(snapshot);
    const rows = edited.sheets.find((s) => s.name === fixture.sheets.forums.name)!.rows;
    const first = layout.forums.firstDataRow - 1;
    rows[first][column('volunteers')] = null;
    rows[first + 1][column('venue')] = { value: '동네' };
    const f = validateWorkbook(edited, registered).report.findings;
    expect(f.map((x) => [x.code, x.field, x.fix])).toEqual([
      ['required', 'volunteers', null],
      ['enum-error', 'venue', '마을'],
    ]);
    const old = validateWorkbook(
      {
        sheets: edited.sheets.map((s) =>
          s.name === '기본정보' ? { ...s, rows: s.rows.filter((r) => r[0]?.value !== '표준버전') } : s,
        ),
      },
      registered,
    );
    // As 2021.1 (no 표준버전), its type is a later version's: 기타, naming 2099.1.
    const jury = old.report.findings.find((x) => x.code === 'enum-error' && x.value === '시민배심원')!;
    expect(jury.fix).toBe('기타');
    expect(jury.message.en).toContain('2099.1');
  });

  it('revalidating a changed row equals a full run', () => {
    const live = structuredClone(snapshot);
    const rows = live.sheets.find((s) => s.name === fixture.sheets.forums.name)!.rows;
    let v = validateWorkbook(live, registered);
    for (const [r, value] of [
      [layout.forums.firstDataRow + 2, '-4'],
      [layout.forums.firstDataRow + 5, '3명'],
      [layout.forums.firstDataRow + 2, 7],
    ] as const) {
      rows[r - 1][column('volunteers')] = { value } as Cell;
      v = revalidateRows(v, live, [{ sheet: fixture.sheets.forums.name, rows: [r] }]);
      const full = validateWorkbook(live, registered);
      expect(v.report).toEqual(full.report);
      expect(v.forums).toEqual(full.forums);
    }
  });

  it('its columns enter the stamp: changing one changes the hash and is one changed row', () => {
    const v = validateWorkbook(snapshot, registered);
    expect(canonicalData(stampDataOf(v))).toContain('"volunteers":');
    const stamp = createStamp(v, { engine: 'test', at: '2021-12-31T00:00:00Z', by: 'test' });
    const edited = structuredClone(snapshot);
    const cell = edited.sheets.find((s) => s.name === fixture.sheets.forums.name)!.rows[
      layout.forums.firstDataRow - 1
    ];
    cell[column('volunteers')] = { value: 999 };
    expect(
      checkStamp(stamp, validateWorkbook(edited, registered), null, { standards: registered }),
    ).toMatchObject({
      status: 'changed',
      rowsChanged: 1,
    });
  });

  it('its columns are SharePoint columns and are submitted', () => {
    const forums = listSpecs(fixture).find((l) => l.role === 'forums')!;
    expect(forums.columns.find((c) => c.name === 'Volunteers')).toMatchObject({ kind: 'number' });
    expect(forums.columns.find((c) => c.name === 'Venue')).toMatchObject({
      kind: 'choice',
      choices: ['구청', '마을'],
    });
    expect(forums.columns.find((c) => c.name === 'ForumType')!.choices).toContain('시민배심원');
    const plan = buildPlan(validateWorkbook(snapshot, registered), { engine: 'test' });
    expect(plan.standard).toBe('2099.1');
    expect(Object.keys(plan.rows[0].forum)).toEqual(expect.arrayContaining(['volunteers', 'venue']));
    const fields = forumFields(plan, plan.rows[0]);
    expect(fields.Volunteers).toBe(plan.rows[0].forum.volunteers);
    // Every submitted key has a column in the list.
    const names = new Set(forums.columns.map((c) => c.name));
    for (const key of Object.keys(fields)) if (key !== 'Title') expect(names.has(key)).toBe(true);
  });
});
