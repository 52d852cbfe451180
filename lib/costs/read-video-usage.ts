import 'server-only';

// Video participant-minutes per month, from the rooms the video module keeps:
// each room's participantMinutes is every connection's time rounded up to the
// minute, added up from Twilio's status callbacks (what Twilio bills).
import { db } from '@/lib/db/client';

import { monthKey } from './month-keys';

export async function readVideoUsage(range: { start: Date; end: Date }): Promise<Record<string, number>> {
  const rooms = await db().videoRoom.findMany({
    where: { startedAt: { gte: range.start, lt: range.end }, participantMinutes: { gt: 0 } },
    select: { startedAt: true, participantMinutes: true },
  });
  const months: Record<string, number> = {};
  for (const room of rooms) {
    if (!room.startedAt) continue;
    const key = monthKey(room.startedAt);
    months[key] = (months[key] ?? 0) + room.participantMinutes;
  }
  return months;
}
