// Admins run their team: invite with a one-time set-password link, reset a
// password, deactivate and reactivate, change a role, correct a name or email; the clinic always keeps an
// active admin, even when two admins act at the same moment. Clocks are passed in.
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { authenticate } from '@/lib/auth/authenticate';
import { getSessionUser } from '@/lib/auth/current-user';
import { resolveSession } from '@/lib/auth/resolve-session';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { isAppError, type AppError } from '@/lib/errors/app-error';
import { inviteUserSchema, updateUserDetailsSchema } from '@/lib/schemas/user';
import { changeUserRole } from '@/lib/users/change-user-role';
import { inviteUser } from '@/lib/users/invite-user';
import { hashPasswordLinkToken } from '@/lib/users/password-link-token';
import { readPasswordLink } from '@/lib/users/read-password-link';
import { resetPassword } from '@/lib/users/reset-password';
import { setPasswordWithLink } from '@/lib/users/set-password-with-link';
import { setUserActive } from '@/lib/users/set-user-active';
import { LAST_ADMIN, USER_NOT_FOUND } from '@/lib/users/team-lock';
import { CONFIRM_EMAIL_CHANGE, EMAIL_TAKEN, updateUserDetails } from '@/lib/users/update-user-details';

import { createAuthClinic, createSignInUser, TEST_PASSWORD } from '../helpers/auth-fixtures';
import { cookieJar } from '../helpers/request-cookies';
import { putSessionCookie } from '../helpers/session-cookie';
import { createPatientRow } from '../helpers/scheduling-fixtures';

// The request's cookies, as next/headers would give them to a page or action.
vi.mock('next/headers', () => import('@/tests/helpers/request-cookies'));

const HOUR = 3_600_000;
const T0 = new Date('2026-12-07T00:00:00.000Z');
const NEW_PASSWORD = 'three unrelated words here';

let clinicId: string;
let admin: SessionUser;
let counter = 0;

beforeEach(async () => {
  cookieJar.clear();
  clinicId = (await createAuthClinic()).id;
  admin = await adminActor(clinicId);
});

async function adminActor(clinic: string): Promise<SessionUser> {
  const u = await createSignInUser(clinic, { role: 'ADMIN' });
  const row = await db().user.findUniqueOrThrow({ where: { id: u.id } });
  return {
    id: u.id,
    clinicId: clinic,
    role: 'ADMIN',
    name: row.name,
    email: u.email,
    clinicianId: null,
    sessionId: 'admin-session',
  };
}

function invite(role: 'ADMIN' | 'STAFF' | 'CLINICIAN' = 'STAFF', extra: Record<string, string> = {}) {
  const email = `invited.${Date.now().toString(36)}${(counter++).toString(36)}@example.test`;
  return inviteUser(admin, inviteUserSchema.parse({ name: 'Sam Rivera', email, role, ...extra }), T0).then(
    (issued) => ({ ...issued, email, token: issued.url.split('/set-password/')[1]! }),
  );
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    if (isAppError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a refusal');
}

async function signInAt(email: string, password: string, now: Date) {
  return authenticate({ email, password }, now);
}

/** What the admin did to this person: their audit entries, oldest first. */
function adminAuditOf(personId: string) {
  return db().auditLog.findMany({ where: { entityId: personId, actorId: admin.id }, orderBy: { at: 'asc' } });
}

/** The events the admin's audit entries on this person name, oldest first. */
async function adminEventsOf(personId: string): Promise<string[]> {
  return (await adminAuditOf(personId)).map((e) => (e.detail as { event: string }).event);
}

const state = async (sessionId: string, now: Date) => {
  const s = await resolveSession(sessionId, now);
  return s.status === 'signed-out' ? `signed-out:${s.reason}` : s.status;
};

describe('inviting a person', () => {
  it('creates the account with no usable password, and its link works once: password set, then sign-in', async () => {
    const issued = await invite('STAFF');
    expect(issued.url).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
    expect(issued.expiresAt).toEqual(new Date(T0.getTime() + 7 * 24 * HOUR));

    // Before the link is used nobody can sign in to the account.
    expect(await signInAt(issued.email, TEST_PASSWORD, T0)).toEqual({
      ok: false,
      error: 'INVALID_CREDENTIALS',
    });
    const view = await readPasswordLink(issued.token, T0);
    expect(view).toMatchObject({ status: 'valid', purpose: 'INVITE', email: issued.email });
    // Reading the page does not use the link up.
    expect((await readPasswordLink(issued.token, T0)).status).toBe('valid');

    const done = await setPasswordWithLink(issued.token, NEW_PASSWORD, new Date(T0.getTime() + HOUR));
    expect(done.mustSetUpTwoFactor).toBe(false);
    const signedIn = await signInAt(issued.email, NEW_PASSWORD, new Date(T0.getTime() + 2 * HOUR));
    expect(signedIn).toMatchObject({ ok: true, mfaPending: false });
    expect(await db().user.findUniqueOrThrow({ where: { id: issued.userId } })).toMatchObject({
      invitePending: false,
      role: 'STAFF',
    });

    // Used: refused with a plain message, and the page says so.
    const again = await refusal(setPasswordWithLink(issued.token, 'another long password', T0));
    expect(again).toEqual({
      code: 'GONE',
      message: expect.stringContaining('This link has already been used.'),
    });
    expect((await readPasswordLink(issued.token, T0)).status).toBe('used');
  });

  it('stores only a hash of the link, and no audit entry holds the link', async () => {
    const issued = await invite('STAFF');
    const rows = await db().passwordLink.findMany({ where: { userId: issued.userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashPasswordLinkToken(issued.token));
    expect(rows[0]!.tokenHash).not.toContain(issued.token);
    const audit = await db().auditLog.findMany({ where: { entityId: issued.userId } });
    expect(audit.map((a) => a.detail)).toEqual([expect.objectContaining({ event: 'user_invited' })]);
    expect(JSON.stringify(audit)).not.toContain(issued.token);
    expect(audit[0]).toMatchObject({ actorId: admin.id, actorRole: 'ADMIN', action: 'CREATE' });
    expect(audit[0]!.at).toBeInstanceOf(Date);
  });

  it('refuses an expired link with a plain message', async () => {
    const issued = await invite('STAFF');
    const late = new Date(T0.getTime() + 7 * 24 * HOUR);
    expect((await readPasswordLink(issued.token, late)).status).toBe('expired');
    expect(await refusal(setPasswordWithLink(issued.token, NEW_PASSWORD, late))).toEqual({
      code: 'GONE',
      message: expect.stringContaining('This link has expired.'),
    });
  });

  it('refuses a link this portal never issued without touching the database', async () => {
    expect((await readPasswordLink('not-a-token', T0)).status).toBe('unknown');
    expect((await readPasswordLink('A'.repeat(43), T0)).status).toBe('unknown');
    expect((await refusal(setPasswordWithLink("x' OR 1=1 --", NEW_PASSWORD, T0))).code).toBe('GONE');
    expect(await refusal(setPasswordWithLink('A'.repeat(43), NEW_PASSWORD, T0))).toEqual({
      code: 'GONE',
      message: expect.stringContaining('This link doesn’t work.'),
    });
  });

  it('lets only one of two simultaneous submissions of the same link set the password', async () => {
    const issued = await invite('STAFF');
    const results = await Promise.allSettled([
      setPasswordWithLink(issued.token, 'first long password!', T0),
      setPasswordWithLink(issued.token, 'second long password', T0),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('sends an invited admin to two-factor set-up after the password', async () => {
    const issued = await invite('ADMIN');
    const done = await setPasswordWithLink(issued.token, NEW_PASSWORD, T0);
    expect(done.mustSetUpTwoFactor).toBe(true);
    expect(await signInAt(issued.email, NEW_PASSWORD, T0)).toMatchObject({ ok: true, mfaPending: true });
  });

  it('gives an invited clinician the Clinician row patients and bookings need', async () => {
    const issued = await invite('CLINICIAN', { givenName: 'Sam', familyName: 'Rivera' });
    const clinician = await db().clinician.findUnique({ where: { userId: issued.userId } });
    expect(clinician).toMatchObject({ givenName: 'Sam', familyName: 'Rivera' });
  });

  it('refuses an email already on the team, whatever its case', async () => {
    const taken = await createSignInUser(clinicId);
    const result = await refusal(
      inviteUser(
        admin,
        inviteUserSchema.parse({ name: 'Twin', email: taken.email.toUpperCase(), role: 'STAFF' }),
        T0,
      ),
    );
    expect(result.code).toBe('INVALID_INPUT');
  });
});

describe('resetting a password', () => {
  it('ends every session of that person at once, stops the old password and older links, and the new link sets a new one', async () => {
    const person = await createSignInUser(clinicId);
    const a = await signInAt(person.email, TEST_PASSWORD, T0);
    const b = await signInAt(person.email, TEST_PASSWORD, T0);
    if (!a.ok || !b.ok) throw new Error('sign-in failed');
    expect(await state(a.sessionId, T0)).toBe('active');

    const later = new Date(T0.getTime() + 60_000);
    const first = await resetPassword(admin, { userId: person.id }, later);
    expect(first.purpose).toBe('RESET');
    expect(first.expiresAt).toEqual(new Date(later.getTime() + 24 * HOUR));
    expect(await state(a.sessionId, later)).toBe('signed-out:revoked');
    expect(await state(b.sessionId, later)).toBe('signed-out:revoked');
    expect(await signInAt(person.email, TEST_PASSWORD, later)).toEqual({
      ok: false,
      error: 'INVALID_CREDENTIALS',
    });

    const second = await resetPassword(admin, { userId: person.id }, later);
    const oldToken = first.url.split('/set-password/')[1]!;
    expect((await readPasswordLink(oldToken, later)).status).toBe('revoked');
    await setPasswordWithLink(second.url.split('/set-password/')[1]!, NEW_PASSWORD, later);
    expect(await signInAt(person.email, NEW_PASSWORD, later)).toMatchObject({ ok: true });

    expect(await adminEventsOf(person.id)).toEqual(['password_reset', 'password_reset']);
  });

  it('gives someone still invited a fresh invite link instead (a week), and refuses your own password', async () => {
    const issued = await invite('STAFF');
    const renewed = await resetPassword(admin, { userId: issued.userId }, T0);
    expect(renewed.purpose).toBe('INVITE');
    expect((await readPasswordLink(issued.token, T0)).status).toBe('revoked');
    expect((await refusal(resetPassword(admin, { userId: admin.id }, T0))).code).toBe('CONFLICT');
  });
});

describe('deactivating and reactivating', () => {
  it('signs the person out at their next request, refuses their sign-in, and says deactivated only after the right password', async () => {
    const person = await createSignInUser(clinicId);
    const signedIn = await signInAt(person.email, TEST_PASSWORD, T0);
    if (!signedIn.ok) throw new Error('sign-in failed');
    await putSessionCookie(signedIn.sessionId);
    expect((await getSessionUser())?.id).toBe(person.id);

    const result = await setUserActive(admin, { userId: person.id, active: false }, T0);
    expect(result).toEqual({ changed: true, futureAppointments: 0 });

    // The next request of that person (a fresh request: React's per-request cache is new).
    expect(await state(signedIn.sessionId, T0)).toBe('signed-out:unavailable');
    vi.resetModules();
    const fresh = await import('@/lib/auth/current-user');
    expect(await fresh.getSessionUser()).toBeNull();

    expect(await signInAt(person.email, 'a wrong password entirely', T0)).toEqual({
      ok: false,
      error: 'INVALID_CREDENTIALS',
    });
    expect(await signInAt(person.email, TEST_PASSWORD, T0)).toEqual({
      ok: false,
      error: 'ACCOUNT_DEACTIVATED',
    });

    const back = await setUserActive(admin, { userId: person.id, active: true }, T0);
    expect(back.changed).toBe(true);
    expect(await signInAt(person.email, TEST_PASSWORD, T0)).toMatchObject({ ok: true });
    // The old session stays ended: reactivating lets them sign in again, nothing more.
    expect(await state(signedIn.sessionId, T0)).not.toBe('active');

    expect(await adminEventsOf(person.id)).toEqual(['user_deactivated', 'user_reactivated']);
  });

  it('keeps a deactivated clinician in the history and flags their future appointments instead of deleting them', async () => {
    const issued = await invite('CLINICIAN', { givenName: 'Sam', familyName: 'Rivera' });
    const clinician = await db().clinician.findUniqueOrThrow({ where: { userId: issued.userId } });
    const patient = await createPatientRow(clinicId);
    const at = (h: number) => new Date(T0.getTime() + h * HOUR);
    await db().appointment.createMany({
      data: [
        {
          clinicianId: clinician.id,
          patientId: patient.id,
          startsAt: at(-48),
          endsAt: at(-47),
          kind: 'IN_PERSON',
          status: 'COMPLETED',
        },
        {
          clinicianId: clinician.id,
          patientId: patient.id,
          startsAt: at(24),
          endsAt: at(25),
          kind: 'TELEHEALTH',
        },
        {
          clinicianId: clinician.id,
          patientId: patient.id,
          startsAt: at(48),
          endsAt: at(49),
          kind: 'IN_PERSON',
          status: 'CONFIRMED',
        },
        {
          clinicianId: clinician.id,
          patientId: patient.id,
          startsAt: at(72),
          endsAt: at(73),
          kind: 'IN_PERSON',
          status: 'CANCELLED',
        },
      ],
    });
    const result = await setUserActive(admin, { userId: issued.userId, active: false }, T0);
    expect(result.futureAppointments).toBe(2);
    expect(await db().appointment.count({ where: { clinicianId: clinician.id } })).toBe(4);
    // The invite link stops working with the account.
    expect((await readPasswordLink(issued.token, T0)).status).toBe('revoked');
  });
});

describe('changing a role', () => {
  it('asks for the clinician’s names the first time, creates the Clinician row, and ends the person’s sessions', async () => {
    const person = await createSignInUser(clinicId, { role: 'STAFF' });
    const signedIn = await signInAt(person.email, TEST_PASSWORD, T0);
    if (!signedIn.ok) throw new Error('sign-in failed');

    const missing = await refusal(
      changeUserRole(admin, { userId: person.id, role: 'CLINICIAN', givenName: null, familyName: null }, T0),
    );
    expect(missing.code).toBe('INVALID_INPUT');
    expect(await db().user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ role: 'STAFF' });

    const changed = await changeUserRole(
      admin,
      { userId: person.id, role: 'CLINICIAN', givenName: 'Alex', familyName: 'Ng' },
      T0,
    );
    expect(changed.changed).toBe(true);
    expect(await db().clinician.findUnique({ where: { userId: person.id } })).toMatchObject({
      givenName: 'Alex',
      familyName: 'Ng',
    });
    expect(await state(signedIn.sessionId, T0)).toBe('signed-out:revoked');
    // Now a clinician: two-factor is required before anything else.
    expect(await signInAt(person.email, TEST_PASSWORD, T0)).toMatchObject({ ok: true, mfaPending: true });

    // Back to reception: the Clinician row (and so their history) stays.
    await changeUserRole(admin, { userId: person.id, role: 'STAFF', givenName: null, familyName: null }, T0);
    expect(await db().clinician.count({ where: { userId: person.id } })).toBe(1);
    const audit = await db().auditLog.findMany({ where: { entityId: person.id, actorId: admin.id } });
    expect(audit.map((a) => a.detail)).toEqual([
      expect.objectContaining({ event: 'role_changed', from: 'STAFF', to: 'CLINICIAN' }),
      expect.objectContaining({ event: 'role_changed', from: 'CLINICIAN', to: 'STAFF' }),
    ]);
  });
});

describe('the last active admin', () => {
  it('cannot be demoted or deactivated, by themself', async () => {
    expect(
      await refusal(
        changeUserRole(admin, { userId: admin.id, role: 'STAFF', givenName: null, familyName: null }, T0),
      ),
    ).toEqual({ code: 'CONFLICT', message: LAST_ADMIN });
    expect(await refusal(setUserActive(admin, { userId: admin.id, active: false }, T0))).toEqual({
      code: 'CONFLICT',
      message: LAST_ADMIN,
    });
    expect(await db().user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      role: 'ADMIN',
      active: true,
    });
  });

  it('does not count an invited admin who has not chosen a password', async () => {
    await invite('ADMIN');
    expect((await refusal(setUserActive(admin, { userId: admin.id, active: false }, T0))).message).toBe(
      LAST_ADMIN,
    );
  });

  it('lets an admin step down while another admin remains', async () => {
    const other = await adminActor(clinicId);
    await changeUserRole(other, { userId: other.id, role: 'STAFF', givenName: null, familyName: null }, T0);
    expect(await db().user.count({ where: { clinicId, role: 'ADMIN', active: true } })).toBe(1);
  });

  it('survives two admins demoting each other at the same moment: exactly one succeeds', async () => {
    const other = await adminActor(clinicId);
    const results = await Promise.allSettled([
      changeUserRole(admin, { userId: other.id, role: 'STAFF', givenName: null, familyName: null }, T0),
      changeUserRole(other, { userId: admin.id, role: 'STAFF', givenName: null, familyName: null }, T0),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db().user.count({ where: { clinicId, role: 'ADMIN', active: true } })).toBe(1);
  });

  it('survives two admins deactivating each other, or themselves, at the same moment', async () => {
    const other = await adminActor(clinicId);
    const crossed = await Promise.allSettled([
      setUserActive(admin, { userId: other.id, active: false }, T0),
      setUserActive(other, { userId: admin.id, active: false }, T0),
    ]);
    expect(crossed.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db().user.count({ where: { clinicId, role: 'ADMIN', active: true } })).toBe(1);

    const third = await adminActor(clinicId);
    const survivor = (await db().user.findFirstOrThrow({
      where: { clinicId, role: 'ADMIN', active: true, id: { not: third.id } },
    }))!;
    const me = survivor.id === admin.id ? admin : other;
    const selves = await Promise.allSettled([
      setUserActive(me, { userId: me.id, active: false }, T0),
      setUserActive(third, { userId: third.id, active: false }, T0),
    ]);
    expect(selves.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db().user.count({ where: { clinicId, role: 'ADMIN', active: true } })).toBe(1);
  });

  it('refuses an admin whose own role was taken away meanwhile', async () => {
    const other = await adminActor(clinicId);
    await changeUserRole(admin, { userId: other.id, role: 'STAFF', givenName: null, familyName: null }, T0);
    // `other` still holds a SessionUser saying ADMIN (a request already past its guard).
    const stale = await refusal(setUserActive(other, { userId: admin.id, active: false }, T0));
    expect(stale.code).toBe('FORBIDDEN');
  });
});

describe('correcting a name or email', () => {
  const details = (
    actor: SessionUser,
    userId: string,
    input: { name: string; email: string },
    emailChangeConfirmed = true,
  ) =>
    updateUserDetails(actor, { userId, ...updateUserDetailsSchema.parse(input), emailChangeConfirmed }, T0);

  async function appError(promise: Promise<unknown>): Promise<AppError> {
    try {
      await promise;
    } catch (err) {
      if (isAppError(err)) return err;
      throw err;
    }
    throw new Error('expected a refusal');
  }

  it('renames a person without ending their sessions, and the new name is what their next request sees', async () => {
    const person = await createSignInUser(clinicId);
    const signedIn = await signInAt(person.email, TEST_PASSWORD, T0);
    if (!signedIn.ok) throw new Error('sign-in failed');

    const result = await details(admin, person.id, { name: '  Samira Okafor ', email: person.email }, false);
    expect(result).toEqual({ nameChanged: true, emailChanged: false, sessionsEnded: 0 });
    expect(await db().user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      name: 'Samira Okafor',
      email: person.email,
    });
    expect(await state(signedIn.sessionId, T0)).toBe('active');
    await putSessionCookie(signedIn.sessionId);
    expect((await getSessionUser())?.name).toBe('Samira Okafor');

    // Saving the same values again changes nothing and records nothing more.
    expect(await details(admin, person.id, { name: 'Samira Okafor', email: person.email })).toEqual({
      nameChanged: false,
      emailChanged: false,
      sessionsEnded: 0,
    });
    expect(await db().auditLog.count({ where: { entityId: person.id, actorId: admin.id } })).toBe(1);
  });

  it('changes an email (stored lower-case) only once confirmed, ends every session, and sign-in then takes only the new address', async () => {
    const person = await createSignInUser(clinicId);
    const a = await signInAt(person.email, TEST_PASSWORD, T0);
    const b = await signInAt(person.email, TEST_PASSWORD, T0);
    if (!a.ok || !b.ok) throw new Error('sign-in failed');
    const newEmail = `Renamed.${Date.now().toString(36)}@Example.TEST`;

    const unconfirmed = await appError(
      details(admin, person.id, { name: 'Test staff', email: newEmail }, false),
    );
    expect(unconfirmed.code).toBe('INVALID_INPUT');
    expect(unconfirmed.fieldErrors).toEqual({ confirm: [CONFIRM_EMAIL_CHANGE] });
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).email).toBe(person.email);
    expect(await state(a.sessionId, T0)).toBe('active');

    const result = await details(admin, person.id, { name: 'Test staff', email: newEmail });
    expect(result).toEqual({ nameChanged: false, emailChanged: true, sessionsEnded: 2 });
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).email).toBe(
      newEmail.toLowerCase(),
    );
    expect(await state(a.sessionId, T0)).toBe('signed-out:revoked');
    expect(await state(b.sessionId, T0)).toBe('signed-out:revoked');
    expect(await signInAt(person.email, TEST_PASSWORD, T0)).toEqual({
      ok: false,
      error: 'INVALID_CREDENTIALS',
    });
    expect(await signInAt(newEmail, TEST_PASSWORD, T0)).toMatchObject({ ok: true });
  });

  it('refuses an email someone else has (whatever its case, in any clinic) with a message against the email field', async () => {
    const person = await createSignInUser(clinicId);
    const elsewhere = await createSignInUser((await createAuthClinic()).id);
    const refused = await appError(
      details(admin, person.id, { name: 'Test staff', email: elsewhere.email.toUpperCase() }),
    );
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.fieldErrors).toEqual({ email: [EMAIL_TAKEN] });
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).email).toBe(person.email);
  });

  it('gives one address to only one of two people changed at the same moment, in two clinics; the other gets the field message', async () => {
    const otherClinic = (await createAuthClinic()).id;
    const otherAdmin = await adminActor(otherClinic);
    const here = await createSignInUser(clinicId);
    const there = await createSignInUser(otherClinic);
    const wanted = `wanted.${Date.now().toString(36)}@example.test`;
    const results = await Promise.allSettled([
      details(admin, here.id, { name: 'Test staff', email: wanted }),
      details(otherAdmin, there.id, { name: 'Test staff', email: wanted }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(isAppError(lost.reason)).toBe(true);
    expect((lost.reason as AppError).fieldErrors).toEqual({ email: [EMAIL_TAKEN] });
    expect(await db().user.count({ where: { email: wanted } })).toBe(1);
  });

  it('does not find a person of another clinic, and changes nothing there', async () => {
    const elsewhere = await createSignInUser((await createAuthClinic()).id);
    expect(
      await refusal(details(admin, elsewhere.id, { name: 'Taken Over', email: elsewhere.email })),
    ).toEqual({
      code: 'NOT_FOUND',
      message: USER_NOT_FOUND,
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: elsewhere.id } })).name).toBe('Test staff');
  });

  it('refuses anyone who is not an active admin (reception, or an admin demoted meanwhile)', async () => {
    const person = await createSignInUser(clinicId);
    const reception = await createSignInUser(clinicId, { role: 'STAFF' });
    const receptionActor: SessionUser = { ...admin, id: reception.id, role: 'STAFF', email: reception.email };
    expect(
      (await refusal(details(receptionActor, person.id, { name: 'Renamed', email: person.email }))).code,
    ).toBe('FORBIDDEN');
    const other = await adminActor(clinicId);
    await changeUserRole(admin, { userId: other.id, role: 'STAFF', givenName: null, familyName: null }, T0);
    expect((await refusal(details(other, person.id, { name: 'Renamed', email: person.email }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).name).toBe('Test staff');
  });

  it('records which fields changed in the audit, never the names or addresses themselves', async () => {
    const person = await createSignInUser(clinicId);
    const newEmail = `audited.${Date.now().toString(36)}@example.test`;
    await details(admin, person.id, { name: 'Priya Natarajan', email: person.email });
    await details(admin, person.id, { name: 'Priya Natarajan-Lee', email: newEmail });
    const audit = await adminAuditOf(person.id);
    expect(audit.map((a) => a.detail)).toEqual([
      { event: 'details_changed', fields: ['name'], sessionsEnded: 0 },
      { event: 'details_changed', fields: ['name', 'email'], sessionsEnded: 0 },
    ]);
    const stored = JSON.stringify(audit);
    for (const value of ['Priya', 'Natarajan', 'Test staff', person.email, newEmail]) {
      expect(stored).not.toContain(value);
    }
  });
});
