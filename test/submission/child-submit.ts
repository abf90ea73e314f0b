// Run by kill.test.ts in a child process: submits a generated workbook with the CLI's journal file,
// so the parent can kill -9 it mid-way and resume from the same journal.
import { ENGINE_VERSION } from '../../src/engine';
import { fileStore } from '../../src/cli/commands/submit';
import { buildPlan } from '../../src/submission/plan';
import { runSubmission } from '../../src/submission/runner';
import { exampleValidation } from './example';
import { graphFor } from './harness';

const [url, journal, rows, seed] = process.argv.slice(2);
const plan = buildPlan(exampleValidation(Number(rows), { seed: Number(seed) }), { engine: ENGINE_VERSION });
runSubmission({
  plan,
  target: graphFor(url, 1).target,
  store: fileStore(journal),
  file: null,
  signal: new AbortController().signal,
  saveEveryMs: 0,
}).then((o) => process.stdout.write(JSON.stringify({ ok: o.ok })));
