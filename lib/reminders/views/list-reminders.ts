// The staff reminders list: upcoming by default, filterable by status, channel
// and the day it is due (clinic days). Only the user's clinic.
import 'server-only';

import { appointmentWhereForUser } from '@/lib/auth/appointment-scope';
import { recordAudit } from '@/lib/audit/record-audit';
import { appointmentScope, assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import type { ReminderListFilters } from '@/lib/schemas/reminder';
import { isValidDateString, startOfDayIn, addDays } from '@/lib/time/clinic-time';

export const REMINDERS_PAGE_SIZE = 50;

// The bound of the partial index Reminder_list_dueAt_id_idx (migration
// 20261205005718): the every-status list states it so the planner may walk that
// index newest first instead of sorting every reminder of the clinic. No reminder
// is due before 2000, so it hides nothing.
const LIST_INDEX_FLOOR = new Date('2000-01-01T00:00:00Z');

export const reminderListSelect = {
  id: true,
  status: true,
  reason: true,
  errorCode: true,
  dueAt: true,
  requestedAt: true,
  movedByQuietHours: true,
  source: true,
  noticeKind: true,
  appointment: {
    select: {
      id: true,
      startsAt: true,
      kind: true,
      status: true,
      patient: { select: { id: true, givenName: true, familyName: true, preferredName: true } },
    },
  },
  messages: {
    select: { channel: true, status: true, errorCode: true, isFallback: true },
    orderBy: { claimedAt: 'asc' },
  },
} as const satisfies Prisma.ReminderSelect;

export type ReminderListItem = Prisma.ReminderGetPayload<{ select: typeof reminderListSelect }>;

function channelFilter(channel: ReminderListFilters['channel']): Prisma.ReminderWhereInput {
  switch (channel) {
    case 'ANY':
      return {};
    case 'FALLBACK':
      return { messages: { some: { channel: 'SMS', isFallback: true } } };
    case 'SMS_ONLY':
      return { messages: { some: { channel: 'SMS', isFallback: false }, none: { channel: 'WHATSAPP' } } };
    default:
      return { messages: { some: { channel } } };
  }
}

export async function listReminders(
  user: SessionUser,
  filters: ReminderListFilters,
  timeZone: string,
): Promise<{ rows: ReminderListItem[]; total: number; page: number; pageSize: number }> {
  assertCan(user, 'reminders.read');
  const narrowing: Prisma.ReminderWhereInput[] = [
    filters.status === 'UPCOMING'
      ? { status: { in: ['SCHEDULED', 'SENDING'] } }
      : filters.status === 'ALL'
        ? { dueAt: { gt: LIST_INDEX_FLOOR } }
        : { status: filters.status },
    channelFilter(filters.channel),
    isValidDateString(filters.from) ? { dueAt: { gte: startOfDayIn(filters.from, timeZone) } } : {},
    isValidDateString(filters.to) ? { dueAt: { lt: startOfDayIn(addDays(filters.to, 1), timeZone) } } : {},
  ];
  const where: Prisma.ReminderWhereInput = {
    AND: [{ appointment: appointmentWhereForUser(user) }, ...narrowing],
  };
  // The total is counted by the clinic stored on each reminder (set by the database from its
  // patient; index Reminder_clinicId_dueAt_idx), not through the appointment's joins: at five
  // years of a clinic that join cost 176-253 ms of a 200 ms page. The rows keep the full scope.
  const { clinicianId } = appointmentScope(user);
  const countWhere: Prisma.ReminderWhereInput = {
    AND: [{ clinicId: user.clinicId }, clinicianId ? { appointment: { clinicianId } } : {}, ...narrowing],
  };
  const upcoming =
    filters.status === 'UPCOMING' || filters.status === 'SCHEDULED' || filters.status === 'SENDING';
  const [rows, total] = await Promise.all([
    db().reminder.findMany({
      where,
      select: reminderListSelect,
      orderBy: [{ dueAt: upcoming ? 'asc' : 'desc' }, { id: 'asc' }],
      skip: (filters.page - 1) * REMINDERS_PAGE_SIZE,
      take: REMINDERS_PAGE_SIZE,
    }),
    db().reminder.count({ where: countWhere }),
  ]);
  await recordAudit({
    actor: { id: user.id, role: user.role },
    action: 'READ',
    entityType: 'Reminder',
    detail: { operation: 'list', count: rows.length },
  });
  return { rows, total, page: filters.page, pageSize: REMINDERS_PAGE_SIZE };
}
