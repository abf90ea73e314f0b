// The project's only door to Microsoft Graph.
import type { TokenProvider } from '../auth/types';
import type { Standard } from '../standard/types';
import type { DelibConfig } from '../config';
import { GraphHttp, type GraphHttpOptions } from './http';
import { checkSchema, provision } from './provision';
import { listSpecs } from './schema';
import { SharePointSite } from './sharepoint';
import { GraphSubmissionTarget } from './target';

export interface GraphSubmission {
  http: GraphHttp;
  site: SharePointSite;
  target: GraphSubmissionTarget;
  checkSchema(): ReturnType<typeof checkSchema>;
  provision(): ReturnType<typeof provision>;
}

export function createGraphSubmission(options: {
  config: DelibConfig;
  tokens: TokenProvider;
  standard: Standard;
  retry?: GraphHttpOptions['retry'];
}): GraphSubmission {
  const http = new GraphHttp({
    root: options.config.graphRoot,
    tokens: options.tokens,
    retry: options.retry,
  });
  const site = new SharePointSite(http, options.config);
  const specs = listSpecs(options.standard);
  return {
    http,
    site,
    target: new GraphSubmissionTarget(site, options.standard),
    checkSchema: () => checkSchema(site, specs),
    provision: () => provision(site, specs),
  };
}

export type { Drift, ProvisionResult } from './provision';
export { listSpecs } from './schema';
export { GraphHttp, GraphTransportError } from './http';
