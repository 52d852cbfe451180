// Every stored room event of some sessions, grouped by session: what the
// statuses shown to staff are derived from (derive-session-status.ts).
import 'server-only';

import { sessionStatusEvents } from '@/lib/db/queries/video-events';
import { runPrepared } from '@/lib/db/queries/run-query';

import type { RoomEventRecord } from '../attendance/compute-attendance';

export async function loadSessionEvents(
  sessionIds: readonly string[],
): Promise<Map<string, RoomEventRecord[]>> {
  const ids = [...new Set(sessionIds)];
  const bySession = new Map<string, RoomEventRecord[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return bySession;
  const rows = await runPrepared(sessionStatusEvents, [ids]);
  for (const { sessionId, ...event } of rows) bySession.get(sessionId)?.push(event);
  return bySession;
}
