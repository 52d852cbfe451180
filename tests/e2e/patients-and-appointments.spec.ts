import { expect, test } from '@playwright/test';

import { clinicDate, demo, signIn, withDb } from './support';

test('reception creates a patient, is told a landline will not do, then books, reschedules and cancels', async ({
  page,
}) => {
  const family = `Testpatient${Date.now().toString(36)}`;
  await signIn(page, demo.reception);

  // A patient with a landline is refused with a clear message and nothing is lost.
  await page.goto('/patients/new');
  await page.getByLabel('Given name').fill('Sam');
  await page.getByLabel('Family name').fill(family);
  await page.getByLabel('Mobile').fill('02 9999 0000');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(
    page.getByText('This looks like a landline; reminders need a mobile number').first(),
  ).toBeVisible();
  await expect(page.getByLabel('Family name')).toHaveValue(family);
  expect(
    await withDb(
      async (c) => (await c.query('SELECT 1 FROM "Patient" WHERE "familyName" = $1', [family])).rowCount,
    ),
  ).toBe(0);

  // A mobile in any everyday format is stored in E.164.
  await page.getByLabel('Mobile').fill('0491 570 121');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page).toHaveURL(/\/patients\/[^/]+\?saved=created/);
  const patient = await withDb(async (c) => {
    const { rows } = await c.query<{ id: string; mobile: string }>(
      'SELECT id, mobile FROM "Patient" WHERE "familyName" = $1',
      [family],
    );
    return rows[0]!;
  });
  expect(patient.mobile).toBe('+61491570121');
  const audit = await withDb(async (c) =>
    (
      await c.query<{ action: string }>('SELECT action FROM "AuditLog" WHERE "patientId" = $1 ORDER BY at', [
        patient.id,
      ])
    ).rows.map((r) => r.action),
  );
  expect(audit).toEqual(expect.arrayContaining(['CREATE', 'READ']));

  // Book a telehealth session two weeks out, clear of the demo diary.
  const day = clinicDate(14);
  await page.goto(`/appointments/new?patient=${patient.id}`);
  await page.getByLabel('Clinician').selectOption({ label: 'Dr Maya Chen' });
  await page.getByLabel('Date', { exact: true }).fill(day);
  await page.getByLabel('Start time').fill('12:00');
  await page.getByLabel('Duration (minutes)').fill('50');
  await page.getByLabel('Type').selectOption({ label: 'Telehealth (video)' });
  await page.getByRole('button', { name: 'Book appointment' }).click();
  await expect(page.getByText('Appointment booked.')).toBeVisible();
  const appointmentUrl = page.url();

  // Reschedule to 13:30 on the same day.
  await page.getByLabel('Start time').fill('13:30');
  await page.getByRole('button', { name: 'Reschedule' }).click();
  await expect(page.getByText('Appointment moved to the new time.')).toBeVisible();
  const startsAt = await withDb(async (c) => {
    const { rows } = await c.query<{ local: string }>(
      `SELECT to_char(("startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Australia/Sydney', 'YYYY-MM-DD HH24:MI') AS local FROM "Appointment" WHERE "patientId" = $1`,
      [patient.id],
    );
    return rows[0]!.local;
  });
  expect(startsAt).toBe(`${day} 13:30`);

  // Cancel it: the dialog asks first, and "Keep it" keeps it.
  const cancel = page.getByRole('button', { name: 'Cancel appointment' });
  await cancel.click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this appointment?' });
  await expect(dialog).toContainText('The patient will be told by WhatsApp or SMS');
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog).toBeHidden();
  await expect(cancel).toBeFocused();
  await cancel.click();
  await dialog.getByRole('button', { name: 'Cancel the appointment' }).click();
  await expect(page.getByText('Appointment cancelled.')).toBeVisible();
  expect(page.url().split('?')[0]).toBe(appointmentUrl.split('?')[0]);
  const status = await withDb(
    async (c) =>
      (
        await c.query<{ status: string }>('SELECT status FROM "Appointment" WHERE "patientId" = $1', [
          patient.id,
        ])
      ).rows[0]!.status,
  );
  expect(status).toBe('CANCELLED');
});
