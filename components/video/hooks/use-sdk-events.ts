// The one way the video hooks listen to twilio-video: a subscribe function that
// attaches named handlers with on() and removes the same ones with off(), run
// by React's useSyncExternalStore. The hook re-renders on each event and reads
// the current value from the SDK object (the SDK is the source of truth).
// Shape after twilio-video-app-react's hooks (useRoomState, useParticipants…).
import { useMemo, useSyncExternalStore } from 'react';

/** The part of the SDK's EventEmitter the hooks use (and the tests fake with node:events). */
export type Emitter = {
  on(event: string, listener: () => void): unknown;
  off(event: string, listener: () => void): unknown;
};

export type Subscribe<T> = (target: T, onChange: () => void) => () => void;

/** Subscribe to a list of events on one SDK object with one handler; returns the cleanup. */
export function listen(target: Emitter, events: readonly string[], onChange: () => void): () => void {
  const handler = () => onChange();
  for (const event of events) target.on(event, handler);
  return () => {
    for (const event of events) target.off(event, handler);
  };
}

/** Re-renders the caller whenever `subscribe` reports a change on `target`; returns a change counter. */
export function useSdkEvents<T>(target: T | null | undefined, subscribe: Subscribe<T>): number {
  const store = useMemo(() => {
    let version = 0;
    return {
      subscribe: (notify: () => void) =>
        target
          ? subscribe(target, () => {
              version++;
              notify();
            })
          : () => {},
      getSnapshot: () => version,
    };
  }, [target, subscribe]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
