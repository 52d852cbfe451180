import 'server-only';

// An admin has seen a billing alert: it leaves the banner (and stays on the costs page).
import { recordChange } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { parseInput } from '@/lib/schemas/parse-input';
import { z } from 'zod';

const schema = z.object({ alertId: z.string().min(1).max(64) });

export async function acknowledgeBillingAlert(actor: SessionUser, input: unknown): Promise<void> {
  assertCan(actor, 'costs.read');
  const { alertId } = parseInput(schema, input);
  await db().$transaction(async (tx) => {
    const updated = await tx.billingAlert.updateMany({
      where: { id: alertId, acknowledgedAt: null },
      data: { acknowledgedAt: new Date(), acknowledgedById: actor.id },
    });
    if (updated.count === 0) return;
    await recordChange(tx, actor, 'UPDATE', {
      type: 'BillingAlert',
      id: alertId,
      detail: { event: 'acknowledged' },
    });
  });
}
