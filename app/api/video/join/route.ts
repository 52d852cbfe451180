import { NextResponse } from 'next/server';

import { route } from '@/lib/http/route';
import { limitVideoRequest } from '@/lib/video/access/limit-video-request';
import { getJoinState } from '@/lib/video/links/get-join-state';
import { linkPrincipalFromRequest } from '@/lib/video/access/link-principal-from-request';

// GET /api/video/join – for the patient's or guest's join page (Authorization:
// Bearer <link token>): the appointment's times and id, the window, their own
// consent and waiting-room state, and messages for them.
export const GET = route('video.join_state', async (request) => {
  const limited = await limitVideoRequest(request);
  if (limited) return limited;
  const principal = await linkPrincipalFromRequest(request);
  return NextResponse.json(await getJoinState(principal), { headers: { 'Cache-Control': 'no-store' } });
});
