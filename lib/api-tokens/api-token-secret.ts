// The shape of an API token and how it is stored. 256 random bits, so a plain
// SHA-256 is enough to store it (no slow hash needed: it cannot be guessed).
import { createHash, randomBytes } from 'node:crypto';

export const API_TOKEN_PREFIX = 'tpat_';

export function newApiTokenSecret(): { token: string; hash: string; prefix: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + 6) };
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(API_TOKEN_PREFIX) && /^tpat_[A-Za-z0-9_-]{43}$/.test(value);
}
