// The limit at the entry of every video route a patient, guest or clinician
// calls: per network, and per link (or per signed-in session when there is no
// link). Over the limit: 429 with Retry-After and words an anxious patient can act on.
import 'server-only';

import type { NextRequest } from 'next/server';

import { sessionCookieName } from '@/lib/auth/auth-cookies';
import { bearerToken } from '@/lib/video/access/video-principal-from-request';

import { bucketKey, countRequest, type RateCount, type RequestCountPool } from '../../rate-limit/bucket-store';
import { clientAddress } from '../../rate-limit/client-address';
import { VIDEO_LINK, VIDEO_NETWORK, VIDEO_USER } from '../../rate-limit/policies';
import { tooManyRequests, videoRateLimitedMessage } from '../../rate-limit/too-many-requests';

export async function limitVideoRequest(
  request: NextRequest,
  options: { now?: Date; pool?: RequestCountPool } = {},
): Promise<Response | null> {
  const now = options.now ?? new Date();
  const counts: RateCount[] = [
    { key: bucketKey(VIDEO_NETWORK, clientAddress(request.headers)), policy: VIDEO_NETWORK },
  ];
  const link = bearerToken(request);
  const session = link ? null : request.cookies.get(sessionCookieName())?.value;
  if (link) counts.push({ key: bucketKey(VIDEO_LINK, link), policy: VIDEO_LINK });
  else if (session) counts.push({ key: bucketKey(VIDEO_USER, session), policy: VIDEO_USER });
  const outcome = await countRequest(counts, now, options.pool);
  if (outcome.allowed) return null;
  return tooManyRequests(outcome.retryAt!, now, videoRateLimitedMessage);
}
