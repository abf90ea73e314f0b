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

/** What the Office dialog answered: its message and the origin Office reports for its sender. */
export interface DialogAnswer {
  message: string;
  /** Undefined where the host predates DialogOrigin 1.1. */
  origin: string | undefined;
}

/**
 * What the pane's sign-in needs from the host, passed in by the pane's wiring (src/auth never talks
 * to Office.js itself): whether nested app authentication is there, and how to open a dialog.
 */
export interface HostSignIn {
  /** NestedAppAuth 1.1: MSAL's nestable client signs in through the host. */
  nestedAppAuth: boolean;
  /** DialogOrigin 1.1: the dialog's messages carry an origin, so one without it is refused. */
  dialogOrigin: boolean;
  /** Opens a dialog on `url`; rejects with `{ reason: 'closed' }` when the user closes it. */
  openDialog(url: string): Promise<DialogAnswer>;
}
