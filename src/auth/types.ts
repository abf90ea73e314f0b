// The one contract through which anything gets a Graph token. Tokens live in memory only: never in
// the workbook, its settings, the journal or a log line.
import { BilingualError } from '../bilingual';

export interface TokenProvider {
  /** An access token for the configured delegated scopes. */
  getToken(): Promise<string>;
  /** Drops a cached token the server refused (401), so the next getToken fetches a fresh one. */
  invalidate?(): void;
}

/** Auth failures the pane and the CLI explain to the user, in both languages. */
export class AuthError extends BilingualError {}
