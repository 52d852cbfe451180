// The join page's live updates: a 429 pauses them for as long as the server asks and
// then they carry on; only a real refusal (a dead link) ends the page's session.
import { afterEach, describe, expect, it, vi } from 'vitest';

import { followJoinEvents, type JoinApiError } from '@/app/join/[token]/_components/join-api';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('followJoinEvents', () => {
  it('waits out a 429 for its Retry-After, then follows again instead of calling the link dead', async () => {
    vi.useFakeTimers();
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(
        json(429, { error: { code: 'RATE_LIMITED', message: 'Wait' } }, { 'retry-after': '30' }),
      )
      .mockResolvedValueOnce(
        json(410, { error: { message: 'This link was replaced.', reason: 'LINK_REPLACED' } }),
      );
    vi.stubGlobal('fetch', fetch);
    const gone: JoinApiError[] = [];
    const stop = followJoinEvents(
      'token',
      () => {},
      (error) => gone.push(error),
    );

    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(gone).toEqual([]);
    // Not before the 30 seconds the server asked for.
    await vi.advanceTimersByTimeAsync(29_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(gone.map((e) => [e.status, e.reason])).toEqual([[410, 'LINK_REPLACED']]);
    stop();
  });

  it('stops waiting at once when the page leaves', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn().mockResolvedValue(json(429, {}, { 'retry-after': '600' }));
    vi.stubGlobal('fetch', fetch);
    const stop = followJoinEvents(
      'token',
      () => {},
      () => {},
    );
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
