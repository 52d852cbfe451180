import { expect, test } from '@playwright/test';

import { createStaffUser, demo, fillPassword, signIn, withDb } from './support';

test.describe('signing in', () => {
  test('a signed-out visitor of a staff page is sent to sign in', async ({ page }) => {
    await page.goto('/patients');
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('an admin signs in with password and authenticator code, sees today, and signs out', async ({
    page,
  }) => {
    await signIn(page, demo.admin);
    await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Alex Admin');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByText('You have signed out.')).toBeVisible();
    // The old session no longer opens staff pages.
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('a wrong password is refused without saying whether the email exists', async ({ page }) => {
    await fillPassword(page, 'nobody@harbourside.example', 'whatever-password');
    const message = 'That email and password don’t match our records. Please check them and try again.';
    await expect(page.getByText(message)).toBeVisible();
    await fillPassword(page, demo.reception, 'not-the-password');
    await expect(page.getByText(message)).toBeVisible();
  });

  test('five wrong passwords lock the account for 15 minutes, even against the right password', async ({
    page,
  }) => {
    const email = `lockout-${Date.now()}@harbourside.example`;
    const password = 'Right-password-123';
    const userId = await createStaffUser(email, password);
    const locked =
      'This account is locked after too many attempts. Try again in 15 minutes or ask an administrator to unlock it.';
    for (let attempt = 1; attempt <= 4; attempt++) {
      await fillPassword(page, email, `wrong-${attempt}`);
      await expect(
        page.getByText('That email and password don’t match our records.', { exact: false }),
      ).toBeVisible();
    }
    // The fifth wrong attempt locks the account, and says so.
    await fillPassword(page, email, 'wrong-5');
    await expect(page.getByText(locked)).toBeVisible();
    // The right password is refused while the lock holds.
    await fillPassword(page, email, password);
    await expect(page.getByText(locked)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);

    const lockedMinutes = await withDb(async (c) => {
      const { rows } = await c.query<{ minutes: number }>(
        `SELECT EXTRACT(EPOCH FROM ("lockedUntil" - now())) / 60 AS minutes FROM "User" WHERE id = $1`,
        [userId],
      );
      return Number(rows[0]!.minutes);
    });
    expect(lockedMinutes).toBeGreaterThan(14);
    expect(lockedMinutes).toBeLessThanOrEqual(15);
  });

  test('a clinician sees the 403 page for reception-only pages', async ({ page }) => {
    await signIn(page, demo.clinician);
    const response = await page.goto('/patients/new');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'This page is not part of your role' })).toBeVisible();
  });
});

test.describe('security headers', () => {
  test('staff pages carry a nonce-based CSP that forbids framing', async ({ request }) => {
    const res = await request.get('/sign-in');
    const csp = res.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers()['x-frame-options']).toBe('DENY');
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
  });

  test('patient join pages send no referrer, and https requests get HSTS', async ({ request }) => {
    const join = await request.get('/join/not-a-real-link');
    expect(join.headers()['referrer-policy']).toBe('no-referrer');
    const overHttps = await request.get('/sign-in', { headers: { 'x-forwarded-proto': 'https' } });
    expect(overHttps.headers()['strict-transport-security']).toMatch(/max-age=\d+/);
    const plain = await request.get('/sign-in');
    expect(plain.headers()['strict-transport-security']).toBeUndefined();
  });
});

test.describe('development outbox', () => {
  test('messages the Twilio emulator accepted are listed for staff', async ({ page }) => {
    const sid = process.env.E2E_TWILIO_ACCOUNT_SID!;
    const body = `Outbox check ${Date.now()}`;
    // A message created the way Twilio's REST API takes it, straight at the emulator.
    const res = await fetch(
      `${process.env.E2E_EMULATOR_URL}/api.twilio.com/2010-04-01/Accounts/${sid}/Messages.json`,
      {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${sid}:${process.env.E2E_TWILIO_AUTH_TOKEN}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ To: '+61491570110', From: '+61491570156', Body: body }),
      },
    );
    expect(res.status).toBe(201);

    await signIn(page, demo.reception);
    await page.getByRole('link', { name: 'Outbox (emulator)' }).click();
    await expect(page.getByRole('heading', { name: 'Development outbox' })).toBeVisible();
    await expect(page.getByRole('cell', { name: body })).toBeVisible();
  });
});
