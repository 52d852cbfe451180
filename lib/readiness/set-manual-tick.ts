import 'server-only';

// An admin confirms (or withdraws) a Console setting the API cannot see.
// Ticking again keeps the first tick; unticking removes it. Both are audited.
import { recordChange } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { parseInput } from '@/lib/schemas/parse-input';
import { manualTickSchema } from '@/lib/readiness/readiness-schemas';

export async function setManualTick(actor: SessionUser, input: unknown): Promise<{ ticked: boolean }> {
  assertCan(actor, 'readiness.manage');
  const { item, ticked } = parseInput(manualTickSchema, input);
  await db().$transaction(async (tx) => {
    if (ticked) {
      await tx.readinessManualTick.upsert({
        where: { clinicId_item: { clinicId: actor.clinicId, item } },
        create: { clinicId: actor.clinicId, item, tickedById: actor.id },
        update: {},
      });
    } else {
      await tx.readinessManualTick.deleteMany({ where: { clinicId: actor.clinicId, item } });
    }
    await recordChange(tx, actor, ticked ? 'CREATE' : 'DELETE', {
      type: 'ReadinessManualTick',
      id: item,
      detail: { event: ticked ? 'ticked' : 'unticked', item },
    });
  });
  return { ticked };
}
