import { route } from '@/lib/http/route';
import { limitVideoRequest } from '@/lib/video/access/limit-video-request';
import { getJoinState } from '@/lib/video/links/get-join-state';
import { linkPrincipalFromRequest } from '@/lib/video/access/link-principal-from-request';
import { resolveLinkPrincipal } from '@/lib/video/access/resolve-link-principal';
import { bearerToken } from '@/lib/video/access/video-principal-from-request';
import { videoEventStream } from '@/lib/video/events/video-event-stream';

// GET /api/video/join/events – server-sent events for the patient's or guest's
// page (Authorization: Bearer <link token>; read with fetch, not EventSource):
// "state" with the same body as GET /api/video/join, on connect and on every change.
export const GET = route('video.join_events', async (request) => {
  const limited = await limitVideoRequest(request);
  if (limited) return limited;
  const principal = await linkPrincipalFromRequest(request);
  const token = bearerToken(request)!;
  return videoEventStream({
    sessionId: principal.sessionId,
    signal: request.signal,
    // The link is resolved again each time, so a revoked link shows as revoked.
    readState: async () => getJoinState(await resolveLinkPrincipal(token)),
  });
});
