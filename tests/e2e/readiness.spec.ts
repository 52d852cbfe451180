import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';

import { expectNoAxeViolations } from './axe';
import { demo, signIn } from './support';

// The go-live checklist and costs pages against the emulated Twilio account:
// a failing check turns to pass once the account is upgraded (through the
// emulator's control API, standing in for the Twilio Console), the one-click
// tests run with their callbacks shown live, and the costs chart is there.

async function control(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${process.env.E2E_EMULATOR_URL}/__emulator${path}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`emulator control ${method} ${path} answered ${response.status}`);
  return response;
}

function check(page: Page, id: string) {
  return page.locator(`[data-check="${id}"]`);
}

function testSection(page: Page, name: string) {
  return page.getByRole('region', { name });
}

// One admin sign-in for both tests: each sign-in spends a TOTP step, and the
// specs after this one sign the same admin in again within the minute.
test.describe.configure({ mode: 'serial' });
let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }: { browser: Browser }, testInfo) => {
  // A context made here does not get the project's `use` options: give it the base URL.
  context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  page = await context.newPage();
  await signIn(page, demo.admin);
});

test.afterAll(async () => {
  await context?.close();
  // Leave the shared emulator as the other specs expect it.
  await control('POST', '/account/upgrade');
});

test('an admin sees the Trial check fail, then pass after the upgrade, and runs the post-upgrade tests', async () => {
  test.setTimeout(120_000);
  await control('POST', '/account', { type: 'Trial' });

  await page.goto('/admin');
  await page.getByRole('link', { name: /Go-live readiness/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Go-live readiness' })).toBeVisible();
  await expect(check(page, 'account-type')).toHaveAttribute('data-status', 'fail', { timeout: 30_000 });
  await expect(check(page, 'account-type')).toContainText('Upgrade it in the Twilio Console');
  // Opening the page made no test room: that check waits for the admin's click.
  const rooms = check(page, 'video-room-region');
  await expect(rooms).toContainText('Not run yet');
  await rooms.getByRole('button', { name: /Run this check/ }).click();
  await expect(rooms).toHaveAttribute('data-status', 'pass', { timeout: 30_000 });
  await expect(rooms).toContainText(/Last run .* \(Australia\/Sydney\) by /);
  await expect(check(page, 'status-callback-url')).toHaveAttribute('data-status', 'pass');
  await expectNoAxeViolations(page);

  // The trial guard refuses a number that is not verified, before Twilio is asked.
  const sms = testSection(page, 'Send a test SMS');
  await sms.getByLabel('Mobile number').fill('0491 570 159');
  await sms.getByRole('button', { name: 'Run test' }).click();
  await expect(sms.getByText(/still a trial/)).toBeVisible();

  await control('POST', '/account/upgrade');
  await page.getByRole('link', { name: 'Run the checks again' }).click();
  await expect(check(page, 'account-type')).toHaveAttribute('data-status', 'pass', { timeout: 30_000 });

  // Manual items are ticked with who and when.
  await check(page, 'manual-console-2fa')
    .getByRole('button', { name: /Mark as done/ })
    .click();
  await expect(check(page, 'manual-console-2fa')).toHaveAttribute('data-status', 'pass');
  await expect(check(page, 'manual-console-2fa')).toContainText('Confirmed by');

  // A test room: created, completed, and its status callbacks arrive.
  const video = testSection(page, 'Create and complete a test video room');
  await video.getByRole('button', { name: 'Run test' }).click();
  await expect(video.getByText('Passed')).toBeVisible({ timeout: 30_000 });
  await expect(video.getByText('room-ended')).toBeVisible();

  // A test SMS, now that the account is Full.
  const sms2 = testSection(page, 'Send a test SMS');
  await sms2.getByLabel('Mobile number').fill('0491 570 159');
  await sms2.getByRole('button', { name: 'Run test' }).click();
  await expect(sms2.getByText('Passed')).toBeVisible({ timeout: 30_000 });
  await expect(sms2.getByText('SMS: delivered')).toBeVisible();

  // A test WhatsApp, to a phone that has messaged the clinic (an open 24-hour window).
  await control('POST', '/whatsapp-sessions', { phoneNumber: '+61491570158' });
  const whatsapp = testSection(page, 'Send a test WhatsApp');
  await whatsapp.getByLabel('Mobile number').fill('0491 570 158');
  await whatsapp.getByRole('button', { name: 'Run test' }).click();
  await expect(whatsapp.getByText('Passed')).toBeVisible({ timeout: 30_000 });

  // The forced fallback: WhatsApp refuses free-form text (63016), then the SMS goes.
  const fallback = testSection(page, 'Force the SMS fallback');
  await fallback.getByLabel('Mobile number').fill('0491 570 161');
  await fallback.getByRole('button', { name: 'Run test' }).click();
  await expect(fallback.getByText('Passed')).toBeVisible({ timeout: 30_000 });
  await expect(fallback.getByText(/63016/)).toBeVisible();
  await expect(fallback.getByText('SMS fallback: delivered')).toBeVisible();
});

test('an admin sees the costs chart and a billing alert raised by Twilio’s usage trigger', async () => {
  await page.goto('/admin/costs');
  await expect(page.getByRole('heading', { level: 1, name: 'Costs and billing alerts' })).toBeVisible();
  const chart = page.getByRole('figure', { name: /All services/ });
  await expect(chart.getByRole('img')).toBeVisible();
  await chart.getByText('Show all services as a table').click();
  await expect(chart.getByRole('table')).toBeVisible();
  await expect(page.getByRole('table', { name: /This month by service/ })).toContainText('Phone numbers');
  await expectNoAxeViolations(page);

  // Set the thresholds: Twilio's usage triggers are created to match.
  await page.getByLabel('Alert when this month’s spend reaches (USD)').fill('10, 50, 100');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(page.getByText(/created Twilio alerts at 10, 50, 100 USD|already matched/)).toBeVisible();
  const triggers = (await (await control('GET', '/usage-triggers')).json()) as Array<{
    sid: string;
    triggerValue: string;
  }>;
  const ten = triggers.find((t) => t.triggerValue === '10');
  expect(ten).toBeTruthy();

  // Twilio fires the 10 USD trigger: a signed callback, an alert, a banner.
  await control('POST', `/usage-triggers/${ten!.sid}/fire`);
  await control('POST', '/idle');
  await page.reload();
  await expect(page.getByText('10 USD', { exact: true })).toBeVisible();
  await expect(page.getByText('reported by Twilio')).toBeVisible();
  await page.getByRole('button', { name: 'Mark the 10 USD alert as seen' }).click();
  await expect(page.getByText('Seen')).toBeVisible();
});
