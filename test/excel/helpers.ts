// Booting a live session on the Office.js stand-in, and waiting for it to settle.
import { ExcelLiveSession, type SessionOptions } from '../../src/excel';
import {
  type InitialWorkbook,
  type OfficeStandIn,
  type StandInOptions,
  installOfficeStandIn,
} from '../standins/office-js';

export interface Booted {
  standin: OfficeStandIn;
  session: ExcelLiveSession;
  settle(): Promise<void>;
}

export async function boot(
  initial: InitialWorkbook,
  options: SessionOptions = {},
  standInOptions: StandInOptions = {},
): Promise<Booted> {
  const standin = installOfficeStandIn(globalThis, initial, standInOptions);
  const session = new ExcelLiveSession({ debounceMs: 0, ...options });
  await session.start();
  const settle = async () => {
    // Events → passes → the passes' own writes → their (ignored) events: until nothing moves.
    for (let i = 0; i < 5; i++) {
      await standin.settled();
      await session.whenIdle();
    }
  };
  await settle();
  return { standin, session, settle };
}

export function codes(session: ExcelLiveSession): string[] {
  return (session.getState().report?.findings ?? []).map((f) => `${f.code}@${f.cell ?? f.sheet}`);
}
