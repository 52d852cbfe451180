// The sign-in decision, called by the next-auth Credentials provider (and by
// tests with a fixed clock). Returns a new AuthSession id or the reason for
// refusing, as a code the sign-in form turns into a plain message.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { db } from '@/lib/db/client';
import { log } from '@/lib/log/logger';

import { createAuthSession } from './create-auth-session';
import { isLocked } from './lockout-policy';
import { isMfaRequired } from './mfa-requirement';
import { dummyPasswordHash, verifyPassword } from './password';
import { recordFailedLogin, recordSuccessfulLogin } from './record-login-attempt';
import type { SignInError } from './sign-in-messages';
import { verifySecondFactor } from './verify-second-factor';

export type SignInCredentials = { email: string; password: string; code?: string | null };

export type { SignInError };

export type SignInResult =
  { ok: true; sessionId: string; userId: string; mfaPending: boolean } | { ok: false; error: SignInError };

const MAX_EMAIL_LENGTH = 320;
const MAX_PASSWORD_LENGTH = 1024;

export async function authenticate(
  credentials: SignInCredentials,
  now: Date = new Date(),
): Promise<SignInResult> {
  const email = credentials.email.trim().toLowerCase();
  const { password } = credentials;
  const code = credentials.code?.trim() || null;
  if (!email || !password || email.length > MAX_EMAIL_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    return { ok: false, error: 'INVALID_CREDENTIALS' };
  }

  const user = await db().user.findFirst({
    where: { email: { equals: email, mode: 'insensitive' } },
    omit: { passwordHash: false, totpSecret: false },
    include: { clinic: { select: { mfaRequiredForAll: true } } },
  });

  // The hash is checked in every case, so a wrong email, a locked account and
  // a wrong password all take the same time.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);

  if (!user) return refuse('INVALID_CREDENTIALS', null);
  if (isLocked(user.lockedUntil, now)) return refuse('ACCOUNT_LOCKED', user.id);
  if (!user.active) return refuse('INVALID_CREDENTIALS', user.id);
  if (!passwordOk) return fail(user.id, 'INVALID_CREDENTIALS', now);

  const enrolled = user.totpEnabledAt !== null && user.totpSecret !== null;
  let secondFactor: 'authenticator' | 'none' = 'none';
  if (enrolled) {
    // A right password without a code neither counts as a failure nor clears
    // the count: otherwise it could be used to reset the count between code guesses.
    if (!code) return { ok: false, error: 'CODE_REQUIRED' };
    const codeOk = await verifySecondFactor(
      { id: user.id, totpSecret: user.totpSecret!, totpLastStep: user.totpLastStep },
      code,
      now,
    );
    if (!codeOk) return fail(user.id, 'CODE_INVALID', now);
    secondFactor = 'authenticator';
  }

  // Required but not yet set up: a session that can only reach the enrolment page.
  const mfaPending = !enrolled && isMfaRequired(user.role, user.clinic.mfaRequiredForAll);
  await recordSuccessfulLogin(user.id, now);
  const sessionId = await createAuthSession(user.id, now, mfaPending);
  await recordAudit({
    actor: { id: user.id, role: user.role },
    action: 'CREATE',
    entityType: 'AuthSession',
    entityId: sessionId,
    detail: { event: 'sign_in', secondFactor, mfaPending },
  });
  return { ok: true, sessionId, userId: user.id, mfaPending };
}

async function fail(userId: string, error: SignInError, now: Date): Promise<SignInResult> {
  const { locked, lockedByThisAttempt } = await recordFailedLogin(userId, now);
  if (lockedByThisAttempt) {
    await recordAudit({
      actor: null,
      action: 'UPDATE',
      entityType: 'User',
      entityId: userId,
      detail: { event: 'locked', reason: 'too_many_failed_attempts' },
    });
  }
  if (locked) return refuse('ACCOUNT_LOCKED', userId);
  return refuse(error, userId);
}

async function refuse(error: SignInError, userId: string | null): Promise<SignInResult> {
  log.info('auth.sign_in_refused', { reason: error, userId: userId ?? undefined });
  await recordAudit({
    actor: null,
    action: 'CREATE',
    entityType: 'AuthSession',
    outcome: 'DENIED',
    detail: { event: 'sign_in', reason: error, userId },
  });
  return { ok: false, error };
}
