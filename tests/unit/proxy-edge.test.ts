// proxy.ts, the first edge every page request meets: a server action posted
// from another site gets a plain 403 (Next itself answers 500), an address
// Next could not decode gets 400, and a body React could not decode gets 400.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';

import { proxy } from '@/proxy';

function actionPost(headers: Record<string, string>, path = '/sign-in', body = '[]') {
  return new NextRequest(`http://127.0.0.1:3000${path}`, {
    method: 'POST',
    headers: {
      host: '127.0.0.1:3000',
      'next-action': 'a'.repeat(42),
      'content-type': 'text/plain',
      ...headers,
    },
    body,
  });
}

describe('proxy (the page edge)', () => {
  it('answers a server action posted with a foreign Origin with 403 and a plain message', async () => {
    const response = await proxy(actionPost({ origin: 'http://evil.example' }));
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/another site/);
  });

  it('answers an Origin that is not a URL, or "null", with 403', async () => {
    expect((await proxy(actionPost({ origin: 'not a url' }))).status).toBe(403);
    expect((await proxy(actionPost({ origin: 'null' }))).status).toBe(403);
  });

  it('compares the Origin with the first X-Forwarded-Host when a proxy sets one, as Next does', async () => {
    const behindProxy = actionPost({
      origin: 'https://portal.example',
      'x-forwarded-host': 'portal.example, 10.0.0.1',
    });
    expect((await proxy(behindProxy)).status).not.toBe(403);
    const spoofed = actionPost({ origin: 'http://127.0.0.1:3000', 'x-forwarded-host': 'evil.example' });
    expect((await proxy(spoofed)).status).toBe(403);
  });

  it('lets a same-origin server action through', async () => {
    const response = await proxy(actionPost({ origin: 'http://127.0.0.1:3000' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });

  it('answers a server action body React could not decode with 400', async () => {
    const response = await proxy(actionPost({ origin: 'http://127.0.0.1:3000' }, '/sign-in', '["$1"]'));
    expect(response.status).toBe(400);
  });

  it('answers an address with broken percent-encoding with 400', async () => {
    const response = await proxy(new NextRequest('http://127.0.0.1:3000/join/%C0%AF'));
    expect(response.status).toBe(400);
  });
});

describe('proxy on /api/ paths', () => {
  it('answers multipart without a boundary with 400 on an /api/ path with no route (Next renders those as pages)', async () => {
    const request = new NextRequest('http://127.0.0.1:3000/api/appointments/', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data' },
      body: '{',
    });
    expect((await proxy(request)).status).toBe(400);
  });
});
