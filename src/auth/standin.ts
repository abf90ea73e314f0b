// The development token for the local Graph stand-in (which accepts any bearer token). Only for a
// configuration that names no Entra app and a loopback Graph root: the CLI against the stand-in,
// and the preview build of the pane (production bundles are built without this path, see
// src/taskpane/submit/office-service.ts).
import type { DelibConfig } from '../config';
import { isLoopback } from '../config';
import { fixedToken } from './cache';
import type { TokenProvider } from './types';

export const STANDIN_TOKEN = 'delib-standin-development-token';

/** The stand-in's token provider when the configuration is the stand-in's, else null. */
export function standInTokens(config: DelibConfig): TokenProvider | null {
  return !config.auth.clientId && isLoopback(config.graphRoot) ? fixedToken(STANDIN_TOKEN) : null;
}
