import 'server-only';

// Call before sending any SMS or WhatsApp message. While the account is a
// Trial, Twilio refuses messages to numbers that are not verified caller IDs
// (21608) after a round trip, and the refusal reads like a fault; this refuses
// them first, with a message that explains the trial limit. When the account
// cannot be read, the message is let through: Twilio still enforces the rule.
import { log } from '@/lib/log/logger';
import type { TwilioClient } from '@/lib/twilio/client';

import { getAccountSnapshot } from './account-snapshot';
import { TrialRecipientError } from './trial-recipient-error';

/** Throws TrialRecipientError when a Trial account may not message `to` ("+61…" or "whatsapp:+61…"). */
export async function assertTrialCanMessage(
  to: string,
  options: { client?: () => TwilioClient } = {},
): Promise<void> {
  let snapshot;
  try {
    snapshot = await getAccountSnapshot({ client: options.client });
  } catch (err) {
    log.warn('readiness.trial_guard_unavailable', {
      errorName: err instanceof Error ? err.name : typeof err,
    });
    return;
  }
  if (snapshot.type !== 'Trial') return;
  const number = to.replace(/^[a-z]+:/, '');
  if (!snapshot.verifiedCallerIds.has(number)) throw new TrialRecipientError();
}
