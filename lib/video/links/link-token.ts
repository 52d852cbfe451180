// The secrets in patients' and guests' links.
//
// A link token is "<prefix><row id>.<HMAC-SHA256>" with a key derived from
// AUTH_SECRET (HKDF, one key per kind of link). Why not a random token stored
// hashed: staff must be able to copy the current link again from the
// appointment page, so the portal has to be able to re-create it, and an HMAC
// lets it do that without storing anything that opens a room (a copy of the
// database alone cannot forge or recover a link). Revoking or regenerating a
// link marks its row; rotating AUTH_SECRET invalidates every link at once.
//
// The guest's rejoin key is the exception: it is handed out once, never shown
// again, so it is a random value stored as its SHA-256.
import 'server-only';

import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

import { authSecret } from '@/lib/env/auth-secret';

export type LinkKind = 'join' | 'guest';

const prefixes: Record<LinkKind, string> = { join: 'jl_', guest: 'gl_' };
export const REJOIN_KEY_PREFIX = 'gk_';

const keys = new Map<string, Buffer>();

function keyFor(kind: LinkKind): Buffer {
  const secret = authSecret();
  const cacheKey = `${kind}:${secret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'telehealth-video-links', `${kind}-link-v1`, 32));
    keys.clear();
    keys.set(cacheKey, key);
  }
  return key;
}

function mac(kind: LinkKind, linkId: string, sessionId: string): Buffer {
  return createHmac('sha256', keyFor(kind)).update(`${linkId}|${sessionId}`).digest();
}

/** The token for a link row; the same row always gives the same token. */
export function linkToken(kind: LinkKind, linkId: string, sessionId: string): string {
  return `${prefixes[kind]}${linkId}.${mac(kind, linkId, sessionId).toString('base64url')}`;
}

/** Splits a token into kind and row id, or null if it cannot be one of ours. */
export function parseLinkToken(token: string): { kind: LinkKind; linkId: string; signature: string } | null {
  if (token.length > 200) return null;
  const kind = token.startsWith(prefixes.join) ? 'join' : token.startsWith(prefixes.guest) ? 'guest' : null;
  if (!kind) return null;
  const match = /^([a-z0-9]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(token.slice(3));
  if (!match) return null;
  return { kind, linkId: match[1]!, signature: match[2]! };
}

/** Constant-time check that the signature was made for this row of this session. */
export function linkSignatureValid(
  kind: LinkKind,
  linkId: string,
  sessionId: string,
  signature: string,
): boolean {
  const expected = mac(kind, linkId, sessionId);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function newRejoinKey(): { key: string; hash: string } {
  const key = `${REJOIN_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: sha256(key) };
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
