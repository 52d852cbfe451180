// The patient's and clinician's video routes are limited per network and per
// link (or per signed-in session), in PostgreSQL so every instance counts
// together; past a limit they answer 429 with Retry-After and words a patient can act on.
import { NextRequest } from 'next/server';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sessionCookieName } from '@/lib/auth/auth-cookies';
import { db } from '@/lib/db/client';
import { bucketKey, pruneRateLimitBuckets } from '@/lib/rate-limit/bucket-store';
import { limitVideoRequest } from '@/lib/video/access/limit-video-request';
import { VIDEO_LINK, VIDEO_NETWORK, VIDEO_USER } from '@/lib/rate-limit/policies';

const { GET: joinState } = await import('@/app/api/video/join/route');
const { GET: joinPage } = await import('@/app/api/video/join/page/route');
const { GET: joinEvents } = await import('@/app/api/video/join/events/route');
const { POST: consent } = await import('@/app/api/video/join/consent/route');
const { POST: waitingRoom } = await import('@/app/api/video/join/waiting-room/route');
const { POST: preflightToken } = await import('@/app/api/video/join/preflight-token/route');
const { POST: videoToken } = await import('@/app/api/appointments/[id]/video-token/route');

const APP = 'http://portal.test';
let nextNetwork = 1;
const newNetwork = () => `198.51.100.${nextNetwork++}`;
let linkCounter = 0;
const newLink = () => `link-${Date.now().toString(36)}-${linkCounter++}`;

// A second pg pool: what a second server instance would use.
let otherPool: pg.Pool;
beforeAll(() => {
  otherPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
});
afterAll(async () => {
  await otherPool.end();
});

function request(
  path: string,
  options: { method?: string; link?: string; address: string; cookie?: string },
): NextRequest {
  const headers: Record<string, string> = { 'x-forwarded-for': options.address };
  if (options.link) headers.authorization = `Bearer ${options.link}`;
  if (options.cookie) headers.cookie = options.cookie;
  const method = options.method ?? 'GET';
  if (method !== 'GET') headers['content-type'] = 'application/json';
  return new NextRequest(`${APP}${path}`, { method, headers, body: method === 'GET' ? undefined : '{}' });
}

/** Fills a limit up to the brim for the next hour, as if the requests had just been made. */
async function fillUp(key: string, limit: number) {
  const windowEndsAt = new Date(Date.now() + 60 * 60_000);
  await db().rateLimitBucket.upsert({
    where: { key },
    create: { key, hits: limit, windowEndsAt, updatedAt: new Date() },
    update: { hits: limit, windowEndsAt },
  });
}

async function expectTooMany(response: Response) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(3600);
  const body = (await response.json()) as {
    error: { code: string; message: string; retryAfterSeconds: number };
  };
  expect(body.error.code).toBe('RATE_LIMITED');
  expect(body.error.retryAfterSeconds).toBe(retryAfter);
  expect(body.error.message).toMatch(
    /Your appointment is still on: wait \d+ (minute|minutes|hour|hours), then try again/,
  );
  expect(body.error.message).toContain('call the clinic');
}

describe('every patient-facing video route', () => {
  const routes: Array<[string, (link: string, address: string) => Promise<Response>]> = [
    [
      'GET /api/video/join',
      (link, address) =>
        joinState(request('/api/video/join', { link, address }), { params: Promise.resolve({}) }),
    ],
    [
      'GET /api/video/join/page',
      (link, address) =>
        joinPage(request('/api/video/join/page', { link, address }), { params: Promise.resolve({}) }),
    ],
    [
      'GET /api/video/join/events',
      (link, address) =>
        joinEvents(request('/api/video/join/events', { link, address }), { params: Promise.resolve({}) }),
    ],
    [
      'POST /api/video/join/consent',
      (link, address) =>
        consent(request('/api/video/join/consent', { method: 'POST', link, address }), {
          params: Promise.resolve({}),
        }),
    ],
    [
      'POST /api/video/join/waiting-room',
      (link, address) =>
        waitingRoom(request('/api/video/join/waiting-room', { method: 'POST', link, address }), {
          params: Promise.resolve({}),
        }),
    ],
    [
      'POST /api/video/join/preflight-token',
      (link, address) =>
        preflightToken(request('/api/video/join/preflight-token', { method: 'POST', link, address }), {
          params: Promise.resolve({}),
        }),
    ],
    [
      'POST /api/appointments/{id}/video-token',
      (link, address) =>
        videoToken(request('/api/appointments/appt1/video-token', { method: 'POST', link, address }), {
          params: Promise.resolve({ id: 'appt1' }),
        }),
    ],
  ];

  for (const [name, call] of routes) {
    it(`${name} answers 429 with Retry-After once its link is past its limit`, async () => {
      const link = newLink();
      await fillUp(bucketKey(VIDEO_LINK, link), VIDEO_LINK.limit);
      await expectTooMany(await call(link, newNetwork()));
    });

    it(`${name} answers 429 with Retry-After once its network is past its limit, whatever the link`, async () => {
      const address = newNetwork();
      await fillUp(bucketKey(VIDEO_NETWORK, address), VIDEO_NETWORK.limit);
      await expectTooMany(await call(newLink(), address));
    });
  }

  it('lets someone leave the waiting room even past the limit', async () => {
    const link = newLink();
    await fillUp(bucketKey(VIDEO_LINK, link), VIDEO_LINK.limit);
    const { DELETE: leave } = await import('@/app/api/video/join/waiting-room/route');
    const response = await leave(
      request('/api/video/join/waiting-room', { method: 'DELETE', link, address: newNetwork() }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(response.status).not.toBe(429);
  });
});

describe('the limits themselves', () => {
  const t0 = new Date('2026-11-25T10:00:00.000Z');

  it('allows 120 requests a minute on one link, refuses the next until the minute is over, then allows again', async () => {
    const link = newLink();
    const address = newNetwork();
    const at = (ms: number) => ({ now: new Date(t0.getTime() + ms) });
    for (let i = 0; i < VIDEO_LINK.limit; i++) {
      expect(await limitVideoRequest(request('/api/video/join', { link, address }), at(i * 100))).toBeNull();
    }
    const refused = await limitVideoRequest(request('/api/video/join', { link, address }), at(20_000));
    expect(refused?.status).toBe(429);
    expect(refused?.headers.get('retry-after')).toBe('40');
    expect(await limitVideoRequest(request('/api/video/join', { link, address }), at(60_000))).toBeNull();
  });

  it('counts requests made through two server instances together', async () => {
    const link = newLink();
    const address = newNetwork();
    const answers = await Promise.all(
      Array.from({ length: VIDEO_LINK.limit + 10 }, (_, i) =>
        limitVideoRequest(request('/api/video/join', { link, address }), {
          now: t0,
          pool: i % 2 === 0 ? undefined : otherPool,
        }),
      ),
    );
    expect(answers.filter((a) => a === null)).toHaveLength(VIDEO_LINK.limit);
    expect(answers.filter((a) => a?.status === 429)).toHaveLength(10);
  });

  it('limits a signed-in clinician by their session when there is no link', async () => {
    const address = newNetwork();
    const cookie = `${sessionCookieName()}=session-cookie-${newLink()}`;
    for (let i = 0; i < VIDEO_USER.limit; i++) {
      expect(
        await limitVideoRequest(
          request('/api/appointments/a/video-token', { method: 'POST', address, cookie }),
          { now: t0 },
        ),
      ).toBeNull();
    }
    const refused = await limitVideoRequest(
      request('/api/appointments/a/video-token', { method: 'POST', address, cookie }),
      { now: t0 },
    );
    expect(refused?.status).toBe(429);
    // Another clinician on the same network is not held up by it.
    const colleague = `${sessionCookieName()}=session-cookie-${newLink()}`;
    expect(
      await limitVideoRequest(
        request('/api/appointments/a/video-token', { method: 'POST', address, cookie: colleague }),
        { now: t0 },
      ),
    ).toBeNull();
  });

  it('does not let one link hold up another link on a different network', async () => {
    const busy = newLink();
    await fillUp(bucketKey(VIDEO_LINK, busy), VIDEO_LINK.limit);
    expect(
      await limitVideoRequest(request('/api/video/join', { link: newLink(), address: newNetwork() })),
    ).toBeNull();
  });

  it('lets the hourly purge delete buckets whose window and wait have both ended, and only those', async () => {
    const now = new Date('2030-01-01T00:00:00.000Z');
    const old = new Date(now.getTime() - 1000);
    const later = new Date(now.getTime() + 60_000);
    await db().rateLimitBucket.createMany({
      data: [
        { key: 'purge:ended', hits: 3, windowEndsAt: old, updatedAt: old },
        { key: 'purge:counting', hits: 3, windowEndsAt: later, updatedAt: old },
        { key: 'purge:waiting', hits: 9, windowEndsAt: old, blockedUntil: later, updatedAt: old },
      ],
    });
    await pruneRateLimitBuckets(now);
    const left = await db().rateLimitBucket.findMany({
      where: { key: { startsWith: 'purge:' } },
      select: { key: true },
    });
    expect(left.map((r) => r.key).sort()).toEqual(['purge:counting', 'purge:waiting']);
  });
});
