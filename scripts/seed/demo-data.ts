// Demo data for a newcomer and for the end-to-end tests: one clinic, two
// clinicians, a receptionist, an admin, a dozen patients and a week of
// appointments around today. Names are invented; mobiles are in the range
// 0491 570 006–0491 570 159 that ACMA reserves for fiction, so no real person
// is ever messaged.
import { TZDate } from '@date-fns/tz';

export const DEMO_PASSWORD = 'Telehealth-demo-2026';
/** Shared by the demo admin and clinicians, so a newcomer can add it to an authenticator app. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export const demoClinic = {
  name: 'Harbourside Psychology',
  timezone: 'Australia/Sydney',
  contactPhone: '+61255501234',
  contactEmail: 'reception@harbourside.example',
};

export const demoUsers = [
  { email: 'admin@harbourside.example', name: 'Alex Admin', role: 'ADMIN', mfa: true },
  { email: 'reception@harbourside.example', name: 'Riley Reception', role: 'STAFF', mfa: false },
  {
    email: 'maya.chen@harbourside.example',
    name: 'Dr Maya Chen',
    role: 'CLINICIAN',
    mfa: true,
    clinician: { givenName: 'Maya', familyName: 'Chen', title: 'Dr', timezone: 'Australia/Sydney' },
  },
  {
    email: 'liam.oconnor@harbourside.example',
    name: "Liam O'Connor",
    role: 'CLINICIAN',
    mfa: true,
    clinician: { givenName: 'Liam', familyName: "O'Connor", title: null, timezone: 'Australia/Sydney' },
  },
] as const;

export const demoPatients = [
  {
    givenName: 'Olivia',
    familyName: 'Nguyen',
    mobile: '+61491570006',
    timezone: 'Australia/Sydney',
    channel: 'WHATSAPP',
  },
  {
    givenName: 'Jack',
    familyName: 'Williams',
    mobile: '+61491570110',
    timezone: 'Australia/Melbourne',
    channel: 'SMS',
  },
  {
    givenName: 'Charlotte',
    familyName: 'Smith',
    mobile: '+61491570111',
    timezone: 'Australia/Brisbane',
    channel: 'WHATSAPP',
  },
  {
    givenName: 'Noah',
    familyName: 'Brown',
    mobile: '+61491570112',
    timezone: 'Australia/Adelaide',
    channel: 'SMS',
  },
  {
    givenName: 'Amelia',
    familyName: 'Jones',
    mobile: '+61491570113',
    timezone: 'Australia/Perth',
    channel: 'WHATSAPP',
  },
  {
    givenName: 'William',
    familyName: 'Taylor',
    mobile: '+61491570114',
    timezone: 'Australia/Hobart',
    channel: 'SMS',
  },
  {
    givenName: 'Isla',
    familyName: 'Wilson',
    mobile: '+61491570115',
    timezone: 'Australia/Darwin',
    channel: 'WHATSAPP',
  },
  {
    givenName: 'Thomas',
    familyName: 'Martin',
    mobile: '+61491570116',
    timezone: 'Australia/Sydney',
    channel: 'WHATSAPP',
  },
  {
    givenName: 'Mia',
    familyName: 'Anderson',
    mobile: '+61491570117',
    timezone: 'Australia/Lord_Howe',
    channel: 'SMS',
  },
  {
    givenName: 'Henry',
    familyName: 'Thompson',
    mobile: '+61491570118',
    timezone: 'Australia/Sydney',
    channel: 'WHATSAPP',
  },
  {
    givenName: 'Grace',
    familyName: 'White',
    mobile: '+61491570119',
    timezone: 'Australia/Melbourne',
    channel: 'SMS',
  },
  {
    givenName: 'Leo',
    familyName: 'Harris',
    mobile: '+61491570120',
    timezone: 'Australia/Sydney',
    channel: 'WHATSAPP',
  },
] as const;

export type PlannedAppointment = {
  clinicianIndex: number;
  patientIndex: number;
  startsAt: Date;
  endsAt: Date;
  kind: 'TELEHEALTH' | 'IN_PERSON';
  status: 'BOOKED' | 'CONFIRMED' | 'COMPLETED' | 'NO_SHOW' | 'CANCELLED';
};

/**
 * A week of sessions around `now`: three days back to three days ahead, each
 * clinician seeing patients at 09:00, 11:00, 14:00 and 16:00 clinic time on
 * weekdays, plus one telehealth session starting 10 minutes from now so the
 * demo join link works at once.
 */
export function planAppointments(now: Date, timezone: string): PlannedAppointment[] {
  const planned: PlannedAppointment[] = [];
  const today = new TZDate(now.getTime(), timezone);
  const hours = [9, 11, 14, 16];
  let patient = 0;
  for (let dayOffset = -3; dayOffset <= 3; dayOffset++) {
    const day = new TZDate(
      today.getFullYear(),
      today.getMonth(),
      today.getDate() + dayOffset,
      0,
      0,
      0,
      timezone,
    );
    const weekday = day.getDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let clinicianIndex = 0; clinicianIndex < 2; clinicianIndex++) {
      for (const [slot, hour] of hours.entries()) {
        if ((slot + clinicianIndex + dayOffset) % 3 === 0) continue; // leave gaps in the diary
        const start = new TZDate(
          day.getFullYear(),
          day.getMonth(),
          day.getDate(),
          hour + clinicianIndex,
          0,
          0,
          timezone,
        );
        const startsAt = new Date(start.getTime());
        const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
        const past = endsAt.getTime() < now.getTime();
        planned.push({
          clinicianIndex,
          patientIndex: patient++ % demoPatients.length,
          startsAt,
          endsAt,
          kind: slot % 2 === 0 ? 'TELEHEALTH' : 'IN_PERSON',
          status: past
            ? patient % 7 === 0
              ? 'NO_SHOW'
              : 'COMPLETED'
            : patient % 5 === 0
              ? 'CONFIRMED'
              : 'BOOKED',
        });
      }
    }
  }
  // The session a newcomer can join straight away; it may overlap a diary slot, so move clashing ones.
  const soonStart = new Date(Math.ceil((now.getTime() + 10 * 60_000) / 60_000) * 60_000);
  const soon: PlannedAppointment = {
    clinicianIndex: 0,
    patientIndex: 0,
    startsAt: soonStart,
    endsAt: new Date(soonStart.getTime() + 50 * 60_000),
    kind: 'TELEHEALTH',
    status: 'BOOKED',
  };
  const clear = planned.filter(
    (a) => a.clinicianIndex !== 0 || a.endsAt <= soon.startsAt || a.startsAt >= soon.endsAt,
  );
  return [...clear, soon].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
