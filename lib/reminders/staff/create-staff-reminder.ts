// A reminder staff asked for (added, sent again, a join link): created with
// its audit entry in one transaction; the caller queues it after the commit.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';

export interface StaffReminderResult {
  id: string;
  status: 'SCHEDULED' | 'SKIPPED';
  reason: string | null;
  dueAt: Date;
}

export async function createStaffReminder(
  user: SessionUser,
  data: Omit<Prisma.ReminderUncheckedCreateInput, 'createdById'>,
  audit: { operation: string; fields?: string[] },
) {
  return db().$transaction(async (tx) => {
    const row = await tx.reminder.create({
      data: { ...data, createdById: user.id },
      select: { id: true, status: true, reason: true, dueAt: true },
    });
    await auditStaffReminder(tx, user, 'CREATE', { id: row.id, patientId: data.patientId }, audit);
    return row;
  });
}

/** The audit entry for a staff change to a reminder: ids and field names only. */
export async function auditStaffReminder(
  tx: Prisma.TransactionClient,
  user: SessionUser,
  action: 'CREATE' | 'UPDATE',
  reminder: { id: string; patientId: string },
  audit: { operation: string; fields?: string[] },
): Promise<void> {
  await recordAudit(
    {
      actor: { id: user.id, role: user.role },
      action,
      entityType: 'Reminder',
      entityId: reminder.id,
      patientId: reminder.patientId,
      detail: audit.fields
        ? { operation: audit.operation, fields: audit.fields }
        : { operation: audit.operation },
    },
    tx,
  );
}

/** What staff are told: waiting to go, or skipped with the reason. */
export function staffReminderResult(row: { id: string; status: string; reason: string | null; dueAt: Date }) {
  const status: StaffReminderResult['status'] = row.status === 'SCHEDULED' ? 'SCHEDULED' : 'SKIPPED';
  return { id: row.id, status, reason: row.reason, dueAt: row.dueAt };
}
