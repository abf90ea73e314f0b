// `delib summary --check` reads a .csv or .md table whole, so its size is checked first.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { delib, expectNoStack } from './support';

test('a table file over 10 MB gets one line and exit 2, before it is read', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delib-table-'));
  try {
    const file = path.join(dir, 'huge.csv');
    await fs.writeFile(file, '자치구,회의횟수\n');
    // A sparse file: 2 GB on paper, nothing on disk, and nothing read.
    await fs.truncate(file, 2e9);
    const run = await delib(['summary', '--check', 'huge.csv'], dir);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toBe(
      '✗ huge.csv: 표 파일이 10MB를 넘습니다 (2GB) / the table file exceeds 10 MB (2 GB)\n',
    );
    expectNoStack(run);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
