// The upgrade as data: where a newer version's columns go in a sheet as the district has it, which
// lists change, what the offer says — for 2021.1 → 2021.2 and for a fixture version that adds a
// column in the middle of the table (nothing names a version or a column).
import { newestStandard, registry } from '../../src/standard';
import { standard2021_1 } from '../../src/standard/2021.1';
import type { Standard } from '../../src/standard/types';
import {
  changedLists,
  columnBlocks,
  insertedColumns,
  shiftedColumn,
  upgradeOffer,
  upgradeTarget,
} from '../../src/workbook/upgrade';

/** key → column as the template lays out 2021.1's forum table (연번 A … 비고 M). */
const template = new Map(standard2021_1.sheets.forums.columns.map((c, i) => [c.key, i]));
const keys = (blocks: ReturnType<typeof columnBlocks>) =>
  blocks.map((b) => [b.at, b.columns.map((c) => c.key)]);

describe('2021.1 → 2021.2', () => {
  it('puts the three columns after 비고, as one block', () => {
    const blocks = columnBlocks(template, standard2021_1, newestStandard, 'forums');
    expect(keys(blocks)).toEqual([[13, ['stage', 'format', 'agenda']]]);
    expect([...insertedColumns(blocks)]).toEqual([
      ['stage', 13],
      ['format', 14],
      ['agenda', 15],
    ]);
    expect(shiftedColumn(12, blocks)).toBe(12);
    expect(shiftedColumn(13, blocks)).toBe(16);
  });

  it('after 비고 wherever it is; after the column before it when 비고 was deleted; not what is there', () => {
    const moved = new Map([...template].map(([k, c]) => [k, c + 2] as const));
    moved.set('note', 20);
    expect(keys(columnBlocks(moved, standard2021_1, newestStandard, 'forums'))).toEqual([
      [21, ['stage', 'format', 'agenda']],
    ]);
    const noNote = new Map(template);
    noNote.delete('note');
    expect(keys(columnBlocks(noNote, standard2021_1, newestStandard, 'forums'))).toEqual([
      [12, ['stage', 'format', 'agenda']],
    ]);
    const withFormat = new Map(template).set('format', 17);
    const blocks = columnBlocks(withFormat, standard2021_1, newestStandard, 'forums');
    expect(keys(blocks)).toEqual([
      [18, ['agenda']],
      [13, ['stage']],
    ]);
    expect([...insertedColumns(blocks)].sort()).toEqual([
      ['agenda', 19],
      ['stage', 13],
    ]);
    expect(shiftedColumn(17, blocks)).toBe(18);
  });

  it('a deleted 2021.1 column is not this upgrade’s to restore', () => {
    const noHost = new Map(template);
    noHost.delete('host');
    expect(keys(columnBlocks(noHost, standard2021_1, newestStandard, 'forums'))).toEqual([
      [13, ['stage', 'format', 'agenda']],
    ]);
    expect(columnBlocks(new Map([['id', 0]]), standard2021_1, newestStandard, 'council')).toEqual([]);
  });

  it('the type list changed, and the offer names the columns and the six types', () => {
    expect(changedLists(standard2021_1, newestStandard, 'forums')).toEqual(['type']);
    expect(changedLists(standard2021_1, newestStandard, 'council')).toEqual([]);
    const offer = upgradeOffer(standard2021_1, newestStandard);
    expect(offer.columns.map((c) => c.ko)).toEqual(['단계', '진행방식', '관련 의제']);
    expect(offer.after).toEqual({ ko: '비고', en: expect.any(String) });
    expect(offer.lists).toEqual([
      {
        column: { ko: '유형', en: expect.any(String) },
        added: ['토론회', '설명회', '총회', '포럼', '컨설팅', '성과공유회'].map((ko) =>
          expect.objectContaining({ ko }),
        ),
      },
    ]);
    expect(upgradeTarget(standard2021_1, registry.versions)).toBe(newestStandard);
    expect(upgradeTarget(newestStandard, registry.versions)).toBeNull();
  });
});

test('a fixture version adding a column in the middle and one at the end: two blocks, right-most first', () => {
  const base = newestStandard;
  const forums = base.sheets.forums.columns;
  const hours = forums.findIndex((c) => c.key === 'hours');
  const fixture: Standard = {
    ...base,
    version: '2099.1',
    sheets: {
      ...base.sheets,
      forums: {
        ...base.sheets.forums,
        columns: [
          ...forums.slice(0, hours + 1),
          {
            key: 'online',
            header: '온라인 시간',
            aliases: [],
            label: { ko: '온라인 시간', en: 'Online hours' },
            type: 'hours',
            required: false,
          },
          ...forums.slice(hours + 1),
          {
            key: 'budget',
            header: '예산',
            aliases: [],
            label: { ko: '예산', en: 'Budget' },
            type: 'integer',
            required: false,
          },
        ],
      },
    },
  };
  const found = new Map(base.sheets.forums.columns.map((c, i) => [c.key, i]));
  const blocks = columnBlocks(found, base, fixture, 'forums');
  expect(keys(blocks)).toEqual([
    [forums.length, ['budget']],
    [hours + 1, ['online']],
  ]);
  expect(insertedColumns(blocks).get('online')).toBe(hours + 1);
  expect(insertedColumns(blocks).get('budget')).toBe(forums.length + 1);
  expect(upgradeTarget(base, [standard2021_1, base, fixture])).toBe(fixture);
  expect(upgradeTarget(standard2021_1, [standard2021_1, base, fixture])).toBe(fixture);
});
