// What the sign-in page says. Client-safe (no server imports): the form maps
// the error code next-auth hands back to one of these. Plain and kind; none
// says whether an email address has an account.

/**
 * - INVALID_CREDENTIALS: wrong email or password (never says which).
 * - ACCOUNT_LOCKED: five failures in a row; refused for 15 minutes even with the right password.
 * - CODE_REQUIRED: password right, the account has an authenticator: ask for its code.
 * - CODE_INVALID: the authenticator or recovery code was wrong or already used.
 */
export type SignInError = 'INVALID_CREDENTIALS' | 'ACCOUNT_LOCKED' | 'CODE_REQUIRED' | 'CODE_INVALID';

export const signInMessages = {
  INVALID_CREDENTIALS: 'That email and password don’t match our records. Please check them and try again.',
  ACCOUNT_LOCKED:
    'This account is locked after too many attempts. Try again in 15 minutes or ask an administrator to unlock it.',
  CODE_INVALID: 'That code didn’t work. Codes change every 30 seconds: enter the newest one and try again.',
  RECOVERY_CODE_INVALID:
    'That recovery code didn’t work. Each code works only once: try another one from your list.',
  CODE_MISSING: 'Enter the 6-digit code from your authenticator app.',
  RECOVERY_CODE_MISSING: 'Enter one of your recovery codes.',
  UNEXPECTED: 'We couldn’t sign you in just now. Please try again in a moment.',
  SIGNED_OUT: 'You have signed out.',
  IDLE: 'For your privacy you were signed out after 30 minutes without activity.',
  EXPIRED: 'For your privacy you are signed out 12 hours after signing in. Please sign in again.',
} as const;
