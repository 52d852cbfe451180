// Without a trusted proxy, the address rate limits count is the socket's: a
// client's own X-Forwarded-For is replaced before the server's handler reads it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { describe, expect, it } from 'vitest';

import { clientAddress } from '@/lib/rate-limit/client-address';
import { installSocketAddressHeader } from '@/lib/rate-limit/socket-address';

async function seenAddress(sentHeader: string | undefined): Promise<string> {
  const server = createServer((req, res) => {
    res.end(clientAddress({ 'x-forwarded-for': req.headers['x-forwarded-for'] }, false));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      headers: sentHeader ? { 'x-forwarded-for': sentHeader } : {},
    });
    return await response.text();
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('socket address header', () => {
  it('replaces an address the client made up, single or listed, with the socket’s own', async () => {
    installSocketAddressHeader(false);
    expect(await seenAddress('203.0.113.99')).toBe('127.0.0.1');
    expect(await seenAddress('6.6.6.6, 203.0.113.99')).toBe('127.0.0.1');
    expect(await seenAddress(undefined)).toBe('127.0.0.1');
  });
});
