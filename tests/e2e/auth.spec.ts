import { expect, test } from '@playwright/test';

import { clearNetworkRateLimits, createStaffUser, demo, fillPassword, signIn, withDb } from './support';

test.describe('signing in', () => {
  // Every spec comes from 127.0.0.1: start each without another spec's failures on this network.
  test.beforeEach(clearNetworkRateLimits);

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

  test('repeated wrong passwords from one network make it wait, never lock the account, and the owner is told', async ({
    page,
  }) => {
    const email = `throttle-${Date.now()}@harbourside.example`;
    const password = 'Right-password-123';
    const userId = await createStaffUser(email, password);
    const wrong = 'That email and password don’t match our records.';
    // Five attempts go through; the sixth goes through too and starts a one-minute wait.
    for (let attempt = 1; attempt <= 6; attempt++) {
      await fillPassword(page, email, `wrong-${attempt}`);
      await expect(page.getByText(wrong, { exact: false })).toBeVisible();
    }
    // Even the right password waits, from this network, and is told how long for.
    await fillPassword(page, email, password);
    await expect(
      page.getByText('Too many attempts from this network. Wait 1 minute, then try again.'),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);

    // Nothing on the account itself is locked: the wait belongs to the network.
    // Ending it here stands in for the minute passing (or an admin's "Let them sign in now").
    await withDb((c) => c.query(`DELETE FROM "RateLimitBucket" WHERE "accountId" = $1`, [userId]));
    await fillPassword(page, email, password);
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(
      page.getByText('6 failed sign-in attempts on your account since your last sign-in', { exact: false }),
    ).toBeVisible();
    await expect(
      page.getByText('If this wasn’t you, tell the practice manager.', { exact: false }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByText('failed sign-in attempts on your account', { exact: false })).toHaveCount(0);
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
