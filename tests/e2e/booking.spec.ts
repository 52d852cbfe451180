// Booking at reception's speed, as reception would do it: a free slot chosen
// from the day grid with the keyboard, the patient found by typing three
// letters; a slot at dawn on a Perth patient's clock asked about first; a very
// long name that leaves the patients list usable; the patient's history.
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { expect, test, type Page } from '@playwright/test';

import { expectNoAxeViolations } from './axe';
import { clinicDate, demo, signIn, withDb } from './support';

const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');

/** Saved to docs/screenshots/ when SCREENSHOTS=1 (the figures in the docs), else to the test's output. */
async function shot(page: Page, name: string, fullPage = false) {
  const dir = process.env.SCREENSHOTS === '1' ? SCREENSHOTS : test.info().outputDir;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}

const tag = () => Date.now().toString(36);

async function insertPatient(p: {
  givenName: string;
  familyName: string;
  mobile: string;
  timezone?: string;
  dateOfBirth?: string;
}): Promise<string> {
  return withDb(async (c) => {
    const id = `e2e_book_${tag()}_${Math.random().toString(36).slice(2, 8)}`;
    await c.query(
      `INSERT INTO "Patient" (id, "clinicId", "givenName", "familyName", mobile, timezone, "dateOfBirth", "updatedAt")
       SELECT $1, id, $2, $3, $4, $5, $6::date, now() FROM "Clinic" LIMIT 1`,
      [id, p.givenName, p.familyName, p.mobile, p.timezone ?? 'Australia/Sydney', p.dateOfBirth ?? null],
    );
    return id;
  });
}

async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 30; i++) {
    const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (text === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${name}"`);
}

test('reception picks a free slot in the day grid and finds the patient by typing three letters, keyboard only', async ({
  page,
}) => {
  const family = `Keyboard${tag()}`;
  const patientId = await insertPatient({
    givenName: 'Zephyrine',
    familyName: family,
    mobile: '+61491570141',
    dateOfBirth: '1985-04-07',
  });
  const day = clinicDate(15);
  await signIn(page, demo.reception);

  await page.goto(`/appointments?view=day&date=${day}`);
  const grid = page.getByRole('table', { name: /Day grid for/ });
  await expect(grid).toBeVisible();
  await expectNoAxeViolations(page);

  // Arrow keys move through a clinician's column; Enter opens the booking for that slot.
  await grid.getByRole('link', { name: 'Book with Dr Maya Chen at 10:00 am' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(grid.getByRole('link', { name: 'Book with Dr Maya Chen at 10:15 am' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/appointments\/new\?/);
  await expect(page.getByLabel('Clinician')).toHaveValue(/.+/);
  await expect(page.getByLabel('Clinician').locator('option:checked')).toHaveText('Dr Maya Chen');
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue(day);
  await expect(page.getByLabel('Start time')).toHaveValue('10:15');

  // Three letters of the given name, then Enter on the one match.
  const patient = page.getByRole('combobox', { name: 'Patient' });
  await patient.focus();
  await page.keyboard.type('Zep');
  const option = page.getByRole('option', { name: new RegExp(family) });
  await expect(option).toBeVisible();
  await expect(patient).toHaveAttribute('aria-expanded', 'true');
  await expect(patient).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  await expect(page.getByRole('status').filter({ hasText: 'patient found' })).toHaveText(/^1 patient found/);
  await expectNoAxeViolations(page);
  await shot(page, '41-booking-combobox');
  await page.keyboard.press('Enter');
  await expect(patient).toHaveValue(`${family}, Zephyrine`);
  await expect(patient).toHaveAttribute('aria-expanded', 'false');

  await tabTo(page, 'Book appointment');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Appointment booked.')).toBeVisible();

  const booked = await withDb(async (c) => {
    const { rows } = await c.query<{ local: string; clinician: string }>(
      `SELECT to_char(("startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Australia/Sydney', 'YYYY-MM-DD HH24:MI') AS local,
              cl."givenName" AS clinician
         FROM "Appointment" a JOIN "Clinician" cl ON cl.id = a."clinicianId" WHERE a."patientId" = $1`,
      [patientId],
    );
    return rows;
  });
  expect(booked).toEqual([{ local: `${day} 10:15`, clinician: 'Maya' }]);

  // The booking now sits in the grid as a block, and the week grid passes axe too.
  await page.goto(`/appointments?view=day&date=${day}`);
  await expect(page.getByRole('link', { name: new RegExp(`Zephyrine ${family}`) }).first()).toBeVisible();
  // The demo diary's busiest day, for a grid with more in it, checked by axe as well.
  const busiest = await withDb(async (c) => {
    const { rows } = await c.query<{ day: string }>(
      `SELECT to_char(("startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Australia/Sydney', 'YYYY-MM-DD') AS day
         FROM "Appointment" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    return rows[0]!.day;
  });
  await page.goto(`/appointments?view=day&date=${busiest}`);
  await expectNoAxeViolations(page);
  await shot(page, '40-day-grid', true);
  await page.goto(`/appointments?view=week&date=${busiest}`);
  await expect(page.getByRole('table', { name: /Week grid/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, '43-week-grid');
});

test("a slot before 7 am on a Perth patient's clock is asked about, and booked only once confirmed", async ({
  page,
}) => {
  const family = `Perthtest${tag()}`;
  const patientId = await insertPatient({
    givenName: 'Olivia',
    familyName: family,
    mobile: '+61491570142',
    timezone: 'Australia/Perth',
  });
  const day = clinicDate(16);
  await signIn(page, demo.reception);
  const clinicianId = await withDb(
    async (c) =>
      (await c.query<{ id: string }>(`SELECT id FROM "Clinician" WHERE "givenName" = 'Maya'`)).rows[0]!.id,
  );
  await page.goto(`/appointments/new?patient=${patientId}&clinician=${clinicianId}&date=${day}&time=07:05`);
  await expect(page.getByRole('combobox', { name: 'Patient' })).toHaveValue(`${family}, Olivia`);
  await page.getByRole('button', { name: 'Book appointment' }).click();

  // 7:05 am in Sydney is 4:05 am in Perth in summer (5:05 am in winter).
  const warning = page.getByRole('alert').filter({ hasText: 'Book anyway?' });
  await expect(warning).toContainText(/This is [45]:05 am for Olivia in Perth\. Book anyway\?/);
  const count = () =>
    withDb(
      async (c) =>
        (await c.query('SELECT 1 FROM "Appointment" WHERE "patientId" = $1', [patientId])).rowCount ?? 0,
    );
  expect(await count()).toBe(0);
  // Nothing typed was lost.
  await expect(page.getByLabel('Start time')).toHaveValue('07:05');
  await expectNoAxeViolations(page);
  await shot(page, '44-booking-patient-clock-warning');

  await warning.getByRole('button', { name: 'Book anyway' }).click();
  await expect(page.getByText('Appointment booked.')).toBeVisible();
  expect(await count()).toBe(1);
});

test('a 100-character name leaves the mobile column on screen in the patients list at 1280 px', async ({
  page,
}) => {
  const prefix = `Longname${tag()}`;
  const family = prefix + 'x'.repeat(100 - prefix.length);
  await insertPatient({ givenName: 'Wilhelmina', familyName: family, mobile: '+61491570143' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, demo.reception);
  await page.goto(`/patients?q=${prefix}`);

  const table = page.getByRole('table');
  const mobile = table.getByRole('cell', { name: '0491 570 143' });
  await expect(mobile).toBeVisible();
  const box = (await mobile.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
  // The name is cut short on screen and whole in its tooltip.
  await expect(table.locator(`[title^="${family}, Wilhelmina"]`)).toBeVisible();
  const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(scrolls).toBe(false);
  await expectNoAxeViolations(page);
});

test("the patient page shows the patient's history: attendance, messages and their fate, replies, consent", async ({
  page,
}) => {
  const family = `Historytest${tag()}`;
  const patientId = await insertPatient({ givenName: 'Harper', familyName: family, mobile: '+61491570144' });
  await withDb(async (c) => {
    const { rows } = await c.query<{ id: string }>(`SELECT id FROM "Clinician" WHERE "givenName" = 'Maya'`);
    const appointmentId = `${patientId}_a`;
    await c.query(
      `INSERT INTO "Appointment" (id, "clinicianId", "patientId", "startsAt", "endsAt", kind, status, "updatedAt")
       VALUES ($1, $2, $3, now() - interval '3 days', now() - interval '3 days' + interval '50 minutes', 'TELEHEALTH', 'COMPLETED', now())`,
      [appointmentId, rows[0]!.id, patientId],
    );
    await c.query(
      `INSERT INTO "VideoSession" (id, "appointmentId", "patientSeconds", "clinicianSeconds", "jointSeconds",
         "medicareTimeBand", "audioOnly", "attendanceComputedAt", attendance, "updatedAt")
       VALUES ($1, $2, 2880, 3000, 2820, 'FROM_20_UNDER_50_MIN', false, now(),
         jsonb_build_object('participants', jsonb_build_array(jsonb_build_object('role', 'PATIENT', 'intervals',
           jsonb_build_array(jsonb_build_object(
             'joinedAt', to_char((now() - interval '3 days' + interval '2 minutes') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
             'leftAt', to_char((now() - interval '3 days' + interval '50 minutes') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))))),
         now())`,
      [`${patientId}_v`, appointmentId],
    );
    await c.query(
      `INSERT INTO "Reminder" (id, "appointmentId", "patientId", source, "offsetMinutes", "requestedAt", "dueAt", status, "sentAt", "updatedAt")
       VALUES ($1, $2, $3, 'POLICY', 1440, now() - interval '4 days', now() - interval '4 days', 'DELIVERED', now() - interval '4 days', now())`,
      [`${patientId}_r`, appointmentId, patientId],
    );
    await c.query(
      `INSERT INTO "ReminderMessage" (id, "reminderId", channel, status, "toAddress", "fromAddress", "claimToken", "updatedAt")
       VALUES ($1, $2, 'SMS', 'DELIVERED', '+61491570144', '+61400000000', 't', now())`,
      [`${patientId}_m`, `${patientId}_r`],
    );
    await c.query(
      `INSERT INTO "InboundReply" (id, "messageSid", channel, "fromAddress", "patientId", "appointmentId", intent, body, "receivedAt")
       VALUES ($1, $1, 'SMS', '+61491570144', $2, $3, 'CONFIRM', 'Yes see you then', now() - interval '3 days 20 hours')`,
      [`SM${patientId}`, patientId, appointmentId],
    );
  });
  await signIn(page, demo.reception);
  await page.goto(`/patients/${patientId}`);
  // A consent change made here shows in the history too.
  await page.getByLabel('Agrees to appointment messages').check();
  await page.getByLabel('How consent was given').selectOption('VERBAL');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByText(/^Saved\. Changed:/)).toBeVisible();

  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toContainText('Changed consent to appointment messages, how consent was given');
  await expect(history).toContainText('Medicare time band');
  await expect(history).toContainText('20 to under 50 minutes');
  await expect(history).toContainText('48 connected, 47 with the clinician');
  await expect(history).toContainText('Clinic policy about the appointment on');
  await expect(history).toContainText('Sent by SMS: delivered');
  await expect(history).toContainText('Confirmed the appointment by SMS');
  await expect(history).toContainText('Times are in the clinic’s timezone (Australia/Sydney)');
  await expectNoAxeViolations(page);
  await history.scrollIntoViewIfNeeded();
  await shot(page, '42-patient-history');
});
