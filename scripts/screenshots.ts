// Screenshots of the patient's join flow at phone size (390×844), plus the
// clinician's dashboard and room, taken from the real pages into
// docs/screenshots/. Starts the same stack as the end-to-end tests (fresh
// database, Twilio emulator, the `npm start` server on the test build) and drives
// Debian's Chromium with its fake camera and microphone. The call itself needs
// the test build (Twilio cannot be reached from here):
//
//   npm run screenshots
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { chromium, devices, type Page } from '@playwright/test';

import { chromiumLaunchOptions } from '../tests/e2e/chromium-launch';
import globalSetup from '../tests/e2e/global-setup';
import { demo, signIn } from '../tests/e2e/support';
import { createTelehealthAppointment } from '../tests/e2e/video-support';

const out = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots');
const PHONE = { width: 390, height: 844 };
const MIN = 60_000;

async function shot(page: Page, name: string, fullPage = true) {
  await page.waitForTimeout(400); // let focus rings and live regions settle
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage });
  console.log(`  docs/screenshots/${name}.png`);
}

async function makeLink(staff: Page, appointmentId: string): Promise<string> {
  await staff.goto(`/appointments/${appointmentId}`);
  const panel = staff.getByRole('region', { name: 'Video session' });
  const remake = panel.getByRole('button', { name: 'Make a new link' });
  if (await remake.isVisible()) {
    staff.once('dialog', (d) => void d.accept());
    await remake.click();
    await panel.getByText('New link made.').waitFor();
  } else {
    await panel.getByRole('button', { name: 'Make a link' }).click();
  }
  const code = panel.locator('code').first();
  await code.getByText('/join/').waitFor();
  return new URL((await code.textContent())!.trim()).pathname;
}

async function main() {
  mkdirSync(out, { recursive: true });
  process.env.E2E_PORT ??= '3180';
  const teardown = await globalSetup();
  const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
    const clinician = await context.newPage();
    await signIn(clinician, demo.clinician);
    const appointment = await createTelehealthAppointment({ startsInMs: 4 * MIN });
    const link = await makeLink(clinician, appointment.id);

    const patient = await context.newPage();
    await patient.setViewportSize(PHONE);
    await patient.goto(link);
    await shot(patient, '01-join-welcome');
    await patient.getByRole('button', { name: 'Check my camera and sound' }).click();
    await patient.getByRole('button', { name: 'Turn on camera and microphone' }).click();
    await patient.getByLabel('Your camera preview').waitFor();
    await patient.getByRole('button', { name: 'Test my connection' }).click();
    await patient.getByText(/Your connection is|isn’t available/).waitFor();
    await shot(patient, '02-join-device-check');
    await patient.getByRole('button', { name: 'Continue' }).click();
    await shot(patient, '03-join-consent');
    await patient.getByLabel(/I agree to have this appointment/).check();
    await patient.getByLabel('In Australia').check();
    await patient.getByRole('button', { name: 'Agree and continue' }).click();
    await patient.getByText('knows you’re here').waitFor();

    await clinician.goto('/dashboard');
    const item = clinician.getByTestId('waiting-item').filter({ hasText: appointment.patientName });
    await item.getByText('Waiting to be let in').waitFor();
    await item
      .getByLabel('Message to the waiting patient')
      .fill('Hello Robin, I’ll be with you in two minutes.');
    await item.getByRole('button', { name: 'Show message' }).click();
    await patient.getByText('I’ll be with you in two minutes.').waitFor();
    await shot(patient, '04-join-waiting-room');
    await shot(clinician, '10-dashboard-patient-waiting', false);

    await item.getByRole('link', { name: 'Open the video room' }).click();
    await clinician.getByRole('button', { name: 'Turn on camera and microphone' }).click();
    await clinician.getByRole('button', { name: 'Start the video session' }).click();
    await clinician
      .getByRole('alert')
      .getByRole('button', { name: /Let .* in/ })
      .click();
    await patient.getByRole('button', { name: 'Join the call' }).waitFor();
    await shot(patient, '05-join-admitted');
    await patient.getByRole('button', { name: 'Join the call' }).click();
    await patient
      .getByLabel('Maya’s camera')
      .waitFor({ timeout: 15_000 })
      .catch(() => {});
    await shot(patient, '06-join-in-call');
    await clinician
      .getByLabel('Robin’s camera')
      .waitFor({ timeout: 15_000 })
      .catch(() => {});
    await shot(clinician, '11-clinician-room', false);

    // Guidance: blocked camera on Android, too early, replaced link.
    const android = await browser.newContext({
      baseURL,
      viewport: PHONE,
      userAgent: devices['Pixel 7'].userAgent,
    });
    const blocked = await android.newPage();
    await blocked.addInitScript(() => {
      (window as unknown as { __videoStandInConfig: unknown }).__videoStandInConfig = {
        mediaError: 'NotAllowedError',
      };
    });
    await blocked.goto(link);
    await blocked.getByRole('button', { name: 'Check my camera and sound' }).click();
    await blocked.getByRole('button', { name: 'Turn on camera and microphone' }).click();
    await blocked.getByText('The camera and microphone are blocked').waitFor();
    await shot(blocked, '07-join-camera-blocked');

    const early = await createTelehealthAppointment({ startsInMs: 40 * MIN });
    const earlyLink = await makeLink(clinician, early.id);
    const earlyPage = await android.newPage();
    await earlyPage.goto(earlyLink);
    await earlyPage.getByText('You’re early').waitFor();
    await shot(earlyPage, '08-join-too-early');

    await makeLink(clinician, early.id);
    await earlyPage.goto(earlyLink);
    await earlyPage.getByText('This link has been replaced').waitFor();
    await shot(earlyPage, '09-join-link-replaced');
  } finally {
    await browser.close();
    await teardown();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
