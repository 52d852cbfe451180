import { NextResponse } from 'next/server';
import { z } from 'zod';

import { idParamsSchema, parseJsonBody, route } from '@/lib/http/route';
import { limitVideoRequest } from '@/lib/video/access/limit-video-request';
import { issueVideoToken } from '@/lib/video/tokens/issue-video-token';
import { videoCallerFromRequest } from '@/lib/video/access/video-principal-from-request';

const bodySchema = z.object({ token: z.string().min(1).max(200).optional() });

// POST /api/appointments/{id}/video-token – a Twilio Video access token for the
// appointment's room: the clinician (signed in), the admitted patient (join
// link) or a guest (guest link). Body: { token? } or Authorization: Bearer <token>.
export const POST = route(
  'video.token',
  { params: idParamsSchema },
  async (request, { params, requestId }) => {
    const limited = await limitVideoRequest(request);
    if (limited) return limited;
    const body = await parseJsonBody(request, bodySchema);
    const caller = await videoCallerFromRequest(request, body.token);
    const issued = await issueVideoToken(caller, params.id, { requestId });
    return NextResponse.json(issued, { headers: { 'Cache-Control': 'no-store' } });
  },
);
