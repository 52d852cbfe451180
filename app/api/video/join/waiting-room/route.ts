import { NextResponse } from 'next/server';
import { z } from 'zod';

import { parseJsonBody, route } from '@/lib/http/route';
import { limitVideoRequest } from '@/lib/video/access/limit-video-request';
import { enterWaitingRoom, leaveWaitingRoom } from '@/lib/video/waiting-room/enter-waiting-room';
import { linkPrincipalFromRequest } from '@/lib/video/access/link-principal-from-request';

const bodySchema = z.object({ token: z.string().max(200).optional() });

// POST /api/video/join/waiting-room – the patient (consent recorded, window
// open) waits to be admitted. Answers { status, since }.
export const POST = route('video.waiting_enter', async (request) => {
  const limited = await limitVideoRequest(request);
  if (limited) return limited;
  const { token } = await parseJsonBody(request, bodySchema);
  const principal = await linkPrincipalFromRequest(request, token);
  return NextResponse.json(await enterWaitingRoom(principal), { headers: { 'Cache-Control': 'no-store' } });
});

// DELETE /api/video/join/waiting-room – the patient leaves (closes the page, hangs up).
// Not rate-limited: leaving must always work, and it only ever removes a waiting entry.
export const DELETE = route('video.waiting_leave', async (request) => {
  const { token } = await parseJsonBody(request, bodySchema);
  const principal = await linkPrincipalFromRequest(request, token);
  return NextResponse.json(await leaveWaitingRoom(principal), { headers: { 'Cache-Control': 'no-store' } });
});
