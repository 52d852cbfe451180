// Before waiting, the patient agrees to a telehealth session and says whether
// they are in Australia (Medicare telehealth items need the patient to be).
// Stored on the session, with the time; the latest answer stands.
import 'server-only';

import { z } from 'zod';

import { recordChange } from '@/lib/audit/record-change';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { parseWith } from '@/lib/http/route';

import { loadAppointmentVideoFacts } from '../rooms/appointment-video-facts';
import { authorizeVideoAccess } from '../access/authorize-video-access';
import { notifyVideoChange } from '../events/notify-video-change';
import type { LinkPrincipal } from '../access/resolve-link-principal';

export const patientConsentSchema = z.object({
  consentToTelehealth: z.literal(true, 'Please confirm you agree to a telehealth session.'),
  location: z.enum(
    ['IN_AUSTRALIA', 'OUTSIDE_AUSTRALIA'],
    'Please tell us whether you are in Australia right now.',
  ),
});

export async function recordPatientConsent(principal: LinkPrincipal, input: unknown, now: Date = new Date()) {
  const { location } = parseWith(patientConsentSchema, input);
  if (principal.kind !== 'patient') throw new AppError('FORBIDDEN', 'Only the patient records consent.');
  const appointment = await loadAppointmentVideoFacts(principal.appointmentId);
  authorizeVideoAccess(principal, appointment, now, 'consent');
  await db().$transaction(async (tx) => {
    await tx.videoSession.update({
      where: { id: principal.sessionId },
      data: { patientConsentAt: now, patientLocation: location },
    });
    await notifyVideoChange(tx, principal.sessionId, 'consent');
    await recordChange(tx, null, 'UPDATE', {
      type: 'VideoSession',
      id: principal.sessionId,
      patientId: appointment!.patientId,
      detail: { operation: 'consent', fields: ['patientConsentAt', 'patientLocation'], via: 'join-link' },
    });
  });
  return { consentRecordedAt: now.toISOString(), location };
}
