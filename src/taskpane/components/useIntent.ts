// Runs a pane intent, tracks whether it is busy, and turns a rejection into a message in both
// languages instead of an unhandled error (the pane must never crash on a refused write).
import { useCallback, useRef, useState } from 'react';
import type { Text } from '../../standard/types';
import { strings } from '../strings';

export interface IntentRunner {
  busy: string | null;
  failure: Text | null;
  clearFailure(): void;
  run(name: Text, action: () => Promise<void>): void;
}

export function useIntentRunner(): IntentRunner {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<Text | null>(null);
  const running = useRef(0);
  const run = useCallback((name: Text, action: () => Promise<void>) => {
    running.current += 1;
    setBusy(name.en);
    setFailure(null);
    Promise.resolve()
      .then(action)
      .catch((error: unknown) => {
        console.error(`delib: ${name.en} failed`, error);
        setFailure(strings.intentFailed(name));
      })
      .finally(() => {
        running.current -= 1;
        if (running.current === 0) setBusy(null);
      });
  }, []);
  const clearFailure = useCallback(() => setFailure(null), []);
  return { busy, failure, clearFailure, run };
}
