// The Office (not Excel) APIs the add-in uses beyond the workbook: is this Excel, which requirement
// sets exist, the ribbon's function commands, and the dialog that signs in where nested app
// authentication is missing. Kept here so that src/excel stays the one folder touching Office.js.

export interface HostCheck {
  inExcel: boolean;
  displayLanguage: string;
}

function browserLanguage(): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'ko-KR';
}

/**
 * Is this page running inside Excel? Office.js comes from the CDN; outside Office it may be missing
 * (blocked, offline) or present with no host. Either way the answer must come, not a hang.
 */
export async function checkHost(timeoutMs = 15_000): Promise<HostCheck> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    return { inExcel: false, displayLanguage: browserLanguage() };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    if (!info || info.host !== Office.HostType.Excel)
      return { inExcel: false, displayLanguage: browserLanguage() };
    return { inExcel: true, displayLanguage: Office.context?.displayLanguage || browserLanguage() };
  } finally {
    clearTimeout(timer);
  }
}

export function requirementSupported(set: string, version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported(set, version);
  } catch {
    return false;
  }
}

export type RibbonAction = (event: Office.AddinCommands.Event) => void | Promise<void>;

/** Registers the manifest's ExecuteFunction names once Office is ready (no-op outside Office). */
export function associateRibbonActions(actions: Record<string, RibbonAction>): void {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return;
  void Office.onReady(() => {
    for (const [name, action] of Object.entries(actions)) Office.actions.associate(name, action);
  });
}

export class DialogError extends Error {
  constructor(
    readonly reason: 'open-failed' | 'closed',
    cause?: unknown,
  ) {
    super(reason, { cause });
  }
}

/** Opens an Office dialog on `url` and resolves with the first message it sends back. */
export function openDialog(url: string, size = { height: 60, width: 30 }): Promise<string> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { ...size, promptBeforeOpen: false }, (res) => {
      if (res.status === Office.AsyncResultStatus.Failed) {
        reject(new DialogError('open-failed', res.error));
        return;
      }
      const dialog = res.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        resolve((arg as { message: string }).message);
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => reject(new DialogError('closed')));
    });
  });
}

/** Inside a dialog page: once Office is ready, run `body` and send what it answers to the opener. */
export function answerOpener(body: () => Promise<string>, onError: (e: unknown) => string): void {
  void Office.onReady(() => {
    body()
      .catch(onError)
      .then((message) => Office.context.ui.messageParent(message));
  });
}
