// One file's emulator set-up for tests that call Twilio's API directly: the
// emulator and a callback listener start before the file's tests and stop after
// them; each test starts from a reset emulator and an empty listener, and fails
// if any response the emulator sent broke Twilio's response schema.
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

import { createTwilioClient, type TwilioClient, type TwilioClientOptions } from '@/lib/twilio/client';
import {
  startTwilioEmulator,
  type TwilioEmulator,
  type TwilioEmulatorOptions,
} from '@/scripts/twilio-emulator';

import { startCallbackListener, type CallbackListener } from './callback-listener';

export type EmulatorSuite = {
  emulator: TwilioEmulator;
  listener: CallbackListener;
  /** A twilio helper client for the emulator, signed with the account's first API key. */
  clientWith(overrides?: Partial<TwilioClientOptions>): TwilioClient;
};

/** `answer` is the listener's status for a callback to a path (200 unless given). */
export function setUpEmulatorSuite(
  options: TwilioEmulatorOptions,
  answer?: (path: string) => number,
): EmulatorSuite {
  // Filled in by beforeAll: tests read suite.emulator and suite.listener.
  const suite = {
    clientWith: (overrides = {}) =>
      createTwilioClient({
        accountSid: options.accountSid,
        apiKey: options.apiKeys?.[0]?.sid,
        apiSecret: options.apiKeys?.[0]?.secret,
        emulatorUrl: suite.emulator.url,
        timeoutMs: 3000,
        ...overrides,
      }),
  } as EmulatorSuite;
  beforeAll(async () => {
    suite.listener = await startCallbackListener(answer);
    suite.emulator = await startTwilioEmulator(options);
  });
  beforeEach(() => {
    suite.emulator.reset();
    suite.listener.received.length = 0;
    suite.listener.replies.length = 0;
  });
  afterEach(() => {
    // Every response the emulator sent in the test matched Twilio's response schema for it.
    expect(suite.emulator.responseProblems()).toEqual([]);
  });
  afterAll(async () => {
    await suite.emulator?.stop();
    await suite.listener?.close();
  });
  return suite;
}
