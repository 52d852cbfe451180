// Five wrong attempts in a row lock an account for 15 minutes, counted in the
// database so it holds across server instances.
import { beforeAll, describe, expect, it } from 'vitest';

import { authenticate } from '@/lib/auth/authenticate';
import { LOCK_DURATION_MS } from '@/lib/auth/lockout-policy';
import { unlockUser } from '@/lib/auth/manage-user-security';
import type { SessionUser } from '@/lib/auth/session-user';
import { totpCode } from '@/lib/auth/totp';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';

import { createAuthClinic, createSignInUser, loginState, TEST_PASSWORD } from '../helpers/auth-fixtures';

const MINUTE = 60_000;
let clinicId: string;

beforeAll(async () => {
  clinicId = (await createAuthClinic()).id;
});

/** A clock that starts at a fixed instant and moves only when told. */
function clockAt(iso: string) {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

async function failTimes(email: string, times: number, now: Date) {
  const results = [];
  for (let i = 0; i < times; i++)
    results.push(await authenticate({ email, password: 'wrong password!' }, now));
  return results.map((r) => (r.ok ? 'ok' : r.error));
}

async function sessionCount(userId: string) {
  return db().authSession.count({ where: { userId } });
}

describe('account lockout', () => {
  it('locks the account for 15 minutes on the fifth wrong password in a row', async () => {
    const user = await createSignInUser(clinicId);
    const clock = clockAt('2026-11-25T10:00:00.000Z');

    const answers = await failTimes(user.email, 5, clock.now());

    expect(answers).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'ACCOUNT_LOCKED',
    ]);
    const state = await loginState(user.id);
    expect(state.lockedUntil?.toISOString()).toBe(
      new Date(clock.now().getTime() + 15 * MINUTE).toISOString(),
    );
    expect(LOCK_DURATION_MS).toBe(15 * MINUTE);
  });

  it('refuses a sixth attempt with the right password while locked, and creates no session', async () => {
    const user = await createSignInUser(clinicId);
    const clock = clockAt('2026-11-25T10:00:00.000Z');
    await failTimes(user.email, 5, clock.now());

    clock.advance(MINUTE);
    const result = await authenticate({ email: user.email, password: TEST_PASSWORD }, clock.now());

    expect(result).toEqual({ ok: false, error: 'ACCOUNT_LOCKED' });
    expect(await sessionCount(user.id)).toBe(0);
  });

  it('does not extend the lock when more attempts arrive while locked', async () => {
    const user = await createSignInUser(clinicId);
    const clock = clockAt('2026-11-25T10:00:00.000Z');
    await failTimes(user.email, 5, clock.now());
    const { lockedUntil } = await loginState(user.id);

    clock.advance(10 * MINUTE);
    expect(await failTimes(user.email, 3, clock.now())).toEqual([
      'ACCOUNT_LOCKED',
      'ACCOUNT_LOCKED',
      'ACCOUNT_LOCKED',
    ]);
    expect((await loginState(user.id)).lockedUntil).toEqual(lockedUntil);
  });

  it('lifts the lock after 15 minutes: the right password then signs in', async () => {
    const user = await createSignInUser(clinicId);
    const clock = clockAt('2026-11-25T10:00:00.000Z');
    await failTimes(user.email, 5, clock.now());

    clock.advance(15 * MINUTE - 1);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, clock.now())).toEqual({
      ok: false,
      error: 'ACCOUNT_LOCKED',
    });

    clock.advance(1);
    const result = await authenticate({ email: user.email, password: TEST_PASSWORD }, clock.now());
    expect(result.ok).toBe(true);
    const state = await loginState(user.id);
    expect(state.lockedUntil).toBeNull();
    expect(state.failedLoginCount).toBe(0);
  });

  it('needs five new failures to lock again after a lock has ended', async () => {
    const user = await createSignInUser(clinicId);
    const clock = clockAt('2026-11-25T10:00:00.000Z');
    await failTimes(user.email, 5, clock.now());

    clock.advance(16 * MINUTE);
    expect(await failTimes(user.email, 4, clock.now())).toEqual(Array(4).fill('INVALID_CREDENTIALS'));
    expect(await failTimes(user.email, 1, clock.now())).toEqual(['ACCOUNT_LOCKED']);
  });

  it('resets the count on a successful sign-in, so failures must be consecutive', async () => {
    const user = await createSignInUser(clinicId);
    const now = new Date('2026-11-25T10:00:00.000Z');
    await failTimes(user.email, 4, now);
    expect((await loginState(user.id)).failedLoginCount).toBe(4);

    expect((await authenticate({ email: user.email, password: TEST_PASSWORD }, now)).ok).toBe(true);
    expect((await loginState(user.id)).failedLoginCount).toBe(0);

    expect(await failTimes(user.email, 4, now)).toEqual(Array(4).fill('INVALID_CREDENTIALS'));
    expect((await loginState(user.id)).lockedUntil).toBeNull();
  });

  it('counts two failures from two server instances at the same moment as two', async () => {
    const user = await createSignInUser(clinicId);
    const now = new Date('2026-11-25T10:00:00.000Z');
    await failTimes(user.email, 3, now);

    const results = await Promise.all([
      authenticate({ email: user.email, password: 'wrong on instance A' }, now),
      authenticate({ email: user.email, password: 'wrong on instance B' }, now),
    ]);

    // The 4th and 5th failures: whichever landed second locked the account.
    expect(results.map((r) => (r.ok ? 'ok' : r.error)).sort()).toEqual([
      'ACCOUNT_LOCKED',
      'INVALID_CREDENTIALS',
    ]);
    const state = await loginState(user.id);
    expect(state.lockedUntil?.getTime()).toBe(now.getTime() + 15 * MINUTE);
  });

  it('locks exactly once when many failures arrive at once, with one lock audit entry', async () => {
    const user = await createSignInUser(clinicId);
    const now = new Date('2026-11-25T10:00:00.000Z');

    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => authenticate({ email: user.email, password: `wrong ${i}` }, now)),
    );

    const locked = results.filter((r) => !r.ok && r.error === 'ACCOUNT_LOCKED').length;
    const invalid = results.filter((r) => !r.ok && r.error === 'INVALID_CREDENTIALS').length;
    expect(invalid).toBe(4);
    expect(locked).toBe(4);
    const lockEntries = await db().auditLog.count({
      where: { entityType: 'User', entityId: user.id, action: 'UPDATE' },
    });
    expect(lockEntries).toBe(1);
  });

  it('counts wrong authenticator codes towards the same lock', async () => {
    const user = await createSignInUser(clinicId, { role: 'CLINICIAN', totp: true });
    const now = new Date('2026-11-25T10:00:00.000Z');
    const right = totpCode(user.totpSecret!, now.getTime());
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');

    const answers = [];
    for (let i = 0; i < 5; i++) {
      const r = await authenticate({ email: user.email, password: TEST_PASSWORD, code: wrong }, now);
      answers.push(r.ok ? 'ok' : r.error);
    }

    expect(answers).toEqual([
      'CODE_INVALID',
      'CODE_INVALID',
      'CODE_INVALID',
      'CODE_INVALID',
      'ACCOUNT_LOCKED',
    ]);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, code: right }, now)).toEqual({
      ok: false,
      error: 'ACCOUNT_LOCKED',
    });
  });

  it('asks for the code after a right password without counting it as a failure or a success', async () => {
    const user = await createSignInUser(clinicId, { role: 'ADMIN', totp: true });
    const now = new Date('2026-11-25T10:00:00.000Z');
    for (let i = 0; i < 4; i++) {
      await authenticate({ email: user.email, password: TEST_PASSWORD, code: '000000' }, now);
    }

    // A right password alone must not clear the count (or codes could be guessed forever).
    const step1 = await authenticate({ email: user.email, password: TEST_PASSWORD }, now);
    expect(step1).toEqual({ ok: false, error: 'CODE_REQUIRED' });
    expect((await loginState(user.id)).failedLoginCount).toBe(4);
    expect(await sessionCount(user.id)).toBe(0);
  });

  it('gives an unknown email the same answer as a wrong password', async () => {
    const user = await createSignInUser(clinicId);
    const now = new Date('2026-11-25T10:00:00.000Z');
    const unknown = await authenticate({ email: 'nobody-here@example.test', password: TEST_PASSWORD }, now);
    const wrong = await authenticate({ email: user.email, password: 'not the password' }, now);
    expect(unknown).toEqual({ ok: false, error: 'INVALID_CREDENTIALS' });
    expect(wrong).toEqual(unknown);
  });

  it('gives a deactivated account the same answer as a wrong password, even with the right one', async () => {
    const user = await createSignInUser(clinicId, { active: false });
    const result = await authenticate({ email: user.email, password: TEST_PASSWORD }, new Date());
    expect(result).toEqual({ ok: false, error: 'INVALID_CREDENTIALS' });
    expect(await sessionCount(user.id)).toBe(0);
  });

  it('matches the email whatever its case and surrounding spaces', async () => {
    const user = await createSignInUser(clinicId);
    const result = await authenticate(
      { email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD },
      new Date(),
    );
    expect(result.ok).toBe(true);
  });

  it('writes audit entries for refused and successful sign-ins without the email or password', async () => {
    const user = await createSignInUser(clinicId);
    const now = new Date('2026-11-25T10:00:00.000Z');
    await authenticate({ email: user.email, password: 'wrong password!' }, now);
    await authenticate({ email: user.email, password: TEST_PASSWORD }, now);

    const entries = await db().auditLog.findMany({
      where: { OR: [{ actorId: user.id }, { detail: { path: ['userId'], equals: user.id } }] },
      orderBy: { at: 'asc' },
    });
    expect(entries.map((e) => e.outcome)).toEqual(['DENIED', 'SUCCESS']);
    const text = JSON.stringify(entries);
    expect(text).not.toContain(user.email);
    expect(text).not.toContain(TEST_PASSWORD);
  });
});

describe('administrator unlock', () => {
  it('lets an administrator lift a lock early, and records who did it', async () => {
    const user = await createSignInUser(clinicId);
    const adminRow = await createSignInUser(clinicId, { role: 'ADMIN' });
    const admin: SessionUser = { ...adminRow, clinicId, name: 'Admin', clinicianId: null, sessionId: 'test' };
    const now = new Date();
    await failTimes(user.email, 5, now);

    await unlockUser(admin, { userId: user.id });

    expect(await loginState(user.id)).toMatchObject({ lockedUntil: null, failedLoginCount: 0 });
    expect((await authenticate({ email: user.email, password: TEST_PASSWORD }, now)).ok).toBe(true);
    const entry = await db().auditLog.findFirst({ where: { actorId: admin.id, entityId: user.id } });
    expect(entry).toMatchObject({ action: 'UPDATE', entityType: 'User', outcome: 'SUCCESS' });
  });

  it('refuses an unlock from someone without users.manage', async () => {
    const user = await createSignInUser(clinicId);
    const staffRow = await createSignInUser(clinicId, { role: 'STAFF' });
    const staff: SessionUser = { ...staffRow, clinicId, name: 'Staff', clinicianId: null, sessionId: 'test' };
    await expect(unlockUser(staff, { userId: user.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(unlockUser(staff, { userId: user.id })).rejects.toBeInstanceOf(AppError);
  });

  it('cannot unlock an account of another clinic', async () => {
    const otherClinic = await createAuthClinic();
    const stranger = await createSignInUser(otherClinic.id);
    const adminRow = await createSignInUser(clinicId, { role: 'ADMIN' });
    const admin: SessionUser = { ...adminRow, clinicId, name: 'Admin', clinicianId: null, sessionId: 'test' };
    await expect(unlockUser(admin, { userId: stranger.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
