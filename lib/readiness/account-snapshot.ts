import 'server-only';

// The account's type and, while it is a Trial, its verified caller IDs, kept
// for a minute: the trial guard runs before every message and the banner on
// every staff page, and neither should cost a Twilio round trip each time.
// A minute is short enough that an upgrade shows within one; and the process
// that sees the account change first tells the others, which drop their copy
// at once (lib/db/settings-changed.ts).
import { announceSettingsChanged, watchSettings } from '@/lib/db/settings-changed';
import { fetchAccount, type TwilioAccountInfo } from '@/lib/twilio/fetch-account';
import { listVerifiedCallerIds } from '@/lib/twilio/list-verified-caller-ids';
import type { TwilioClient } from '@/lib/twilio/client';
import { twilioClient } from '@/lib/twilio/client';

export interface AccountSnapshot {
  type: TwilioAccountInfo['type'];
  status: TwilioAccountInfo['status'];
  /** E.164 numbers; empty for a Full account (it may message anyone). */
  verifiedCallerIds: ReadonlySet<string>;
  fetchedAt: number;
}

export const ACCOUNT_SNAPSHOT_TTL_MS = 60_000;

let cached: { value: Promise<AccountSnapshot>; expiresAt: number } | undefined;
/** What this process last saw, to tell the others when it changes. */
let lastSeen: string | undefined;

const forgetChanged = (change: { setting: string } | 'everything') => {
  if (change === 'everything' || change.setting === 'account') cached = undefined;
};

function fingerprint(snapshot: AccountSnapshot): string {
  return JSON.stringify([snapshot.type, snapshot.status, [...snapshot.verifiedCallerIds].sort()]);
}

async function load(client: TwilioClient): Promise<AccountSnapshot> {
  const account = await fetchAccount(client);
  const verifiedCallerIds =
    account.type === 'Trial' ? new Set(await listVerifiedCallerIds(client)) : new Set<string>();
  return { type: account.type, status: account.status, verifiedCallerIds, fetchedAt: Date.now() };
}

export function getAccountSnapshot(
  options: { client?: () => TwilioClient; now?: number } = {},
): Promise<AccountSnapshot> {
  const now = options.now ?? Date.now();
  // Kept for the minute even while notices cannot arrive: it is Twilio's data, and a dropped
  // listener forgets it on reconnect anyway.
  watchSettings(forgetChanged);
  if (cached && cached.expiresAt > now) return cached.value;
  const value = load((options.client ?? twilioClient)());
  cached = { value, expiresAt: now + ACCOUNT_SNAPSHOT_TTL_MS };
  value.then(
    (snapshot) => {
      const seen = fingerprint(snapshot);
      if (lastSeen !== undefined && lastSeen !== seen) {
        void announceSettingsChanged({ setting: 'account', clinicId: null });
      }
      lastSeen = seen;
    },
    () => {},
  );
  // A failed fetch is not kept: the next caller tries again.
  value.catch(() => {
    if (cached?.value === value) cached = undefined;
  });
  return value;
}

/** Forget the snapshot (after an upgrade is detected, or between tests). */
export function clearAccountSnapshot(): void {
  cached = undefined;
}
