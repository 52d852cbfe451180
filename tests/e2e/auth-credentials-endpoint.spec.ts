import { expect, test } from '@playwright/test';

import { clearNetworkRateLimits, createStaffUser } from './support';

// next-auth's own credentials endpoint (kept for API clients) obeys the sign-in form's
// throttles and answers as every other limit does: 429, Retry-After, a plain sentence.
test('the credentials endpoint answers a throttled network with 429 and Retry-After', async ({ request }) => {
  await clearNetworkRateLimits();
  const email = `endpoint-${Date.now()}@harbourside.example`;
  await createStaffUser(email, 'Right-password-123');

  const attempt = async () => {
    const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    return request.post('/api/auth/callback/credentials', {
      form: { email, password: 'not-the-password', csrfToken, json: 'true' },
      maxRedirects: 0,
    });
  };

  const statuses: number[] = [];
  let throttled = null;
  // Five free attempts, one more that is still tried, then the wait: at most a few more.
  for (let i = 0; i < 10 && !throttled; i++) {
    const response = await attempt();
    statuses.push(response.status());
    if (response.status() === 429) throttled = response;
  }
  expect(statuses.every((status) => status < 500)).toBe(true);
  expect(throttled, `statuses seen: ${statuses.join(', ')}`).not.toBeNull();
  const retryAfter = Number(throttled!.headers()['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(await throttled!.json()).toMatchObject({
    error: {
      code: 'RATE_LIMITED',
      retryAfterSeconds: retryAfter,
      message: expect.stringMatching(/^Too many attempts from this network\. Wait .+, then try again\.$/),
    },
  });
  await clearNetworkRateLimits();
});
