// The emulator signs callbacks with its own implementation of Twilio's
// algorithm (scripts/twilio-emulator/signature.ts); the portal checks them with
// the official helper (lib/twilio/validate-signature.ts). These tests hold the
// two against each other, so a callback that passes in development passes for
// the same reason it would in production.
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';

import { validateTwilioSignature } from '@/lib/twilio/validate-signature';
import { twilioSignature } from '@/scripts/twilio-emulator/signature';

const authToken = '12345678901234567890123456789012';
const url = 'https://portal.example.com.au/api/twilio/message-status?clinic=north';
const params = {
  AccountSid: 'AC0123456789abcdef0123456789abcdef',
  ApiVersion: '2010-04-01',
  From: '+61480000001',
  MessageSid: 'SM0123456789abcdef0123456789abcdef',
  MessageStatus: 'delivered',
  SmsSid: 'SM0123456789abcdef0123456789abcdef',
  SmsStatus: 'delivered',
  To: '+61412345678',
};

describe('X-Twilio-Signature made by the emulator', () => {
  it('is accepted by the twilio helper validateRequest and by validateTwilioSignature', () => {
    const signature = twilioSignature(authToken, url, params);
    expect(twilio.validateRequest(authToken, signature, url, params)).toBe(true);
    expect(validateTwilioSignature({ authToken, url, params, signature })).toBe(true);
  });

  it('equals the helper’s expected signature, including unicode, spaces, symbols and repeated values', () => {
    const awkward = {
      Body: 'Reminder: café appointment at 9:30 & bring Medicare card 🙂',
      'Weird Name': 'a+b=c',
      Zeta: '',
      MediaUrl: ['https://x.example/b.png', 'https://x.example/a.png'],
    };
    expect(twilioSignature(authToken, url, awkward)).toBe(
      twilio.getExpectedTwilioSignature(authToken, url, awkward),
    );
  });

  it('signs a GET callback over the full URL with its query and no body parameters', () => {
    const getUrl = `${url}&RoomSid=RM0123456789abcdef0123456789abcdef&StatusCallbackEvent=room-ended`;
    const signature = twilioSignature(authToken, getUrl);
    expect(twilio.validateRequest(authToken, signature, getUrl, {})).toBe(true);
  });

  it('is rejected when a parameter value is tampered with', () => {
    const signature = twilioSignature(authToken, url, params);
    const tampered = { ...params, MessageStatus: 'failed' };
    expect(validateTwilioSignature({ authToken, url, params: tampered, signature })).toBe(false);
  });

  it('is rejected when a parameter is added or removed', () => {
    const signature = twilioSignature(authToken, url, params);
    expect(
      validateTwilioSignature({ authToken, url, params: { ...params, ErrorCode: '30003' }, signature }),
    ).toBe(false);
    const { To: _dropped, ...fewer } = params;
    expect(validateTwilioSignature({ authToken, url, params: fewer, signature })).toBe(false);
  });

  it('is rejected when the URL differs (host, path or query)', () => {
    const signature = twilioSignature(authToken, url, params);
    for (const other of [
      url.replace('portal.example.com.au', 'evil.example.com'),
      url.replace('message-status', 'room-status'),
      url.replace('clinic=north', 'clinic=south'),
    ]) {
      expect(validateTwilioSignature({ authToken, url: other, params, signature })).toBe(false);
    }
  });

  it('is rejected when checked with a different auth token', () => {
    const signature = twilioSignature(authToken, url, params);
    const otherToken = 'abcdefabcdefabcdefabcdefabcdefab';
    expect(validateTwilioSignature({ authToken: otherToken, url, params, signature })).toBe(false);
  });

  it('a missing signature header never validates', () => {
    expect(validateTwilioSignature({ authToken, url, params, signature: undefined })).toBe(false);
    expect(validateTwilioSignature({ authToken, url, params, signature: '' })).toBe(false);
  });
});
