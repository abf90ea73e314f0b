// Builds the pane's SubmitService from the deployed configuration, the host's sign-in and the
// workbook's settings. The host check's answer arrives from the pane's entry (src/taskpane/index.tsx);
// the sign-in dialog is src/excel's, passed to src/auth as a function.
import { browserTokenProvider } from '../../auth/browser';
import { standInTokens } from '../../auth/standin';
import type { TokenProvider } from '../../auth/types';
import type { DelibConfig } from '../../config';
import { assertDeployable } from '../../config/deployment';
import type { HostInfo } from '../../excel/host';
import { openDialog } from '../../excel/office';
import type { SubmitService } from '../../submission/types';
import type { CityReviewService } from '../../city/verify';
import { loadPaneConfig } from '../config-file';
import { settingsStore } from './office';
import { officeWorkbookFile } from '../../excel/file';
import { createSubmitService, type SubmitSession } from './service';

export function paneTokens(config: DelibConfig, host: HostInfo): TokenProvider {
  // webpack defines DELIB_STANDIN: '1' only in the builds for the local Graph stand-in (preview,
  // e2e); in the production build this branch and the stand-in's token are compiled out, and a
  // configuration that is not a deployment's is refused before anything is sent.
  if (process.env.DELIB_STANDIN === '1') {
    const standIn = standInTokens(config);
    if (standIn) return standIn;
  } else {
    assertDeployable(config);
  }
  return browserTokenProvider(config, {
    nestedAppAuth: host.capabilities.nestedAppAuth,
    dialogOrigin: host.capabilities.dialogOrigin,
    openDialog: (url) => openDialog(url),
  });
}

export async function officeSubmitService(
  session: SubmitSession,
  host: HostInfo,
): Promise<SubmitService & CityReviewService> {
  const config = await loadPaneConfig();
  return createSubmitService({
    session,
    config,
    tokens: paneTokens(config, host),
    store: settingsStore(),
    file: () => officeWorkbookFile('workbook.xlsx'),
  });
}
