// The sign-in decision, called by the sign-in form's server action, by the
// next-auth Credentials provider, and by tests with a fixed clock. Returns a new
// AuthSession id or the reason for refusing, as a code the form turns into a
// plain message. Failures never lock the account: the source is throttled
// (sign-in-throttle.ts) and the owner is told at their next sign-in.
import 'server-only';

import { recordAudit } from '@/lib/audit/record-audit';
import { recordChange } from '@/lib/audit/record-change';
import { db } from '@/lib/db/client';
import { log } from '@/lib/log/logger';
import type { BucketDb } from '@/lib/rate-limit/bucket-store';
import { UNVERIFIED_SOURCE } from '@/lib/rate-limit/client-address';

import { createAuthSession } from './create-auth-session';
import { isMfaRequired } from './mfa-requirement';
import { dummyPasswordHash, verifyPassword } from './password';
import { recordFailedLogin, recordSuccessfulLogin } from './record-login-attempt';
import { issueSecondFactorTicket, ticketUserId, verifySecondFactorTicket } from './second-factor-ticket';
import type { SignInError } from './sign-in-messages';
import { enterSecondFactor, enterSignIn, type ThrottleScope } from './sign-in-throttle';
import { verifySecondFactor } from './verify-second-factor';

/**
 * Either the password, or (for the code step) the ticket the password step
 * handed back, which proves the password without carrying it.
 */
export type SignInCredentials = {
  email: string;
  password?: string | null;
  ticket?: string | null;
  code?: string | null;
};

/** Where the attempt comes from (lib/rate-limit/client-address.ts), and the database the throttles live in. */
export type SignInSource = { address?: string; store?: BucketDb };

export type { SignInError };

export type SignInResult =
  | { ok: true; sessionId: string; userId: string; mfaPending: boolean }
  /** The password was right; the account has an authenticator: ask for its code, sending this ticket with it. */
  | { ok: false; error: 'CODE_REQUIRED'; ticket: string }
  | { ok: false; error: 'RATE_LIMITED'; retryAfterSeconds: number; scope: ThrottleScope }
  | { ok: false; error: Exclude<SignInError, 'CODE_REQUIRED' | 'RATE_LIMITED'> };

const MAX_EMAIL_LENGTH = 320;
const MAX_PASSWORD_LENGTH = 1024;
const MAX_TICKET_LENGTH = 512;

export async function authenticate(
  credentials: SignInCredentials,
  now: Date = new Date(),
  source: SignInSource = {},
): Promise<SignInResult> {
  const email = credentials.email.trim().toLowerCase();
  const password = credentials.password ?? '';
  const ticket = credentials.ticket?.trim() || null;
  const code = credentials.code?.trim() || null;
  if (
    !email ||
    email.length > MAX_EMAIL_LENGTH ||
    password.length > MAX_PASSWORD_LENGTH ||
    (ticket ? ticket.length > MAX_TICKET_LENGTH || !code : !password)
  ) {
    return { ok: false, error: ticket ? 'CODE_INVALID' : 'INVALID_CREDENTIALS' };
  }
  const store = source.store ?? db();
  const address = source.address ?? UNVERIFIED_SOURCE;

  const user = await db().user.findFirst({
    where: ticket
      ? { id: ticketUserId(ticket) ?? '', email: { equals: email, mode: 'insensitive' } }
      : { email: { equals: email, mode: 'insensitive' } },
    omit: { passwordHash: false, totpSecret: false },
    include: { clinic: { select: { mfaRequiredForAll: true } } },
  });

  const gate = await enterSignIn({ address, email, accountId: user?.id ?? null }, now, store);
  if (!gate.ok) return rateLimited(gate.retryAt, gate.scope, now, user?.id ?? null);

  // The hash is checked in every case (not for a ticket, which already proved
  // the password), so a wrong email and a wrong password take the same time.
  const passwordOk = ticket
    ? user !== null && verifySecondFactorTicket(ticket, user, now)
    : await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);

  if (!user) return refuse(ticket ? 'CODE_INVALID' : 'INVALID_CREDENTIALS', null);
  // Deactivated: only someone who proved the password is told so (anyone else
  // gets the wrong-password answer, which reveals nothing about the account).
  if (!user.active) {
    return refuse(
      passwordOk ? 'ACCOUNT_DEACTIVATED' : ticket ? 'TICKET_EXPIRED' : 'INVALID_CREDENTIALS',
      user.id,
    );
  }
  // A ticket that no longer holds (expired, or the password changed): start again.
  if (!passwordOk && ticket) return refuse('TICKET_EXPIRED', user.id);
  if (!passwordOk) return fail(user.id, 'INVALID_CREDENTIALS', now);

  const enrolled = user.totpEnabledAt !== null && user.totpSecret !== null;
  let secondFactor: 'authenticator' | 'none' = 'none';
  if (enrolled) {
    // A right password without a code is neither a failure nor a success: it is
    // given back to the throttles, but does not clear them (or it could be used
    // to reset the count between code guesses).
    if (!code) {
      await gate.refund();
      return {
        ok: false,
        error: 'CODE_REQUIRED',
        ticket: issueSecondFactorTicket(user.id, user.passwordHash, now),
      };
    }
    const codeGate = await enterSecondFactor(user.id, now, store);
    if (!codeGate.ok) {
      await gate.refund();
      return rateLimited(codeGate.retryAt, codeGate.scope, now, user.id);
    }
    const codeOk = await verifySecondFactor(
      { id: user.id, totpSecret: user.totpSecret!, totpLastStep: user.totpLastStep },
      code,
      now,
    );
    if (!codeOk) return fail(user.id, 'CODE_INVALID', now);
    await codeGate.succeeded();
    secondFactor = 'authenticator';
  }

  await gate.succeeded();
  // Required but not yet set up: a session that can only reach the enrolment page.
  const mfaPending = !enrolled && isMfaRequired(user.role, user.clinic.mfaRequiredForAll);
  const failedSignIns = await recordSuccessfulLogin(user.id, now);
  const sessionId = await createAuthSession(user.id, now, mfaPending, failedSignIns);
  await recordChange(db(), user, 'CREATE', {
    type: 'AuthSession',
    id: sessionId,
    detail: { event: 'sign_in', secondFactor, mfaPending, failedSinceLastSignIn: failedSignIns.count },
  });
  return { ok: true, sessionId, userId: user.id, mfaPending };
}

async function fail(
  userId: string,
  error: 'INVALID_CREDENTIALS' | 'CODE_INVALID',
  now: Date,
): Promise<SignInResult> {
  await recordFailedLogin(userId, now);
  return refuse(error, userId);
}

async function refuse(
  error: 'INVALID_CREDENTIALS' | 'CODE_INVALID' | 'TICKET_EXPIRED' | 'ACCOUNT_DEACTIVATED',
  userId: string | null,
): Promise<SignInResult> {
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

/** Logged, not audited: under attack these arrive by the thousand and each would be a row. */
function rateLimited(retryAt: Date, scope: ThrottleScope, now: Date, userId: string | null): SignInResult {
  const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  log.info('auth.sign_in_throttled', { scope, retryAfterSeconds, userId: userId ?? undefined });
  return { ok: false, error: 'RATE_LIMITED', retryAfterSeconds, scope };
}
