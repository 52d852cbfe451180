// HTTP Basic authentication as Twilio's REST API does it: the account SID and
// auth token, or an API key SID and its secret. Only the credentials the
// emulator was started with are accepted.
import { createHash, timingSafeEqual } from 'node:crypto';

import type { EmulatorContext } from './context';

export type Principal = { kind: 'account' } | { kind: 'api-key'; sid: string };

export function authenticate(ctx: EmulatorContext, header: string | undefined): Principal | null {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const account = ctx.state.account;
  if (username === account.sid && sameSecret(password, account.authToken)) return { kind: 'account' };
  // Keys live in the state so that keys created or deleted through the API (or the control API) count.
  const key = ctx.state.keys.get(username);
  if (key && sameSecret(password, key.secret)) return { kind: 'api-key', sid: key.sid };
  return null;
}

/** Constant-time comparison of two secrets of any length (hashing evens out the lengths). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
