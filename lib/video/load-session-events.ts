// Every stored room event of some sessions, grouped by session: what the
// statuses shown to staff are derived from (derive-session-status.ts).
import 'server-only';

import { preparedQuery } from '@/lib/db/client';

import type { RoomEventRecord } from './compute-attendance';

type EventRow = RoomEventRecord & { sessionId: string };

// Read on every dashboard refresh: a prepared statement taking many sessions at once (decision 008).
const SESSION_EVENTS_SQL = `
    SELECT r."sessionId", e."roomSid", e."event",
           e."occurredAt" AT TIME ZONE 'UTC' AS "occurredAt", e."sequenceNumber", e."participantSid",
           e."participantIdentity", e."participantDuration", e."trackKind", e."roomDuration"
      FROM "VideoRoom" r JOIN "VideoRoomEvent" e ON e."roomSid" = r."twilioRoomSid"
     WHERE r."sessionId" = ANY($1::text[])
       AND e."event" IN ('participant-connected', 'participant-disconnected', 'room-created', 'room-ended')`;

export async function loadSessionEvents(
  sessionIds: readonly string[],
): Promise<Map<string, RoomEventRecord[]>> {
  const ids = [...new Set(sessionIds)];
  const bySession = new Map<string, RoomEventRecord[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return bySession;
  const rows = await preparedQuery<EventRow>('session-status-events-v1', SESSION_EVENTS_SQL, [ids]);
  for (const { sessionId, ...event } of rows) bySession.get(sessionId)?.push(event);
  return bySession;
}
