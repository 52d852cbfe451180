// The clinic's timezone (Clinic.timezone): appointment times are entered and
// shown in it. Falls back to Sydney if the row holds something unusable.
import 'server-only';

import { db } from '@/lib/db/client';

import { DEFAULT_CLINIC_TIME_ZONE, isValidTimeZone } from './clinic-time';

export async function getClinicTimeZone(clinicId: string): Promise<string> {
  const clinic = await db().clinic.findUnique({ where: { id: clinicId }, select: { timezone: true } });
  const timeZone = clinic?.timezone;
  return timeZone && isValidTimeZone(timeZone) ? timeZone : DEFAULT_CLINIC_TIME_ZONE;
}
