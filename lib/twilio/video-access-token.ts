import 'server-only';

// Video access tokens, signed with the API key and its secret (never the
// account's auth token, which would be far more powerful if a token leaked).
import { createSecretKey, type KeyObject } from 'node:crypto';

import twilio from 'twilio';

import { env } from '@/lib/env';

export interface VideoTokenRequest {
  /** Opaque, e.g. "patient:3x…"; Twilio shows it to the other participants. */
  identity: string;
  /** The one room the token opens (its SID). */
  roomSid: string;
  ttlSeconds: number;
}

export interface ApiKeyCredentials {
  accountSid: string;
  apiKey: string;
  apiSecret: string;
}

export function apiKeyCredentials(): ApiKeyCredentials {
  const e = env();
  if (!e.TWILIO_ACCOUNT_SID || !e.TWILIO_API_KEY || !e.TWILIO_API_SECRET) {
    throw new Error(
      'Video tokens need TWILIO_ACCOUNT_SID, TWILIO_API_KEY and TWILIO_API_SECRET (an API key, not the auth token)',
    );
  }
  return { accountSid: e.TWILIO_ACCOUNT_SID, apiKey: e.TWILIO_API_KEY, apiSecret: e.TWILIO_API_SECRET };
}

/** A signed JWT whose only grant is Video for one room. */
export function signVideoAccessToken(
  request: VideoTokenRequest,
  credentials: ApiKeyCredentials = apiKeyCredentials(),
): string {
  const token = new twilio.jwt.AccessToken(
    credentials.accountSid,
    credentials.apiKey,
    // The helper hands the secret to jsonwebtoken, which accepts a KeyObject.
    // Given a string it first tries (and fails) to read it as a private key on
    // every call: a tenth of the token route's CPU time under load.
    secretKey(credentials.apiSecret) as unknown as string,
    {
      identity: request.identity,
      ttl: request.ttlSeconds,
    },
  );
  token.addGrant(new twilio.jwt.AccessToken.VideoGrant({ room: request.roomSid }));
  return token.toJwt();
}

const secretKeys = new Map<string, KeyObject>();

function secretKey(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret));
    // One API secret in production; a handful in tests.
    if (secretKeys.size > 16) secretKeys.clear();
    secretKeys.set(secret, key);
  }
  return key;
}
