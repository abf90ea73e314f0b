// Builds the pane's SubmitService from the deployed configuration, the host's sign-in and the
// workbook's settings.
import { browserTokenProvider } from '../../auth/browser';
import { parseConfigText } from '../../config';
import type { SubmitService } from '../../submission/types';
import { settingsStore } from './office';
import { officeWorkbookFile } from '../../excel/file';
import { createSubmitService, type SubmitSession } from './service';

export const CONFIG_FILE = 'delib.config.json';

export async function loadPaneConfig(
  base: string = location.href,
): Promise<ReturnType<typeof parseConfigText>> {
  const res = await fetch(new URL(CONFIG_FILE, base).toString(), { cache: 'no-store' });
  if (!res.ok) throw new Error(`${CONFIG_FILE}: HTTP ${res.status}`);
  return parseConfigText(await res.text());
}

export async function officeSubmitService(session: SubmitSession): Promise<SubmitService> {
  const config = await loadPaneConfig();
  return createSubmitService({
    session,
    config,
    tokens: browserTokenProvider(config),
    store: settingsStore(),
    file: () => officeWorkbookFile('workbook.xlsx'),
  });
}
