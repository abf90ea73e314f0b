// The exactly-once state machine. Each phase is idempotent and its result is journaled before the
// next begins, so a run cut anywhere (closed pane, crashed Excel, killed process, lost network)
// resumes by running again: rows already stored are found by their unique key and never sent twice,
// rows whose fate is unknown are settled by a query by key before anything is re-sent.
import type { Text } from '../standard/types';
import type { PlannedRow, SubmissionPlan } from './plan';
import { formatRanges, parseRanges } from './ranges';
import type {
  Journal,
  Receipt,
  RowProblem,
  SubmissionStore,
  SubmissionTarget,
  SubmitOutcome,
  SubmitPhase,
  SubmitProgress,
  WorkbookFile,
} from './types';

export interface RunOptions {
  plan: SubmissionPlan;
  target: SubmissionTarget;
  store: SubmissionStore;
  file: WorkbookFile | null;
  signal: AbortSignal;
  onProgress?: (p: SubmitProgress) => void;
  now?: () => Date;
  /** Rounds of send → settle by query before giving up on rows that never get a definite answer. */
  maxRounds?: number;
  /** Journal writes are coalesced to at most one per this many ms while rows stream in. */
  saveEveryMs?: number;
}

const t = (ko: string, en: string): Text => ({ ko, en });

export function freshJournal(plan: SubmissionPlan, now: Date): Journal {
  return {
    version: 1,
    submissionId: plan.submissionId,
    districtYear: plan.districtYear,
    phase: 'schema',
    startedAt: now.toISOString(),
    rowCount: plan.rows.length,
    confirmed: '',
    fileUrl: null,
    submissionItemId: null,
    receipt: null,
  };
}

class Cancelled extends Error {}

export async function runSubmission(options: RunOptions): Promise<SubmitOutcome> {
  const { plan, target, store, signal } = options;
  const now = options.now ?? (() => new Date());
  const previous = await store.load();
  const resumed = previous !== null && previous.submissionId === plan.submissionId;
  const journal: Journal = resumed ? previous : freshJournal(plan, now());
  // Submitting the very same data again re-runs only the last step (idempotent): it becomes the
  // district-year's current submission again if another one superseded it in between.
  if (journal.phase === 'done') journal.phase = 'finalise';
  const confirmed = parseRanges(journal.confirmed);
  let retries = 0;
  const progress = (phase: SubmitPhase): void =>
    options.onProgress?.({ phase, rowsDone: confirmed.size, rowsTotal: plan.rows.length, retries });
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

  try {
    progress('schema');
    const drift = await target.checkSchema();
    if (drift.length > 0) {
      return failure(
        t(
          `SharePoint 목록 구조가 맞지 않습니다:\n${drift.map((d) => d.ko).join('\n')}`,
          `The SharePoint lists are not as expected:\n${drift.map((d) => d.en).join('\n')}`,
        ),
      );
    }
    await save(journal.phase === 'schema' ? 'upload' : journal.phase);
    check();

    if (journal.fileUrl === null && options.file) {
      progress('upload');
      journal.fileUrl = await target.uploadWorkbook(plan, options.file);
    }
    await save(journal.phase === 'upload' ? 'rows' : journal.phase);
    check();

    if (journal.phase === 'rows') {
      const problems = await sendAllRows();
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
    }
    check();

    progress('finalise');
    const submittedAt = journal.receipt?.submittedAt ?? now().toISOString();
    const { itemId, itemUrl } = await target.complete(plan, journal.fileUrl, submittedAt);
    journal.submissionItemId = itemId;
    const receipt: Receipt = {
      submissionId: plan.submissionId,
      submittedAt,
      district: plan.district,
      districtCode: plan.districtCode,
      year: plan.year,
      quarter: plan.quarter,
      rowCount: plan.rows.length,
      stampHash: plan.stampHash,
      itemUrl,
      fileUrl: journal.fileUrl,
    };
    journal.receipt = receipt;
    progress('receipt');
    await save('done');
    progress('done');
    return { ok: true, receipt };
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
    const detail = e instanceof Error ? e.message : String(e);
    return failure(
      t(
        `제출이 중단되었습니다 (${detail}). 다시 제출하면 이어서 진행합니다.`,
        `The submission stopped (${detail}). Submitting again resumes it.`,
      ),
    );
  }

  async function sendAllRows(): Promise<RowProblem[]> {
    // Whatever was in flight when a previous run stopped may or may not have arrived: ask first.
    let settle = resumed || confirmed.size > 0;
    const maxRounds = options.maxRounds ?? 8;
    let lastSave = Date.now();
    for (let round = 0; round < maxRounds; round++) {
      if (settle) {
        progress('rows');
        const stored = await target.storedRowKeys(plan);
        for (const row of plan.rows) if (stored.has(row.key)) confirmed.add(row.index);
        await save();
      }
      const pending = plan.rows.filter((r) => !confirmed.has(r.index));
      if (pending.length === 0) return [];
      progress('rows');
      const problems: RowProblem[] = [];
      let ambiguous = 0;
      await target.sendRows(plan, pending, {
        signal,
        onRetry: () => {
          retries++;
          progress('rows');
        },
        onRow: async (row: PlannedRow, outcome) => {
          if (outcome.kind === 'stored') confirmed.add(row.index);
          else if (outcome.kind === 'ambiguous') {
            ambiguous++;
            retries++;
          } else {
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
      settle = ambiguous > 0;
      if (!settle && plan.rows.every((r) => confirmed.has(r.index))) return [];
    }
    const missing = plan.rows.filter((r) => !confirmed.has(r.index)).length;
    throw new Error(`${missing} row(s) without a definite answer after ${maxRounds} rounds`);
  }
}

function failure(problem: Text, rowProblems: RowProblem[] = []): SubmitOutcome {
  return { ok: false, cancelled: false, problem, rowProblems };
}
