// The patient's side of a telehealth session on a phone-sized screen: the
// first screen, the device check, consent, the waiting room, admission and the
// call, and every page of guidance. Runs against the test build
// (VIDEO_TEST_BUILD=1), where twilio-video's connect is the stand-in in
// tests/e2e/stand-ins; everything else is the product's own.
import { devices, expect, test, type Page } from '@playwright/test';

import { demo } from './support';
import {
  createTelehealthAppointment,
  expectNoAxeViolations,
  joinPath,
  makeJoinLink,
  openOnPhone,
  setAppointmentStatus,
  staffPage,
  standIn,
  standInConfig,
  standInConnects,
  telehealthWithLink,
} from './video-support';

const PHONE = {
  viewport: { width: 390, height: 844 },
  userAgent: devices['Pixel 7'].userAgent,
  hasTouch: true,
};
const MIN = 60_000;

async function startDeviceCheck(patient: Page) {
  await patient.getByRole('button', { name: 'Check my camera and sound' }).click();
  await patient.getByRole('button', { name: 'Turn on camera and microphone' }).click();
}

test('the patient checks their devices, consents, waits, hears from the clinician, is admitted and joins', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { appointment, staff, link } = await telehealthWithLink(browser, demo.clinician, 5 * MIN);

  const { phone, patient } = await openOnPhone(browser, link, PHONE);

  // First screen: clinic, clinician's first name, time in the patient's timezone; no account, no install.
  await expect(patient.getByRole('heading', { level: 1 })).toHaveText('Your video appointment with Maya');
  await expect(patient.getByText('Harbourside', { exact: false }).first()).toBeVisible();
  await expect(patient.getByText('(Perth time)')).toBeVisible();
  await expect(patient.getByText('No account or app needed')).toBeVisible();
  await expectNoAxeViolations(patient, 'join: first screen');

  // Device check: preview, blur on by default, level meter, test sound, devices, connection test.
  await startDeviceCheck(patient);
  await expect(patient.getByRole('heading', { name: 'Check your camera and sound' })).toBeVisible();
  await expect(patient.getByLabel('Your camera preview')).toBeVisible();
  await expect(patient.getByLabel('Blur my background')).toBeChecked();
  await expect(patient.locator('meter#mic-level')).toBeVisible();
  await patient.getByRole('button', { name: 'Play a test sound' }).click();
  await expect(patient.getByText(/Playing a chime|could not play/)).toBeVisible();
  await expect(patient.getByLabel('Camera', { exact: true })).toBeVisible();
  await expect(patient.getByLabel('Microphone', { exact: true })).toBeVisible();
  await patient.getByRole('button', { name: 'Test my connection' }).click();
  await expect(patient.getByText('Your connection is good.')).toBeVisible();
  await expectNoAxeViolations(patient, 'join: device check');
  await patient.getByRole('button', { name: 'Continue' }).click();

  // Consent: errors are named and tied to their fields; then saved.
  await patient.getByRole('button', { name: 'Agree and continue' }).click();
  await expect(patient.getByText('Please tick the box to agree to a video session.').first()).toBeVisible();
  await expect(
    patient.getByText('Please tell us whether you are in Australia right now.').first(),
  ).toBeVisible();
  await expectNoAxeViolations(patient, 'join: consent with errors');
  await patient.getByLabel('I agree to have this appointment with Maya by video.').check();
  await patient.getByLabel('In Australia').check();
  await patient.getByRole('button', { name: 'Agree and continue' }).click();

  // Waiting room: the clinician knows; no call yet.
  await expect(patient.getByText('Maya knows you’re here.')).toBeVisible();
  await expect(patient.getByRole('button', { name: /Join the call/ })).toHaveCount(0);
  expect(await standInConnects(patient)).toEqual([]);
  await expectNoAxeViolations(patient, 'join: waiting room');

  // The clinician's message arrives live.
  await staff.goto(`/appointments/${appointment.id}`);
  const panel = staff.getByRole('region', { name: 'Video session' });
  await panel
    .getByLabel('Message to the waiting patient')
    .fill('Running two minutes late, thank you for waiting.');
  await panel.getByRole('button', { name: 'Show message' }).click();
  await expect(patient.getByText('Running two minutes late, thank you for waiting.')).toBeVisible();

  // Admission: a Join button appears (connect() runs from that tap, never by itself).
  await panel.getByRole('button', { name: 'Let the patient in' }).click();
  await expect(patient.getByText('Maya is ready for you.')).toBeVisible();
  await expectNoAxeViolations(patient, 'join: admitted');
  await patient.getByRole('button', { name: 'Join the call' }).click();
  await expect(patient.getByRole('heading', { name: 'In your session with Maya' })).toBeVisible();
  await expect(patient.getByText('Connected. Waiting for Maya to join…')).toBeVisible();

  // Connected with Twilio's recommended settings for two people, signalling in au1.
  const [connected] = await standInConnects(patient);
  expect(connected!.identity).toMatch(/^patient:/);
  expect(connected!.room).toMatch(/^RM/);
  expect(connected!.options).toMatchObject({
    region: 'au1',
    preferredVideoCodecs: [{ codec: 'VP8', simulcast: false }],
    bandwidthProfile: { video: { mode: 'grid' } },
    networkQuality: { local: 1, remote: 1 },
    dominantSpeaker: true,
  });
  expect(connected!.options).not.toHaveProperty('maxAudioBitrate');
  await expectNoAxeViolations(patient, 'join: in the call');

  // Mute, and the words say so.
  await patient.getByRole('button', { name: 'Mute' }).click();
  await expect(patient.getByText('You are muted: nobody can hear you.')).toBeVisible();
  await patient.getByRole('button', { name: 'Unmute' }).click();

  // Reconnecting banner comes and goes.
  await standIn(patient, 'reconnecting');
  await expect(patient.getByText('Your connection dropped. Reconnecting…')).toBeVisible();
  await standIn(patient, 'reconnected');
  await expect(patient.getByText('Your connection dropped. Reconnecting…')).toHaveCount(0);

  // A drop (53001) is explained, and one tap rejoins with a fresh token.
  await standIn(patient, 53001);
  await expect(patient.getByRole('heading', { name: 'You were disconnected' })).toBeVisible();
  await expect(patient.getByRole('heading', { name: 'Your connection dropped' })).toBeVisible();
  await expectNoAxeViolations(patient, 'join: disconnected');
  await patient.getByRole('button', { name: 'Join again' }).click();
  await expect(patient.getByRole('heading', { name: 'In your session with Maya' })).toBeVisible({
    timeout: 15_000,
  });
  expect(await standInConnects(patient)).toHaveLength(2);

  // Leaving is plain, and going back is one tap.
  await patient.getByRole('button', { name: 'Leave call' }).click();
  await expect(patient.getByRole('heading', { name: 'You have left the call' })).toBeVisible();

  await phone.close();
  await staff.context().close();
});

test('audio only is one tap away, and the call then sends no camera', async ({ browser }) => {
  const { appointment, staff, link } = await telehealthWithLink(browser, demo.clinician, 5 * MIN);
  const { phone, patient } = await openOnPhone(browser, link, PHONE);
  await patient.getByRole('button', { name: 'Check my camera and sound' }).click();
  await patient.getByRole('button', { name: 'Use sound only (no camera)' }).click();
  await expect(patient.getByText('Camera off: you will join with sound only.')).toBeVisible();
  await patient.getByRole('button', { name: 'Continue' }).click();
  await patient.getByLabel('I agree to have this appointment with Maya by video.').check();
  await patient.getByLabel('Outside Australia').check();
  await patient.getByRole('button', { name: 'Agree and continue' }).click();
  await expect(patient.getByText('Maya knows you’re here.')).toBeVisible();
  await staff.goto(`/appointments/${appointment.id}`);
  await staff.getByRole('button', { name: 'Let the patient in' }).click();
  await patient.getByRole('button', { name: 'Join the call (sound only)' }).click();
  await expect(patient.getByText('Camera off').first()).toBeVisible();
  await expect(patient.getByRole('button', { name: 'Turn camera on' })).toBeVisible();
  await phone.close();
  await staff.context().close();
});

test.describe('guidance when the link cannot take the patient in', () => {
  test('a link that is not ours', async ({ page }) => {
    await page.setViewportSize(PHONE.viewport);
    const response = await page.goto('/join/jl_doesnotexist.bm90LWEtc2lnbmF0dXJl');
    // Video pages, and only they, may reach Twilio's signalling and compile the blur's WebAssembly.
    const csp = response!.headers()['content-security-policy']!;
    expect(csp).toContain('wss://au1.vss.twilio.com');
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(response!.headers()['referrer-policy']).toBe('no-referrer');
    const signIn = await page.request.get('/sign-in');
    expect(signIn.headers()['content-security-policy']).not.toContain('twilio');
    await expect(page.getByRole('heading', { name: 'We couldn’t open this link' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'This link doesn’t work' })).toBeVisible();
    await expectNoAxeViolations(page, 'join: not recognised');
  });

  test('a replaced link, a cancelled appointment and an expired link', async ({ browser }) => {
    const staff = await staffPage(browser, demo.reception);
    const appointment = await createTelehealthAppointment({ startsInMs: 5 * MIN });
    const first = await makeJoinLink(staff, appointment.id);
    const second = await makeJoinLink(staff, appointment.id);
    expect(second).not.toBe(first);
    const phone = await browser.newContext(PHONE);
    const patient = await phone.newPage();

    await patient.goto(joinPath(first));
    await expect(patient.getByRole('heading', { name: 'This link has been replaced' })).toBeVisible();
    await expectNoAxeViolations(patient, 'join: replaced');

    await setAppointmentStatus(appointment.id, 'CANCELLED');
    await patient.goto(joinPath(second));
    await expect(patient.getByRole('heading', { name: 'This appointment was cancelled' })).toBeVisible();
    await expectNoAxeViolations(patient, 'join: cancelled');

    const past = await createTelehealthAppointment({ startsInMs: -4 * 60 * MIN });
    const old = await makeJoinLink(staff, past.id);
    await patient.goto(joinPath(old));
    await expect(patient.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
    await expectNoAxeViolations(patient, 'join: expired');
    await phone.close();
    await staff.context().close();
  });

  test('too early: a countdown that moves on by itself', async ({ browser }) => {
    test.setTimeout(90_000);
    const staff = await staffPage(browser, demo.reception);
    // The waiting room opens 15 minutes before the start: here, in about 30 seconds.
    const appointment = await createTelehealthAppointment({ startsInMs: 15 * MIN + 30_000 });
    const link = await makeJoinLink(staff, appointment.id);
    const { phone, patient } = await openOnPhone(browser, link, PHONE);
    await expect(patient.getByRole('heading', { name: 'You’re early' })).toBeVisible();
    await expect(patient.getByText(/in \d+ seconds?/)).toBeVisible();
    await expectNoAxeViolations(patient, 'join: too early');
    // Meanwhile the patient can check and consent; the waiting room opens on its own.
    await startDeviceCheck(patient);
    await patient.getByRole('button', { name: 'Continue' }).click();
    await patient.getByLabel('I agree to have this appointment with Maya by video.').check();
    await patient.getByLabel('In Australia').check();
    await patient.getByRole('button', { name: 'Agree and continue' }).click();
    await expect(
      patient.getByText('The waiting room opens 15 minutes before your appointment.'),
    ).toBeVisible();
    await expect(patient.getByRole('heading', { name: 'You’re early' })).toHaveCount(0, { timeout: 45_000 });
    await expect(patient.getByText('Maya knows you’re here.')).toBeVisible();
    await phone.close();
    await staff.context().close();
  });

  for (const [error, heading, steps] of [
    ['NotAllowedError', 'The camera and microphone are blocked', 'In Chrome on Android:'],
    ['NotFoundError', 'No camera or microphone found', null],
    ['NotReadableError', 'The camera or microphone is busy', null],
  ] as const) {
    test(`camera and microphone: ${error}`, async ({ browser }) => {
      const staff = await staffPage(browser, demo.reception);
      const appointment = await createTelehealthAppointment({ startsInMs: 5 * MIN });
      const link = await makeJoinLink(staff, appointment.id);
      const phone = await browser.newContext(PHONE);
      const patient = await phone.newPage();
      await standInConfig(patient, { mediaError: error });
      await patient.goto(joinPath(link));
      await startDeviceCheck(patient);
      await expect(patient.getByRole('heading', { name: heading })).toBeVisible();
      if (steps) await expect(patient.getByText(steps)).toBeVisible();
      await expect(patient.getByRole('button', { name: 'Try again' })).toBeVisible();
      await expectNoAxeViolations(patient, `join: ${error}`);
      await phone.close();
      await staff.context().close();
    });
  }

  test('a browser that cannot make calls', async ({ browser }) => {
    const staff = await staffPage(browser, demo.reception);
    const appointment = await createTelehealthAppointment({ startsInMs: 5 * MIN });
    const link = await makeJoinLink(staff, appointment.id);
    const phone = await browser.newContext(PHONE);
    const patient = await phone.newPage();
    await patient.addInitScript(() => {
      delete (window as { RTCPeerConnection?: unknown }).RTCPeerConnection;
    });
    await patient.goto(joinPath(link));
    await expect(patient.getByRole('heading', { name: 'This browser can’t make video calls' })).toBeVisible();
    await expectNoAxeViolations(patient, 'join: unsupported browser');
    await phone.close();
    await staff.context().close();
  });
});
