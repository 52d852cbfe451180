// The usual audit entry: one person (or, with a null actor, the portal itself)
// changed one record, written in the transaction that made the change; or a
// person read one record.
import 'server-only';

import { db } from '@/lib/db/client';
import type { AuditAction, Prisma, UserRole } from '@/lib/db/generated/client';

import { recordAudit, type AuditEntry } from './record-audit';

export type AuditedRecord = {
  type: AuditEntry['entityType'];
  id: string;
  patientId?: string | null;
  /** Field names, reason codes: never values a person could be identified by. */
  detail?: Prisma.InputJsonValue;
};

export function recordChange(
  tx: Parameters<typeof recordAudit>[1],
  actor: { id: string; role: UserRole } | null,
  action: AuditAction,
  { type, id, patientId, detail }: AuditedRecord,
): Promise<void> {
  return recordAudit(
    {
      actor: actor && { id: actor.id, role: actor.role },
      action,
      entityType: type,
      entityId: id,
      ...(patientId !== undefined ? { patientId } : {}),
      ...(detail !== undefined ? { detail } : {}),
    },
    tx,
  );
}

/** A person looked at one record (written straight away, outside any transaction). */
export function recordRead(actor: { id: string; role: UserRole }, record: AuditedRecord): Promise<void> {
  return recordChange(db(), actor, 'READ', record);
}
