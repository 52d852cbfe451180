// Row and advisory locks that serialise a change for the rest of a transaction.
import 'server-only';

import { defineStatement } from './define-query';

/** $1 session id: one change to a video session's links at a time. */
export const videoSessionLock = defineStatement(
  'lock-video-session',
  `SELECT 1 FROM "VideoSession" WHERE "id" = $1 FOR UPDATE`,
);

/** $1 clinic id: one change to a clinic's team at a time. */
export const clinicTeamLock = defineStatement(
  'lock-clinic-team',
  `SELECT "id" FROM "Clinic" WHERE "id" = $1 FOR UPDATE`,
);

/** $1 'appointment-schedule:<clinician id>': one booking per clinician at a time. */
export const clinicianScheduleLock = defineStatement(
  'lock-clinician-schedule',
  `SELECT 1 FROM pg_advisory_xact_lock(hashtext($1))`,
);
