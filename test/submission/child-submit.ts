// Run by kill.test.ts in a child process: submits a generated workbook (optionally with one count
// edited, a resubmission) with the CLI's journal file, so the parent can kill -9 it mid-way.
import { ENGINE_VERSION, validateWorkbook } from '../../src/engine';
import { fileStore } from '../../src/cli/commands/submit';
import { buildPlan } from '../../src/submission/plan';
import { runSubmission } from '../../src/submission/runner';
import { editCount, exampleSnapshot } from './example';
import { graphFor } from './harness';

const [url, journal, rows, seed, editRow] = process.argv.slice(2);
const snapshot = exampleSnapshot(Number(rows), { seed: Number(seed) });
const plan = buildPlan(validateWorkbook(editRow ? editCount(snapshot, Number(editRow)) : snapshot), {
  engine: ENGINE_VERSION,
});
runSubmission({
  plan,
  target: graphFor(url, 1).target,
  store: fileStore(journal),
  file: null,
  signal: new AbortController().signal,
  saveEveryMs: 0,
}).then((o) => process.stdout.write(JSON.stringify({ ok: o.ok })));
