// The VideoSession row of an appointment, created on first need. One row per
// appointment (unique appointmentId): when two first requests race, the loser
// of the insert reads the winner's row.
import 'server-only';

import { db } from '@/lib/db/client';

import { isUniqueViolation } from './unique-violation';

export async function ensureVideoSession(appointmentId: string): Promise<string> {
  const existing = await db().videoSession.findUnique({ where: { appointmentId }, select: { id: true } });
  if (existing) return existing.id;
  try {
    return (await db().videoSession.create({ data: { appointmentId }, select: { id: true } })).id;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return (await db().videoSession.findUniqueOrThrow({ where: { appointmentId }, select: { id: true } })).id;
  }
}
