// Throttling sign-in by where it comes from rather than locking the account
// (OWASP's advice): a network guessing one account, a network trying many
// accounts, and one account tried from many networks each get waits that grow
// with every further failure. The account throttle never applies to a network
// the owner has signed in from, so a stranger who knows an email address cannot
// keep its owner out. Every count lives in PostgreSQL (lib/rate-limit).
import 'server-only';

import {
  bucketKey,
  forgetBucket,
  isMarked,
  markBucket,
  refundAttempt,
  throttleAttempt,
  type BucketDb,
} from '@/lib/rate-limit/bucket-store';
import {
  KNOWN_SOURCE_MS,
  SECOND_FACTOR_ACCOUNT,
  SIGN_IN_ACCOUNT,
  SIGN_IN_NETWORK,
  SIGN_IN_SOURCE,
  type ThrottlePolicy,
} from '@/lib/rate-limit/policies';

const KNOWN_SOURCE = { name: 'sign-in:known' };

/** Who is asked to wait: the network (source or spray throttle) or the account (tried from many places). */
export type ThrottleScope = 'network' | 'account';

export type SignInGate =
  | { ok: true; succeeded(): Promise<void>; refund(): Promise<void> }
  | { ok: false; retryAt: Date; scope: ThrottleScope };

type Counted = { key: string; policy: ThrottlePolicy };

/**
 * Counts one sign-in attempt (a password, or a code after a right password)
 * against the network, the network-and-account pair and the account, or refuses
 * it while any of their waits runs. A refused attempt counts nowhere.
 */
export async function enterSignIn(
  attempt: { address: string; email: string; accountId: string | null },
  now: Date,
  store: BucketDb,
): Promise<SignInGate> {
  const { address, email, accountId } = attempt;
  const known = await isMarked(bucketKey(KNOWN_SOURCE, address, email), now, store);
  const checks: Array<Counted & { scope: ThrottleScope; accountId: string | null }> = [
    { key: bucketKey(SIGN_IN_NETWORK, address), policy: SIGN_IN_NETWORK, scope: 'network', accountId: null },
    { key: bucketKey(SIGN_IN_SOURCE, address, email), policy: SIGN_IN_SOURCE, scope: 'network', accountId },
    ...(known
      ? []
      : [
          {
            key: bucketKey(SIGN_IN_ACCOUNT, email),
            policy: SIGN_IN_ACCOUNT,
            scope: 'account' as const,
            accountId,
          },
        ]),
  ];
  const counted: Counted[] = [];
  for (const check of checks) {
    const outcome = await throttleAttempt(check.key, check.policy, now, {
      accountId: check.accountId,
      store,
    });
    if (!outcome.allowed) {
      // Refused: the attempt is not made, so it counts nowhere.
      for (const c of counted) await refundAttempt(c.key, c.policy, store);
      return { ok: false, retryAt: outcome.blockedUntil ?? now, scope: check.scope };
    }
    counted.push(check);
  }
  return {
    ok: true,
    async succeeded() {
      for (const c of counted) {
        // This network may try this account freely again; the others give back one attempt.
        if (c.policy === SIGN_IN_SOURCE) await forgetBucket(c.key, store);
        else await refundAttempt(c.key, c.policy, store);
      }
      await markBucket(
        bucketKey(KNOWN_SOURCE, address, email),
        new Date(now.getTime() + KNOWN_SOURCE_MS),
        now,
        {
          accountId,
          store,
        },
      );
    },
    async refund() {
      for (const c of counted) await refundAttempt(c.key, c.policy, store);
    },
  };
}

export type SecondFactorGate =
  { ok: true; succeeded(): Promise<void> } | { ok: false; retryAt: Date; scope: 'account' };

/** Wrong codes after a right password, from anywhere: the codes' own throttle. */
export async function enterSecondFactor(
  userId: string,
  now: Date,
  store: BucketDb,
): Promise<SecondFactorGate> {
  const key = bucketKey(SECOND_FACTOR_ACCOUNT, userId);
  const outcome = await throttleAttempt(key, SECOND_FACTOR_ACCOUNT, now, { accountId: userId, store });
  if (!outcome.allowed) return { ok: false, retryAt: outcome.blockedUntil ?? now, scope: 'account' };
  return { ok: true, succeeded: () => forgetBucket(key, store) };
}

/** The prefixes of the buckets that can keep an account waiting (what an administrator can clear). */
export const ACCOUNT_THROTTLE_POLICIES = [SIGN_IN_SOURCE, SIGN_IN_ACCOUNT, SECOND_FACTOR_ACCOUNT].map(
  (p) => p.name,
);
