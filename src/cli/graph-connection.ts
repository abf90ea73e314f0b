// How every command that talks to SharePoint connects: the configuration found as documented
// (--config, DELIB_CONFIG, else the package's), --graph-root for a stand-in, and the CLI's sign-in
// (a token from the environment or the device code, its prompts on stderr). The lists hold every
// version's rows, so they follow the newest standard (docs/standard.md).
import type { CliIO } from './command';
import { cliTokenProvider } from '../auth/node';
import { createGraphSubmission, type GraphSubmission } from '../graph';
import { loadNodeConfig } from '../graph/node-config';
import { newestStandard } from '../standard';

/** The options that name SharePoint, as every such command parses them. */
export interface GraphOptions {
  config?: string;
  'graph-root'?: string;
}

/** Throws (a bilingual configuration error) before any request when the configuration is unusable. */
export function connectGraph(values: GraphOptions, io: CliIO): GraphSubmission {
  const config = loadNodeConfig({
    file: values.config,
    graphRoot: values['graph-root'],
    cwd: io.cwd,
    env: io.env,
  });
  return createGraphSubmission({
    config,
    tokens: cliTokenProvider(config, io.env, (m) => io.err(`${m}\n`)),
    standard: newestStandard,
  });
}
