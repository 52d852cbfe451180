import 'server-only';

// Video access tokens, signed with the API key and its secret (never the
// account's auth token, which would be far more powerful if a token leaked).
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

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

/**
 * A signed JWT whose only grant is Video for one room: the token the helper's
 * `AccessToken` would build (same header, claims and HS256 signature; a unit test
 * holds the two byte for byte), with the grant from the helper's `VideoGrant`.
 * It is signed here because the helper takes the secret only as a string and hands
 * it to jsonwebtoken, which then tries (and fails) to read it as a private key on
 * every call: a tenth of the token route's CPU time under load. A KeyObject made
 * once per secret avoids that without casting types the helper does not declare.
 */
export function signVideoAccessToken(
  request: VideoTokenRequest,
  credentials: ApiKeyCredentials = apiKeyCredentials(),
): string {
  const grant = new twilio.jwt.AccessToken.VideoGrant({ room: request.roomSid });
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'HS256', typ: 'JWT', cty: 'twilio-fpa;v=1' };
  const payload = {
    jti: `${credentials.apiKey}-${now}`,
    grants: { identity: request.identity, [grant.key]: grant.toPayload() },
    iat: now,
    exp: now + request.ttlSeconds,
    iss: credentials.apiKey,
    sub: credentials.accountSid,
  };
  const signed = `${base64url(header)}.${base64url(payload)}`;
  const signature = createHmac('sha256', secretKey(credentials.apiSecret)).update(signed).digest('base64url');
  return `${signed}.${signature}`;
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
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
