// How the submit panel gets its service: a function handed down as a prop from the pane's entry
// (src/taskpane/index.tsx), never a module-level singleton. The Office-backed service is built on
// first use — the deployed configuration (delib.config.json beside the pane) read and MSAL loaded
// only then — and kept for the pane's life; a failed build (a bad configuration) is tried again on
// the next call. Tests hand the panel a source of their own.
import type { HostInfo } from '../../excel/host';
import type { SubmitService } from '../../submission/types';
import type { CityReviewService } from '../../city/verify';
import type { SubmitSession } from './service';

/** Answers the service, or rejects with why submission is not set up (a bilingual error). */
export type SubmitServiceSource = () => Promise<SubmitService>;

/** The Office-backed submission over this live session and host. */
export function officeSubmission(session: SubmitSession, host: HostInfo): SubmitServiceSource {
  let built: Promise<SubmitService> | null = null;
  return () => {
    built ??= import('./office-service')
      .then((m) => m.officeSubmitService(session, host))
      .catch((e: unknown) => {
        built = null;
        throw e;
      });
    return built;
  };
}

/** The city look-up of the reviewer view: the submission service's own (same sign-in and site). */
export function reviewFrom(source: SubmitServiceSource): () => Promise<CityReviewService | null> {
  return async () => {
    const service = (await source()) as SubmitService & Partial<CityReviewService>;
    return service.checkWithCity ? (service as SubmitService & CityReviewService) : null;
  };
}
