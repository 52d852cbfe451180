import { expect, test, type Page, type Request } from '@playwright/test';

import { DEMO_PASSWORD } from '../../scripts/seed/demo-data';
import { clearNetworkRateLimits, createStaffUser, demo, withDb } from './support';

// Signing in must work when the page's JavaScript never runs (a slow phone, a
// script error, `npm run dev` opened at an address Next blocks its scripts for),
// and nothing typed may ever reach a URL: not the address bar, not history, not
// a server log.
test.use({ javaScriptEnabled: false });

/** Every URL the page asked for or was sent to, so none can be checked for a secret. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request: Request) => urls.push(request.url()));
  page.on('framenavigated', (frame) => urls.push(frame.url()));
  return urls;
}

function expectNoSecretIn(urls: string[], ...secrets: string[]) {
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) {
    const decoded = decodeURIComponent(url);
    for (const secret of secrets) expect(decoded).not.toContain(secret);
    expect(decoded).not.toMatch(/[?&](password|code|ticket)=/);
  }
}

test.describe('signing in without JavaScript', () => {
  // Every spec comes from 127.0.0.1: start each without another spec's failures on this network.
  test.beforeEach(clearNetworkRateLimits);

  test('the form posts (never a GET with the password in the URL)', async ({ page }) => {
    await page.goto('/sign-in');
    const form = page.locator('form').filter({ has: page.getByLabel('Password') });
    await expect(form).toHaveAttribute('method', /^post$/i);
  });

  test('reception signs in with email and password and lands on the dashboard', async ({ page }) => {
    const urls = recordUrls(page);
    await page.goto('/sign-in?next=/patients');
    await page.getByLabel('Email').fill(demo.reception);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/patients$/);
    expectNoSecretIn(urls, DEMO_PASSWORD);
  });

  test('a wrong password is refused on the page, with the email kept and the password not', async ({
    page,
  }) => {
    const urls = recordUrls(page);
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(demo.reception);
    await page.getByLabel('Password').fill('not-the-password-123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      page.getByText('That email and password don’t match our records.', { exact: false }),
    ).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(demo.reception);
    await expect(page.getByLabel('Password')).toHaveValue('');
    expect(await page.content()).not.toContain('not-the-password-123');
    expectNoSecretIn(urls, 'not-the-password-123');
  });

  test('an account with an authenticator asks for the code on a second step that never carries the password', async ({
    page,
  }) => {
    const { totpCode } = await import('../../lib/auth/totp');
    const { DEMO_TOTP_SECRET } = await import('../../scripts/seed/demo-data');
    const urls = recordUrls(page);
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(demo.otherClinician);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const code = page.getByLabel('Authentication code');
    await expect(code).toBeVisible();
    // The second step proves the password with a signed ticket; the password is nowhere in the page.
    expect(await page.content()).not.toContain(DEMO_PASSWORD);

    // The code after the last one the server accepted for this account (another test may have used this one).
    const last = await withDb(async (c) => {
      const { rows } = await c.query<{ step: number | null }>(
        'SELECT "totpLastStep" AS step FROM "User" WHERE email = $1',
        [demo.otherClinician],
      );
      return rows[0]?.step ?? -1;
    });
    const step = Math.max(Math.floor(Date.now() / 30_000), last + 1);
    await code.fill(totpCode(DEMO_TOTP_SECRET, step * 30_000));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    expectNoSecretIn(urls, DEMO_PASSWORD);
  });

  test('too many attempts from one network answer with how long to wait, still without a secret in a URL', async ({
    page,
  }) => {
    const email = `nojs-throttle-${Date.now()}@harbourside.example`;
    await createStaffUser(email, 'Right-password-456');
    const urls = recordUrls(page);
    for (let attempt = 1; attempt <= 7; attempt++) {
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(`wrong-nojs-${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
    }
    await expect(
      page.getByText('Too many attempts from this network. Wait 1 minute, then try again.'),
    ).toBeVisible();
    expectNoSecretIn(urls, ...Array.from({ length: 7 }, (_, i) => `wrong-nojs-${i + 1}`));
  });
});
