import 'server-only';

// An admin sets (or clears) the clinic's phone number: the one a patient whose
// join link no longer works is told to call, and {phone} in reminders. Audited
// with the field name only.
import { recordChange } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { clinicPhoneSchema } from '@/lib/schemas/clinic';
import { parseInput } from '@/lib/schemas/parse-input';

export async function updateClinicPhone(
  actor: SessionUser,
  input: unknown,
): Promise<{ contactPhone: string | null }> {
  assertCan(actor, 'settings.manage');
  const { contactPhone } = parseInput(clinicPhoneSchema, input);
  await db().$transaction(async (tx) => {
    await tx.clinic.update({ where: { id: actor.clinicId }, data: { contactPhone } });
    await recordChange(tx, actor, 'UPDATE', {
      type: 'Clinic',
      id: actor.clinicId,
      detail: { event: 'contact_phone', fields: ['contactPhone'] },
    });
  });
  return { contactPhone };
}
