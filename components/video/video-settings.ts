// How the browser connects to a session and captures media. Each setting says
// which guidance it follows; docs/decisions/007-video-client-settings.md has the
// reasons and the sources. Only types come from twilio-video here, so this
// module costs nothing in a page's first JavaScript.
import type { ConnectOptions, CreateLocalTrackOptions } from 'twilio-video';

/**
 * Signalling region. Twilio Video "Signaling Regions" (docs/video/ip-addresses
 * and the region option of connect()): the clinic and its patients are in
 * Australia, so the browser talks to Twilio's Sydney edge (wss://au1.vss…);
 * the server already puts the media in au1 (TWILIO_VIDEO_MEDIA_REGION).
 */
export const SIGNALLING_REGION = 'au1';

export type CallShape = 'two-people' | 'multiparty';

/** Clinician and patient; anyone else present or invited makes it multiparty. */
export function callShape(expectedParticipants: number): CallShape {
  return expectedParticipants > 2 ? 'multiparty' : 'two-people';
}

export function connectOptions(shape: CallShape, phone: boolean): ConnectOptions {
  const common: ConnectOptions = {
    region: SIGNALLING_REGION,
    // The page creates and owns its tracks (device check, blur); connect() publishes those.
    audio: false,
    video: false,
    // "Developing high-quality video applications" → "Network Quality API":
    // level 1 for both sides is enough for the bars (level 0–5) without the
    // detailed stats traffic of level 2–3.
    networkQuality: { local: 1, remote: 1 },
    // "… → Dominant speaker": highlight who is talking (and, multiparty, let
    // the bandwidth profile prioritise them).
    dominantSpeaker: true,
    // "… → Audio": maxAudioBitrate is deliberately NOT set. Capping Opus's
    // bitrate leaves it no room for in-band forward error correction (FEC),
    // which is what keeps speech intelligible over lossy mobile networks.
    // Speech is what a psychology session is for.
  };
  if (shape === 'two-people') {
    return {
      ...common,
      // "… → Recommended settings, 1:1 calls": grid mode treats both videos
      // the same (no "main speaker"), with the client switching off video
      // that is not visible and asking for the size it renders.
      bandwidthProfile: {
        video: {
          mode: 'grid',
          clientTrackSwitchOffControl: 'auto',
          contentPreferencesMode: 'auto',
          ...(phone ? { maxSubscriptionBitrate: 2_500_000 } : {}),
        },
      },
      // "… → Codecs, 1:1": VP8 without simulcast. With one subscriber there is
      // nothing to choose between layers; simulcast would only cost the
      // sender's upload and CPU (phones).
      preferredVideoCodecs: [{ codec: 'VP8', simulcast: false }],
    };
  }
  return {
    ...common,
    // "… → Recommended settings, group (multiparty) calls": collaboration mode
    // with the dominant speaker at high priority, client track switch-off and
    // content preferences automatic.
    bandwidthProfile: {
      video: {
        mode: 'collaboration',
        dominantSpeakerPriority: 'high',
        clientTrackSwitchOffControl: 'auto',
        contentPreferencesMode: 'auto',
        ...(phone ? { maxSubscriptionBitrate: 2_500_000 } : {}),
      },
    },
    // "… → Codecs, multiparty": VP8 simulcast, so the media server can send
    // each subscriber the layer their connection and screen can take.
    preferredVideoCodecs: [{ codec: 'VP8', simulcast: true }],
  };
}

/**
 * Camera capture. "… → Recommended settings": 1280×720 at 24 fps on desktop,
 * 640×480 at 24 fps on phones. @twilio/video-processors recommends 640×480 at
 * 24 fps when background blur is on (the segmentation model's cost grows with
 * the frame), so blur uses that size everywhere.
 */
export function cameraOptions(
  phone: boolean,
  blur: boolean,
  deviceId?: string,
): CreateLocalTrackOptions & { name: string } {
  const small = phone || blur;
  return {
    name: 'camera',
    width: small ? 640 : 1280,
    height: small ? 480 : 720,
    frameRate: 24,
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
  };
}

export function microphoneOptions(deviceId?: string): CreateLocalTrackOptions & { name: string } {
  return { name: 'microphone', ...(deviceId ? { deviceId: { exact: deviceId } } : {}) };
}

/** Phones and tablets: a smaller capture size and a subscription bitrate cap. */
export function isPhone(userAgent: string): boolean {
  return /Android|iPhone|iPad|iPod|Mobile/i.test(userAgent);
}
