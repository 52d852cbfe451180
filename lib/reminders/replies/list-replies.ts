// Replies waiting for staff: free text, reschedule requests, CANCEL opt-outs,
// confirmations that matched no appointment. The reply text is shown to staff
// here and nowhere else (never logged).
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';

export async function listRepliesNeedingAttention(user: SessionUser, limit = 50) {
  assertCan(user, 'reminders.read');
  const rows = await db().inboundReply.findMany({
    where: { needsAttention: true, handledAt: null, OR: [{ clinicId: user.clinicId }, { clinicId: null }] },
    orderBy: { receivedAt: 'desc' },
    take: limit,
    select: {
      id: true,
      channel: true,
      intent: true,
      keyword: true,
      body: true,
      receivedAt: true,
      appointmentId: true,
      patientId: true,
      fromAddress: true,
    },
  });
  const patientIds = [...new Set(rows.map((r) => r.patientId).filter((id): id is string => id !== null))];
  const patients = await db().patient.findMany({
    where: { id: { in: patientIds }, clinicId: user.clinicId },
    select: { id: true, givenName: true, familyName: true, preferredName: true },
  });
  if (rows.length) {
    await recordAudit({
      actor: { id: user.id, role: user.role },
      action: 'READ',
      entityType: 'InboundReply',
      detail: { operation: 'list-needing-attention', count: rows.length },
    });
  }
  const byId = new Map(patients.map((p) => [p.id, p]));
  return rows.map((r) => ({ ...r, patient: r.patientId ? (byId.get(r.patientId) ?? null) : null }));
}

export type ReplyNeedingAttention = Awaited<ReturnType<typeof listRepliesNeedingAttention>>[number];
