// The reminders integration tests' world: the Twilio emulator in-process, the
// portal's two message webhooks served over HTTP (so the emulator's signed
// callbacks reach the real route handlers), the env pointing at both, and rows
// for clinics, patients, appointments and reminders.
import { randomBytes } from 'node:crypto';

import { expect } from 'vitest';

import { POST as inboundRoute } from '@/app/api/twilio/messages/inbound/route';
import { POST as statusRoute } from '@/app/api/twilio/messages/status/route';
import { db } from '@/lib/db/client';
import type { MessageChannel } from '@/lib/db/generated/enums';
import { forgetReminderConfig } from '@/lib/reminders/templates/get-reminder-config';
import { createTwilioClient, type TwilioClient } from '@/lib/twilio/client';
import { startTwilioEmulator, type TwilioEmulator } from '@/scripts/twilio-emulator';

import { eventually as poll } from './eventually';
import { pointPortalAtEmulator } from './portal-env';
import { startRouteServer, type RouteServer } from './route-server';
import { createAppointmentRow, createUser } from './scheduling-fixtures';

export const creds = {
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  authToken: '0123456789abcdef0123456789abcdef',
  apiKey: 'SK0123456789abcdef0123456789abcdef',
  apiSecret: 'a-long-enough-api-key-secret-for-tests',
  smsFrom: '+61480000001',
  whatsappNumber: '+61480000002',
};
export const WHATSAPP_FROM = `whatsapp:${creds.whatsappNumber}`;
export const CONTENT_SID = `HX${'ab12'.repeat(8)}`;

export interface ReminderHarness {
  emulator: TwilioEmulator;
  routes: RouteServer;
  client(timeoutMs?: number): TwilioClient;
  stop(): Promise<void>;
}

export async function startReminderHarness(
  options: { messageStepMs?: number } = {},
): Promise<ReminderHarness> {
  const routes = await startRouteServer({
    '/api/twilio/messages/status': statusRoute,
    '/api/twilio/messages/inbound': inboundRoute,
  });
  const emulator = await startTwilioEmulator({
    port: 0,
    accountSid: creds.accountSid,
    authToken: creds.authToken,
    apiKeys: [{ sid: creds.apiKey, secret: creds.apiSecret }],
    phoneNumbers: [creds.smsFrom],
    whatsappSenders: [WHATSAPP_FROM],
    messageStepMs: options.messageStepMs ?? 15,
    callbackBackoffMs: 20,
  });
  pointPortalAtEmulator(
    creds,
    {
      emulatorUrl: emulator.url,
      appUrl: routes.url,
      authSecret: 'integration-test-auth-secret-0123456789abcdef',
    },
    {
      LOG_LEVEL: 'warn',
      TWILIO_PHONE_NUMBER: creds.smsFrom,
      TWILIO_WHATSAPP_FROM: WHATSAPP_FROM,
      TWILIO_EMULATOR: '1',
    },
  );
  return {
    emulator,
    routes,
    client: (timeoutMs = 5000) =>
      createTwilioClient({
        accountSid: creds.accountSid,
        apiKey: creds.apiKey,
        apiSecret: creds.apiSecret,
        emulatorUrl: emulator.url,
        timeoutMs,
      }),
    async stop() {
      await emulator.stop();
      await routes.close();
    },
  };
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A clinic whose two templates map to an approved WhatsApp template. */
export async function createReminderClinic(
  options: {
    timezone?: string;
    contentSid?: string | null;
    offsetsMinutes?: number[];
    whatsappEnabled?: boolean;
  } = {},
) {
  const clinic = await db().clinic.create({
    data: {
      name: `Harbourside Test ${unique()}`,
      timezone: options.timezone ?? 'Australia/Sydney',
      contactPhone: '02 9000 0000',
      contactEmail: 'hello@clinic.example',
    },
  });
  const contentSid = options.contentSid === undefined ? CONTENT_SID : options.contentSid;
  await db().reminderTemplate.createMany({
    data: [
      {
        clinicId: clinic.id,
        kind: 'TELEHEALTH',
        smsBody:
          '{clinic}: telehealth {date} at {time}. Join: {link} Reply C to confirm, R to reschedule. {optout}',
        whatsappContentSid: contentSid,
      },
      {
        clinicId: clinic.id,
        kind: 'IN_PERSON',
        smsBody: '{clinic}: appointment {date} at {time}. Reply C to confirm, R to reschedule. {optout}',
        whatsappContentSid: contentSid,
      },
    ],
  });
  if (options.offsetsMinutes || options.whatsappEnabled === false) {
    await db().reminderSettings.create({
      data: {
        clinicId: clinic.id,
        offsetsMinutes: options.offsetsMinutes ?? [1440, 120],
        whatsappEnabled: options.whatsappEnabled ?? true,
      },
    });
  }
  forgetReminderConfig(clinic.id);
  return clinic;
}

let mobileSeq = Number.parseInt(randomBytes(2).toString('hex'), 16) % 5000;

/** A valid Australian mobile not used by any other test in this file. */
export function nextMobile(): string {
  mobileSeq += 1;
  return `+6141${String(mobileSeq).padStart(7, '0')}`;
}

export async function createPatient(
  clinicId: string,
  options: {
    mobile?: string;
    consent?: boolean;
    whatsapp?: boolean;
    preferredChannel?: MessageChannel;
    smsOptOut?: boolean;
    whatsappOptOut?: boolean;
    timezone?: string;
  } = {},
) {
  const consent = options.consent ?? true;
  return db().patient.create({
    data: {
      clinicId,
      givenName: 'Pat',
      familyName: `Reminder${unique()}`,
      mobile: options.mobile ?? nextMobile(),
      timezone: options.timezone ?? 'Australia/Sydney',
      preferredChannel: options.preferredChannel ?? 'WHATSAPP',
      messagingConsentAt: consent ? new Date('2026-01-01T00:00:00Z') : null,
      messagingConsentMethod: consent ? 'VERBAL' : null,
      whatsappConsent: consent && (options.whatsapp ?? true),
      smsOptOutAt: options.smsOptOut ? new Date('2026-02-01T00:00:00Z') : null,
      whatsappOptOutAt: options.whatsappOptOut ? new Date('2026-02-01T00:00:00Z') : null,
    },
  });
}

export async function createClinician(clinicId: string) {
  const user = await createUser(clinicId, 'CLINICIAN');
  return user.clinicianId!;
}

// Appointment rows are the scheduling fixtures'; the reminder tests take them from here too.
export { createAppointmentRow };

/** A reminder already due (the way the scheduler leaves it), without a queued job. */
export async function createDueReminder(appointmentId: string, patientId: string, dueAt = new Date()) {
  return db().reminder.create({
    data: {
      appointmentId,
      patientId,
      source: 'STAFF',
      offsetMinutes: 60,
      requestedAt: dueAt,
      dueAt,
      status: 'SCHEDULED',
      events: { create: { type: 'SCHEDULED' } },
    },
  });
}

/** Everything one test needs: clinic, clinician, a patient, an appointment and a due reminder. */
export async function reminderScenario(
  clinicId: string,
  clinicianId: string,
  patient: Parameters<typeof createPatient>[1] = {},
  appointment: Parameters<typeof createAppointmentRow>[2] = {},
) {
  const p = await createPatient(clinicId, patient);
  const a = await createAppointmentRow(clinicianId, p.id, appointment);
  const r = await createDueReminder(a.id, p.id);
  return { patient: p, appointment: a, reminder: r };
}

export async function reminderState(reminderId: string) {
  return db().reminder.findUniqueOrThrow({
    where: { id: reminderId },
    include: {
      messages: { orderBy: { claimedAt: 'asc' } },
      events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
    },
  });
}

/** Waits until the reminder is delivered (by callbacks or the worker) and returns its state then. */
export function deliveredState(reminderId: string, timeoutMs?: number) {
  return eventually(async () => {
    const state = await reminderState(reminderId);
    expect(state.status).toBe('DELIVERED');
    return state;
  }, timeoutMs);
}

/** Twilio takes the next message to this number, then reports it `status` with `errorCode`. */
export function failNextMessageTo(
  h: ReminderHarness,
  mobile: string,
  status: 'undelivered' | 'failed',
  errorCode: number,
): void {
  h.emulator.setMessageOutcome({ to: mobile, status, errorCode, times: 1 });
}

/** Polls until check() passes, every 50 ms for up to 10 s (a worker's polling is slower than a callback). */
export function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  return poll(check, timeoutMs, 50);
}
