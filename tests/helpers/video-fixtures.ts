// Rows and services for the video integration tests: a clinic with a
// clinician, a staff member and a patient; telehealth appointments at times
// relative to now; the local Twilio emulator with the portal's env pointed at
// it; and a small HTTP server that hands the emulator's status callbacks to the
// real route handler, as Twilio would reach it in production.
import { NextRequest } from 'next/server';

import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import type { AppointmentKind, AppointmentStatus, UserRole } from '@/lib/db/generated/enums';
import { startTwilioEmulator, type TwilioEmulator } from '@/scripts/twilio-emulator';

import { pointPortalAtEmulator } from './portal-env';
import { startRouteServer, type RouteHandler } from './route-server';

import { twilioTestCredentials } from './twilio-test-credentials';

export { eventually } from './eventually';
export { twilioTestCredentials };

export const CALLBACK_PATH = '/api/appointments/twilio-status-callback/';
export const MIN = 60_000;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export type VideoWorld = {
  clinicId: string;
  clinician: SessionUser;
  otherClinician: SessionUser;
  staff: SessionUser;
  admin: SessionUser;
  patientId: string;
};

async function makeUser(clinicId: string, role: UserRole): Promise<SessionUser> {
  const user = await db().user.create({
    data: {
      clinicId,
      email: `${role.toLowerCase()}.${unique()}@example.test`,
      name: `Test ${role.toLowerCase()}`,
      role,
      passwordHash: 'not-a-real-hash',
      ...(role === 'CLINICIAN'
        ? { clinician: { create: { givenName: 'Test', familyName: 'Clinician' } } }
        : {}),
    },
    include: { clinician: { select: { id: true } } },
  });
  // A real signed-in session: staff event streams re-check it while they are open.
  const session = await db().authSession.create({
    data: {
      id: `test-session-${unique()}`,
      userId: user.id,
      mfaPending: false,
      expiresAt: new Date(Date.now() + 12 * 60 * MIN),
    },
  });
  return {
    id: user.id,
    clinicId,
    role,
    name: user.name,
    email: user.email,
    clinicianId: user.clinician?.id ?? null,
    sessionId: session.id,
  };
}

export async function createVideoWorld(): Promise<VideoWorld> {
  const clinic = await db().clinic.create({
    data: { name: `Video clinic ${unique()}`, timezone: 'Australia/Sydney' },
  });
  const patient = await db().patient.create({
    data: { clinicId: clinic.id, givenName: 'Pat', familyName: `Video${unique()}`, mobile: '+61491570156' },
  });
  return {
    clinicId: clinic.id,
    clinician: await makeUser(clinic.id, 'CLINICIAN'),
    otherClinician: await makeUser(clinic.id, 'CLINICIAN'),
    staff: await makeUser(clinic.id, 'STAFF'),
    admin: await makeUser(clinic.id, 'ADMIN'),
    patientId: patient.id,
  };
}

/** A 50-minute appointment starting `startsInMinutes` from now (negative: already started). */
export async function createAppointment(
  world: VideoWorld,
  options: {
    startsInMinutes?: number;
    kind?: AppointmentKind;
    status?: AppointmentStatus;
    minutes?: number;
  } = {},
): Promise<string> {
  const startsAt = new Date(Math.floor((Date.now() + (options.startsInMinutes ?? 0) * MIN) / 1000) * 1000);
  const appointment = await db().appointment.create({
    data: {
      clinicianId: world.clinician.clinicianId!,
      patientId: world.patientId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + (options.minutes ?? 50) * MIN),
      kind: options.kind ?? 'TELEHEALTH',
      status: options.status ?? 'BOOKED',
    },
  });
  return appointment.id;
}

export type VideoTestServices = {
  emulator: TwilioEmulator;
  /** The portal's public base URL in these tests (where the callback server listens). */
  appUrl: string;
  callbackUrl: string;
  stop(): Promise<void>;
};

/**
 * Starts the emulator and a callback server, and points the portal's env at
 * both. `handler` is the route's POST export (imported by the test file).
 */
export async function startVideoServices(
  handler: RouteHandler,
  options: { minuteMs?: number } = {},
): Promise<VideoTestServices> {
  const routes = await startRouteServer({ [CALLBACK_PATH]: handler });
  const appUrl = routes.url;
  const callbackUrl = `${appUrl}${CALLBACK_PATH}`;

  const emulator = await startTwilioEmulator({
    accountSid: twilioTestCredentials.accountSid,
    authToken: twilioTestCredentials.authToken,
    apiKeys: [{ sid: twilioTestCredentials.apiKey, secret: twilioTestCredentials.apiSecret }],
    minuteMs: options.minuteMs ?? 60_000,
    callbackBackoffMs: 20,
  });
  pointPortalAtEmulator(
    twilioTestCredentials,
    { emulatorUrl: emulator.url, appUrl, authSecret: 'video-tests-auth-secret-0123456789abcdef' },
    { TWILIO_STATUS_CALLBACK_URL: callbackUrl },
  );

  return {
    emulator,
    appUrl,
    callbackUrl,
    async stop() {
      await emulator.stop();
      await routes.close();
    },
  };
}

/** A JSON POST to a route handler export, the way Next would call it. */
export function jsonRequest(
  url: string,
  options: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): NextRequest {
  return new NextRequest(url, {
    method: options.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}
