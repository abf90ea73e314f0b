// The submitting process killed (SIGKILL) mid-way, then run again: exactly the submitted rows, none
// twice, none missing; killed while marking a resubmission's predecessor superseded, then finished by
// the next run of either submission, with exactly one current submission.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ENGINE_VERSION, validateWorkbook } from '../../src/engine';
import { fileStore } from '../../src/cli/commands/submit';
import { countRanges } from '../../src/submission/ranges';
import { buildPlan } from '../../src/submission/plan';
import { runSubmission } from '../../src/submission/runner';
import type { Journal } from '../../src/submission/types';
import { editCount, exampleSnapshot, exampleValidation } from './example';
import {
  expectExactly,
  expectSettled,
  listItems,
  memoryStore,
  startHarness,
  watchCurrent,
  type Harness,
} from './harness';

const repo = path.resolve(__dirname, '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** node itself (tsx as a loader, not the tsx wrapper), so the SIGKILL hits the submitting process. */
function child(args: string[]): { proc: ChildProcess; exited: Promise<number | null>; stderr: () => string } {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'child-submit.ts'), ...args],
    {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, exited, stderr: () => stderr };
}

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
    const c = child([h.standIn.url, journalFile, String(rows), '9']);
    // Kill it once the journal shows real progress, well before the end.
    for (let waited = 0; ; waited += 20) {
      if (waited > 25_000) throw new Error(`child made no progress: ${c.stderr()}`);
      await sleep(20);
      const text = fs.existsSync(journalFile) ? fs.readFileSync(journalFile, 'utf8') : '';
      const confirmed = text ? countRanges((JSON.parse(text) as Journal).confirmed) : 0;
      if (confirmed >= 60) break;
    }
    c.proc.kill('SIGKILL');
    expect(await c.exited).toBeNull();
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

  test.each(['the resubmission', 'the first submission'])(
    'killed while marking the previous submission superseded; %s run next finishes it',
    async (next) => {
      h = await startHarness({ latencyMs: 15 });
      const rows = 600;
      const base = exampleSnapshot(rows, { seed: 14 });
      const v1 = buildPlan(validateWorkbook(base), { engine: ENGINE_VERSION });
      const v2 = buildPlan(validateWorkbook(editCount(base, 8)), { engine: ENGINE_VERSION });
      const signal = new AbortController().signal;
      expect(
        (await runSubmission({ plan: v1, target: h.graph.target, store: memoryStore(), file: null, signal }))
          .ok,
      ).toBe(true);
      const violations = watchCurrent(h.standIn);
      const journalFile = path.join(dir, 'book.xlsx.delib-submit.json');
      const c = child([h.standIn.url, journalFile, String(rows), '14', '8']);
      // Kill the resubmission once it has marked 100 of the first submission's rows superseded.
      let killedAt = -1;
      h.standIn.watch(() => {
        const superseded = listItems(h!.standIn, 'Forums').filter(
          (f) => f.fields.SubmissionId === v1.submissionId && f.fields.Status === 'superseded',
        ).length;
        if (killedAt < 0 && superseded >= 100) {
          killedAt = superseded;
          c.proc.kill('SIGKILL');
        }
      });
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([
        c.exited,
        new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 40_000))),
      ]);
      clearTimeout(timer);
      if (code === 'timeout') {
        c.proc.kill('SIGKILL');
        throw new Error(`the child never reached the marking: ${c.stderr()}`);
      }
      expect(code).toBeNull();
      expect(killedAt).toBeGreaterThanOrEqual(100);
      // Cut mid-marking: the first submission's rows partly superseded.
      const v1Rows = listItems(h.standIn, 'Forums').filter((f) => f.fields.SubmissionId === v1.submissionId);
      expect(v1Rows.some((f) => f.fields.Status === 'current')).toBe(true);

      const plan = next === 'the resubmission' ? v2 : v1;
      const outcome = await runSubmission({
        plan,
        target: h.graph.target,
        store: fileStore(journalFile),
        file: null,
        signal,
      });
      expect(outcome.ok ? outcome.receipt.status : outcome.problem.en).toBe('current');
      expectSettled(h.standIn, plan, [plan === v1 ? v2 : v1]);
      expectExactly(
        listItems(h.standIn, 'Forums'),
        [...v1.rows, ...v2.rows].map((r) => r.key),
      );
      expect(violations).toEqual([]);
    },
  );
});
