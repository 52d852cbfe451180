// next-auth's endpoints behind the edge in app/api/auth/[...nextauth]/route.ts:
// what next-auth would answer with a 500 (or throw on) is refused first with a 4xx.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';

import { GET, POST } from '@/app/api/auth/[...nextauth]/route';

const segment = (...parts: string[]) => ({ params: Promise.resolve({ nextauth: parts }) });
const url = (path: string) => `http://portal.test/api/auth/${path}`;

function post(path: string, body: string, contentType = 'application/x-www-form-urlencoded') {
  return new NextRequest(url(path), { method: 'POST', headers: { 'content-type': contentType }, body });
}

describe('the sign-in endpoints refuse what next-auth cannot take', () => {
  it('answers a JSON body that does not parse with 415, not a 500', async () => {
    for (const path of ['callback/credentials', 'signin/credentials', 'session']) {
      const response = await POST(post(path, '{', 'application/json'), segment(...path.split('/')));
      expect(response.status).toBe(415);
      expect((await response.json()).error.message).toMatch(/form-encoded/);
    }
  });

  it('answers a content type that only mentions the form type with 415', async () => {
    const response = await POST(
      post('callback/credentials', '{', 'application/json; application/x-www-form-urlencoded'),
      segment('callback', 'credentials'),
    );
    expect(response.status).toBe(415);
  });

  it('answers a NUL character in a field with 400', async () => {
    const response = await POST(
      post('callback/credentials', 'email=a%00b&password=x'),
      segment('callback', 'credentials'),
    );
    expect(response.status).toBe(400);
  });

  it('answers a callbackUrl that is not a web address with 400', async () => {
    for (const callbackUrl of ['http://[::1', 'x', '%']) {
      const body = new URLSearchParams({ email: 'a@b.example', password: 'x', callbackUrl }).toString();
      const response = await POST(post('callback/credentials', body), segment('callback', 'credentials'));
      expect(response.status).toBe(400);
    }
  });

  it('answers a body over 16 KB with 413', async () => {
    const response = await POST(
      post('callback/credentials', `pad=${'x'.repeat(20_000)}`),
      segment('callback', 'credentials'),
    );
    expect(response.status).toBe(413);
  });

  it('drops what is posted to the client log endpoint with 204', async () => {
    const response = await POST(post('_log', 'level=error&code=X&message=secret'), segment('_log'));
    expect(response.status).toBe(204);
  });

  it('answers a GET to the credentials callback with 405, and control characters in a query with 400', async () => {
    expect(
      (await GET(new NextRequest(url('callback/credentials')), segment('callback', 'credentials'))).status,
    ).toBe(405);
    expect((await GET(new NextRequest(url('session?callbackUrl=%00')), segment('session'))).status).toBe(400);
    expect((await GET(new NextRequest(url('error?error=%00')), segment('error'))).status).toBe(400);
  });
});
