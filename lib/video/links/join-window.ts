// When a telehealth appointment's video session can be joined. Pure: the
// token route, the join links and the waiting room all ask this one place.
export type VideoRole = 'CLINICIAN' | 'PATIENT' | 'GUEST';

const MINUTE = 60_000;

/** Patients and guests may join 15 minutes early; clinicians 30, to set up first. */
export const OPENS_BEFORE_START_MS: Record<VideoRole, number> = {
  CLINICIAN: 30 * MINUTE,
  PATIENT: 15 * MINUTE,
  GUEST: 15 * MINUTE,
};

/** Sessions overrun, and a dropped call needs a way back: the window stays open 2 hours after the end. */
export const CLOSES_AFTER_END_MS = 120 * MINUTE;

export type JoinWindow = { opensAt: Date; closesAt: Date };

export function joinWindow(appointment: { startsAt: Date; endsAt: Date }, role: VideoRole): JoinWindow {
  return {
    opensAt: new Date(appointment.startsAt.getTime() - OPENS_BEFORE_START_MS[role]),
    closesAt: new Date(appointment.endsAt.getTime() + CLOSES_AFTER_END_MS),
  };
}

export type WindowPosition = 'before' | 'open' | 'after';

export function windowPosition(window: JoinWindow, now: Date): WindowPosition {
  if (now < window.opensAt) return 'before';
  if (now >= window.closesAt) return 'after';
  return 'open';
}
