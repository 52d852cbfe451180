// Callbacks for one session often arrive together (a participant connects:
// participant-connected and two track-added within milliseconds). Rather than
// each recomputing attendance, they share: while a recomputation runs, later
// callers wait for one more run that starts after it, which reads every event
// they stored. Each caller still returns only once its event is counted.
import 'server-only';

import { refreshAttendance } from './refresh-attendance';

type Slot = { running: Promise<void>; queued: Promise<void> | null };

const slots = new Map<string, Slot>();

export function refreshAttendanceSoon(sessionId: string): Promise<void> {
  const slot = slots.get(sessionId);
  if (!slot) {
    const running = run(sessionId);
    slots.set(sessionId, { running, queued: null });
    return running;
  }
  slot.queued ??= slot.running
    .catch(() => {})
    .then(() => {
      // From here on, new callers queue behind this run: it may have read the events before theirs.
      const running = run(sessionId);
      slot.running = running;
      slot.queued = null;
      return running;
    });
  return slot.queued;
}

async function run(sessionId: string): Promise<void> {
  try {
    await refreshAttendance(sessionId);
  } finally {
    const slot = slots.get(sessionId);
    // Last one out frees the slot (a queued run replaces `running` before it starts).
    if (slot && !slot.queued) {
      queueMicrotask(() => {
        const current = slots.get(sessionId);
        if (current === slot && !slot.queued) slots.delete(sessionId);
      });
    }
  }
}
