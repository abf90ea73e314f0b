// The exactly-once submission run. SharePoint decides every step, never the journal: rows are stored
// when a query by key finds them (or Graph answered that it created them), the file's address is the one Graph gives for it, the Submissions
// item is found by its unique key, and the receipt is that item read back (its creator and creation
// time as SharePoint recorded them). So a run cut anywhere — closed pane, crashed Excel, killed
// process, lost network — is finished by running again, and an edited or forged journal can neither
// skip a row, nor point the item at another file, nor change who or when. The journal is written as
// progress for people (and the pane's "resume" offer) and never read back here.
import { BilingualError } from '../bilingual';
import type { Text } from '../standard/types';
import type { PlannedRow, SubmissionPlan } from './plan';
import { formatRanges } from './ranges';
import {
  SignInRequired,
  type Journal,
  type Receipt,
  type RowProblem,
  type SubmissionRecord,
  type SubmissionStore,
  type SubmissionTarget,
  type SubmitOutcome,
  type SubmitPhase,
  type SubmitProgress,
  type WorkbookFile,
} from './types';

export interface RunOptions {
  plan: SubmissionPlan;
  target: SubmissionTarget;
  store: SubmissionStore;
  file: WorkbookFile | null;
  signal: AbortSignal;
  onProgress?: (p: SubmitProgress) => void;
  /** Rounds of query → send before giving up on rows that never get a definite answer. */
  maxRounds?: number;
  /** Journal writes are coalesced to at most one per this many ms while rows stream in. */
  saveEveryMs?: number;
}

const t = (ko: string, en: string): Text => ({ ko, en });

function freshJournal(plan: SubmissionPlan): Journal {
  return {
    version: 2,
    submissionId: plan.submissionId,
    districtYear: plan.districtYear,
    phase: 'schema',
    rowCount: plan.rows.length,
    confirmed: '',
    submissionItemId: null,
  };
}

/** The receipt is what the item says, not what this run meant to write. */
function receiptOf(record: SubmissionRecord): Receipt {
  const f = record.fields;
  const text = (k: string): string => (typeof f[k] === 'string' ? (f[k] as string) : '');
  const num = (k: string): number => (typeof f[k] === 'number' ? (f[k] as number) : Number(f[k] ?? NaN));
  return {
    submissionId: text('SubmissionKey'),
    submittedAt: record.createdDateTime,
    submittedBy: record.createdBy,
    status: text('Status'),
    district: text('District'),
    districtCode: text('DistrictCode'),
    year: num('Year'),
    quarter: num('Quarter'),
    rowCount: num('RowCount'),
    onBehalf: f.OnBehalf === true,
    stampHash: text('StampHash'),
    itemUrl: record.itemUrl,
    fileUrl: text('WorkbookUrl') || null,
  };
}

class Cancelled extends Error {}

export async function runSubmission(options: RunOptions): Promise<SubmitOutcome> {
  const { plan, target, store, signal } = options;
  const journal = freshJournal(plan);
  /** Rows the last query found, plus those Graph created since. */
  const confirmed = new Set<number>();
  let retries = 0;
  const progress = (phase: SubmitPhase): void =>
    options.onProgress?.({
      phase,
      rowsDone: confirmed.size,
      rowsTotal: plan.rows.length,
      retries,
    });
  // Saves run one after another, so a slow older save never lands after a newer one.
  let saving: Promise<void> = Promise.resolve();
  const save = (phase?: SubmitPhase): Promise<void> => {
    if (phase) journal.phase = phase;
    journal.confirmed = formatRanges(confirmed);
    const snapshot = { ...journal };
    saving = saving.catch(() => undefined).then(() => store.save(snapshot));
    return saving;
  };
  const check = (): void => {
    if (signal.aborted) throw new Cancelled();
  };
  const onRetry = (): void => {
    retries++;
    progress(journal.phase);
  };

  try {
    progress('schema');
    // The schema check, the register's answer and the first query by key only read, so they go
    // together; the other two count only once the lists are known to be sound (a missing list is
    // drift, not a failed admission).
    const admitted = settled(target.admit(plan));
    const firstQuery = settled(target.storedRowKeys(plan));
    const drift = await target.checkSchema();
    if (drift.length > 0) {
      return failure(
        t(
          `SharePoint 목록 구조가 맞지 않습니다:\n${drift.map((d) => d.ko).join('\n')}`,
          `The SharePoint lists are not as expected:\n${drift.map((d) => d.en).join('\n')}`,
        ),
      );
    }
    check();

    // Nothing is written before the register has said yes.
    progress('register');
    const admission = unwrap(await admitted);
    if (!admission.allowed) return failure(admission.reason);
    await save('upload');
    check();

    progress('upload');
    // The address comes from Graph alone: the upload's answer, or the file already at its path. The
    // first query by key (started with the schema check) settles too before anything fails, so a
    // refused file leaves no query running behind the run.
    const [uploaded, queried] = await Promise.allSettled([
      options.file ? target.uploadWorkbook(plan, options.file) : target.findWorkbook(plan),
      firstQuery.then(unwrap),
    ]);
    if (uploaded.status === 'rejected') throw uploaded.reason;
    if (queried.status === 'rejected') throw queried.reason;
    const [fileUrl, stored] = [uploaded.value, queried.value];
    await save('rows');
    check();

    const problems = await sendAllRows(stored);
    if (problems.length > 0) {
      await save();
      return failure(
        t(
          `SharePoint가 행 ${problems.length}개를 거부했습니다.`,
          `SharePoint refused ${problems.length} row(s).`,
        ),
        problems,
      );
    }
    await save('finalise');
    check();

    progress('finalise');
    const record = await target.complete(plan, fileUrl, { signal, onRetry });
    journal.submissionItemId = record.itemId;
    const receipt = receiptOf(record);
    progress('receipt');
    await save('done');
    progress('done');
    return { ok: true, receipt, notes: admission.notes };
  } catch (e) {
    await save().catch(() => undefined);
    if (e instanceof Cancelled || signal.aborted) {
      return {
        ok: false,
        cancelled: true,
        problem: t('제출을 취소했습니다.', 'Submission cancelled.'),
        rowProblems: [],
      };
    }
    // Explained failures (sign-in, a workbook file that cannot be sent name-free) keep their words.
    if (e instanceof BilingualError) return failure(e.text);
    const detail = e instanceof Error ? e.message : String(e);
    return failure(
      t(
        `제출이 중단되었습니다 (${detail}). 다시 제출하면 이어서 진행합니다.`,
        `The submission stopped (${detail}). Submitting again resumes it.`,
      ),
    );
  }

  /**
   * Query by key → send what is missing → until every row is stored: found by the query, or created
   * by Graph in this run (its 201). A row refused as existing, or without a definite answer, is
   * decided by the next query (an item under this row key may belong to another submission).
   */
  async function sendAllRows(firstQuery: Set<string>): Promise<RowProblem[]> {
    const maxRounds = options.maxRounds ?? 8;
    let lastSave = Date.now();
    let query = true;
    for (let round = 0; round <= maxRounds; round++) {
      progress('rows');
      if (query) {
        const stored = round === 0 ? firstQuery : await target.storedRowKeys(plan);
        confirmed.clear();
        for (const row of plan.rows) if (stored.has(row.key)) confirmed.add(row.index);
        await save();
      }
      const pending = plan.rows.filter((r) => !confirmed.has(r.index));
      if (pending.length === 0) return [];
      if (round === maxRounds) break;
      check();
      progress('rows');
      const problems: RowProblem[] = [];
      query = false;
      await target.sendRows(plan, pending, {
        signal,
        onRetry,
        onRow: async (row: PlannedRow, outcome) => {
          if (outcome.kind === 'created') confirmed.add(row.index);
          else if (outcome.kind === 'exists') query = true;
          else if (outcome.kind === 'ambiguous') {
            query = true;
            retries++;
          } else if (outcome.status === 401) throw new SignInRequired();
          else {
            problems.push({
              row: row.excelRow,
              status: outcome.status,
              message: t(
                `SharePoint가 거부했습니다 (${outcome.message})`,
                `SharePoint refused it (${outcome.message})`,
              ),
            });
          }
          progress('rows');
          if (Date.now() - lastSave >= (options.saveEveryMs ?? 250)) {
            lastSave = Date.now();
            await save();
          }
        },
      });
      check();
      if (problems.length > 0) return problems.sort((a, b) => a.row - b.row);
      // Rows that got no answer at all (a cancelled batch) are simply sent again.
    }
    const missing = plan.rows.filter((r) => !confirmed.has(r.index)).length;
    throw new Error(`${missing} row(s) not found stored after ${maxRounds} rounds`);
  }
}

type Settled<T> = { value: T } | { error: unknown };

/** A read started early whose failure must surface only when its answer is used. */
function settled<T>(p: Promise<T>): Promise<Settled<T>> {
  return p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

function unwrap<T>(s: Settled<T>): T {
  if ('error' in s) throw s.error;
  return s.value;
}

function failure(problem: Text, rowProblems: RowProblem[] = []): SubmitOutcome {
  return { ok: false, cancelled: false, problem, rowProblems };
}
