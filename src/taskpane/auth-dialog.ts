// The Office dialog fallback's page (auth-dialog.html): the one place that wires src/auth's redirect
// sign-in to Office's dialog messaging (src/excel). The sign-in reads the same deployed configuration
// as the pane, never parameters from its own URL.
import { dialogFailure, signInByRedirect } from '../auth/dialog';
import { answerOpener } from '../excel/office';
import { loadPaneConfig } from './config-file';

answerOpener(async () => {
  const config = await loadPaneConfig();
  return signInByRedirect(config.auth, location);
}, dialogFailure);
