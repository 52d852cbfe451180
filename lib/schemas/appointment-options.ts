// Appointment constants the browser needs too (labels, limits), kept apart
// from the zod schemas so client components stay small.

export const APPOINTMENT_KINDS = ['TELEHEALTH', 'IN_PERSON'] as const;
export const APPOINTMENT_STATUSES = ['BOOKED', 'CONFIRMED', 'CANCELLED', 'COMPLETED', 'NO_SHOW'] as const;
export type AppointmentKindValue = (typeof APPOINTMENT_KINDS)[number];
export type AppointmentStatusValue = (typeof APPOINTMENT_STATUSES)[number];

export const kindLabels: Record<AppointmentKindValue, string> = {
  TELEHEALTH: 'Telehealth',
  IN_PERSON: 'In person',
};
export const statusLabels: Record<AppointmentStatusValue, string> = {
  BOOKED: 'Booked',
  CONFIRMED: 'Confirmed',
  CANCELLED: 'Cancelled',
  COMPLETED: 'Completed',
  NO_SHOW: 'No-show',
};

/** Statuses that hold a clinician's time: everything except cancelled. */
export const ACTIVE_STATUSES = [
  'BOOKED',
  'CONFIRMED',
  'COMPLETED',
  'NO_SHOW',
] as const satisfies readonly AppointmentStatusValue[];
/** Statuses that can still be rescheduled or cancelled. */
export const OPEN_STATUSES = ['BOOKED', 'CONFIRMED'] as const satisfies readonly AppointmentStatusValue[];

export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 240;
export const DEFAULT_DURATION_MINUTES = 50;
export const CANCEL_REASON_MAX = 500;

export function clinicianDisplayName(c: {
  givenName: string;
  familyName: string;
  title: string | null;
}): string {
  return [c.title, c.givenName, c.familyName].filter(Boolean).join(' ');
}

export function isOpenStatus(status: AppointmentStatusValue): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}
