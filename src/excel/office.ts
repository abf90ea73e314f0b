// The Office (not Excel) APIs the add-in uses beyond the workbook: the ribbon's function commands and
// the dialog that signs in where nested app authentication is missing. Kept here so that src/excel
// stays the one folder touching Office.js; src/auth receives `openDialog` as a function.
import { supports } from './host';

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

/** A dialog's message and the origin Office says it came from (undefined before DialogOrigin 1.1). */
export interface DialogAnswer {
  message: string;
  origin: string | undefined;
}

/**
 * Opens an Office dialog on `url` and resolves with the first message it sends back, closing the
 * dialog. Whether that message may be trusted (its origin) is the caller's decision.
 */
export function openDialog(url: string, size = { height: 60, width: 30 }): Promise<DialogAnswer> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { ...size, promptBeforeOpen: false }, (res) => {
      if (res.status === Office.AsyncResultStatus.Failed) {
        reject(new DialogError('open-failed', res.error));
        return;
      }
      const dialog = res.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const { message, origin } = arg as { message: unknown; origin?: unknown };
        resolve({
          message: typeof message === 'string' ? message : String(message),
          origin: typeof origin === 'string' ? origin : undefined,
        });
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => reject(new DialogError('closed')));
    });
  });
}

/**
 * Inside a dialog page: once Office is ready, run `body` and send what it answers to the opener.
 * Where the host supports it (DialogOrigin 1.1) the message is addressed to this page's own origin,
 * the pane's, so a pane of any other origin never receives it.
 */
export function answerOpener(body: () => Promise<string>, onError: (e: unknown) => string): void {
  void Office.onReady(async () => {
    const message = await body().catch(onError);
    if (supports('DialogOrigin', '1.1')) {
      Office.context.ui.messageParent(message, { targetOrigin: location.origin });
    } else {
      Office.context.ui.messageParent(message);
    }
  });
}
