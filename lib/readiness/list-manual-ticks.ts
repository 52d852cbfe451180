import 'server-only';

// Which Console settings an admin has confirmed, by whom and when.
import { db } from '@/lib/db/client';

import { manualItemIds, type ManualItemId, type ManualTick } from './types';

export async function listManualTicks(clinicId: string): Promise<Partial<Record<ManualItemId, ManualTick>>> {
  const ticks = await db().readinessManualTick.findMany({ where: { clinicId } });
  const users = await db().user.findMany({
    where: { id: { in: ticks.map((t) => t.tickedById) } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const result: Partial<Record<ManualItemId, ManualTick>> = {};
  for (const tick of ticks) {
    if (!(manualItemIds as readonly string[]).includes(tick.item)) continue;
    result[tick.item as ManualItemId] = {
      byName: names.get(tick.tickedById) ?? 'a former user',
      at: tick.tickedAt,
    };
  }
  return result;
}
