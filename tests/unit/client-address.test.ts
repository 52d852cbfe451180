// The address rate limits count a request against. Next writes the socket's
// address into X-Forwarded-For only when the request carried none, so without a
// trusted proxy a list of addresses can only be the client's own invention.
import { describe, expect, it } from 'vitest';

import { clientAddress, normaliseAddress, UNVERIFIED_SOURCE } from '@/lib/rate-limit/client-address';

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { 'x-forwarded-for': xff });

describe('client address', () => {
  it('is the socket address Next put in X-Forwarded-For when no proxy is trusted', () => {
    expect(clientAddress(headers('203.0.113.5'), false)).toBe('203.0.113.5');
    expect(clientAddress(headers('::ffff:203.0.113.5'), false)).toBe('203.0.113.5');
  });

  it('puts every request with an invented list of addresses into one shared source when no proxy is trusted', () => {
    expect(clientAddress(headers('1.2.3.4, 203.0.113.5'), false)).toBe(UNVERIFIED_SOURCE);
    expect(clientAddress(headers('5.6.7.8, 203.0.113.5'), false)).toBe(UNVERIFIED_SOURCE);
  });

  it('behind a trusted proxy, is the address the proxy appended last, not what the client claimed', () => {
    expect(clientAddress(headers('1.2.3.4, 203.0.113.5'), true)).toBe('203.0.113.5');
    expect(clientAddress(headers('203.0.113.5'), true)).toBe('203.0.113.5');
  });

  it('is the shared unverified source when there is no usable address at all', () => {
    expect(clientAddress(headers(), true)).toBe(UNVERIFIED_SOURCE);
    expect(clientAddress(headers('not-an-address'), false)).toBe(UNVERIFIED_SOURCE);
  });

  it('reads next-auth’s plain header object as well as Headers', () => {
    expect(clientAddress({ 'x-forwarded-for': '198.51.100.9' }, false)).toBe('198.51.100.9');
  });

  it('counts a whole IPv6 /64 as one source, since one connection gets a whole /64', () => {
    expect(normaliseAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(normaliseAddress('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(normaliseAddress('[2001:db8::1]:443')).toBe('2001:db8:0:0::/64');
    expect(normaliseAddress('203.0.113.5:51234')).toBe('203.0.113.5');
  });
});
