// A phone number opted out of (or back into) one channel: by replying STOP /
// START, or because Twilio refused a send with 21610 (the number had already
// texted STOP to our sender). It applies to every patient with that mobile: the
// opt-out belongs to the phone, which family members can share.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { db } from '@/lib/db/client';
import type { MessageChannel } from '@/lib/db/generated/enums';

export type OptOutSource = 'REPLY' | 'TWILIO_21610';

export async function recordOptOut(input: {
  e164: string;
  channel: MessageChannel;
  optedOut: boolean;
  source: OptOutSource;
  at?: Date;
}): Promise<string[]> {
  const at = input.at ?? new Date();
  const field = input.channel === 'SMS' ? 'smsOptOutAt' : 'whatsappOptOutAt';
  const patients = await db().patient.findMany({
    where: { mobile: input.e164, [field]: input.optedOut ? null : { not: null } },
    select: { id: true },
  });
  if (patients.length === 0) return [];
  const ids = patients.map((p) => p.id);
  await db().patient.updateMany({
    where: { id: { in: ids } },
    data: { [field]: input.optedOut ? at : null },
  });
  for (const id of ids) {
    await recordAudit({
      actor: null,
      action: 'UPDATE',
      entityType: 'Patient',
      entityId: id,
      patientId: id,
      detail: { operation: input.optedOut ? 'opt-out' : 'opt-in', fields: [field], source: input.source },
    });
  }
  return ids;
}
