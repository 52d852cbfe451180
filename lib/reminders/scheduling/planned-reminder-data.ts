// A planned time written onto a reminder row: the same columns and timeline
// entry whether a policy, a reschedule or staff made the plan.
import 'server-only';

import { db } from '@/lib/db/client';

import type { PlannedTime } from './plan-reminder-time';

/** Due when the plan worked (perhaps moved by quiet hours); otherwise kept as SKIPPED with the reason. */
export function plannedFields(plan: PlannedTime) {
  return {
    requestedAt: plan.requestedAt,
    dueAt: plan.ok ? plan.dueAt : plan.requestedAt,
    movedByQuietHours: plan.ok && plan.moved,
    status: plan.ok ? ('SCHEDULED' as const) : ('SKIPPED' as const),
    reason: plan.ok ? null : plan.reason,
  };
}

/**
 * The timeline entry for a plan: `type` with why it went where it did (QUIET_HOURS unless the
 * caller names another detail), or SKIPPED with the reason.
 */
export function plannedEvent(
  plan: PlannedTime,
  type: 'SCHEDULED' | 'MOVED',
  actorId: string | null,
  detail: { moved?: string; onTime?: string } = {},
) {
  if (!plan.ok) return { type: 'SKIPPED', detail: plan.reason, actorId };
  return { type, detail: plan.moved ? (detail.moved ?? 'QUIET_HOURS') : (detail.onTime ?? null), actorId };
}

/** A policy reminder for one offset, as a query for the caller's batch transaction. */
export function createPolicyReminder(
  appointment: { id: string; patientId: string },
  offsetMinutes: number,
  plan: PlannedTime,
  actorId: string | null,
  detail?: { moved?: string; onTime?: string },
) {
  return db().reminder.create({
    data: {
      appointmentId: appointment.id,
      patientId: appointment.patientId,
      source: 'POLICY',
      offsetMinutes,
      ...plannedFields(plan),
      createdById: actorId,
      events: { create: plannedEvent(plan, 'SCHEDULED', actorId, detail) },
    },
    select: { id: true, status: true, dueAt: true },
  });
}
