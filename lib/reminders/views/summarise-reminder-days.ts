// Per clinic day: messages Twilio accepted (by channel), delivered, failed
// (refused at once or reported failed/undelivered), and SMS fallbacks. Days are
// the clinic's calendar days; timestamps are stored in UTC.
import 'server-only';

import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { reminderDayCountsQuery } from '@/lib/db/queries/reminder-views';
import { runQuery } from '@/lib/db/queries/run-query';
import { addDays, startOfDayIn, todayIn } from '@/lib/time/clinic-time';

export interface ReminderDaySummary {
  day: string;
  sentWhatsapp: number;
  sentSms: number;
  delivered: number;
  failed: number;
  fallbacks: number;
}

export async function summariseReminderDays(
  user: SessionUser,
  timeZone: string,
  days = 14,
  now = new Date(),
): Promise<ReminderDaySummary[]> {
  assertCan(user, 'reminders.read');
  const today = todayIn(timeZone, now);
  const firstDay = addDays(today, -(days - 1));
  const since = startOfDayIn(firstDay, timeZone);
  const rows = await runQuery(db(), reminderDayCountsQuery, [user.clinicId, since, timeZone]);
  const byDay = new Map<string, ReminderDaySummary>();
  for (let i = 0; i < days; i++) {
    const day = addDays(firstDay, i);
    byDay.set(day, { day, sentWhatsapp: 0, sentSms: 0, delivered: 0, failed: 0, fallbacks: 0 });
  }
  for (const row of rows) {
    const entry = byDay.get(row.day);
    if (entry && row.kind in entry) (entry as unknown as Record<string, number>)[row.kind] = Number(row.n);
  }
  return [...byDay.values()].reverse();
}
