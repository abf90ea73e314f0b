// The .xlsx reader's figures (npm run bench -- reader): time and peak memory of one read, each in
// a fresh process, for a normal 10,000-row workbook (also with the former exceljs reader, for
// comparison) and for every class of hostile input the limits exist for (docs/cli.md, "Limits").
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeStandardWorkbook } from '../src/xlsx/write';
import { exampleWorkbook } from '../src/workbook/example';
import { newestStandard } from '../src/standard';
import * as hostile from '../test/support/hostile-xlsx';
import { measuredDelib } from '../test/support/measured-cli';

interface Case {
  label: string;
  make: (file: string) => unknown;
  mode?: '--exceljs' | '--none';
}

const CASES: Case[] = [
  { label: 'no read (Node + tsx alone)', make: (f) => hostile.exampleXlsx(f), mode: '--none' },
  {
    label: 'normal workbook, 10,000 forum rows',
    make: (f) => writeStandardWorkbook(f, newestStandard, exampleWorkbook(newestStandard, { rows: 10_000 })),
  },
  {
    label: 'the same, former exceljs reader',
    make: (f) => writeStandardWorkbook(f, newestStandard, exampleWorkbook(newestStandard, { rows: 10_000 })),
    mode: '--exceljs',
  },
  { label: 'sheet bomb: 1.5 GB sheet XML declared', make: (f) => hostile.sheetBomb(f, 1.5e9) },
  { label: 'sheet bomb declared as 100 KB (lying)', make: (f) => hostile.sheetBomb(f, 1.5e9, 100_000) },
  { label: '190 MB of tiny elements in a sheet', make: (f) => hostile.sheetOfJunk(f, 190e6) },
  { label: '50 MB shared string in 40 cells', make: (f) => hostile.hugeSharedString(f, 50e6 / 3, 40) },
  { label: '1,048,532 filled rows', make: (f) => hostile.manyRows(f, 1_048_532) },
  { label: '20,000 rows, every cell wrong', make: (f) => hostile.everyCellWrong(f, 19_996) },
  { label: '1.5 GB unused media entry', make: (f) => hostile.unusedEntries(f, 1, 1.5e9) },
  { label: '1.5 GB unused entry declared as 1 KB', make: (f) => hostile.unusedEntries(f, 1, 1.5e9, 1000) },
  { label: 'ten 300 MB unused entries', make: (f) => hostile.unusedEntries(f, 10, 300e6) },
  { label: 'central directory miscounting entries', make: (f) => hostile.miscountedDirectory(f) },
];

const CLI_CASES: [string, (file: string) => unknown][] = [
  [
    'normal workbook, 10,000 forum rows',
    (f) => writeStandardWorkbook(f, newestStandard, exampleWorkbook(newestStandard, { rows: 10_000 })),
  ],
  ['20,000 rows, every cell wrong', (f) => hostile.everyCellWrong(f, 19_996)],
];

const TSX = pathToFileURL(require.resolve('tsx')).href;
const CHILD = path.join(__dirname, 'reader-child.ts');

export async function benchReader(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-bench-reader-'));
  try {
    console.log('\n.xlsx reader — one read per fresh process (time includes nothing but the read):');
    console.log(
      `${'input'.padEnd(40)} ${'file'.padStart(9)} ${'time'.padStart(9)} ${'peak RSS'.padStart(9)}  outcome`,
    );
    for (const [i, c] of CASES.entries()) {
      const file = path.join(dir, `case-${i}.xlsx`);
      await c.make(file);
      const size = (await fs.stat(file)).size;
      const out = execFileSync(
        process.execPath,
        ['--import', TSX, CHILD, file, ...(c.mode ? [c.mode] : [])],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        },
      );
      const r = JSON.parse(out) as { ms: number; peakMB: number; outcome: string };
      const kb = size >= 1e6 ? `${(size / 1e6).toFixed(1)} MB` : `${Math.round(size / 1e3)} KB`;
      console.log(
        `${c.label.padEnd(40)} ${kb.padStart(9)} ${`${Math.round(r.ms)} ms`.padStart(9)} ${`${Math.round(r.peakMB)} MB`.padStart(9)}  ${r.outcome.slice(0, 90)}`,
      );
    }
    console.log('\ndelib validate (read + engine + output), the real CLI in a fresh process:');
    for (const [label, make] of CLI_CASES) {
      const file = path.join(dir, 'cli.xlsx');
      await make(file);
      const run = await measuredDelib(['validate', '--format', 'json', file], dir);
      console.log(
        `${label.padEnd(40)} ${`${Math.round(run.ms)} ms`.padStart(9)} ${`${Math.round(run.peakBytes / 2 ** 20)} MB`.padStart(9)}  exit ${run.code}, ${Math.round(run.stdoutBytes / 1024)} KB of JSON`,
      );
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchReader();
