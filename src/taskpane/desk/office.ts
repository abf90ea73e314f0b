// The desk session as the pane builds it inside Excel: the deployed configuration beside the page,
// the pane's sign-in, Excel.run and the workbook's settings.
import type { HostInfo } from '../../excel/host';
import { defaultRunner } from '../../excel/host';
import { documentSettings } from '../../excel/settings';
import { loadPaneConfig } from '../config-file';
import { ConfigError } from '../../config';
import { DeskController } from './session';

export function officeDeskSession(host: HostInfo): DeskController {
  return new DeskController({
    // No file beside the pane: the desk says SharePoint is not configured. A bad file: its reason.
    loadConfig: () =>
      loadPaneConfig().catch((e: unknown) => {
        if (e instanceof ConfigError) throw e;
        return null;
      }),
    // The sign-in code (MSAL) is loaded only when the desk signs in, as the submit panel does.
    tokens: async (config) => (await import('../submit/office-service')).paneTokens(config, host),
    run: defaultRunner,
    settings: documentSettings(),
    now: () => new Date(),
    displayLanguage: host.displayLanguage,
  });
}
