// Change notices: telling the patient their appointment moved or was cancelled.
// A notice is a reminder (source CHANGE_NOTICE) sent by the same engine, so
// consent, opt-outs, channel choice, the SMS fallback, the trial guard and
// at-most-once sending all hold (docs/decisions/005-reminders-at-most-once.md,
// "Change notices").
//
// recordChangeNotice runs inside the transaction that changes the appointment,
// after the appointment row is written (so it holds that row's lock and a
// second change waits for it): the change and its notice commit together.
//
// Debounce: the notice waits a few minutes (plan-notice-time.ts). A change
// while it waits rewrites it to the final state (a cancel after a reschedule
// leaves one cancellation); a move back to the time the patient already knew
// cancels it. Once a worker has claimed a channel the notice is frozen (the
// claim sets it SENDING in the statement that inserts the claim) and a later
// change gets a notice of its own.
import 'server-only';

import type { Prisma } from '@/lib/db/generated/client';
import { env } from '@/lib/env';

import { cancelReminderJob, enqueueReminders } from './enqueue-reminder';
import { getReminderConfig } from '../templates/get-reminder-config';
import { planNoticeTime } from './plan-notice-time';
import { patientTimeZone } from './reminder-appointment';
import { REMINDER_PRIORITY } from '../../jobs/reminder-queues';
import type { NoticeKind } from '../templates/render-template';

type Tx = Prisma.TransactionClient;

export interface ChangeNoticeInput {
  appointmentId: string;
  change: NoticeKind;
  /** The appointment's start before this change (for a cancellation, its start). */
  previousStartsAt: Date;
  /** Its start after this change (a cancellation leaves it as it was). */
  startsAt: Date;
  /** Off: staff chose not to notify the patient of this change. */
  notifyPatient: boolean;
  actorId: string | null;
  now: Date;
}

/** What to do with the queue once the transaction has committed. */
export interface ChangeNoticeOutcome {
  enqueue: { id: string; dueAt: Date } | null;
  cancelJobId: string | null;
  /** The notice row written or rewritten, for the caller's audit entry. */
  reminderId: string | null;
}

const NONE: ChangeNoticeOutcome = { enqueue: null, cancelJobId: null, reminderId: null };

export async function recordChangeNotice(tx: Tx, input: ChangeNoticeInput): Promise<ChangeNoticeOutcome> {
  const { appointmentId, change, now, actorId } = input;
  const appointment = await tx.appointment.findUniqueOrThrow({
    where: { id: appointmentId },
    select: { patientId: true, patient: { select: { clinicId: true, timezone: true } } },
  });
  // The notice still waiting (never claimed: a claim moves it to SENDING), if any.
  const pending = await tx.reminder.findFirst({
    where: { appointmentId, source: 'CHANGE_NOTICE', status: 'SCHEDULED' },
    orderBy: { createdAt: 'desc' },
    select: { id: true, jobId: true, noticePreviousStartsAt: true },
  });
  // What the patient knew before the changes this notice covers.
  const known = pending?.noticePreviousStartsAt ?? input.previousStartsAt;
  // A cancellation names the time the patient knew, not one they were never told.
  const tells = change === 'CANCELLED' ? known : input.startsAt;
  const notice = { noticeKind: change, noticeStartsAt: tells, noticePreviousStartsAt: known };

  // Rewrites the waiting notice; false when a worker claimed it meanwhile (then it is frozen).
  const rewrite = async (
    data: Prisma.ReminderUpdateManyMutationInput,
    event: Prisma.ReminderEventCreateManyInput,
  ) => {
    if (!pending) return false;
    const { count } = await tx.reminder.updateMany({ where: { id: pending.id, status: 'SCHEDULED' }, data });
    if (count === 1) await tx.reminderEvent.create({ data: { ...event, reminderId: pending.id } });
    return count === 1;
  };

  if (!input.notifyPatient) {
    // The waiting notice would describe this change too: it does not go either.
    const skipped = { ...notice, status: 'SKIPPED' as const, reason: 'NOT_NOTIFIED' };
    const event = { reminderId: '', type: 'SKIPPED', detail: 'NOT_NOTIFIED', actorId, at: now };
    if (await rewrite(skipped, event))
      return { ...NONE, cancelJobId: pending!.jobId, reminderId: pending!.id };
    const row = await tx.reminder.create({
      data: {
        appointmentId,
        patientId: appointment.patientId,
        source: 'CHANGE_NOTICE',
        offsetMinutes: Math.round((tells.getTime() - now.getTime()) / 60_000),
        requestedAt: now,
        dueAt: now,
        ...skipped,
        createdById: actorId,
        events: { create: { type: 'SKIPPED', detail: 'NOT_NOTIFIED', actorId, at: now } },
      },
      select: { id: true },
    });
    return { ...NONE, reminderId: row.id };
  }

  if (change === 'MOVED' && input.startsAt.getTime() === known.getTime()) {
    // Back to the time the patient already has: nothing to tell.
    const undone = {
      ...notice,
      status: 'CANCELLED' as const,
      reason: 'NOTICE_UNDONE',
      cancelledAt: now,
    };
    const event = { reminderId: '', type: 'CANCELLED', detail: 'NOTICE_UNDONE', actorId, at: now };
    if (await rewrite(undone, event))
      return { ...NONE, cancelJobId: pending!.jobId, reminderId: pending!.id };
    return NONE;
  }

  const config = await getReminderConfig(appointment.patient.clinicId);
  const debounceMs = env().CHANGE_NOTICE_DELAY_SECONDS * 1000;
  const timing = planNoticeTime({
    changedAt: now,
    debounceMs,
    startsAt: tells,
    previousStartsAt: known,
    timeZone: patientTimeZone(appointment.patient.timezone, config.clinicTimeZone),
    quietHours: config.quietHours,
  });
  const fields = {
    ...notice,
    requestedAt: new Date(now.getTime() + debounceMs),
    dueAt: timing.dueAt,
    movedByQuietHours: timing.quiet === 'HELD',
    offsetMinutes: Math.round((tells.getTime() - timing.dueAt.getTime()) / 60_000),
  };
  const detail = change === 'CANCELLED' ? 'NOTICE_CANCELLED' : 'NOTICE_MOVED';
  const quietEvent =
    timing.quiet === 'NONE' ? [] : [{ type: 'QUIET_HOURS', detail: timing.quiet, actorId, at: now }];

  if (await rewrite(fields, { reminderId: '', type: 'REPLACED', detail, actorId, at: now })) {
    if (quietEvent.length) {
      await tx.reminderEvent.createMany({ data: quietEvent.map((e) => ({ ...e, reminderId: pending!.id })) });
    }
    return { enqueue: { id: pending!.id, dueAt: timing.dueAt }, cancelJobId: null, reminderId: pending!.id };
  }
  const row = await tx.reminder.create({
    data: {
      appointmentId,
      patientId: appointment.patientId,
      source: 'CHANGE_NOTICE',
      status: 'SCHEDULED',
      ...fields,
      createdById: actorId,
      events: { create: [{ type: 'SCHEDULED', detail, actorId, at: now }, ...quietEvent] },
    },
    select: { id: true, dueAt: true },
  });
  return { enqueue: row, cancelJobId: null, reminderId: row.id };
}

/** After the appointment change committed: queue the notice's send (or drop its waiting job). */
export async function changeNoticeAfterCommit(outcome: ChangeNoticeOutcome): Promise<void> {
  if (outcome.enqueue) await enqueueReminders([outcome.enqueue], REMINDER_PRIORITY.sentByStaff);
  // Best effort: the send job also finds the notice no longer SCHEDULED and stops.
  if (outcome.cancelJobId) await cancelReminderJob(outcome.cancelJobId);
}
