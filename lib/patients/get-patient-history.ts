// The patient page's history, newest first: past appointments with what the
// video session recorded (joined, left, minutes, Medicare band, audio only),
// messages sent about them and their fate, the patient's replies, and changes
// to consent and opt-outs. A clinician sees only their own appointments and
// what belongs to them: nothing of another clinician's sessions with the
// same patient. One audited READ per view (kinds and a count, no values).
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

import { appointmentWhereForUser } from '@/lib/auth/appointment-scope';
import { PATIENT_NOT_FOUND } from './get-patient';
import {
  appointmentEntry,
  consentEntries,
  messageEntry,
  replyEntry,
  type HistoryEntry,
} from './patient-history-entries';
import { patientScope } from './patient-scope';

export const HISTORY_PAGE = 20;
export const HISTORY_MAX = 500;

export async function getPatientHistory(
  user: SessionUser,
  patientId: string,
  options: { limit?: number; now?: Date } = {},
): Promise<{ entries: HistoryEntry[]; hasMore: boolean; limit: number }> {
  assertCan(user, 'patients.read');
  const limit = Math.min(Math.max(Math.floor(options.limit ?? HISTORY_PAGE), 1), HISTORY_MAX);
  const now = options.now ?? new Date();
  const take = limit + 1;

  const patient = await db().patient.findFirst({
    where: { AND: [{ id: patientId }, patientScope(user)] },
    select: { id: true },
  });
  if (!patient) throw new AppError('NOT_FOUND', PATIENT_NOT_FOUND);

  // Every appointment-bound item is reached through the user's appointment scope.
  const inScope = { AND: [appointmentWhereForUser(user), { patientId }] };
  const [appointments, reminders, inbound, quick, audits] = await Promise.all([
    db().appointment.findMany({
      where: { AND: [inScope, { startsAt: { lt: now } }] },
      orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
      take,
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        kind: true,
        status: true,
        clinician: { select: { givenName: true, familyName: true, title: true } },
        videoSession: {
          select: {
            attendanceComputedAt: true,
            attendance: true,
            patientSeconds: true,
            jointSeconds: true,
            medicareTimeBand: true,
            audioOnly: true,
          },
        },
      },
    }),
    db().reminder.findMany({
      where: { patientId, appointment: inScope, status: { notIn: ['SCHEDULED', 'CANCELLED'] } },
      orderBy: [{ dueAt: 'desc' }, { id: 'desc' }],
      take,
      select: {
        id: true,
        appointmentId: true,
        source: true,
        status: true,
        reason: true,
        dueAt: true,
        sentAt: true,
        appointment: { select: { startsAt: true } },
        messages: {
          orderBy: { claimedAt: 'asc' },
          select: { channel: true, status: true, isFallback: true, errorCode: true },
        },
      },
    }),
    inboundReplies(user, patientId, take),
    db().waitingRoomReply.findMany({
      where: { session: { appointment: inScope } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      select: { id: true, reply: true, createdAt: true, session: { select: { appointmentId: true } } },
    }),
    db().auditLog.findMany({
      where: { patientId, entityType: 'Patient', action: { in: ['CREATE', 'UPDATE'] } },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      // Most patient edits touch other fields; read enough to find the consent ones.
      take: Math.min(take * 5, 2_000),
      select: { id: true, at: true, detail: true, actor: { select: { name: true } } },
    }),
  ]);

  const entries: HistoryEntry[] = [
    ...appointments.map(appointmentEntry),
    ...reminders.map(messageEntry),
    ...inbound.map((r) => replyEntry({ id: r.id, at: r.receivedAt, appointmentId: r.appointmentId }, r)),
    ...quick.map((r) =>
      replyEntry(
        { id: r.id, at: r.createdAt, appointmentId: r.session.appointmentId },
        { quickReply: r.reply },
      ),
    ),
    ...audits.flatMap(consentEntries),
  ].sort((x, y) => y.at.getTime() - x.at.getTime() || (x.id < y.id ? 1 : -1));

  const page = entries.slice(0, limit);
  await recordAudit({
    actor: { id: user.id, role: user.role },
    action: 'READ',
    entityType: 'Patient',
    entityId: patientId,
    patientId,
    detail: { kind: 'history', count: page.length },
  });
  return { entries: page, hasMore: entries.length > limit, limit };
}

/**
 * Replies from the patient's phone. Staff see them all; a clinician only those
 * tied to one of their own appointments (a reply about nothing in particular,
 * or about another clinician's session, is not theirs to read).
 */
async function inboundReplies(user: SessionUser, patientId: string, take: number) {
  const select = {
    id: true,
    receivedAt: true,
    channel: true,
    intent: true,
    body: true,
    appointmentId: true,
  } as const;
  const scope = appointmentWhereForUser(user);
  if (!('clinicianId' in scope)) {
    return db().inboundReply.findMany({
      // The patient was found in the user's clinic above; replies follow the patient.
      where: { patientId },
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      take,
      select,
    });
  }
  const mine = await db().appointment.findMany({
    where: { AND: [scope, { patientId }] },
    select: { id: true },
    take: 5_000,
  });
  return db().inboundReply.findMany({
    where: { patientId, appointmentId: { in: mine.map((a) => a.id) } },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take,
    select,
  });
}
