// `delib verify --sharepoint`: the CLI's door to the city's Submissions list, with the same
// configuration and sign-in as `delib submit` (--config, --graph-root, the token from the
// environment or the device code). Read-only: it creates nothing and changes nothing.
import type { CliIO } from './command';
import type { CityLookup } from '../graph/lookup';
import type { Validation } from '../engine';
import type { CityCheck } from '../city/verify';

/** SharePoint could not be asked (configuration, sign-in, network): the answer is unknown. */
export const EXIT_SHAREPOINT = 3;

export const sharepointOptions = {
  config: { type: 'string' },
  'graph-root': { type: 'string' },
} as const;

export interface SharePointVerifier {
  check(validation: Validation, hash: string): Promise<CityCheck>;
}

export function sharepointVerifier(
  values: { config?: string; 'graph-root'?: string },
  io: CliIO,
): SharePointVerifier {
  // Built on first use, so a configuration problem is reported per file like any other failure;
  // the sign-in and Graph modules load only when --sharepoint is given.
  let lookup: CityLookup | null = null;
  return {
    async check(validation, hash) {
      if (!lookup) {
        const [{ connectGraph }, { cityLookup }] = await Promise.all([
          import('./graph-connection'),
          import('../graph/lookup'),
        ]);
        lookup = cityLookup(connectGraph(values, io).site);
      }
      return lookup.check(hash, validation.report.info);
    },
  };
}
