// One made-up Twilio account for the tests that run the emulator: each file
// starts its own emulator with it, so sharing the values shares nothing else.
export const twilioTestCredentials = {
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  authToken: '0123456789abcdef0123456789abcdef',
  apiKey: 'SK0123456789abcdef0123456789abcdef',
  apiSecret: 'a-long-enough-api-key-secret-for-tests',
};

/**
 * A made-up account as the env variables the start-up check reads: each id is one character
 * repeated (a test picks others to tell two accounts apart), and the API secret is the test's
 * own, so it can look for it in what was printed.
 */
export function fakeTwilioEnv(
  apiSecret: string,
  [sid, token, key]: readonly [string, string, string] = ['a', 'b', 'c'],
) {
  return {
    TWILIO_ACCOUNT_SID: `AC${sid.repeat(32)}`,
    TWILIO_AUTH_TOKEN: token.repeat(32),
    TWILIO_API_KEY: `SK${key.repeat(32)}`,
    TWILIO_API_SECRET: apiSecret,
    TWILIO_PHONE_NUMBER: '+61491570156',
    TWILIO_WHATSAPP_FROM: 'whatsapp:+61491570157',
  };
}
