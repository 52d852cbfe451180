// While the Twilio account is a Trial, a message to a number that is not a
// verified caller ID is refused before it reaches Twilio, with a message that
// explains the trial limit (instead of Twilio's 21608 after a round trip).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { clearAccountSnapshot, getAccountSnapshot } from '@/lib/readiness/account-snapshot';
import { assertTrialCanMessage } from '@/lib/readiness/assert-trial-can-message';
import { isTrialRecipientError, TrialRecipientError } from '@/lib/readiness/trial-recipient-error';
import { createTwilioClient } from '@/lib/twilio/client';
import { startTwilioEmulator, type TwilioEmulator } from '@/scripts/twilio-emulator';

const accountSid = 'AC3123456789abcdef0123456789abcdef';
const authToken = '3123456789abcdef0123456789abcdef';
const verified = '+61412000001';
const stranger = '+61412000002';

let emulator: TwilioEmulator;
const client = () =>
  createTwilioClient({ accountSid, authToken, emulatorUrl: emulator.url, timeoutMs: 3000 });
const guard = (to: string) => assertTrialCanMessage(to, { client });

beforeAll(async () => {
  emulator = await startTwilioEmulator({
    accountSid,
    authToken,
    accountType: 'Trial',
    verifiedCallerIds: [verified],
  });
});

beforeEach(() => {
  emulator.reset();
  clearAccountSnapshot();
});

afterEach(() => {
  expect(emulator.responseProblems()).toEqual([]);
});

afterAll(async () => {
  await emulator?.stop();
});

describe('assertTrialCanMessage', () => {
  it('refuses an unverified number on a Trial account with a message explaining the trial limit', async () => {
    const error = await guard(stranger).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(TrialRecipientError);
    expect(isTrialRecipientError(error)).toBe(true);
    expect(error).toMatchObject({ status: 409, retryable: false, twilioCode: 21608 });
    expect((error as Error).message).toMatch(/trial/i);
    expect((error as Error).message).not.toContain(stranger);
    expect(emulator.outbox()).toEqual([]);
  });

  it('lets a verified caller ID through, with or without the whatsapp: prefix', async () => {
    await expect(guard(verified)).resolves.toBeUndefined();
    await expect(guard(`whatsapp:${verified}`)).resolves.toBeUndefined();
    await expect(guard(`whatsapp:${stranger}`)).rejects.toBeInstanceOf(TrialRecipientError);
  });

  it('lets every number through once the account is Full', async () => {
    emulator.upgradeAccount();
    await expect(guard(stranger)).resolves.toBeUndefined();
  });

  it('keeps the account type for a minute, then notices an upgrade after the cache is cleared', async () => {
    await expect(guard(stranger)).rejects.toBeInstanceOf(TrialRecipientError);
    emulator.upgradeAccount();
    // Still cached: no second call to Twilio within the TTL.
    emulator.injectFailure({
      path: '/2010-04-01/Accounts/*.json',
      fault: { type: 'error', code: 20500, status: 500 },
      always: true,
    });
    await expect(guard(stranger)).rejects.toBeInstanceOf(TrialRecipientError);
    emulator.clearFailures();
    clearAccountSnapshot();
    await expect(guard(stranger)).resolves.toBeUndefined();
  });

  it('refetches after the TTL has passed', async () => {
    const first = await getAccountSnapshot({ client });
    emulator.upgradeAccount();
    expect((await getAccountSnapshot({ client, now: first.fetchedAt + 30_000 })).type).toBe('Trial');
    expect((await getAccountSnapshot({ client, now: Date.now() + 61_000 })).type).toBe('Full');
  });

  it('lets the message through (Twilio still enforces the rule) when the account cannot be read', async () => {
    emulator.injectFailure({
      path: '/2010-04-01/Accounts/*.json',
      fault: { type: 'error', code: 20500, status: 500 },
    });
    await expect(guard(stranger)).resolves.toBeUndefined();
    // The failure was not cached: the next call reads the account and refuses.
    await expect(guard(stranger)).rejects.toBeInstanceOf(TrialRecipientError);
  });
});
