// Hostile and huge workbooks through the real CLI in a child process, timed and measured: each gets
// one bilingual line and exit 2 (or, for a stamp part, the clean "damaged" verdict), within 20 s and
// 1 GB, with bounded output. On the reader this replaced, the same files aborted V8 after minutes at
// 4+ GB, printed 524 MB, or hung for a minute (issue 7, item 3).
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as hostile from '../support/hostile-xlsx';
import { measuredDelib, type Measured } from '../support/measured-cli';

const SECONDS = 20;
const GB = 1024 ** 3;
const ONE_LINE = /^✗ [^\n]+ \/ [^\n]+\n$/;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-hostile-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function withinBounds(run: Measured, maxStdout = 64 * 1024): void {
  expect(run.signal).toBeNull();
  expect(run.ms).toBeLessThan(SECONDS * 1000);
  expect(run.peakBytes).toBeGreaterThan(0);
  expect(run.peakBytes).toBeLessThan(GB);
  expect(run.stdoutBytes).toBeLessThan(maxStdout);
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}

async function refused(name: string, make: (file: string) => unknown, message: RegExp): Promise<void> {
  const file = path.join(dir, name);
  await make(file);
  const run = await measuredDelib(['validate', name], dir);
  withinBounds(run);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(ONE_LINE);
  expect(run.stderr).toMatch(message);
}

const LONG = 60_000;

describe('refused with one line and exit 2', () => {
  test(
    'a sheet bomb: 1.5 GB of sheet XML in a 4 MB file',
    () =>
      refused(
        'bomb.xlsx',
        (f) => hostile.sheetBomb(f, 1.5e9),
        /시트 '숙의공론장'의 XML이 200MB를 넘습니다 \(1\.5GB\) \/ the XML of sheet '숙의공론장' exceeds 200 MB \(1\.5 GB\)/,
      ),
    LONG,
  );

  test(
    'a central directory that lies: the same bomb declared as 100 KB',
    () =>
      refused(
        'bomb-lie.xlsx',
        (f) => hostile.sheetBomb(f, 1.5e9, 100_000),
        /손상된 .xlsx 파일입니다 \/ the \.xlsx file is corrupt/,
      ),
    LONG,
  );

  test(
    'a central directory that miscounts its entries',
    () => refused('miscount.xlsx', (f) => hostile.miscountedDirectory(f), /the \.xlsx file is corrupt/),
    LONG,
  );

  test(
    '190 MB of tiny elements the reader must parse (within the size limits)',
    () =>
      refused(
        'junk.xlsx',
        (f) => hostile.sheetOfJunk(f, 190e6),
        /the XML to read holds more than 5,000,000 elements/,
      ),
    LONG,
  );

  test.each([40, 10])(
    'a 50 MB shared string in %i cells (a 80 KB file)',
    (cells) =>
      refused(
        `sst-${cells}.xlsx`,
        (f) => hostile.hugeSharedString(f, 50e6 / 3, cells),
        /숙의공론장!C5의 텍스트가 Excel의 한도 32,767자를 넘습니다 .+ \/ the text in 숙의공론장!C5 exceeds Excel's limit of 32,767 characters/,
      ),
    LONG,
  );

  test(
    'a million filled rows',
    () =>
      refused(
        'rows.xlsx',
        (f) => hostile.manyRows(f, 1_048_532),
        /sheet '숙의공론장' has a value in row 20,001; at most 20,000 rows per sheet are read/,
      ),
    LONG,
  );
});

describe('parts nobody reads cost nothing: the workbook validates', () => {
  test.each<[string, number, number, number | undefined]>([
    ['a 1.5 GB unused media entry', 1, 1.5e9, undefined],
    ['a 1.5 GB unused media entry declared as 1 KB', 1, 1.5e9, 1000],
    ['ten 300 MB unused entries', 10, 300e6, undefined],
  ])(
    '%s',
    async (_, count, bytes, declare) => {
      const name = `unused-${count}-${declare ?? 'honest'}.xlsx`;
      await hostile.unusedEntries(path.join(dir, name), count, bytes, declare);
      const run = await measuredDelib(['validate', name], dir);
      withinBounds(run);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    },
    LONG,
  );
});

describe('a pathological stamp part: the clean "damaged" verdict', () => {
  test.each(Object.keys(hostile.hostileStamps) as (keyof typeof hostile.hostileStamps)[])(
    '%s',
    async (kind) => {
      const name = `stamp-${kind}.xlsx`;
      await hostile.withStampPart(path.join(dir, name), hostile.hostileStamps[kind]());
      const run = await measuredDelib(['verify', name], dir);
      withinBounds(run);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      expect(run.stdout.split('\n')[0]).toBe(`${name}: 검증 표시가 손상되어 읽을 수 없음`);
      expect(run.stdout).toContain('The validation stamp is damaged and cannot be read');
    },
    LONG,
  );
});

describe('output stays small', () => {
  test.each(['text', 'json'])(
    'the longest text Excel allows, in 40 cells: each finding quotes 100 characters (%s)',
    async (format) => {
      const name = `long-text-${format}.xlsx`;
      hostile.hugeSharedString(path.join(dir, name), 32_000, 40);
      const run = await measuredDelib(['validate', '--format', format, name], dir);
      // 322 findings, none longer than its message and a 100-character quote.
      withinBounds(run, 256 * 1024);
      expect(run.code).toBe(1);
      if (format === 'json') {
        const values = (JSON.parse(run.stdout) as { findings: { value: unknown }[] }).findings.map(
          (f) => f.value,
        );
        expect(values).toContainEqual(`${'공론'.repeat(50)}…`);
        for (const v of values) if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(101);
      } else {
        for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThan(400);
      }
    },
    LONG,
  );

  test.each(['text', 'json'])(
    'rows 5 to 20,000 with every cell wrong: 1,000 findings shown, errors first, the rest counted (%s)',
    async (format) => {
      const name = `all-wrong-${format}.xlsx`;
      hostile.everyCellWrong(path.join(dir, name), 19_996);
      const run = await measuredDelib(['validate', '--format', format, name], dir);
      withinBounds(run, 1024 * 1024);
      expect(run.code).toBe(1);
      if (format === 'json') {
        const report = JSON.parse(run.stdout) as {
          stats: { errors: number; warnings: number; infos: number };
          findings: { severity: string }[];
          findingsOmitted: number;
        };
        const { errors, warnings, infos } = report.stats;
        expect(report.findings).toHaveLength(1_000);
        expect(report.findings.every((f) => f.severity === 'error')).toBe(true);
        expect(errors).toBeGreaterThan(100_000);
        expect(report.findingsOmitted).toBe(errors + warnings + infos - 1_000);
      } else {
        expect(run.stdout).toMatch(
          /\n {2}… 그 밖에 [\d,]+건 \(처음 1,?000건만 보입니다\. 오류부터 보입니다\)\n/,
        );
      }
    },
    LONG,
  );
});
