// Twilio's callbacks as the portal receives them: form-encoded POSTs signed
// with the account's auth token by the twilio helper's own algorithm.
import { NextRequest } from 'next/server';
import twilio from 'twilio';

/**
 * A callback to `url`, signed for it. `signature` replaces the right one (a
 * forged or misdirected signature) or, when null, leaves the header out;
 * `sendTo` delivers it to another address than the one it was signed for.
 */
export function signedCallback(
  url: string,
  params: Record<string, string>,
  authToken: string,
  options: { signature?: string | null; sendTo?: string } = {},
): NextRequest {
  const signature =
    options.signature === undefined
      ? twilio.getExpectedTwilioSignature(authToken, url, params)
      : options.signature;
  return new NextRequest(options.sendTo ?? url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature === null ? {} : { 'x-twilio-signature': signature }),
    },
    body: new URLSearchParams(params).toString(),
  });
}

/**
 * Makes a room status callback's parameters, as Twilio sends them, for events
 * `minute` minutes after `base` (ms since the epoch).
 */
export function roomCallbackParamsFrom(accountSid: string, base: number) {
  return (
    roomSid: string,
    name: string,
    minute: number,
    sequenceNumber: number,
    extra: Record<string, string> = {},
  ): Record<string, string> => ({
    AccountSid: accountSid,
    RoomSid: roomSid,
    RoomName: 'tp-opaque',
    RoomStatus: name === 'room-ended' ? 'completed' : 'in-progress',
    RoomType: 'group',
    StatusCallbackEvent: name,
    Timestamp: new Date(base + minute * 60_000).toISOString(),
    SequenceNumber: String(sequenceNumber),
    ...extra,
  });
}
