import { expect, test, type Page } from '@playwright/test';

import { clinicDate, demo, signIn, withDb } from './support';

// ACMA's range for fiction; 0491 570 121 is used by the patients spec.
const MOBILE = '0491 570 131';
const E164 = '+61491570131';
const CONTENT_SID = `HX${'e2e0'.repeat(8)}`;

async function emulator(path: string, body: unknown) {
  const res = await fetch(`${process.env.E2E_EMULATOR_URL}/__emulator${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
}

/** The panel's reminder added by staff (STAFF) or resent (RESEND): there is one of each here. */
const reminderItem = (page: Page, source: 'STAFF' | 'RESEND') =>
  page
    .getByRole('region', { name: 'Reminders' })
    .locator(`[data-testid="reminder-item"][data-reminder-source="${source}"]`);

/** Reloads the appointment page until that reminder shows `status`. */
async function waitForReminder(page: Page, source: 'STAFF' | 'RESEND', status: string) {
  await expect(async () => {
    await page.reload();
    await expect(reminderItem(page, source).locator('[data-reminder-status]')).toHaveText(status);
  }).toPass({ timeout: 30_000, intervals: [500, 1000] });
}

test('admin sets the policy and templates; staff record consent, schedule a reminder, see it delivered, then see an SMS fallback', async ({
  page,
}) => {
  test.setTimeout(120_000);

  // Admin: no quiet hours for this run (it may run at any hour), and an approved WhatsApp template.
  await signIn(page, demo.admin);
  await page.goto('/admin/reminders');
  await page.getByLabel('Send reminders this many hours before').fill('24, 2');
  await page.getByLabel('Quiet hours start').fill('00:00');
  await page.getByLabel('Quiet hours end').fill('00:00');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByText('Reminder policy saved.')).toBeVisible();

  const inPerson = page.getByRole('region', { name: 'In-person appointments' });
  await expect(inPerson.getByTestId('in-person-segments')).toContainText('1 SMS segment');
  await inPerson
    .getByLabel('SMS text')
    .fill('{clinic}: see you {date} at {time} – reply C to confirm. {optout}');
  // The en dash is not GSM-7: the live preview says so and counts UCS-2.
  await expect(inPerson.getByTestId('in-person-segments')).toContainText('UCS-2');
  await inPerson
    .getByLabel('SMS text')
    .fill('{clinic}: see you {date} at {time}. Reply C to confirm, R to reschedule. {optout}');
  await expect(inPerson.getByTestId('in-person-segments')).toContainText('1 SMS segment · GSM-7');
  await inPerson.getByLabel('WhatsApp ContentSid').fill(CONTENT_SID);
  await inPerson.getByRole('button', { name: 'Save template' }).click();
  await expect(inPerson.getByText('Template saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // Reception: a patient who agrees to messages and to WhatsApp.
  const family = `Reminderpatient${Date.now().toString(36)}`;
  await signIn(page, demo.reception);
  await page.goto('/patients/new');
  await page.getByLabel('Given name').fill('Robin');
  await page.getByLabel('Family name').fill(family);
  await page.getByLabel('Mobile').fill(MOBILE);
  await page.getByLabel('Agrees to appointment messages').check();
  await page.getByLabel('How consent was given').selectOption('VERBAL');
  await page.getByLabel('Also agrees to WhatsApp messages').check();
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page).toHaveURL(/\/patients\/[^/]+\?saved=created/);
  const patientId = page.url().split('/patients/')[1]!.split('?')[0]!;

  // An in-person appointment three weeks out.
  await page.goto(`/appointments/new?patient=${patientId}`);
  await page.getByLabel('Clinician').selectOption({ label: 'Dr Maya Chen' });
  await page.getByLabel('Date', { exact: true }).fill(clinicDate(21));
  await page.getByLabel('Start time').fill('15:00');
  await page.getByLabel('Duration (minutes)').fill('50');
  await page.getByLabel('Type').selectOption({ label: 'In person' });
  await page.getByRole('button', { name: 'Book appointment' }).click();
  await expect(page.getByText('Appointment booked.')).toBeVisible();

  // The clinic's policy gave it two reminders, and the panel says how they will go.
  const panel = page.getByRole('region', { name: 'Reminders' });
  await expect(panel.getByTestId('reminder-item')).toHaveCount(2);
  await expect(panel.getByTestId('reminder-channels')).toContainText('WhatsApp');

  // Schedule one for now (clinic time), and watch it go out on WhatsApp and reach "Delivered".
  const nowLocal = await withDb(async (c) => {
    const { rows } = await c.query<{ v: string }>(
      `SELECT to_char(now() AT TIME ZONE 'Australia/Sydney', 'YYYY-MM-DD"T"HH24:MI') AS v`,
    );
    return rows[0]!.v;
  });
  await panel.getByLabel('Send a reminder at').fill(nowLocal);
  await panel.getByRole('button', { name: 'Add reminder' }).click();
  await expect(panel.getByText(/Reminder added/)).toBeVisible();
  await waitForReminder(page, 'STAFF', 'Delivered');
  const newest = reminderItem(page, 'STAFF');
  await newest.getByText(/Timeline/).click();
  await expect(newest.getByTestId('reminder-timeline')).toContainText('Sent by WhatsApp');
  await expect(newest.getByTestId('reminder-timeline')).toContainText('Delivered by WhatsApp');

  // WhatsApp now fails for this number (through its status callback): the reminder falls back to one SMS.
  await emulator('/message-outcomes', { to: E164, status: 'failed', errorCode: 63016, times: 1 });
  await page.getByRole('button', { name: 'Send a reminder now' }).click();
  await expect(page.getByText(/Reminder queued to send now/)).toBeVisible();
  await waitForReminder(page, 'RESEND', 'Delivered');
  const fallback = reminderItem(page, 'RESEND');
  // SMS after a WhatsApp failure is the one message labelled and counted as a fallback.
  await expect(fallback).toContainText('Fell back to SMS: delivered');
  await expect(fallback).toContainText('WhatsApp: failed — error 63016');
  await fallback.getByText(/Timeline/).click();
  await expect(fallback.getByTestId('reminder-timeline')).toContainText('Fell back to SMS');

  const outbox = (await (await fetch(`${process.env.E2E_EMULATOR_URL}/__emulator/messages`)).json()) as {
    to: string;
  }[];
  const ours = outbox.filter((m) => m.to.endsWith(E164));
  expect(ours.map((m) => m.to).sort()).toEqual([E164, `whatsapp:${E164}`, `whatsapp:${E164}`].sort());

  // The reminders page lists and counts them.
  await page.goto('/reminders?status=ALL');
  await expect(page.getByRole('link', { name: `Robin ${family}` }).first()).toBeVisible();
  const today = page.getByTestId('daily-summary').locator('tbody tr').first();
  await expect(today.locator('td').nth(4)).not.toHaveText('0');
});
