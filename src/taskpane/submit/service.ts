// The pane's SubmitService: refresh the validation and the stamp, then the one submission flow
// (src/submission/flow.ts), with the journal and the receipt kept in the workbook's settings — and
// read back from there only through their schemas, since anyone who can edit the workbook can edit
// them.
import { ENGINE_VERSION } from '../../engine';
import type { Validation } from '../../engine/validate';
import type { TokenProvider } from '../../auth/types';
import { createGraphSubmission } from '../../graph';
import { cityLookup } from '../../graph/lookup';
import type { CityReviewService } from '../../city/verify';
import type { DelibConfig } from '../../config';
import { newestStandard } from '../../standard';
import type { Text } from '../../standard/types';
import { submitWorkbook } from '../../submission/flow';
import { readStoredJournal, readStoredReceipt } from '../../submission/stored';
import type {
  Receipt,
  SubmissionStore,
  SubmitOutcome,
  SubmitService,
  WorkbookFile,
} from '../../submission/types';
import type { PaneState } from '../../session/state';
import { cityCopyOf } from '../../xlsx/name-free';

/** What the submit service needs of the live session (src/excel's ExcelLiveSession). */
export interface SubmitSession {
  validateNow(): Promise<void>;
  markValidated(): Promise<void>;
  getState(): PaneState;
  /** The latest full validation (forum records included); null before the first pass. */
  currentValidation(): Validation | null;
}

/** The journal and the receipt where the pane keeps them; `receipt()` answers what is there, unchecked. */
export interface PaneSubmissionStore extends SubmissionStore {
  receipt(): unknown;
  saveReceipt(r: Receipt): Promise<void>;
}

export interface SubmitServiceDeps {
  session: SubmitSession;
  config: DelibConfig;
  tokens: TokenProvider;
  store: PaneSubmissionStore;
  file: () => WorkbookFile | null;
}

/** The city gets a copy with every council member's name replaced (docs/sharepoint.md). */
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
    siteHost: deps.config.site.hostname,
    pending: async () => {
      // Shown as a hint ("resume"), never trusted by the run; a finished run's journal offers nothing.
      const stored = readStoredJournal(await deps.store.load());
      return stored.value?.phase === 'done' ? { value: null, problem: null } : stored;
    },
    lastReceipt: async () => readStoredReceipt(deps.store.receipt()),
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
      if (state.problem) return refuse(state.problem);
      const outcome = await submitWorkbook({
        validation,
        engine: ENGINE_VERSION,
        target: graph.target,
        store: deps.store,
        file: uploadsWorkbook ? deps.file() : null,
        nameFree: cityCopyOf,
        signal,
        onProgress,
      });
      if (outcome.ok) await deps.store.saveReceipt(outcome.receipt);
      return outcome;
    },
  };
}
