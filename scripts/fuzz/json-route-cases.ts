// Requests to the JSON routes (video, readiness, operations) with hostile ids,
// tokens, headers and bodies.
import type { FuzzCase, Picker, Random } from './case-types';
import {
  CONTENT_TYPES,
  CONTROL,
  headerSafe,
  ID_SEGMENTS,
  JSON_BODIES,
  TOKENS,
  UNICODE_ODDITIES,
} from './hostile-values';

export function jsonRouteCases(r: Random, pick: Picker): FuzzCase[] {
  const id = pick(ID_SEGMENTS);
  const routes: Array<{ method: FuzzCase['method']; path: string }> = [
    { method: 'POST', path: `/api/appointments/${id}/video-token` },
    { method: 'GET', path: `/api/appointments/${id}/video-events` },
    { method: 'POST', path: `/api/appointments/video-room/${id}/` },
    { method: 'GET', path: `/api/admin/readiness/test-runs/${id}` },
    { method: 'GET', path: '/api/video/join' },
    { method: 'GET', path: `/api/video/join?token=${encodeURIComponent(pick(TOKENS))}` },
    { method: 'GET', path: '/api/video/join/page' },
    { method: 'GET', path: `/api/video/join/page?token=${encodeURIComponent(pick(TOKENS))}` },
    { method: 'POST', path: '/api/video/join/consent' },
    { method: 'POST', path: '/api/video/join/preflight-token' },
    { method: 'POST', path: '/api/video/join/waiting-room' },
    { method: 'DELETE', path: '/api/video/join/waiting-room' },
    { method: 'GET', path: `/api/video/join/events?token=${encodeURIComponent(pick(TOKENS))}` },
    { method: 'GET', path: '/api/video/staff/waiting-list/events' },
    { method: 'POST', path: '/api/video/join/quick-reply' },
    { method: pick(['PUT', 'PATCH', 'DELETE', 'GET'] as const), path: '/api/twilio/messages/status' },
    // Operations: public health and readiness, and metrics behind a token.
    { method: pick(['GET', 'POST'] as const), path: '/api/health' },
    { method: pick(['GET', 'POST'] as const), path: '/api/ready' },
    { method: 'GET', path: `/api/metrics?${pick(['', 'format=%00', 'x=' + 'y'.repeat(3000)])}` },
  ];
  const { method, path } = pick(routes);
  const headers: Record<string, string> = {};
  const contentType = pick(CONTENT_TYPES);
  if (contentType) headers['content-type'] = contentType;
  if (r() < 0.6)
    headers.authorization = headerSafe(`${pick(['Bearer ', 'bearer ', 'Basic ', ''])}${pick(TOKENS)}`);
  if (r() < 0.2) headers.cookie = `next-auth.session-token=${headerSafe(pick(TOKENS))}`;
  const body =
    method === 'GET'
      ? undefined
      : pick([
          ...JSON_BODIES,
          JSON.stringify({
            token: pick(TOKENS),
            location: pick(UNICODE_ODDITIES),
            consent: pick([true, 'yes', 1]),
          }),
          JSON.stringify({ token: 'x'.repeat(70_000) }),
          JSON.stringify({ body: `${pick(CONTROL)}${'z'.repeat(Math.floor(r() * 3000))}` }),
        ]);
  return [{ name: `${method} ${path.slice(0, 80)}`, method, path, headers, body }];
}
