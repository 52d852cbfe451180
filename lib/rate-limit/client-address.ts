// The address a request came from, for rate limits. Next copies the socket's
// address into X-Forwarded-For only when the request did not carry that header
// itself (base-server: `x-forwarded-for ??= socket.remoteAddress`), so:
// - TRUST_PROXY set: the last entry is the address our own proxy saw (proxies
//   append to the header), and anything before it is the client's claim.
// - TRUST_PROXY unset: a lone entry is the socket's address; a list can only be
//   a client's own header, so those requests share one "forwarded" source and
//   cannot dodge a limit by inventing addresses (docs/decisions/009-rate-limits.md).
import 'server-only';

import { isIP } from 'node:net';

import { env } from '@/lib/env';

/** Requests whose address cannot be trusted share this source. */
export const UNVERIFIED_SOURCE = 'unverified';

type HeaderSource = Headers | { get(name: string): string | null } | Record<string, unknown>;

function header(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const value = (headers as Record<string, unknown>)[name];
  if (typeof value === 'string') return value;
  return Array.isArray(value) ? value.join(', ') : null;
}

export function clientAddress(headers: HeaderSource, trustProxy = env().TRUST_PROXY): string {
  const forwarded = header(headers, 'x-forwarded-for');
  const entries = (forwarded ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return UNVERIFIED_SOURCE;
  if (!trustProxy && entries.length > 1) return UNVERIFIED_SOURCE;
  return normaliseAddress(entries[entries.length - 1]!) ?? UNVERIFIED_SOURCE;
}

/**
 * One source per IPv4 address and per IPv6 /64 (a home or phone connection
 * gets a whole /64, so counting single IPv6 addresses would be no limit at all).
 */
export function normaliseAddress(raw: string): string | null {
  let address = raw.trim();
  // "[2001:db8::1]:443" or "203.0.113.7:51234" from some proxies.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1]!;
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
  return null;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const missing = 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(Math.max(missing, 0)).fill('0'), ...right];
  return groups.map((g) => (g.includes('.') ? g : g.replace(/^0+(?=.)/, '')));
}
