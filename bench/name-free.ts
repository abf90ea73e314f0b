// The name-free copy's figures (npm run bench -- name-free): time to turn a standard workbook into
// the copy that is uploaded (read the whole package, rewrite every XML part, search every part for
// every name, write the zip), in this process, for the example workbook at a district's size and at
// fifty times it; the same transform runs in the pane on the bytes Office hands out.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateWorkbook } from '../src/engine';
import { newestStandard } from '../src/standard';
import { councilNamesOf } from '../src/stamp/copy';
import { exampleWorkbook } from '../src/workbook/example';
import { nameFreeCopy } from '../src/xlsx/name-free';
import { readWorkbookBuffer } from '../src/xlsx/read';
import { writeStandardWorkbook } from '../src/xlsx/write';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchNameFree(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-bench-names-'));
  const rows: Record<string, string | number>[] = [];
  for (const forums of [400, 10_000]) {
    const file = path.join(dir, `w${forums}.xlsx`);
    await writeStandardWorkbook(file, newestStandard, exampleWorkbook(newestStandard, { rows: forums }));
    const bytes = new Uint8Array(await fs.readFile(file));
    const council = councilNamesOf(validateWorkbook((await readWorkbookBuffer(bytes, file)).snapshot));
    const times: number[] = [];
    let size = 0;
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      size = (await nameFreeCopy(bytes, council, file)).length;
      times.push(performance.now() - started);
    }
    rows.push({
      workbook: `example, ${forums.toLocaleString('en-US')} forum rows, ${council.cells.length} members`,
      'file KB': Math.round(bytes.length / 1024),
      'copy KB': Math.round(size / 1024),
      'median ms (5 runs)': Math.round(median(times)),
      'fastest ms': Math.round(Math.min(...times)),
    });
  }
  await fs.rm(dir, { recursive: true, force: true });
  console.log('\nThe name-free copy of the uploaded workbook (src/xlsx/name-free.ts)');
  console.table(rows);
}
