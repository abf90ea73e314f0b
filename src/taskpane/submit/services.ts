// Where the submit panel gets its services. Tests call configureSubmission() with their own; the pane
// calls attachSubmissionSession(session) once the live session runs, and the Office-backed service
// is then built on first use from the deployed configuration (delib.config.json beside the pane).
import type { HostInfo } from '../../excel/host';
import type { SubmitService } from '../../submission/types';
import type { CityReviewService } from '../../city/verify';
import type { SubmitSession } from './service';

let configured: SubmitService | null = null;
let defaultFactory: (() => Promise<SubmitService>) | null = null;

/** Injects the services (tests: a stand-in Graph and a test token provider). */
export function configureSubmission(service: SubmitService | null): void {
  configured = service;
}

/** Registers how to build the default services when none were configured. */
export function setDefaultSubmissionFactory(factory: (() => Promise<SubmitService>) | null): void {
  defaultFactory = factory;
}

/** The pane's one line of wiring: the Office-backed submission over this live session and host. */
export function attachSubmissionSession(session: SubmitSession, host: HostInfo): void {
  setDefaultSubmissionFactory(async () => {
    const { officeSubmitService } = await import('./office-service');
    return officeSubmitService(session, host);
  });
}

export async function submissionService(): Promise<SubmitService | null> {
  if (configured) return configured;
  if (!defaultFactory) return null;
  configured = await defaultFactory();
  return configured;
}

/** The city look-up of the reviewer view: the submission service's, where it has one. */
export async function reviewService(): Promise<CityReviewService | null> {
  const service = (await submissionService()) as (SubmitService & Partial<CityReviewService>) | null;
  return service?.checkWithCity ? (service as SubmitService & CityReviewService) : null;
}
