// Every Twilio connection or media error, and every camera/microphone error,
// the video pages can meet, in ONE table: what happened in plain words and what
// to do next. Each row has a test (tests/unit/video-error-messages.test.ts).
// Shape after twilio-video-app-react's ErrorDialog/enhanceMessage.ts, with the
// next step made explicit so the page can offer the right button.

/** The button the page offers with the message. */
export type NextStep =
  /** Join again with a fresh token (after a pause for 53205). */
  | 'rejoin'
  /** Ask for the camera and microphone again (after the person changed a setting). */
  | 'retry-devices'
  /** Carry on without the camera: audio only. */
  | 'audio-only'
  /** Nothing the person can do here: call or message the clinic. */
  | 'contact-clinic';

/** The button that connects again after a failure: every message that names it uses this label. */
export const JOIN_AGAIN = 'Join again';

export type VideoProblem = {
  /** Short heading. */
  title: string;
  /** What happened, in plain words. */
  message: string;
  /** What to do now. */
  nextStep: string;
  action: NextStep;
  /** Show the browser's own steps for unblocking the camera and microphone. */
  showUnblockSteps?: boolean;
  /** The clinician's own words where the patient's would be wrong for them. */
  clinician?: Partial<Pick<VideoProblem, 'title' | 'message' | 'nextStep'>>;
};

/** The problem as the given reader should read it. */
export function problemFor(problem: VideoProblem, reader: 'patient' | 'clinician'): VideoProblem {
  return reader === 'clinician' && problem.clinician ? { ...problem, ...problem.clinician } : problem;
}

export type VideoErrorKey =
  | 53000
  | 53001
  | 53002
  | 53105
  | 53118
  | 53205
  | 53405
  | 20104
  | 'NotAllowedError'
  | 'NotFoundError'
  | 'NotReadableError'
  | 'OverconstrainedError';

export const VIDEO_ERROR_TABLE: Record<VideoErrorKey, VideoProblem> = {
  // Signaling connection error: the browser could not reach Twilio at all.
  53000: {
    title: 'We couldn’t reach the video service',
    message: 'Your device could not connect to the video service. The internet connection may have dropped.',
    nextStep: 'Check that you are online (try opening another website), then tap “Join again”.',
    action: 'rejoin',
  },
  // Signaling connection disconnected: the connection dropped and did not come back.
  53001: {
    title: 'Your connection dropped',
    message: 'The call lost its connection and could not get it back.',
    nextStep:
      'Move closer to your Wi-Fi router or switch between Wi-Fi and mobile data, then tap “Join again”.',
    action: 'rejoin',
  },
  // Signaling connection timed out.
  53002: {
    title: 'The connection timed out',
    message: 'The video service took too long to answer.',
    nextStep: 'Your connection may be slow right now. Tap “Join again” to try once more.',
    action: 'rejoin',
  },
  // Room contains too many participants.
  53105: {
    title: 'The session is full',
    message: 'The most people a session can hold are already in it.',
    nextStep: 'Please contact the clinic; they can make room for you.',
    action: 'contact-clinic',
    clinician: { nextStep: 'Ask a guest to leave, then join again.' },
  },
  // Room completed: the clinician ended the session.
  53118: {
    title: 'The session has ended',
    message: 'The clinician has ended this video session.',
    nextStep: 'If you were cut off before you finished, contact the clinic.',
    action: 'contact-clinic',
    clinician: {
      message: 'The session was ended for everyone.',
      nextStep: 'Join again to start a new one while the appointment’s window is open.',
    },
  },
  // Participant disconnected because of a duplicate identity: the same person joined elsewhere.
  53205: {
    title: 'You joined from somewhere else',
    message:
      'This page was disconnected because you joined the same session in another tab or on another device.',
    nextStep: 'Carry on there, or tap “Join again” to move the call back to this page.',
    action: 'rejoin',
  },
  // Media connection failed: signalling worked, but sound and video could not get through.
  53405: {
    title: 'Sound and video couldn’t get through',
    message:
      'Your network let us connect but blocked the sound and video. Some work or public Wi-Fi does this.',
    nextStep: 'Switch to mobile data or another Wi-Fi network, or turn off any VPN, then tap “Join again”.',
    action: 'rejoin',
  },
  // Access token expired.
  20104: {
    title: 'Your access needed renewing',
    message: 'The pass that lets this page into the session had expired.',
    nextStep: 'Tap “Join again”; we will get a new one for you.',
    action: 'rejoin',
  },
  NotAllowedError: {
    title: 'The camera and microphone are blocked',
    message: 'Your browser, or your device’s settings, did not let this page use the camera and microphone.',
    nextStep: 'Follow the steps below to allow them, then tap “Try again”.',
    action: 'retry-devices',
    showUnblockSteps: true,
  },
  NotFoundError: {
    title: 'No camera or microphone found',
    message: 'We could not find a camera or microphone on this device.',
    nextStep:
      'If you use a headset or webcam, plug it in and tap “Try again”. You can also join with sound only.',
    action: 'retry-devices',
  },
  NotReadableError: {
    title: 'The camera or microphone is busy',
    message: 'Another app is using your camera or microphone, so this page cannot.',
    nextStep:
      'Close other apps that might use them (FaceTime, Zoom, Teams, WhatsApp, the camera app), then tap “Try again”.',
    action: 'retry-devices',
  },
  OverconstrainedError: {
    title: 'That camera or microphone isn’t available',
    message: 'The device you chose has been unplugged or cannot be used in the way we asked.',
    nextStep: 'Choose another camera or microphone from the list, or tap “Try again” to use the usual one.',
    action: 'retry-devices',
  },
};

export const UNKNOWN_VIDEO_PROBLEM: VideoProblem = {
  title: 'Something went wrong with the call',
  message: 'The video call stopped unexpectedly.',
  nextStep: 'Tap “Join again”. If it keeps happening, contact the clinic.',
  action: 'rejoin',
  clinician: { nextStep: 'Click “Join again”. If it keeps happening, reload the page.' },
};

/** The table's key for an error from twilio-video or getUserMedia, if it has one. */
export function videoErrorKey(error: unknown): VideoErrorKey | null {
  if (!error || typeof error !== 'object') return null;
  const { code, name } = error as { code?: unknown; name?: unknown };
  if (typeof code === 'number' && code in VIDEO_ERROR_TABLE) return code as VideoErrorKey;
  if (typeof name === 'string') {
    // Older browsers' names for the same errors.
    const normalised =
      name === 'PermissionDeniedError' || name === 'SecurityError'
        ? 'NotAllowedError'
        : name === 'DevicesNotFoundError'
          ? 'NotFoundError'
          : name === 'TrackStartError' || name === 'AbortError'
            ? 'NotReadableError'
            : name === 'ConstraintNotSatisfiedError'
              ? 'OverconstrainedError'
              : name;
    if (normalised in VIDEO_ERROR_TABLE) return normalised as VideoErrorKey;
  }
  return null;
}

export function describeVideoError(error: unknown): VideoProblem {
  const key = videoErrorKey(error);
  return key === null ? UNKNOWN_VIDEO_PROBLEM : VIDEO_ERROR_TABLE[key];
}

/** Twilio's "duplicate identity" code: a rejoin must wait for the old connection to be dropped. */
export const DUPLICATE_IDENTITY = 53205;
