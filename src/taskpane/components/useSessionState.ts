import { useCallback, useSyncExternalStore } from 'react';

/** A session's state as React state: re-rendered whenever the session says it changed. */
export function useSessionState<S>(session: {
  subscribe(listener: (s: S) => void): () => void;
  getState(): S;
}): S {
  return useSyncExternalStore(
    useCallback((listener: () => void) => session.subscribe(() => listener()), [session]),
    () => session.getState(),
  );
}
