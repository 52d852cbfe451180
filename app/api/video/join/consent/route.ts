import { NextResponse } from 'next/server';
import { z } from 'zod';

import { parseJsonBody, route } from '@/lib/http/route';
import { limitVideoRequest } from '@/lib/video/access/limit-video-request';
import { linkPrincipalFromRequest } from '@/lib/video/access/link-principal-from-request';
import { recordPatientConsent } from '@/lib/video/links/record-patient-consent';

// The consent fields are checked by recordPatientConsent, with messages for the patient.
const bodySchema = z.looseObject({ token: z.string().max(200).optional() });

// POST /api/video/join/consent – the patient agrees to a telehealth session and
// says where they are. Body: { consentToTelehealth: true, location: "IN_AUSTRALIA" | "OUTSIDE_AUSTRALIA" }.
export const POST = route('video.join_consent', async (request) => {
  const limited = await limitVideoRequest(request);
  if (limited) return limited;
  const { token, ...input } = await parseJsonBody(request, bodySchema);
  const principal = await linkPrincipalFromRequest(request, token);
  return NextResponse.json(await recordPatientConsent(principal, input), {
    headers: { 'Cache-Control': 'no-store' },
  });
});
