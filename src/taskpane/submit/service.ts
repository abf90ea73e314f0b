// The pane's SubmitService: refresh the validation and the stamp, build the plan, run the exactly-once
// submission, and keep the journal and the receipt in the workbook.
import { ENGINE_VERSION } from '../../engine';
import type { Validation } from '../../engine/validate';
import type { TokenProvider } from '../../auth/types';
import { createGraphSubmission } from '../../graph';
import { cityLookup } from '../../graph/lookup';
import type { CityReviewService } from '../../city/verify';
import type { DelibConfig } from '../../config';
import { newestStandard } from '../../standard';
import type { Text } from '../../standard/types';
import { buildPlan, PlanRefused } from '../../submission/plan';
import { runSubmission } from '../../submission/runner';
import type {
  Receipt,
  SubmissionStore,
  SubmitOutcome,
  SubmitService,
  WorkbookFile,
} from '../../submission/types';
import type { PaneState } from '../../session/state';
import { councilNamesOf } from '../../stamp/copy';
import { nameFreeWorkbookFile } from '../../xlsx/name-free';

/** What the submit service needs of the live session (src/excel's ExcelLiveSession). */
export interface SubmitSession {
  validateNow(): Promise<void>;
  markValidated(): Promise<void>;
  getState(): PaneState;
  /** The latest full validation (forum records included); null before the first pass. */
  currentValidation(): Validation | null;
}

export interface SubmitServiceDeps {
  session: SubmitSession;
  config: DelibConfig;
  tokens: TokenProvider;
  store: SubmissionStore & { receipt(): Receipt | null; saveReceipt(r: Receipt): Promise<void> };
  file: () => WorkbookFile | null;
}

/** The city gets a copy with every council member's name replaced (docs/sharepoint.md). */
function nameFree(file: WorkbookFile | null, validation: Validation): WorkbookFile | null {
  return file && nameFreeWorkbookFile(file, councilNamesOf(validation));
}

const refuse = (problem: Text): SubmitOutcome => ({ ok: false, cancelled: false, problem, rowProblems: [] });

export function createSubmitService(deps: SubmitServiceDeps): SubmitService & CityReviewService {
  const graph = createGraphSubmission({
    config: deps.config,
    tokens: deps.tokens,
    // The lists hold every version's rows: they follow the newest standard (docs/standard.md).
    standard: newestStandard,
  });
  // Excel on some hosts (and the browser preview's stand-in) has no getFileAsync: then the rows and
  // figures are submitted without the file, and the panel says so before and after.
  const uploadsWorkbook = deps.file() !== null;
  return {
    uploadsWorkbook,
    pending: async () => {
      // Workbook settings anyone can edit: shown as a hint ("resume"), never trusted by the run.
      const j = await deps.store.load();
      return j && j.version === 2 && j.phase !== 'done' ? j : null;
    },
    lastReceipt: async () => deps.store.receipt(),
    // The reviewer view's look-up, with the same sign-in and site as submitting (read-only).
    checkWithCity: (hash, info) => cityLookup(graph.site).check(hash, info),
    async submit({ onProgress, signal }) {
      onProgress({ phase: 'checking', rowsDone: 0, rowsTotal: 0, retries: 0 });
      // The stamp is refreshed first: what is submitted is exactly what the stamp vouches for.
      await deps.session.markValidated();
      const state = deps.session.getState();
      const validation = deps.session.currentValidation();
      if (!validation || !state.report) {
        return refuse({ ko: '통합시트를 아직 읽지 못했습니다.', en: 'The workbook has not been read yet.' });
      }
      if (validation.report.stats.errors > 0) {
        return refuse({
          ko: `오류 ${validation.report.stats.errors}건을 고친 뒤 제출하세요.`,
          en: `Fix the ${validation.report.stats.errors} error(s) before submitting.`,
        });
      }
      if (state.problem) return refuse(state.problem);
      let plan;
      try {
        // No submitter here: SharePoint records the signed-in account on the Submissions item.
        plan = buildPlan(validation, { engine: ENGINE_VERSION });
      } catch (e) {
        if (e instanceof PlanRefused) return refuse(e.text);
        throw e;
      }
      const outcome = await runSubmission({
        plan,
        target: graph.target,
        store: deps.store,
        file: uploadsWorkbook ? nameFree(deps.file(), validation) : null,
        signal,
        onProgress,
      });
      if (outcome.ok) await deps.store.saveReceipt(outcome.receipt);
      return outcome;
    },
  };
}
