// The host-free parts of src/excel: address compaction, the highlight plan, change parsing and
// coalescing, chunking of reads.
import {
  MAX_ADDRESS_CHARS,
  addressChunks,
  planHighlights,
  type HighlightMemory,
} from '../../src/excel/highlights';
import { ChangeCoalescer, FULL_PASS_ROWS, parseChange } from '../../src/excel/changes';
import { MAX_ROWS_PER_REQUEST, blocksFor, rangeBlocks, rowsPerRequest } from '../../src/excel/reader';
import { locateSheets } from '../../src/excel/sheets';
import { standard2021_1 } from '../../src/standard/2021.1';

test('addresses: vertical runs compacted, columns ordered, lists cut at the length limit', () => {
  expect(addressChunks(['C7', 'C5', 'C6', 'A1', 'C9'])).toEqual(['A1,C5:C7,C9']);
  const many = Array.from({ length: 3000 }, (_, i) => `B${i * 2 + 1}`);
  const chunks = addressChunks(many);
  expect(chunks.length).toBeGreaterThan(1);
  for (const c of chunks) expect(c.length).toBeLessThanOrEqual(MAX_ADDRESS_CHARS);
  expect(chunks.join(',').split(',')).toHaveLength(3000);
});

test('plan: fill what is new or changed, clear only what the add-in coloured, rewrite changed rows', () => {
  const memory: HighlightMemory = new Map([
    [
      's',
      new Map([
        ['A1', 'e'],
        ['B2', 'w'],
        ['C3', 'e'],
      ] as const),
    ],
  ]);
  const desired: HighlightMemory = new Map([
    [
      's',
      new Map([
        ['A1', 'e'],
        ['B2', 'e'],
        ['D4', 'w'],
      ] as const),
    ],
  ]);
  const plan = planHighlights(memory, desired, new Map());
  expect(plan.sheets.get('s')).toEqual({ fill: { e: ['B2'], w: ['D4'] }, clear: ['C3'] });
  const rewrite = planHighlights(memory, desired, new Map([['s', new Set([1])]]));
  expect(rewrite.sheets.get('s')!.fill.e).toEqual(['A1', 'B2']);
  expect(planHighlights(desired, desired, new Map()).sheets.size).toBe(0);
});

test('change addresses: rows, whole columns and structural changes', () => {
  expect(parseChange('A5:M10004', 'RangeEdited')).toEqual({
    kind: 'rows',
    first: 5,
    last: 10004,
    lastColumn: 12,
  });
  expect(parseChange("'숙의공론장'!C7", 'RangeEdited')).toEqual({
    kind: 'rows',
    first: 7,
    last: 7,
    lastColumn: 2,
  });
  expect(parseChange('C:C', 'RangeEdited')).toEqual({ kind: 'full' });
  expect(parseChange('A5:M5', 'RowInserted')).toEqual({ kind: 'full' });
  expect(parseChange(`A1:A${FULL_PASS_ROWS + 5}`, 'RangeEdited')).toEqual({ kind: 'full' });
});

test('coalescing: the first change runs at once, the rest of the burst joins one later pass', async () => {
  const runs: number[][] = [];
  let release: () => void = () => undefined;
  const firstRunning = new Promise<void>((started) => {
    const c = new ChangeCoalescer(async (batch) => {
      runs.push([...(batch.rows.get('s')?.rows ?? [])].sort((a, b) => a - b));
      // The first pass stays busy until the burst below has arrived.
      if (runs.length === 1) {
        started();
        await new Promise<void>((r) => (release = r));
      }
    }, 20);
    c.addRows('s', 1, 1, 0);
    coalescer = c;
  });
  await firstRunning;
  for (let r = 2; r <= 6; r++) coalescer.addRows('s', r, r, 0);
  release();
  await coalescer.idle();
  expect(runs).toEqual([[1], [2, 3, 4, 5, 6]]);
});

let coalescer: ChangeCoalescer;

test('reads are cut into requests of at most 5,000 rows (fewer for wide sheets)', () => {
  expect(rangeBlocks(1, 12_000, 0, 13).map((b) => [b.first, b.last])).toEqual([
    [1, 5000],
    [5001, 10_000],
    [10_001, 12_000],
  ]);
  expect(rowsPerRequest(13)).toBe(MAX_ROWS_PER_REQUEST);
  expect(rowsPerRequest(100)).toBe(650);
  expect(blocksFor([9, 3, 4, 5, 20, 4], 0, 5).map((b) => [b.first, b.last])).toEqual([
    [3, 5],
    [9, 9],
    [20, 20],
  ]);
});

test('standard sheets are found despite spaces and full-width forms; an exact name wins', () => {
  const refs = locateSheets(
    [
      { id: '1', name: ' 기본정보 ' },
      { id: '2', name: '숙의공론장' },
      { id: '3', name: '협치회의\u3000구성' },
      { id: '4', name: '협치회의 구성' },
    ],
    standard2021_1,
  );
  expect(refs.get('info')?.id).toBe('1');
  expect(refs.get('forums')?.id).toBe('2');
  expect(refs.get('council')?.id).toBe('4');
  expect(refs.get('summary')).toBeUndefined();
});
