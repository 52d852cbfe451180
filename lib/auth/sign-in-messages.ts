// What the sign-in page says. Client-safe (no server imports). Plain and kind;
// none says whether an email address has an account.
import { formatWait } from '@/lib/rate-limit/format-wait';

/**
 * - INVALID_CREDENTIALS: wrong email or password (never says which).
 * - CODE_REQUIRED: password right, the account has an authenticator: ask for its code.
 * - CODE_INVALID: the authenticator or recovery code was wrong or already used.
 * - TICKET_EXPIRED: the code step waited too long (or the password changed meanwhile): start again.
 * - RATE_LIMITED: too many attempts from this network, or on this account from many places: wait.
 * - ACCOUNT_DEACTIVATED: the right password for an account an administrator deactivated (only
 *   said after the right password, so it reveals nothing to someone guessing).
 */
export type SignInError =
  | 'INVALID_CREDENTIALS'
  | 'CODE_REQUIRED'
  | 'CODE_INVALID'
  | 'TICKET_EXPIRED'
  | 'RATE_LIMITED'
  | 'ACCOUNT_DEACTIVATED';

export const signInMessages = {
  INVALID_CREDENTIALS: 'That email and password don’t match our records. Please check them and try again.',
  CODE_INVALID: 'That code didn’t work. Codes change every 30 seconds: enter the newest one and try again.',
  RECOVERY_CODE_INVALID:
    'That recovery code didn’t work. Each code works only once: try another one from your list.',
  CODE_MISSING: 'Enter the 6-digit code from your authenticator app.',
  RECOVERY_CODE_MISSING: 'Enter one of your recovery codes.',
  TICKET_EXPIRED: 'That took a little too long, so please enter your password again.',
  UNEXPECTED: 'We couldn’t sign you in just now. Please try again in a moment.',
  ACCOUNT_DEACTIVATED:
    'Your account has been deactivated, so you can’t sign in. If you still work here, ask your practice manager to reactivate it.',
  SIGNED_OUT: 'You have signed out.',
  /** A session of a deactivated account, at its next request. */
  DEACTIVATED_SIGNED_OUT:
    'You were signed out because your account has been deactivated. If you still work here, ask your practice manager.',
  /** A session an administrator ended (a password reset, a role change). */
  REVOKED:
    'You were signed out because your account was changed (a new password or role, say). Please sign in again.',
  PASSWORD_SET: 'Your password is set. Sign in with your email and new password.',
  PASSWORD_SET_TWO_FACTOR:
    'Your password is set. Sign in with your email and new password; next you will set up two-factor sign-in with an authenticator app on your phone.',
  FORGOTTEN_PASSWORD:
    'Forgotten your password? Ask your practice manager (an admin) to reset it: they will give you a link to choose a new one.',
  IDLE: 'For your privacy you were signed out after 30 minutes without activity.',
  EXPIRED: 'For your privacy you are signed out 12 hours after signing in. Please sign in again.',
} as const;

/** The sentence for a throttled attempt: who is waiting, for how long, and what to do. */
export function rateLimitedMessage(scope: 'network' | 'account', retryAfterSeconds: number): string {
  const wait = formatWait(retryAfterSeconds);
  return scope === 'network'
    ? `Too many attempts from this network. Wait ${wait}, then try again.`
    : `Too many sign-in attempts on this account from different places. Wait ${wait}, then try again. If this keeps happening, tell the practice manager.`;
}

/**
 * What the owner is told after signing in, when someone (perhaps they) got the
 * password or code wrong since their last sign-in. `latest` is already in clinic time.
 */
export function failedSignInsMessage(count: number, latest: string): string {
  const attempts = count === 1 ? '1 failed sign-in attempt' : `${count} failed sign-in attempts`;
  return `${attempts} on your account since your last sign-in, the latest on ${latest} (clinic time). If this wasn’t you, tell the practice manager.`;
}
