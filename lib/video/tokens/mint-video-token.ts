// A Twilio Video access token for one identity and one room, expiring at the
// time the rules chose (video-token-expiry.ts).
import 'server-only';

import { signVideoAccessToken } from '@/lib/twilio/video-access-token';

export type MintedVideoToken = { token: string; expiresAt: Date };

export function mintVideoToken(input: {
  identity: string;
  roomSid: string;
  expiresAt: Date;
}): MintedVideoToken {
  // The helper stamps the token with the real clock, so the TTL is measured from it too.
  const ttlSeconds = Math.max(1, Math.floor((input.expiresAt.getTime() - Date.now()) / 1000));
  const token = signVideoAccessToken({ identity: input.identity, roomSid: input.roomSid, ttlSeconds });
  return { token, expiresAt: new Date(Math.floor(Date.now() / 1000) * 1000 + ttlSeconds * 1000) };
}
