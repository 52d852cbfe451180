// The clinic's reminder settings, and a planner for one appointment's
// reminders on the patient's clock: what every place that schedules,
// moves or adds a reminder starts from.
import 'server-only';

import { getReminderConfig, type ReminderConfig } from '../templates/get-reminder-config';
import { planReminderTime, type PlannedTime } from './plan-reminder-time';
import { patientTimeZone } from './reminder-appointment';

export type PlanReminder = (offsetMinutes: number) => PlannedTime;

export async function loadReminderPlanner(
  appointment: { startsAt: Date; patient: { clinicId: string; timezone: string | null } },
  now: Date,
): Promise<{ config: ReminderConfig; plan: PlanReminder }> {
  const config = await getReminderConfig(appointment.patient.clinicId);
  const timeZone = patientTimeZone(appointment.patient.timezone, config.clinicTimeZone);
  const plan: PlanReminder = (offsetMinutes) =>
    planReminderTime({
      startsAt: appointment.startsAt,
      offsetMinutes,
      timeZone,
      quietHours: config.quietHours,
      now,
    });
  return { config, plan };
}
