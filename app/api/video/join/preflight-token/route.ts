import { NextResponse } from 'next/server';

import { route } from '@/lib/http/route';
import { limitVideoRequest } from '@/lib/video/access/limit-video-request';
import { issuePreflightToken } from '@/lib/video/tokens/issue-preflight-token';
import { linkPrincipalFromRequest } from '@/lib/video/access/link-principal-from-request';

// POST /api/video/join/preflight-token – a 5-minute token for the join page's
// connection test (Authorization: Bearer <link token>); its grant opens no real room.
export const POST = route('video.preflight_token', async (request) => {
  const limited = await limitVideoRequest(request);
  if (limited) return limited;
  const principal = await linkPrincipalFromRequest(request);
  return NextResponse.json(await issuePreflightToken(principal), {
    headers: { 'Cache-Control': 'no-store' },
  });
});
