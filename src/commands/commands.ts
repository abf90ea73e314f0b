// Ribbon buttons that run without the pane (ExecuteFunction). Each one does its work through
// src/excel and always calls event.completed(), or Office keeps the button spinning.
import { createLiveSession } from '../excel';
import { associateRibbonActions } from '../excel/office';

type CommandEvent = Office.AddinCommands.Event;

/**
 * A short-lived session in the commands runtime: it reads, validates and writes highlights like the
 * pane does, then removes its handlers so nothing lingers in a runtime Office may unload.
 */
async function withSession(
  work: (session: ReturnType<typeof createLiveSession>) => Promise<void>,
): Promise<void> {
  const session = createLiveSession();
  try {
    await session.start();
    await work(session);
    const problem = session.getState().problem;
    if (problem) console.warn(`delib: ${problem.en}`);
  } finally {
    await session.dispose();
  }
}

export async function validateNow(event: CommandEvent): Promise<void> {
  try {
    // start() is a full pass: read every standard sheet, validate, highlight.
    await withSession(async () => undefined);
  } catch (error) {
    console.error('delib: validate now failed', error);
  } finally {
    event.completed();
  }
}

export async function insertStandardSheets(event: CommandEvent): Promise<void> {
  try {
    await withSession((session) => session.insertStandardSheets());
  } catch (error) {
    console.error('delib: insert standard sheets failed', error);
  } finally {
    event.completed();
  }
}

/** The manifest's ExecuteFunction names and what each runs. */
export const ribbonActions = { validateNow, insertStandardSheets };

associateRibbonActions(ribbonActions);
