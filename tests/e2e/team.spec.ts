// An admin runs the team as they would: invite someone and give them the link,
// who sets a password and signs in; reset their password; deactivate them (their
// open session ends at its next request) and reactivate; change their role; try
// to demote the clinic's only admin; correct a name and an email. Every confirm
// dialog is shown and both its buttons are tried. axe runs on the new pages. SCREENSHOTS=1 also saves the
// pages into docs/screenshots/.
import path from 'node:path';

import { expect, test, type Locator, type Page } from '@playwright/test';

import { expectNoAxeViolations } from './axe';
import { clearNetworkRateLimits, createStaffUser, demo, signIn, withDb } from './support';

const shots = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');

async function screenshot(page: Page, name: string) {
  if (process.env.SCREENSHOTS !== '1') return;
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** Opens a confirm dialog, checks Escape and the safe button both close it with focus back, then confirms. */
async function confirmIn(page: Page, trigger: Locator, title: string, confirm: string, safe = 'Go back') {
  await trigger.click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: safe })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();

  await trigger.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: safe }).click();
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();

  await trigger.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: confirm }).click();
  await expect(dialog).toBeHidden();
}

async function userRow(email: string) {
  return withDb(async (c) => {
    const { rows } = await c.query<{ id: string; role: string; active: boolean; invitePending: boolean }>(
      'SELECT id, role, active, "invitePending" FROM "User" WHERE email = $1',
      [email],
    );
    return rows[0];
  });
}

async function signInWithPassword(page: Page, email: string, password: string) {
  await clearNetworkRateLimits();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function setPasswordFrom(page: Page, link: string, password: string) {
  await page.goto(link);
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Type it again').fill(password);
  await page.getByRole('button', { name: 'Set my password' }).click();
}

test('an admin invites, resets, deactivates, reactivates and changes the role of a team member, and cannot demote the only admin', async ({
  page,
  browser,
  context,
}) => {
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const email = `sam.rivera.${Date.now()}@harbourside.example`;
  const firstPassword = 'harbour lights at dusk';
  const secondPassword = 'ferry wake over the bay';

  await signIn(page, demo.admin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Alex Admin/ })).toContainText('Sydney time');

  // Invite: the link is shown once, with a copy button.
  await page.getByLabel('Full name').fill('Sam Rivera');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role').selectOption('STAFF');
  await page.getByRole('button', { name: 'Invite and make a link' }).click();
  const linkField = page.getByLabel('Set-password link');
  await expect(linkField).toHaveValue(/\/set-password\/[A-Za-z0-9_-]{43}$/);
  const inviteLink = await linkField.inputValue();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Copied. Paste it into your message to them.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(inviteLink);
  expect(await userRow(email)).toMatchObject({ role: 'STAFF', active: true, invitePending: true });
  await expect(page.getByRole('row', { name: /Sam Rivera/ })).toContainText('Invited');
  await expectNoAxeViolations(page);
  await screenshot(page, '15-team-invite-link');
  // The link is not stored anywhere it could be read back.
  const stored = await withDb(async (c) => (await c.query('SELECT "tokenHash" FROM "PasswordLink"')).rows);
  expect(JSON.stringify(stored)).not.toContain(inviteLink.split('/set-password/')[1]!);

  // Sam, in another browser, opens the link and sets a password.
  const samContext = await browser.newContext();
  const sam = await samContext.newPage();
  await sam.goto(inviteLink);
  await expect(sam.getByRole('heading', { name: 'Welcome: choose your password' })).toBeVisible();
  await expect(sam.getByText('Sydney time')).toBeVisible();
  await expectNoAxeViolations(sam);
  await screenshot(sam, '16-set-password');
  await sam.getByLabel('New password').fill('too short');
  await sam.getByLabel('Type it again').fill('too short');
  await sam.getByRole('button', { name: 'Set my password' }).click();
  await expect(sam.getByText('The new password must be at least 12 characters.').first()).toBeVisible();
  await expect(sam.getByLabel('New password')).toHaveValue('');
  await setPasswordFrom(sam, inviteLink, firstPassword);
  await expect(sam).toHaveURL(/\/sign-in\?passwordSet=1$/);
  await expect(sam.getByText('Your password is set.')).toBeVisible();
  await signInWithPassword(sam, email, firstPassword);
  await expect(sam).toHaveURL(/\/dashboard/);
  // The link worked once.
  await sam.goto(inviteLink);
  await expect(sam.getByRole('heading', { name: 'This link has already been used' })).toBeVisible();
  await expectNoAxeViolations(sam);
  await sam.goto('/dashboard');
  await expect(sam).toHaveURL(/\/dashboard/);

  // Sam's page: last sign-in, then a password reset that signs Sam out everywhere.
  const { id: samId } = (await userRow(email))!;
  await page.goto('/admin/team');
  await page.getByRole('link', { name: 'Sam Rivera' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/team/${samId}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Sam Rivera' })).toBeVisible();
  await expectNoAxeViolations(page);
  await confirmIn(
    page,
    page.getByRole('button', { name: 'Reset password' }),
    'Reset Sam’s password?',
    'Reset the password',
  );
  const resetField = page.getByLabel('Set-password link');
  await expect(resetField).toHaveValue(/\/set-password\//);
  const resetLink = await resetField.inputValue();
  await sam.goto('/dashboard');
  await expect(sam).toHaveURL(/\/sign-in/);
  await expect(sam.getByText('You were signed out because your account was changed')).toBeVisible();
  await signInWithPassword(sam, email, firstPassword);
  await expect(sam.getByText('That email and password don’t match our records.')).toBeVisible();
  await setPasswordFrom(sam, resetLink, secondPassword);
  await signInWithPassword(sam, email, secondPassword);
  await expect(sam).toHaveURL(/\/dashboard/);

  // Deactivate: Sam's open session ends at its next request.
  await page.reload();
  await page.getByRole('button', { name: 'Deactivate Sam' }).click();
  const deactivateDialog = page.getByRole('dialog', { name: 'Deactivate Sam?' });
  await expect(deactivateDialog).toContainText(
    'Sam will be signed out at once and can’t sign in until reactivated.',
  );
  await screenshot(page, '17-team-confirm-deactivate');
  await expectNoAxeViolations(page);
  await deactivateDialog.getByRole('button', { name: 'Go back' }).click();
  await confirmIn(
    page,
    page.getByRole('button', { name: 'Deactivate Sam' }),
    'Deactivate Sam?',
    'Deactivate Sam',
  );
  await expect(page.getByText('Deactivated. They were signed out at once')).toBeVisible();
  expect(await userRow(email)).toMatchObject({ active: false });
  await sam.goto('/dashboard');
  await expect(sam).toHaveURL(/\/sign-in/);
  await expect(sam.getByText('your account has been deactivated')).toBeVisible();
  await signInWithPassword(sam, email, secondPassword);
  await expect(sam.getByText('Your account has been deactivated, so you can’t sign in.')).toBeVisible();

  // Reactivate (one click: it takes nothing away), then Sam signs in again.
  await page.getByRole('button', { name: 'Reactivate Sam' }).click();
  await expect(page.getByText('Reactivated. They can sign in again')).toBeVisible();
  await signInWithPassword(sam, email, secondPassword);
  await expect(sam).toHaveURL(/\/dashboard/);

  // Change the role to Clinician: the name patients see is asked for (prefilled).
  await page.getByLabel('New role').selectOption('CLINICIAN');
  await expect(page.getByLabel('Given name')).toHaveValue('Sam');
  await expect(page.getByLabel('Family name')).toHaveValue('Rivera');
  await confirmIn(
    page,
    page.getByRole('button', { name: 'Change role' }),
    'Change Sam’s role to Clinician?',
    'Change the role to Clinician',
  );
  await expect(page.getByText('Role changed to Clinician.')).toBeVisible();
  expect(await userRow(email)).toMatchObject({ role: 'CLINICIAN' });
  const clinicianRows = await withDb(
    async (c) => (await c.query('SELECT 1 FROM "Clinician" WHERE "userId" = $1', [samId])).rowCount,
  );
  expect(clinicianRows).toBe(1);
  await sam.goto('/dashboard');
  await expect(sam).toHaveURL(/\/sign-in/);
  await screenshot(page, '18-team-member');
  await samContext.close();

  // The only admin cannot demote or deactivate themself.
  await page.goto('/admin/team');
  await page.getByRole('main').getByRole('link', { name: 'Alex Admin', exact: true }).click();
  await page.getByLabel('New role').selectOption('STAFF');
  await confirmIn(
    page,
    page.getByRole('button', { name: 'Change role' }),
    'Change your own role to Reception?',
    'Change the role to Reception',
  );
  const onlyAdmin = 'This is the clinic’s only active admin.';
  await expect(page.getByText(onlyAdmin)).toBeVisible();
  await screenshot(page, '19-team-last-admin');
  await confirmIn(
    page,
    page.getByRole('button', { name: 'Deactivate my account' }),
    'Deactivate your own account?',
    'Deactivate my account',
  );
  await expect(page.getByText(onlyAdmin).first()).toBeVisible();
  const admin = await userRow(demo.admin);
  expect(admin).toMatchObject({ role: 'ADMIN', active: true });
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/dashboard/);
});

test('an admin renames a team member (they stay signed in) and changes their email after confirming (they are signed out)', async ({
  page,
  browser,
}) => {
  const email = `jordan.${Date.now()}@harbourside.example`;
  const newEmail = `jordan.lee.${Date.now()}@harbourside.example`;
  const password = 'tidal pools at low water';
  const id = await createStaffUser(email, password);
  const personContext = await browser.newContext();
  const person = await personContext.newPage();
  await person.goto('/sign-in');
  await signInWithPassword(person, email, password);
  await expect(person).toHaveURL(/\/dashboard/);

  await signIn(page, demo.admin);
  await page.goto('/admin/team');
  await page
    .getByRole('row', { name: new RegExp(email) })
    .getByRole('link')
    .click();
  await expect(page).toHaveURL(new RegExp(`/admin/team/${id}$`));
  await expectNoAxeViolations(page);

  // A new name saves on one click and shows in the team list; their session goes on.
  await page.getByLabel('Full name').fill('Jordan Lee');
  await page.getByRole('button', { name: 'Save name and email' }).click();
  await expect(page.getByText('Saved. The new name shows everywhere from now on.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Jordan Lee' })).toBeVisible();
  await page.getByRole('link', { name: 'Team', exact: true }).first().click();
  await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('Jordan Lee');
  await person.goto('/account');
  await expect(person.getByText('Jordan Lee').first()).toBeVisible();
  await expect(
    person.getByText(
      'Your practice manager (an admin) can change your name, email or role under Admin → Team.',
    ),
  ).toBeVisible();

  // A new email asks first, says they will be signed out, and does so.
  await page
    .getByRole('row', { name: new RegExp(email) })
    .getByRole('link')
    .click();
  await page.getByLabel('Email address').fill(newEmail);
  await page.getByRole('button', { name: 'Save name and email' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change Jordan’s email address?' });
  await expect(dialog).toContainText('Jordan is signed out everywhere at once');
  await expectNoAxeViolations(page);
  await screenshot(page, '20-team-confirm-email-change');
  await dialog.getByRole('button', { name: 'Change the email address' }).click();
  await expect(page.getByText('Saved. They were signed out everywhere')).toBeVisible();
  const row = await withDb(
    async (c) => (await c.query('SELECT email, name FROM "User" WHERE id = $1', [id])).rows[0],
  );
  expect(row).toEqual({ email: newEmail, name: 'Jordan Lee' });
  await person.goto('/dashboard');
  await expect(person).toHaveURL(/\/sign-in/);
  await signInWithPassword(person, newEmail, password);
  await expect(person).toHaveURL(/\/dashboard/);
  await personContext.close();
});

test('revoking an API token asks first; Go back keeps it', async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto('/admin/api-tokens');
  const label = `Sync ${Date.now()}`;
  await page.getByLabel('Whose token').selectOption({ label: 'Riley Reception (staff)' });
  await page.getByLabel('Name', { exact: true }).fill(label);
  await page.getByRole('button', { name: 'Issue token' }).click();
  await expect(page.getByRole('button', { name: 'Copy token' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(label) });
  await confirmIn(
    page,
    row.getByRole('button', { name: 'Revoke' }),
    `Revoke the token “${label}”?`,
    'Revoke the token',
  );
  await expect(row).toContainText('Revoked');
  const revoked = await withDb(
    async (c) =>
      (await c.query('SELECT "revokedAt" FROM "ApiToken" WHERE label = $1', [label])).rows[0]?.revokedAt,
  );
  expect(revoked).toBeTruthy();
});

test('without JavaScript a confirm dialog needs its box ticked: one click does not act', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, demo.reception);
  const appointmentId = await withDb(async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `SELECT id FROM "Appointment" WHERE status IN ('BOOKED', 'CONFIRMED') AND "startsAt" > now() ORDER BY "startsAt" DESC LIMIT 1`,
    );
    return rows[0]!.id;
  });
  await page.goto(`/appointments/${appointmentId}`);
  await page.getByText('Cancel appointment', { exact: true }).click();
  await page.getByRole('button', { name: 'Cancel the appointment' }).click();
  await expect(page.getByText('Tick the box to confirm, then try again.').first()).toBeVisible();
  const status = await withDb(
    async (c) =>
      (await c.query<{ status: string }>('SELECT status FROM "Appointment" WHERE id = $1', [appointmentId]))
        .rows[0]!.status,
  );
  expect(status).not.toBe('CANCELLED');
  await context.close();
});
