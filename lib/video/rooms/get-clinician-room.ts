// What the clinician's video room page needs: the staff view of the session
// (get-video-panel.ts, which checks the user may host it) plus the patient's
// name to label their video, and the clinic's timezone.
import 'server-only';

import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';

import { getVideoPanel, type VideoPanelState } from './get-video-panel';

export type ClinicianRoom = {
  panel: VideoPanelState;
  patientFirstName: string;
  patientName: string;
  startsAt: string;
  timeZone: string;
};

export async function getClinicianRoom(user: SessionUser, appointmentId: string): Promise<ClinicianRoom> {
  const panel = await getVideoPanel(user, appointmentId);
  if (!panel.can.host)
    throw new AppError('FORBIDDEN', "Only the appointment's clinician can open its video room.");
  const [appointment, timeZone] = await Promise.all([
    db().appointment.findUniqueOrThrow({
      where: { id: appointmentId },
      select: {
        startsAt: true,
        patient: { select: { givenName: true, preferredName: true, familyName: true } },
      },
    }),
    getClinicTimeZone(user.clinicId),
  ]);
  const first = appointment.patient.preferredName ?? appointment.patient.givenName;
  return {
    panel,
    patientFirstName: first,
    patientName: `${first} ${appointment.patient.familyName}`,
    startsAt: appointment.startsAt.toISOString(),
    timeZone,
  };
}
