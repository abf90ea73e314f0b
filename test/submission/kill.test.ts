// The submitting process killed (SIGKILL) mid-way, then resumed from its journal file: exactly the
// submitted rows, none twice, none missing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ENGINE_VERSION } from '../../src/engine';
import { fileStore } from '../../src/cli/commands/submit';
import { countRanges } from '../../src/submission/ranges';
import { buildPlan } from '../../src/submission/plan';
import { runSubmission } from '../../src/submission/runner';
import type { Journal } from '../../src/submission/types';
import { exampleValidation } from './example';
import { expectExactly, listItems, startHarness, type Harness } from './harness';

const repo = path.resolve(__dirname, '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('kill -9 and resume', () => {
  let h: Harness | null = null;
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delib-kill-'));
  });
  afterEach(async () => {
    await h?.close();
    h = null;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a submitting process killed mid-way resumes to exactly the submitted rows', async () => {
    h = await startHarness({ latencyMs: 40 });
    const rows = 600;
    const journalFile = path.join(dir, 'book.xlsx.delib-submit.json');
    // node itself (tsx as a loader, not the tsx wrapper), so the SIGKILL hits the submitting process.
    const args = [
      '--import',
      'tsx',
      path.join(__dirname, 'child-submit.ts'),
      h.standIn.url,
      journalFile,
      String(rows),
      '9',
    ];
    const child = spawn(process.execPath, args, {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Kill it once the journal shows real progress, well before the end.
    for (let waited = 0; ; waited += 20) {
      if (waited > 25_000) throw new Error(`child made no progress: ${stderr}`);
      await sleep(20);
      const text = fs.existsSync(journalFile) ? fs.readFileSync(journalFile, 'utf8') : '';
      const confirmed = text ? countRanges((JSON.parse(text) as Journal).confirmed) : 0;
      if (confirmed >= 60) break;
    }
    child.kill('SIGKILL');
    expect(await exited).toBeNull();
    const stored = listItems(h.standIn, 'Forums').length;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(rows);

    const plan = buildPlan(exampleValidation(rows, { seed: 9 }), { engine: ENGINE_VERSION });
    const outcome = await runSubmission({
      plan,
      target: h.graph.target,
      store: fileStore(journalFile),
      file: null,
      signal: new AbortController().signal,
    });
    expect(outcome.ok).toBe(true);
    expectExactly(
      listItems(h.standIn, 'Forums'),
      plan.rows.map((r) => r.key),
    );
    expect(listItems(h.standIn, 'Submissions')).toHaveLength(1);
  });
});
