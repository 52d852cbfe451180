import { expect, test, type Page } from '@playwright/test';

import { expectNoAxeViolations } from './axe';
import { clinicDate, demo, signIn, withDb } from './support';

// ACMA's range for fiction: not used by the other specs.
const E164 = '+61491570143';
const TZ = 'Australia/Sydney';

/** With E2E_SCREENSHOTS=1 (not in CI runs): the new sections into docs/screenshots/. */
async function screenshot(page: Page, region: string, name: string) {
  if (!process.env.E2E_SCREENSHOTS) return;
  await page.getByRole('region', { name: region }).screenshot({ path: `docs/screenshots/${name}.png` });
}

type OutboxMessage = { to: string; body: string | null; dateCreated: string };

async function outboxTo(e164: string): Promise<OutboxMessage[]> {
  const res = await fetch(`${process.env.E2E_EMULATOR_URL}/__emulator/messages`);
  const all = (await res.json()) as OutboxMessage[];
  return all
    .filter((m) => m.to.replace(/^whatsapp:/, '') === e164)
    .sort((a, b) => a.dateCreated.localeCompare(b.dateCreated));
}

/** "Sat 19 Dec": the day as the messages write it (ASCII, patient's clock). */
function messageDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const noon = new Date(Date.UTC(y, m - 1, d, 1));
  const weekday = new Intl.DateTimeFormat('en-AU', { timeZone: TZ, weekday: 'short' }).format(noon);
  const month = new Intl.DateTimeFormat('en-AU', { timeZone: TZ, month: 'short' }).format(noon);
  return `${weekday.replace('.', '')} ${d} ${month.replace('.', '')}`;
}

/** A telehealth patient who agreed to messages (not WhatsApp: SMS is their one channel), booked at 10:00. */
async function bookTelehealth(day: string): Promise<{ appointmentId: string; family: string }> {
  const family = `Noticepatient${Date.now().toString(36)}`;
  return withDb(async (c) => {
    const { rows: clinic } = await c.query<{ id: string }>(`SELECT "id" FROM "Clinic" LIMIT 1`);
    const { rows: clinician } = await c.query<{ id: string }>(
      `SELECT c."id" FROM "Clinician" c JOIN "User" u ON u."id" = c."userId" WHERE u."email" = $1`,
      [demo.clinician],
    );
    const patientId = `e2e_notice_p_${Date.now().toString(36)}`;
    await c.query(
      `INSERT INTO "Patient" ("id", "clinicId", "givenName", "familyName", "mobile", "timezone",
         "preferredChannel", "messagingConsentAt", "messagingConsentMethod", "whatsappConsent", "updatedAt")
       VALUES ($1, $2, 'Alex', $3, $4, $5, 'WHATSAPP', now(), 'VERBAL', false, now())`,
      [patientId, clinic[0]!.id, family, E164, TZ],
    );
    const appointmentId = `e2e_notice_a_${Date.now().toString(36)}`;
    await c.query(
      `INSERT INTO "Appointment" ("id", "clinicianId", "patientId", "startsAt", "endsAt", "kind", "status", "updatedAt")
       VALUES ($1, $2, $3, ($4::timestamp AT TIME ZONE $5), ($4::timestamp AT TIME ZONE $5) + interval '50 minutes',
               'TELEHEALTH', 'BOOKED', now())`,
      [appointmentId, clinician[0]!.id, patientId, `${day} 10:00`, TZ],
    );
    return { appointmentId, family };
  });
}

/** Reloads until the timeline's notice number `index` (oldest first) reads `fate`. */
async function waitForNotice(page: Page, index: number, fate: RegExp) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('timeline-notice').nth(index).getByTestId('notice-fate')).toHaveText(fate);
  }).toPass({ timeout: 45_000, intervals: [1000, 2000] });
}

test('reception reschedules a telehealth appointment then cancels it: the patient gets exactly two notices, at the right clinic times, the link unchanged', async ({
  page,
}) => {
  test.setTimeout(180_000);

  // Admin: no quiet hours for this run, which may start at any hour (the quiet-hours rule is
  // covered by tests/integration/reminders-change-notices.test.ts); the clinic's phone is the seed's.
  await signIn(page, demo.admin);
  await page.goto('/admin/reminders');
  await page.getByLabel('Quiet hours start').fill('00:00');
  await page.getByLabel('Quiet hours end').fill('00:00');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByText('Reminder policy saved.')).toBeVisible();
  // The change notices' templates are edited here too, and the page passes axe.
  const moved = page.getByRole('region', { name: /Moved: telehealth/ });
  await expect(moved.getByTestId('moved-telehealth-preview')).toContainText('has moved to');
  await expectNoAxeViolations(page);
  await screenshot(page, 'Change notices', '31-change-notice-templates');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const day = clinicDate(16);
  const { appointmentId } = await bookTelehealth(day);

  // Reception moves it from 10:00 to 11:30 the same day; "Notify the patient" is ticked by default.
  await signIn(page, demo.reception);
  await page.goto(`/appointments/${appointmentId}`);
  const reschedule = page.getByRole('region', { name: 'Reschedule' });
  await expect(reschedule.getByLabel('Notify the patient')).toBeChecked();
  await reschedule.getByLabel('Start time').fill('11:30');
  await reschedule.getByRole('button', { name: 'Reschedule' }).click();
  await expect(page.getByText('Appointment moved to the new time.')).toBeVisible();
  await expect(page.getByTestId('timeline-change').last()).toContainText('patient to be notified');

  // The notice goes after its short wait (5 s in this build), by SMS, the patient's only channel.
  await waitForNotice(page, 0, /^Sent by SMS/);
  await expectNoAxeViolations(page);

  // Then cancels it, confirming in the dialog.
  const cancel = page.getByRole('region', { name: 'Cancel this appointment' });
  await expect(cancel.getByLabel('Notify the patient')).toBeChecked();
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel the appointment' }).click();
  await expect(page.getByText('Appointment cancelled.')).toBeVisible();
  await waitForNotice(page, 1, /^Sent by SMS/);
  await page
    .getByTestId('timeline-notice')
    .nth(1)
    .getByText(/Its steps/)
    .click();
  await screenshot(page, 'Timeline', '30-appointment-timeline');

  // The patient's phone holds exactly the two notices, each with the time on the clinic's clock.
  const sent = await outboxTo(E164);
  expect(sent.map((m) => m.body)).toHaveLength(2);
  const movedText = sent[0]?.body ?? '';
  const cancelledText = sent[1]?.body ?? '';
  expect(movedText).toContain(`moved to ${messageDay(day)} at 11:30 am AE`);
  expect(cancelledText).toContain(`on ${messageDay(day)} at 11:30 am AE`);
  expect(cancelledText).toContain('is cancelled');
  expect(cancelledText).toContain('+61255501234');
  expect(cancelledText).not.toContain('/join/');
  expect(`${movedText} ${cancelledText}`).not.toContain('Alex');

  // The move kept the one join link the patient already had (none was replaced).
  const link = /https?:\/\/\S+\/join\/\S+/.exec(movedText)?.[0];
  expect(link).toBeTruthy();
  const links = await withDb(async (c) => {
    const { rows } = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "JoinLink" l JOIN "VideoSession" s ON s."id" = l."sessionId"
       WHERE s."appointmentId" = $1`,
      [appointmentId],
    );
    return rows[0]!.n;
  });
  expect(links).toBe(1);

  // The development outbox shows them on the clinic's clock, zone named.
  await page.goto('/dev/outbox');
  const rows = page.getByRole('row').filter({ hasText: E164 });
  await expect(rows).toHaveCount(2);
  await expect(rows.first().getByRole('cell').first()).toHaveText(/\d{1,2}:\d{2} (am|pm) AE[DS]T$/);
  await expectNoAxeViolations(page);
});
