import { NextResponse } from 'next/server';

import { AppError } from '@/lib/errors/app-error';
import { route } from '@/lib/http/route';
import { limitVideoRequest } from '@/lib/video/access/limit-video-request';
import { deadLinkError } from '@/lib/video/links/dead-link';
import { getJoinPage } from '@/lib/video/links/get-join-page';
import { bearerToken } from '@/lib/video/access/video-principal-from-request';

// GET /api/video/join/page – what the join page's first screen shows (clinic,
// clinician's first name, timezone, session state), for a guest whose browser
// came back with its rejoin key (Authorization: Bearer <key>): the page itself
// was opened with the used link, so the server could not show it. A dead link
// gets 410 with what happened and the clinic's phone number only.
export const GET = route('video.join_page', async (request) => {
  const limited = await limitVideoRequest(request);
  if (limited) return limited;
  const token = bearerToken(request);
  if (!token) throw new AppError('UNAUTHENTICATED', "Open the link from the clinic's message to join.");
  const page = await getJoinPage(token);
  if (page.kind === 'dead') throw deadLinkError(page.code, page.clinicPhone);
  if (page.kind !== 'ok')
    throw new AppError(page.kind === 'not-recognised' ? 'NOT_FOUND' : 'GONE', page.message);
  return NextResponse.json(page.facts, { headers: { 'Cache-Control': 'no-store' } });
});
