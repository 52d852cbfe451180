// Callbacks often arrive together: one participant connecting brings
// participant-connected and two track-added within milliseconds, and at the top
// of the hour many sessions start at once. Rather than each recomputing its
// session's attendance on its own (a read and a write per callback), callers
// share batches: a caller joins the next batch, which starts once the batch
// running now (if any) has finished, and refreshes every session its callers
// named in one read and one write (refreshAttendanceOf). A batch starts after
// each caller stored its event, so it reads that event; each caller returns
// only once its event is counted, and sees the batch's error if it failed.
import 'server-only';

import { refreshAttendanceOf } from './refresh-attendance';

type Batch = { sessionIds: Set<string>; done: Promise<void> };

// Module state per server process (kept on globalThis across dev reloads).
const state = globalThis as unknown as { attendanceBatches?: { running: Batch | null; next: Batch | null } };

function batches() {
  state.attendanceBatches ??= { running: null, next: null };
  return state.attendanceBatches;
}

export function refreshAttendanceSoon(sessionId: string): Promise<void> {
  const b = batches();
  b.next ??= queueBatch(b.running);
  b.next.sessionIds.add(sessionId);
  return b.next.done;
}

function queueBatch(after: Batch | null): Batch {
  const batch = { sessionIds: new Set<string>() } as Batch;
  batch.done = (after ? after.done.catch(() => {}) : Promise.resolve())
    // One turn of the event loop lets callbacks being handled right now join.
    .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
    .then(async () => {
      const b = batches();
      if (b.next === batch) b.next = null;
      b.running = batch;
      try {
        await refreshAttendanceOf([...batch.sessionIds]);
      } finally {
        if (b.running === batch) b.running = null;
      }
    });
  return batch;
}
