// Helpers for the video end-to-end specs: telehealth appointments at times
// relative to now (rows written directly, like a booking would), join links
// made through the staff page, an axe check, and the stand-in's controls.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

import { expectNoAxeViolations as expectAxe, WCAG_22_AA } from './axe';
import { demo, signIn, withDb } from './support';

export { demo };

const MIN = 60_000;
let counter = 0;

export type TestAppointment = { id: string; patientId: string; patientGiven: string; patientName: string };

/** A telehealth appointment with Dr Maya Chen for a new patient who lives in Perth. */
export async function createTelehealthAppointment(
  options: { startsInMs?: number; durationMinutes?: number; status?: string } = {},
): Promise<TestAppointment> {
  const startsAt = new Date(Date.now() + (options.startsInMs ?? 5 * MIN));
  const endsAt = new Date(startsAt.getTime() + (options.durationMinutes ?? 50) * MIN);
  const tag = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  const patientGiven = 'Robin';
  return withDb(async (c) => {
    const { rows: clinicians } = await c.query<{ id: string; clinicId: string }>(
      `SELECT cl.id, u."clinicId" FROM "Clinician" cl JOIN "User" u ON u.id = cl."userId" WHERE u.email = $1`,
      [demo.clinician],
    );
    const clinician = clinicians[0]!;
    const patientId = `e2e_pt_${tag}`;
    await c.query(
      `INSERT INTO "Patient" (id, "clinicId", "givenName", "familyName", mobile, timezone, "updatedAt")
       VALUES ($1, $2, $3, $4, '+61491570199', 'Australia/Perth', now())`,
      [patientId, clinician.clinicId, patientGiven, `Videotest${tag}`],
    );
    const id = `e2e_ap_${tag}`;
    await c.query(
      `INSERT INTO "Appointment" (id, "clinicianId", "patientId", "startsAt", "endsAt", kind, status, "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 'TELEHEALTH', $6, now())`,
      [id, clinician.id, patientId, startsAt, endsAt, options.status ?? 'BOOKED'],
    );
    return { id, patientId, patientGiven, patientName: `${patientGiven} Videotest${tag}` };
  });
}

export async function setAppointmentStatus(id: string, status: string) {
  await withDb((c) =>
    c.query(`UPDATE "Appointment" SET status = $2, "updatedAt" = now() WHERE id = $1`, [id, status]),
  );
}

// One sign-in per account per test run: a TOTP code works once, so signing the
// clinician in again within 30 seconds would fail. Later contexts reuse the cookies.
const signedIn = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();

/** A telehealth appointment `startsInMs` from now, and its join link made by `email` on the staff page. */
export async function telehealthWithLink(browser: Browser, email: string, startsInMs: number) {
  const appointment = await createTelehealthAppointment({ startsInMs });
  const staff = await staffPage(browser, email);
  const link = await makeJoinLink(staff, appointment.id);
  return { appointment, staff, link };
}

/** The patient's phone (a context of its own) with the join link open. */
export async function openOnPhone(
  browser: Browser,
  link: string,
  options: Parameters<Browser['newContext']>[0],
) {
  const phone = await browser.newContext(options);
  const patient = await phone.newPage();
  await patient.goto(joinPath(link));
  return { phone, patient };
}

/** From the join page's first screen through the device check and consent into the waiting room. */
export async function checkInToWaitingRoom(patient: Page) {
  await patient.getByRole('button', { name: 'Check my camera and sound' }).click();
  await patient.getByRole('button', { name: 'Turn on camera and microphone' }).click();
  await patient.getByRole('button', { name: 'Continue' }).click();
  await patient.getByLabel('I agree to have this appointment with Maya by video.').check();
  await patient.getByLabel('In Australia').check();
  await patient.getByRole('button', { name: 'Agree and continue' }).click();
  await expect(patient.getByText('Maya knows you’re here.')).toBeVisible();
}

/** A context signed in as this staff member (the clinician by default), with extra options. */
export async function staffContext(
  browser: Browser,
  email: string = demo.clinician,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  let state = signedIn.get(email);
  if (!state) {
    const first = await browser.newContext();
    await signIn(await first.newPage(), email);
    state = await first.storageState();
    signedIn.set(email, state);
    await first.close();
  }
  return browser.newContext({ ...options, storageState: state });
}

/** A staff page signed in (clinician by default) in a context of its own. */
export async function staffPage(browser: Browser, email: string = demo.clinician): Promise<Page> {
  const context = await staffContext(browser, email);
  return context.newPage();
}

/** Makes (or remakes) the patient's join link on the appointment page and returns it. */
export async function makeJoinLink(staff: Page, appointmentId: string): Promise<string> {
  await staff.goto(`/appointments/${appointmentId}`);
  const panel = staff.getByRole('region', { name: 'Video session' });
  const remake = panel.getByRole('button', { name: 'Make a new link' });
  const make = panel.getByRole('button', { name: 'Make a link' });
  // The panel may be revealed a moment after the load event (React batches
  // streamed reveals), so wait for one of the two buttons before choosing.
  await expect(remake.or(make)).toBeVisible();
  if (await remake.isVisible()) {
    await remake.click();
    await staff
      .getByRole('dialog', { name: 'Make a new join link?' })
      .getByRole('button', { name: 'Make a new link' })
      .click();
    await expect(panel.getByText('New link made.')).toBeVisible();
  } else {
    await make.click();
    await staff
      .getByRole('dialog', { name: 'Make a join link?' })
      .getByRole('button', { name: 'Make the link' })
      .click();
  }
  const code = panel.locator('code').first();
  await expect(code).toContainText('/join/');
  return (await code.textContent())!.trim();
}

/** The path of a join link (the server's APP_URL is the test server's). */
export function joinPath(url: string): string {
  return new URL(url).pathname;
}

/** The axe check at the video pages' level (WCAG 2.2 AA). */
export function expectNoAxeViolations(page: Page, label: string) {
  return expectAxe(page, label, WCAG_22_AA);
}

/** Configures the twilio-video stand-in before the page's scripts run. */
export async function standInConfig(page: Page, config: Record<string, unknown>) {
  await page.addInitScript((c) => {
    (window as unknown as { __videoStandInConfig: unknown }).__videoStandInConfig = c;
  }, config);
}

export type ConnectRecord = { identity: string; room: string; options: Record<string, unknown> };

export function standInConnects(page: Page): Promise<ConnectRecord[]> {
  return page.evaluate(
    () =>
      (window as unknown as { __videoStandIn?: { connects: ConnectRecord[] } }).__videoStandIn?.connects ??
      [],
  );
}

export async function standIn(page: Page, action: 'reconnecting' | 'reconnected' | number) {
  await page.evaluate((a) => {
    const control = (
      window as unknown as {
        __videoStandIn: { reconnecting(): void; reconnected(): void; drop(code: number): void };
      }
    ).__videoStandIn;
    if (a === 'reconnecting') control.reconnecting();
    else if (a === 'reconnected') control.reconnected();
    else control.drop(a);
  }, action);
}

export async function emulator(pathname: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${process.env.E2E_EMULATOR_URL}/__emulator${pathname}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok, `emulator ${pathname}`).toBe(true);
  return res.status === 204 ? null : res.json();
}
