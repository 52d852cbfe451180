// Signed-in sessions: 30 minutes idle and 12 hours at most, revoked on
// sign-out, a session owing its second factor reaches only enrolment, and a
// recovery code works once.
import { encode } from 'next-auth/jwt';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { sessionCookieName } from '@/lib/auth/auth-cookies';
import { authenticate } from '@/lib/auth/authenticate';
import { changePassword } from '@/lib/auth/change-password';
import { getSessionState, getSessionUser, requireEnrolmentSession } from '@/lib/auth/current-user';
import { confirmTotpEnrolment, startTotpEnrolment } from '@/lib/auth/enrol-totp';
import { requireApiUser } from '@/lib/auth/guards';
import { issueRecoveryCodes } from '@/lib/auth/issue-recovery-codes';
import { resetTwoFactor } from '@/lib/auth/manage-user-security';
import { hashRecoveryCode } from '@/lib/auth/recovery-codes';
import { resolveSession, type SessionState } from '@/lib/auth/resolve-session';
import { revokeAuthSession } from '@/lib/auth/revoke-auth-session';
import type { SessionUser } from '@/lib/auth/session-user';
import { totpCode } from '@/lib/auth/totp';
import { db } from '@/lib/db/client';

import { createAuthClinic, createSignInUser, TEST_PASSWORD } from '../helpers/auth-fixtures';
import { cookieJar } from '../helpers/request-cookies';
import { putSessionCookie } from '../helpers/session-cookie';

// The request's cookies, as next/headers would give them to a page or action.
vi.mock('next/headers', () => import('@/tests/helpers/request-cookies'));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let clinicId: string;

beforeAll(async () => {
  clinicId = (await createAuthClinic()).id;
});

beforeEach(() => {
  cookieJar.clear();
});

async function signIn(email: string, now: Date, code?: string) {
  const result = await authenticate({ email, password: TEST_PASSWORD, code }, now);
  if (!result.ok) throw new Error(`sign-in refused: ${result.error}`);
  return result;
}

function statusOf(state: SessionState) {
  return state.status === 'signed-out' ? `signed-out:${state.reason}` : state.status;
}

async function lastSeen(sessionId: string) {
  return (await db().authSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt;
}

describe('signing in creates a session', () => {
  it('lasts 12 hours at most and carries the user, role and Clinician row', async () => {
    const user = await createSignInUser(clinicId, { role: 'CLINICIAN', totp: true });
    const now = new Date('2026-11-25T08:00:00.000Z');
    const { sessionId } = await signIn(user.email, now, totpCode(user.totpSecret!, now.getTime()));

    const row = await db().authSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(12 * HOUR);
    expect(row.mfaPending).toBe(false);

    const state = await resolveSession(sessionId, new Date(now.getTime() + MINUTE));
    expect(state.status).toBe('active');
    const clinician = await db().clinician.findUniqueOrThrow({ where: { userId: user.id } });
    expect(state).toMatchObject({
      user: { id: user.id, role: 'CLINICIAN', clinicianId: clinician.id, sessionId },
    });
  });

  it('refuses the same authenticator code a second time (no replay)', async () => {
    const user = await createSignInUser(clinicId, { role: 'ADMIN', totp: true });
    const now = new Date('2026-11-25T08:00:00.000Z');
    const code = totpCode(user.totpSecret!, now.getTime());
    await signIn(user.email, now, code);

    const again = await authenticate(
      { email: user.email, password: TEST_PASSWORD, code },
      new Date(now.getTime() + 5000),
    );
    expect(again).toEqual({ ok: false, error: 'CODE_INVALID' });
  });
});

describe('idle timeout', () => {
  it('ends a session after 30 minutes without activity, measured from the last request', async () => {
    const user = await createSignInUser(clinicId);
    const t0 = new Date('2026-11-25T08:00:00.000Z').getTime();
    const { sessionId } = await signIn(user.email, new Date(t0));

    expect(statusOf(await resolveSession(sessionId, new Date(t0 + 29 * MINUTE)))).toBe('active');
    expect(statusOf(await resolveSession(sessionId, new Date(t0 + 58 * MINUTE)))).toBe('active');
    expect(statusOf(await resolveSession(sessionId, new Date(t0 + 88 * MINUTE)))).toBe('signed-out:idle');

    // Recorded in the database, so every instance agrees, and still explained later.
    const row = await db().authSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.revokedAt?.getTime()).toBe(t0 + 88 * MINUTE);
    expect(statusOf(await resolveSession(sessionId, new Date(t0 + 89 * MINUTE)))).toBe('signed-out:idle');
  });

  it('writes lastSeenAt at most once a minute', async () => {
    const user = await createSignInUser(clinicId);
    const t0 = new Date('2026-11-25T08:00:00.000Z').getTime();
    const { sessionId } = await signIn(user.email, new Date(t0));

    await resolveSession(sessionId, new Date(t0 + 30_000));
    expect((await lastSeen(sessionId)).getTime()).toBe(t0);
    await resolveSession(sessionId, new Date(t0 + 61_000));
    expect((await lastSeen(sessionId)).getTime()).toBe(t0 + 61_000);
  });
});

describe('absolute limit', () => {
  it('ends a session 12 hours after sign-in however active it has been', async () => {
    const user = await createSignInUser(clinicId);
    const t0 = new Date('2026-11-25T08:00:00.000Z').getTime();
    const { sessionId } = await signIn(user.email, new Date(t0));

    for (let t = t0 + 20 * MINUTE; t < t0 + 12 * HOUR; t += 20 * MINUTE) {
      expect(statusOf(await resolveSession(sessionId, new Date(t)))).toBe('active');
    }
    expect(statusOf(await resolveSession(sessionId, new Date(t0 + 12 * HOUR)))).toBe('signed-out:expired');
  });
});

describe('sign-out', () => {
  it('revokes the session in the database, so its cookie no longer signs anyone in', async () => {
    const user = await createSignInUser(clinicId);
    const now = new Date();
    const { sessionId } = await signIn(user.email, now);
    await putSessionCookie(sessionId);
    expect((await getSessionUser())?.id).toBe(user.id);

    expect(await revokeAuthSession(sessionId, new Date())).toBe(true);

    expect(await getSessionUser()).toBeNull();
    expect(statusOf(await getSessionState())).toBe('signed-out:revoked');
    await expect(requireApiUser()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('ignores a cookie that was tampered with or encrypted with another secret', async () => {
    cookieJar.set(sessionCookieName(), 'not-a-jwt');
    expect(await getSessionUser()).toBeNull();
    const foreign = await encode({ token: { sid: 'x' }, secret: 'another-secret-of-at-least-32-chars!!' });
    cookieJar.set(sessionCookieName(), foreign);
    expect(statusOf(await getSessionState())).toBe('signed-out:none');
  });

  it('ends other sessions when the password is changed, keeping the current one', async () => {
    const user = await createSignInUser(clinicId);
    const a = await signIn(user.email, new Date());
    const b = await signIn(user.email, new Date());
    const state = await resolveSession(a.sessionId, new Date());
    const me = (state as { user: SessionUser }).user;

    await changePassword(me, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new long password',
      confirmPassword: 'a brand new long password',
    });

    expect(statusOf(await resolveSession(a.sessionId, new Date()))).toBe('active');
    expect(statusOf(await resolveSession(b.sessionId, new Date()))).toBe('signed-out:revoked');
  });

  it('treats the sessions of a deactivated account as signed out, but not those of an account others fail to sign in to', async () => {
    const user = await createSignInUser(clinicId);
    const { sessionId } = await signIn(user.email, new Date());
    for (let i = 0; i < 8; i++) {
      await authenticate({ email: user.email, password: `wrong ${i}` }, new Date(), {
        address: '203.0.113.66',
      });
    }
    expect(statusOf(await resolveSession(sessionId, new Date()))).toBe('active');

    await db().user.update({ where: { id: user.id }, data: { active: false } });
    expect(statusOf(await resolveSession(sessionId, new Date()))).toBe('signed-out:unavailable');
  });
});

describe('second factor required but not set up', () => {
  it('gives admins and clinicians without an authenticator a session that reaches only enrolment', async () => {
    for (const role of ['ADMIN', 'CLINICIAN'] as const) {
      const user = await createSignInUser(clinicId, { role });
      const { sessionId, mfaPending } = await signIn(user.email, new Date());
      expect(mfaPending).toBe(true);
      await putSessionCookie(sessionId);

      expect(await getSessionUser()).toBeNull();
      await expect(requireApiUser()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await requireEnrolmentSession()).toEqual({ userId: user.id, sessionId, mfaPending: true });
    }
  });

  it('lets reception staff straight in, unless the clinic requires two-factor for everyone', async () => {
    const relaxed = await createSignInUser(clinicId, { role: 'STAFF' });
    expect((await signIn(relaxed.email, new Date())).mfaPending).toBe(false);

    const strictClinic = await createAuthClinic({ mfaRequiredForAll: true });
    const strict = await createSignInUser(strictClinic.id, { role: 'STAFF' });
    expect((await signIn(strict.email, new Date())).mfaPending).toBe(true);
  });

  it('opens the portal once enrolment is confirmed with a code, and issues 10 recovery codes stored hashed', async () => {
    const user = await createSignInUser(clinicId, { role: 'CLINICIAN' });
    const now = new Date();
    const { sessionId } = await signIn(user.email, now);
    await putSessionCookie(sessionId);

    const start = await startTotpEnrolment(user.id);
    if (start.status !== 'pending') throw new Error('expected a pending enrolment');
    expect(start.uri).toContain(`secret=${start.secret}`);
    // Reloading the page keeps the same secret, so a scanned QR code stays valid.
    expect(await startTotpEnrolment(user.id)).toEqual(start);

    const wrong = String((Number(totpCode(start.secret, now.getTime())) + 1) % 1_000_000).padStart(6, '0');
    await expect(
      confirmTotpEnrolment({ userId: user.id, sessionId }, { code: wrong }, now),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { code: [expect.any(String)] },
    });
    await expect(
      confirmTotpEnrolment({ userId: user.id, sessionId }, { code: 'abc' }, now),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });

    const codes = await confirmTotpEnrolment(
      { userId: user.id, sessionId },
      { code: totpCode(start.secret, now.getTime()) },
      now,
    );

    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await db().recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((r) => r.codeHash).sort()).toEqual(codes.map(hashRecoveryCode).sort());
    expect(JSON.stringify(stored)).not.toContain(codes[0]);

    expect((await getSessionUser())?.id).toBe(user.id);
    expect(await startTotpEnrolment(user.id)).toEqual({ status: 'enrolled' });
  });
});

describe('recovery codes', () => {
  it('sign a person in once each; the same code is refused the second time', async () => {
    const user = await createSignInUser(clinicId, { role: 'CLINICIAN', totp: true });
    const now = new Date();
    const [first, second] = await issueRecoveryCodes(user.id, now);

    const ok = await authenticate({ email: user.email, password: TEST_PASSWORD, code: first }, now);
    expect(ok).toMatchObject({ ok: true, mfaPending: false });

    const reused = await authenticate({ email: user.email, password: TEST_PASSWORD, code: first }, now);
    expect(reused).toEqual({ ok: false, error: 'CODE_INVALID' });

    // Typed in capitals with spaces instead of hyphens still works.
    const typed = second!.toUpperCase().replace(/-/g, ' ');
    expect((await authenticate({ email: user.email, password: TEST_PASSWORD, code: typed }, now)).ok).toBe(
      true,
    );
    expect(await db().recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(8);
  });

  it('are accepted once even when two requests present the same code at the same moment', async () => {
    const user = await createSignInUser(clinicId, { role: 'ADMIN', totp: true });
    const now = new Date();
    const [code] = await issueRecoveryCodes(user.id, now);

    const results = await Promise.all([
      authenticate({ email: user.email, password: TEST_PASSWORD, code }, now),
      authenticate({ email: user.email, password: TEST_PASSWORD, code }, now),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('stop working when an administrator resets two-factor, which also signs the person out', async () => {
    const user = await createSignInUser(clinicId, { role: 'CLINICIAN', totp: true });
    const adminRow = await createSignInUser(clinicId, { role: 'ADMIN' });
    const admin: SessionUser = { ...adminRow, clinicId, name: 'Admin', clinicianId: null, sessionId: 'test' };
    const now = new Date();
    const [code] = await issueRecoveryCodes(user.id, now);
    const { sessionId } = await signIn(user.email, now, totpCode(user.totpSecret!, now.getTime()));

    await resetTwoFactor(admin, { userId: user.id });

    expect(statusOf(await resolveSession(sessionId, new Date()))).toBe('signed-out:revoked');
    const after = await authenticate({ email: user.email, password: TEST_PASSWORD, code }, new Date());
    // No authenticator any more: the password alone gives a session that must enrol again.
    expect(after).toMatchObject({ ok: true, mfaPending: true });
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });
});
