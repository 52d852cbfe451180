// One made-up Twilio account for the tests that run the emulator: each file
// starts its own emulator with it, so sharing the values shares nothing else.
export const twilioTestCredentials = {
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  authToken: '0123456789abcdef0123456789abcdef',
  apiKey: 'SK0123456789abcdef0123456789abcdef',
  apiSecret: 'a-long-enough-api-key-secret-for-tests',
};
