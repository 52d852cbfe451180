// The clinician's side: the dashboard's live waiting list (message, let in,
// guest link), the video room (controls, end for everyone, no-show) and the
// attendance from Twilio's status callbacks, with the patient's page in the
// same browser context so the two meet in the twilio-video stand-in. Runs
// against the test build (VIDEO_TEST_BUILD=1).
import { devices, expect, test, type Page } from '@playwright/test';

import {
  checkInToWaitingRoom,
  createTelehealthAppointment,
  demo,
  emulator,
  expectNoAxeViolations,
  joinPath,
  makeJoinLink,
  staffContext,
  standIn,
  standInConfig,
  standInConnects,
} from './video-support';
import { withDb } from './support';

const MIN = 60_000;
const PHONE_VIEWPORT = { width: 390, height: 844 };

async function patientToWaitingRoom(patient: Page, link: string) {
  await patient.goto(joinPath(link));
  await checkInToWaitingRoom(patient);
}

test('the clinician sees the patient waiting, messages and lets them in, runs the call, ends it for everyone and sees attendance', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const appointment = await createTelehealthAppointment({ startsInMs: 3 * MIN });
  const context = await staffContext(browser, demo.clinician);
  const clinician = await context.newPage();
  const link = await makeJoinLink(clinician, appointment.id);

  // The dashboard lists today's telehealth sessions, live.
  await clinician.goto('/dashboard');
  const list = clinician.getByRole('region', { name: /Telehealth today/ });
  const item = list.getByTestId('waiting-item').filter({ hasText: appointment.patientName });
  await expect(item).toContainText('Not arrived');
  await list.getByRole('button', { name: /Turn on arrival alerts/ }).click();
  await expect(list.getByRole('button', { name: /Arrival alerts on/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  const patient = await context.newPage();
  await patient.setViewportSize(PHONE_VIEWPORT);
  await patientToWaitingRoom(patient, link);

  // The arrival shows on the dashboard by itself, in words.
  await expect(item).toContainText('Waiting to be let in');
  await expect(clinician.getByRole('heading', { name: /Telehealth today · \d+ waiting/ })).toBeVisible();

  // A message from the dashboard reaches the patient.
  await item.getByLabel('Message to the waiting patient').fill('I will be with you in a minute.');
  await item.getByRole('button', { name: 'Show message' }).click();
  await expect(patient.getByText('I will be with you in a minute.')).toBeVisible();

  // A guest link can be made from the list.
  await item.getByRole('button', { name: /Invite a guest/ }).click();
  await expect(item.getByText(/\/join\/gl_/)).toBeVisible();

  // The clinician's room: device check, then start.
  await item.getByRole('link', { name: 'Open the video room' }).click();
  await expect(clinician.getByRole('heading', { name: /Video session with Robin/ })).toBeVisible();
  await clinician.getByRole('button', { name: 'Turn on camera and microphone' }).click();
  await expect(clinician.getByLabel('Your camera preview')).toBeVisible();
  await clinician.getByRole('button', { name: 'Start the video session' }).click();
  await expect(clinician.getByRole('heading', { name: 'In the call' })).toBeVisible();
  await expect(clinician.getByText('Robin is in the waiting room.')).toBeVisible();

  // A guest was invited, so the clinician connected with the multiparty settings.
  const [clinicianConnect] = await standInConnects(clinician);
  expect(clinicianConnect!.identity).toMatch(/^clinician:/);
  expect(clinicianConnect!.options).toMatchObject({
    region: 'au1',
    preferredVideoCodecs: [{ codec: 'VP8', simulcast: true }],
    bandwidthProfile: { video: { mode: 'collaboration', dominantSpeakerPriority: 'high' } },
  });

  // Let in from the banner; the patient joins from their tap.
  await clinician.getByRole('alert').getByRole('button', { name: 'Let Robin in' }).click();
  await expect(patient.getByText('Maya is ready for you.')).toBeVisible();
  await patient.getByRole('button', { name: 'Join the call' }).click();

  // Both see each other; the dominant speaker is marked in words; network quality in words.
  await expect(clinician.getByRole('figure').filter({ hasText: 'Robin' })).toBeVisible();
  await expect(patient.getByRole('figure').filter({ hasText: 'Maya' })).toBeVisible();
  await expect(
    clinician.getByRole('figure').filter({ hasText: 'Robin' }).getByText('Speaking'),
  ).toBeVisible();
  await expect(clinician.getByText('Connection: good').first()).toBeAttached();
  await expect(clinician.getByLabel('Robin’s camera')).toBeVisible();
  await expectNoAxeViolations(patient, 'join: in the call with the clinician');

  // Controls: mute and camera reach the other side as Twilio's events.
  await clinician.getByRole('button', { name: 'Mute' }).click();
  await expect(patient.getByText('Maya’s microphone is off')).toBeVisible();
  await clinician.getByRole('button', { name: 'Unmute' }).click();
  await expect(patient.getByText('Maya’s microphone is off')).toHaveCount(0);
  await clinician.getByRole('button', { name: 'Turn camera off' }).click();
  await expect(patient.getByRole('figure').filter({ hasText: 'Maya' }).getByText('Camera off')).toBeVisible();
  await clinician.getByRole('button', { name: 'Turn camera on' }).click();
  await expect(patient.getByLabel('Maya’s camera')).toBeVisible();

  // Screen share (Chromium's fake capture answers the picker): the patient sees it beside the camera, until it stops.
  await clinician.getByRole('button', { name: 'Share screen' }).click();
  await expect(clinician.getByRole('button', { name: 'Stop sharing screen' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(patient.getByLabel('Maya’s shared screen')).toBeVisible();
  await expect(patient.getByLabel('Maya’s camera')).toBeVisible();
  await clinician.getByRole('button', { name: 'Stop sharing screen' }).click();
  await expect(patient.getByLabel('Maya’s shared screen')).toHaveCount(0);
  await expect(clinician.getByRole('button', { name: 'Share screen' })).toBeVisible();

  // Device switch and blur live in the settings.
  await clinician.getByText('Camera, microphone and background settings').click();
  await expect(clinician.getByLabel('Camera', { exact: true })).toBeVisible();
  await expect(clinician.getByLabel('Blur my background')).toBeVisible();

  // Reconnecting banner on the clinician's side too.
  await standIn(clinician, 'reconnecting');
  await expect(clinician.getByText('Your connection dropped. Reconnecting…')).toBeVisible();
  await standIn(clinician, 'reconnected');

  // Twilio's status callbacks (from the emulator, signed) record who was connected.
  const [patientConnect] = await standInConnects(patient);
  await emulator(`/rooms/${clinicianConnect!.room}/participants`, {
    identity: clinicianConnect!.identity,
    tracks: ['audio', 'video'],
  });
  await emulator(`/rooms/${clinicianConnect!.room}/participants`, {
    identity: patientConnect!.identity,
    tracks: ['audio', 'video'],
  });
  // However long a busy machine takes: the emulator answers once every callback is delivered.
  await emulator('/idle', {});

  // End for everyone: the patient's page says so; the clinician sees attendance.
  // It asks first, saying what will happen; Go back leaves the call as it was.
  await clinician.getByRole('button', { name: 'End session for everyone' }).click();
  const ask = clinician.getByRole('dialog', { name: 'End the session for everyone?' });
  await expect(ask).toContainText('the patient included, is disconnected');
  await expect(ask.getByRole('button', { name: 'Go back' })).toBeFocused();
  await ask.getByRole('button', { name: 'Go back' }).click();
  await expect(clinician.getByRole('heading', { name: 'In the call' })).toBeVisible();
  await clinician.getByRole('button', { name: 'End session for everyone' }).click();
  await ask.getByRole('button', { name: 'End the session' }).click();
  await expect(clinician.getByRole('heading', { name: 'Session ended for everyone' })).toBeVisible();
  await expect(patient.getByRole('heading', { name: 'Your session has ended' })).toBeVisible();
  await expectNoAxeViolations(patient, 'join: session ended');
  await expect(clinician.getByTestId('attendance-patient')).toHaveText(/\d+ s|\d+ min/, { timeout: 20_000 });
  await expect(clinician.getByTestId('attendance-joint')).toHaveText(/\d+ s|\d+ min/);

  await context.close();
});

test('a patient who never arrives is marked as a no-show from the room, and their link then says so', async ({
  browser,
}) => {
  const appointment = await createTelehealthAppointment({ startsInMs: -10 * MIN });
  const context = await staffContext(browser, demo.clinician);
  const clinician = await context.newPage();
  const link = await makeJoinLink(clinician, appointment.id);
  await clinician.goto(`/appointments/${appointment.id}/room`);
  await expect(clinician.getByTestId('room-waiting-status')).toHaveText('Not arrived');
  await clinician.getByRole('button', { name: 'Mark as no-show' }).click();
  await clinician
    .getByRole('dialog', { name: 'Mark this appointment as a no-show?' })
    .getByRole('button', { name: 'Mark as no-show' })
    .click();
  await expect(clinician.getByText('Marked as a no-show.').first()).toBeVisible();
  const patient = await context.newPage();
  await patient.setViewportSize(PHONE_VIEWPORT);
  await patient.goto(joinPath(link));
  await expect(patient.getByRole('heading', { name: 'This appointment has been closed' })).toBeVisible();
  await context.close();
});

test('on a phone: tap to hear, camera off while the page is hidden, and a second tab replaces the first (53205)', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const appointment = await createTelehealthAppointment({ startsInMs: 3 * MIN });
  const context = await staffContext(browser, demo.clinician, { userAgent: devices['Pixel 7'].userAgent });
  const clinician = await context.newPage();
  const link = await makeJoinLink(clinician, appointment.id);
  await clinician.goto(`/appointments/${appointment.id}/room`);
  await clinician.getByRole('button', { name: 'Turn on camera and microphone' }).click();
  await clinician.getByRole('button', { name: 'Start the video session' }).click();
  await expect(clinician.getByRole('heading', { name: 'In the call' })).toBeVisible();

  const patient = await context.newPage();
  await patient.setViewportSize(PHONE_VIEWPORT);
  await standInConfig(patient, { blockAutoplay: true });
  await patientToWaitingRoom(patient, link);
  await clinician.getByRole('alert').getByRole('button', { name: 'Let Robin in' }).click();
  await patient.getByRole('button', { name: 'Join the call' }).click();

  // The browser held back the clinician's sound: one tap plays it.
  await expect(patient.getByRole('button', { name: 'Tap to hear' })).toBeVisible();
  await patient.getByRole('button', { name: 'Tap to hear' }).click();
  await expect(patient.getByRole('button', { name: 'Tap to hear' })).toHaveCount(0);

  // The patient's page goes to the background: their camera is unpublished, and comes back after.
  await expect(clinician.getByLabel('Robin’s camera')).toBeVisible();
  const setVisibility = (state: 'hidden' | 'visible') =>
    patient.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  await expect(
    clinician.getByRole('figure').filter({ hasText: 'Robin' }).getByText('Camera off'),
  ).toBeVisible();
  await setVisibility('visible');
  await expect(clinician.getByLabel('Robin’s camera')).toBeVisible();

  // The same patient joins from a second tab: the first is told, and can take the call back.
  const second = await context.newPage();
  await second.setViewportSize(PHONE_VIEWPORT);
  await second.goto(joinPath(link));
  await second.getByRole('button', { name: 'Check my camera and sound' }).click();
  await second.getByRole('button', { name: 'Turn on camera and microphone' }).click();
  await second.getByRole('button', { name: 'Continue' }).click();
  await second.getByRole('button', { name: 'Join the call' }).click();
  await expect(patient.getByRole('heading', { name: 'You joined from somewhere else' })).toBeVisible();
  await expectNoAxeViolations(patient, 'join: replaced by another tab');
  await context.close();
});

test('a guest (interpreter) joins from a one-use link, straight into the call, and can come back on the same browser', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const appointment = await createTelehealthAppointment({ startsInMs: 3 * MIN });
  const context = await staffContext(browser, demo.clinician);
  const clinician = await context.newPage();
  await makeJoinLink(clinician, appointment.id);
  await clinician.goto(`/appointments/${appointment.id}/room`);
  await clinician.getByRole('button', { name: /Invite a guest/ }).click();
  const guestLink = (await clinician.locator('code', { hasText: '/join/gl_' }).textContent())!.trim();
  await clinician.getByRole('button', { name: 'Turn on camera and microphone' }).click();
  await clinician.getByRole('button', { name: 'Start the video session' }).click();
  await expect(clinician.getByRole('heading', { name: 'In the call' })).toBeVisible();

  const guest = await context.newPage();
  await guest.setViewportSize(PHONE_VIEWPORT);
  await guest.goto(joinPath(guestLink));
  await expect(guest.getByRole('heading', { level: 1 })).toHaveText('Join a video session with Maya');
  await expectNoAxeViolations(guest, 'join: guest first screen');
  await guest.getByRole('button', { name: 'Check my camera and sound' }).click();
  await guest.getByRole('button', { name: 'Turn on camera and microphone' }).click();
  await guest.getByRole('button', { name: 'Continue' }).click();
  // No consent form and no waiting room for a guest.
  await guest.getByRole('button', { name: 'Join the call' }).click();
  await expect(clinician.getByRole('figure').filter({ hasText: 'Guest' })).toBeVisible();
  const [guestConnect] = await standInConnects(guest);
  expect(guestConnect!.identity).toMatch(/^guest:/);

  // The link is used up, but this browser holds the key it was exchanged for.
  await guest.reload();
  await expect(guest.getByText('With Maya at Harbourside')).toBeVisible();
  await expectNoAxeViolations(guest, 'join: guest back with the rejoin key');
  await guest.getByRole('button', { name: 'Check my camera and sound' }).click();
  await guest.getByRole('button', { name: 'Turn on camera and microphone' }).click();
  await guest.getByRole('button', { name: 'Continue' }).click();
  await guest.getByRole('button', { name: 'Join the call' }).click();
  await expect(guest.getByRole('heading', { name: 'In your session with Maya' })).toBeVisible();

  // Anyone else opening the used link is told so.
  const other = await browser.newPage();
  await other.goto(`${new URL(clinician.url()).origin}${joinPath(guestLink)}`);
  await expect(other.getByRole('heading', { name: 'This link doesn’t work' })).toBeVisible();
  await expect(other.getByText('This guest link has already been used')).toBeVisible();
  await other.close();
  await context.close();
});

test('reception sends the join link by SMS from the appointment page, and is told why when the patient has not agreed to messages', async ({
  browser,
}) => {
  const appointment = await createTelehealthAppointment({ startsInMs: 20 * MIN });
  const context = await staffContext(browser, demo.reception);
  const staff = await context.newPage();
  const link = await makeJoinLink(staff, appointment.id);
  const panel = staff.getByRole('region', { name: 'Video session' });

  // The test patient has not agreed to messages: nothing is sent, and the panel says why.
  await panel.getByRole('button', { name: 'Send link to patient' }).click();
  await expect(panel.getByText(/not agreed to appointment messages.*another way/)).toBeVisible();

  await withDb((c) =>
    c.query(
      `UPDATE "Patient" SET "messagingConsentAt" = now(), "messagingConsentMethod" = 'VERBAL',
              "preferredChannel" = 'SMS', "updatedAt" = now() WHERE id = $1`,
      [appointment.patientId],
    ),
  );
  await panel.getByRole('button', { name: 'Send link to patient' }).click();
  await expect(panel.getByText('Sending the link to the patient by SMS.', { exact: false })).toBeVisible();

  // The worker sends it once, with the link staff see; the reminders panel follows it.
  await expect
    .poll(async () => {
      const outbox = (await emulator('/messages')) as Array<{ to: string; body: string | null }>;
      return outbox.filter((m) => m.to === '+61491570199' && m.body?.includes(link)).length;
    })
    .toBe(1);
  await expect(async () => {
    await staff.reload();
    await expect(
      staff
        .getByRole('region', { name: 'Reminders' })
        .locator('[data-testid="reminder-item"][data-reminder-source="JOIN_LINK"] [data-reminder-status]'),
    ).toHaveText(/Sent|Delivered/);
  }).toPass({ timeout: 30_000, intervals: [500, 1000] });
  await context.close();
});
