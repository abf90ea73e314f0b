// The pane's door to the live session in src/excel: it reads the workbook, runs the engine and
// carries out the pane's intents.
import { createLiveSession, type HostInfo } from '../excel';
import type { LiveSession } from '../session/state';
import { officeSubmission, type SubmitServiceSource } from './submit/services';

export interface StartedSession {
  session: LiveSession;
  /** The submit panel's service over this same session and host, built on first use. */
  submission: SubmitServiceSource;
  /** Settles when the first full pass is done; rejects only if the session could not start at all. */
  started: Promise<void>;
}

/**
 * Creates the session and starts it without waiting, so the pane renders at once and shows the
 * session's own progress ('reading' → 'ready'). Starting also re-registers the change handlers,
 * which is what every pane load must do.
 */
export function startLiveSession(host: HostInfo): StartedSession {
  // The host was checked once by the pane's entry; the session and the sign-in use that answer.
  const session = createLiveSession({ detect: async () => host });
  return { session, submission: officeSubmission(session, host), started: session.start() };
}
