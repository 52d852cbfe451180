import { NextResponse } from 'next/server';
import { z } from 'zod';

import { isAppError } from '@/lib/errors/app-error';
import { errorResponse, parseJsonBody, route } from '@/lib/http/route';
import { limitVideoRequest } from '@/lib/video/access/limit-video-request';
import { linkPrincipalFromRequest } from '@/lib/video/access/link-principal-from-request';
import { sendQuickReply } from '@/lib/video/waiting-room/send-quick-reply';

// The reply itself is checked by sendQuickReply, with a message for the patient.
const bodySchema = z.looseObject({ token: z.string().max(200).optional() });

// POST /api/video/join/quick-reply – the waiting patient sends the clinician one
// of the fixed replies. Body: { reply: "CAMERA_NOT_WORKING" | "RUNNING_LATE" | "WILL_PHONE" }.
// Answers { id, reply, at }; 429 with Retry-After within 30 s of the last one.
export const POST = route('video.quick_reply', async (request, { requestId }) => {
  const limited = await limitVideoRequest(request);
  if (limited) return limited;
  const { token, ...input } = await parseJsonBody(request, bodySchema);
  const principal = await linkPrincipalFromRequest(request, token);
  try {
    return NextResponse.json(await sendQuickReply(principal, input), {
      headers: { 'Cache-Control': 'no-store' },
    });
  } catch (err) {
    // The same JSON as every refusal, plus the Retry-After header a 429 carries.
    if (isAppError(err) && err.code === 'RATE_LIMITED') {
      const response = errorResponse(err, { route: 'video.quick_reply', requestId });
      response.headers.set('Retry-After', String(err.details?.retryAfterSeconds ?? 30));
      return response;
    }
    throw err;
  }
});
