// What the person reads when their microphone or camera works here but its
// track could not be published into the call (Twilio's trackPublicationFailed).
// Patients may be anxious and on a phone: say it is not their fault, that we
// are already trying again, and give one thing to tap.
import type { VideoProblem } from './error-messages';

export type PublishedKind = 'audio' | 'video';

export function publishProblem(kinds: ReadonlySet<PublishedKind>, retrying: boolean): VideoProblem {
  const sound = kinds.has('audio');
  const both = sound && kinds.has('video');
  const what = both ? 'your sound and picture' : sound ? 'your sound' : 'your picture';
  const devices = both ? 'microphone and camera are' : sound ? 'microphone is' : 'camera is';
  return {
    title: retrying ? `Connecting ${what}…` : `The others ${sound ? 'can’t hear' : 'can’t see'} you yet`,
    message: `Your ${devices} working, but ${what} didn’t reach the call. This is usually a brief network hiccup, not something you did.`,
    nextStep: retrying
      ? 'We’re trying again now. Please stay on this page.'
      : 'Tap “Try again”. If it still doesn’t work, leave the call and join again.',
    action: 'rejoin',
    clinician: { message: `Twilio could not publish ${what} (trackPublicationFailed).` },
  };
}
