// Shared helpers for the end-to-end specs: sign-in as a demo role, direct
// database access for setting up and checking state.
import { expect, type Page } from '@playwright/test';
import pg from 'pg';

import { hashPassword } from '../../lib/auth/password';
import { totpCode, totpStep } from '../../lib/auth/totp';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../scripts/seed/demo-data';

export const demo = {
  admin: 'admin@harbourside.example',
  reception: 'reception@harbourside.example',
  clinician: 'maya.chen@harbourside.example',
  otherClinician: 'liam.oconnor@harbourside.example',
} as const;

export async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// A TOTP code is accepted once per account. Read the last step the server
// accepted, so a sign-in in the same 30 s (even from another test worker)
// uses the next code, which the server's one-step window still accepts.
async function nextCode(email: string): Promise<string> {
  const last = await withDb(async (c) => {
    const { rows } = await c.query<{ step: number | null }>(
      'SELECT "totpLastStep" AS step FROM "User" WHERE email = $1',
      [email],
    );
    return rows[0]?.step ?? -1;
  });
  let step = Math.max(totpStep(Date.now()), last + 1);
  // More than one step ahead would be refused: wait for the clock to catch up.
  while (step > totpStep(Date.now()) + 1) await new Promise((r) => setTimeout(r, 1000));
  step = Math.max(step, totpStep(Date.now()));
  return totpCode(DEMO_TOTP_SECRET, step * 30_000);
}

export async function fillPassword(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Ends the per-network rate limits: every spec comes from 127.0.0.1, so failures
 * another spec made on purpose (throttle specs, the fuzz run) would otherwise make
 * this one wait. Per-account waits are left to the specs that set them up.
 */
export async function clearNetworkRateLimits(): Promise<void> {
  await withDb((c) => c.query(`DELETE FROM "RateLimitBucket" WHERE "accountId" IS NULL`));
}

/** Signs in through the real form; answers the authenticator step for accounts that have one. */
export async function signIn(page: Page, email: string, options: { mfa?: boolean } = {}) {
  await clearNetworkRateLimits();
  await fillPassword(page, email, DEMO_PASSWORD);
  if (options.mfa ?? email !== demo.reception) {
    const code = page.getByLabel('Authentication code');
    await expect(code).toBeVisible();
    await code.fill(await nextCode(email));
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await expect(page).toHaveURL(/\/dashboard/);
}

/** A staff account of its own, for tests that change account state (lockout). */
export async function createStaffUser(email: string, password: string): Promise<string> {
  const hash = await hashPassword(password);
  return withDb(async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO "User" (id, "clinicId", email, name, role, "passwordHash", "updatedAt")
       SELECT 'e2e_' || md5(random()::text), id, $1, 'Test Reception', 'STAFF', $2, now() FROM "Clinic" LIMIT 1
       RETURNING id`,
      [email, hash],
    );
    return rows[0]!.id;
  });
}

/** A date N days from today as YYYY-MM-DD in the clinic's timezone. */
export function clinicDate(daysFromToday: number): string {
  const when = new Date(Date.now() + daysFromToday * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Australia/Sydney' }).format(when);
}
