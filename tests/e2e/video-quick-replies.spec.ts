// Issue 12 on the patient's page and the clinician's dashboard: the link opened
// inside WhatsApp, focus moving to each step's heading, the too-early screen
// with its date and time, and a waiting patient's quick reply reaching the
// clinician's dashboard live. With SCREENSHOTS=1 the new screens are saved
// under docs/screenshots/.
import path from 'node:path';

import { expect, test, type Page } from '@playwright/test';

import { demo, withDb } from './support';
import {
  checkInToWaitingRoom,
  expectNoAxeViolations,
  joinPath,
  openOnPhone,
  telehealthWithLink,
} from './video-support';

const MIN = 60_000;
const IPHONE_WHATSAPP =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 WhatsApp/2.24.1.0';
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true };
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

async function shot(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  await page.screenshot({
    path: path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots', `${name}.png`),
    fullPage: true,
  });
}

test('a patient who opens the link inside WhatsApp is shown how to open it in Safari, and may carry on; focus follows each step', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { staff, link } = await telehealthWithLink(browser, demo.reception, 5 * MIN);

  const phone = await browser.newContext({ ...PHONE, userAgent: IPHONE_WHATSAPP });
  await phone.grantPermissions(['clipboard-read', 'clipboard-write']);
  const patient = await phone.newPage();
  await patient.goto(joinPath(link));

  // Before any device check: how to leave WhatsApp's browser, and the link to copy.
  const guidance = patient.getByRole('region', { name: 'Open this link in Safari' });
  await expect(guidance).toBeVisible();
  await expect(guidance.getByText('You opened the link inside WhatsApp.')).toBeVisible();
  await expect(guidance.getByText('Tap “Open in Safari”', { exact: false })).toBeVisible();
  await expect(patient.getByRole('button', { name: 'Check my camera and sound' })).toHaveCount(0);
  await expectNoAxeViolations(patient, 'join: inside WhatsApp');
  await shot(patient, '12-join-in-app-browser');
  await guidance.getByRole('button', { name: 'Copy link' }).click();
  await expect(guidance.getByText('Copied')).toBeVisible();
  expect(await patient.evaluate(() => navigator.clipboard.readText())).toBe(patient.url());

  // Trying here anyway: each new step's heading takes focus, so a screen reader announces it.
  await guidance.getByRole('button', { name: 'Try here anyway' }).click();
  await expect(patient.getByRole('heading', { name: 'Get ready' })).toBeFocused();
  await patient.getByRole('button', { name: 'Check my camera and sound' }).click();
  await expect(patient.getByRole('heading', { name: 'Check your camera and sound' })).toBeFocused();
  await patient.getByRole('button', { name: 'Turn on camera and microphone' }).click();
  await patient.getByRole('button', { name: 'Continue' }).click();
  await expect(patient.getByRole('heading', { name: 'Before you join' })).toBeFocused();
  await patient.getByLabel('I agree to have this appointment with Maya by video.').check();
  await patient.getByLabel('In Australia').check();
  await patient.getByRole('button', { name: 'Agree and continue' }).click();
  await expect(patient.getByRole('heading', { name: 'Waiting room' })).toBeFocused();
  await phone.close();
  await staff.context().close();
});

test('an ordinary browser goes straight to the device check, without the in-app guidance', async ({
  browser,
}) => {
  const { staff, link } = await telehealthWithLink(browser, demo.reception, 5 * MIN);
  const { phone, patient } = await openOnPhone(browser, link, { ...PHONE, userAgent: ANDROID_CHROME });
  await expect(patient.getByRole('button', { name: 'Check my camera and sound' })).toBeVisible();
  await expect(patient.getByText('Open this link in')).toHaveCount(0);
  await phone.close();
  await staff.context().close();
});

test('too early by days: the date, time and zone, when joining opens, no countdown, and the clinic to call', async ({
  browser,
}) => {
  const startsAt = new Date(Date.now() + 2 * 24 * 60 * MIN + 3 * 60 * MIN);
  const { staff, link } = await telehealthWithLink(browser, demo.reception, startsAt.getTime() - Date.now());
  const { phone, patient } = await openOnPhone(browser, link, { ...PHONE, userAgent: ANDROID_CHROME });
  const early = patient.getByRole('region', { name: 'You’re early' });
  await expect(early).toBeVisible();
  const perth = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-AU', { timeZone: 'Australia/Perth', ...options });
  const day = perth({ weekday: 'long', day: 'numeric', month: 'long' }).format(startsAt).replace(',', '');
  await expect(early).toContainText(`Your appointment is on ${day} at `);
  await expect(early).toContainText('(Perth time). You can join from ');
  await expect(early).not.toContainText('That’s in');
  await expect(early).not.toContainText('hours');
  const phoneLink = early.getByRole('link', { name: /\d/ });
  if (await phoneLink.count()) await expect(phoneLink).toHaveAttribute('href', /^tel:\+?\d+$/);
  await expectNoAxeViolations(patient, 'join: too early by days');
  await shot(patient, '08-join-too-early');
  await phone.close();
  await staff.context().close();
});

test('a waiting patient’s quick reply reaches the clinician’s dashboard live, once per half minute', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { appointment, staff: clinician, link } = await telehealthWithLink(browser, demo.clinician, 5 * MIN);

  const { phone, patient } = await openOnPhone(browser, link, { ...PHONE, userAgent: ANDROID_CHROME });
  await checkInToWaitingRoom(patient);

  // The clinician's dashboard is open before the reply is sent: it must arrive without a reload.
  await clinician.goto('/dashboard');
  const item = clinician.getByTestId('waiting-item').filter({ hasText: appointment.patientName });
  await expect(item).toContainText('Waiting to be let in');
  await expect(item).not.toContainText('In the call');

  const replies = patient.getByRole('group', { name: 'Let Maya know' });
  await replies.getByRole('button', { name: 'Running 5 minutes late' }).click();
  await expect(patient.getByText(/^Sent to Maya at \d{1,2}:\d{2} [ap]m\.$/)).toBeVisible();
  await expect(item.getByTestId('quick-replies')).toContainText('“Running 5 minutes late”');
  await expect(item.getByTestId('quick-replies')).toContainText(/\d{1,2}:\d{2}\s?[ap]m/i);
  const stored = await withDb(async (c) => {
    const { rows } = await c.query<{ reply: string }>(
      `SELECT r.reply::text AS reply FROM "WaitingRoomReply" r JOIN "VideoSession" s ON s.id = r."sessionId"
        WHERE s."appointmentId" = $1`,
      [appointment.id],
    );
    return rows.map((r) => r.reply);
  });
  expect(stored).toEqual(['RUNNING_LATE']);
  await expectNoAxeViolations(patient, 'join: quick reply sent');
  await expectNoAxeViolations(clinician, 'dashboard: quick reply');
  await shot(patient, '13-join-quick-replies');
  await shot(clinician, '14-dashboard-quick-reply');

  // A second reply straight away is held back, in words the patient can act on.
  await replies.getByRole('button', { name: 'I’ll phone the clinic' }).click();
  await expect(
    patient.getByText(/Your clinician has your last reply\. You can send another in \d+ seconds?\./),
  ).toBeVisible();
  await expect(item.getByTestId('quick-replies')).not.toContainText('I’ll phone the clinic');
  await phone.close();
  await clinician.context().close();
});

test('the appointment page shows when the link was first opened and offers a no-show when the patient never joined', async ({
  browser,
}) => {
  const { appointment, staff, link } = await telehealthWithLink(browser, demo.reception, -20 * MIN);
  const panel = staff.getByRole('region', { name: 'Video session' });
  await expect(panel.getByTestId('link-uses')).toHaveText('Not used yet.');

  const { phone, patient } = await openOnPhone(browser, link, { ...PHONE, userAgent: ANDROID_CHROME });
  await expect(patient.getByRole('button', { name: 'Check my camera and sound' })).toBeVisible();

  await staff.reload();
  await expect(panel.getByTestId('link-uses')).toContainText(/First opened: \d{1,2}:\d{2} [ap]m/);
  await expect(panel.getByText('Not used yet.')).toHaveCount(0);
  await expect(panel.getByText('The patient has not joined.', { exact: false })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Mark as no-show' })).toBeVisible();
  // Only offered: the appointment is still booked until someone says otherwise.
  const status = await withDb(async (c) => {
    const { rows } = await c.query<{ status: string }>(
      `SELECT status::text FROM "Appointment" WHERE id = $1`,
      [appointment.id],
    );
    return rows[0]!.status;
  });
  expect(status).toBe('BOOKED');
  await expectNoAxeViolations(staff, 'appointment: video panel with link uses and no-show offer');
  await shot(staff, '15-appointment-link-uses-no-show');
  await phone.close();
  await staff.context().close();
});
