// The one submission flow the pane and the CLI both run: a validated workbook → its plan (refused
// in both languages when it has errors or is too large) → the register's yes, before anything is
// written → the exactly-once run → the receipt and what the officer should know. What differs by
// host comes in: where the journal lives (workbook settings or a file beside it), where the
// workbook's bytes come from (Office or the disk; none where the host cannot hand them out), and
// who is signed in (the target was built over the host's token provider).
import type { Validation } from '../engine/validate';
import { buildPlan, PlanRefused, type SubmissionPlan } from './plan';
import { runSubmission } from './runner';
import type {
  NameFreeCopy,
  SubmissionStore,
  SubmissionTarget,
  SubmitOutcome,
  SubmitProgress,
  WorkbookFile,
} from './types';

export interface SubmitWorkbookOptions {
  validation: Validation;
  /** The engine version recorded with the submission. */
  engine: string;
  target: SubmissionTarget;
  store: SubmissionStore;
  /** The workbook as the host holds it; null where the host cannot hand the file out. */
  file: WorkbookFile | null;
  /** How the city's copy is made from it (names replaced): the only file that is ever uploaded. */
  nameFree: NameFreeCopy;
  signal: AbortSignal;
  onProgress?: (p: SubmitProgress) => void;
}

export async function submitWorkbook(options: SubmitWorkbookOptions): Promise<SubmitOutcome> {
  let plan: SubmissionPlan;
  try {
    plan = buildPlan(options.validation, { engine: options.engine });
  } catch (e) {
    if (e instanceof PlanRefused) return { ok: false, cancelled: false, problem: e.text, rowProblems: [] };
    throw e;
  }
  return runSubmission({
    plan,
    target: options.target,
    store: options.store,
    file: options.file && options.nameFree(options.file, options.validation),
    signal: options.signal,
    onProgress: options.onProgress,
  });
}
