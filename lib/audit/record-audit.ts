// Every read or change of a patient record by staff goes through here.
// Entries hold ids, actions and field names, never the values.
import 'server-only';

import { db } from '@/lib/db/client';
import type { AuditAction, AuditOutcome, Prisma, UserRole } from '@/lib/db/generated/client';
import { log } from '@/lib/log/logger';

export type AuditActor = { id: string; role: UserRole } | null;

export type AuditEntry = {
  actor: AuditActor;
  action: AuditAction;
  entityType: 'Patient' | 'Appointment' | 'User' | 'Clinic' | 'AuthSession' | (string & {});
  entityId?: string | null;
  patientId?: string | null;
  outcome?: AuditOutcome;
  requestId?: string | null;
  /** Field names, reason codes: never values a person could be identified by. */
  detail?: Prisma.InputJsonValue;
};

export async function recordAudit(
  entry: AuditEntry,
  tx: Pick<ReturnType<typeof db>, 'auditLog'> = db(),
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      patientId: entry.patientId ?? null,
      outcome: entry.outcome ?? 'SUCCESS',
      requestId: entry.requestId ?? null,
      detail: entry.detail,
    },
  });
  log.info('audit', {
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? undefined,
    actorId: entry.actor?.id,
    outcome: entry.outcome ?? 'SUCCESS',
  });
}
