// The one door to twilio-video. Everything the pages need from the SDK comes
// through loadTwilioVideo(), which imports it dynamically: twilio-video touches
// `navigator` at import and is large, so it is never in a page's first
// JavaScript. warmTwilioVideo() fetches it while the browser is idle, so it is
// there before anyone taps Join.
//
// The end-to-end tests' build (VIDEO_TEST_BUILD=1) swaps this module for
// tests/e2e/stand-ins/twilio-connect.ts through next.config.js, because
// Twilio cannot be reached from the test machines. Keep the two exports alike.
import type {
  ConnectOptions,
  CreateLocalTrackOptions,
  LocalAudioTrack,
  LocalVideoTrack,
  PreflightOptions,
  PreflightTest,
  Room,
} from 'twilio-video';

export type TwilioVideoApi = {
  isSupported: boolean;
  connect(token: string, options: ConnectOptions): Promise<Room>;
  createLocalAudioTrack(options: CreateLocalTrackOptions): Promise<LocalAudioTrack>;
  createLocalVideoTrack(options: CreateLocalTrackOptions): Promise<LocalVideoTrack>;
  runPreflight(token: string, options?: PreflightOptions): PreflightTest;
};

let loading: Promise<TwilioVideoApi> | null = null;

export function loadTwilioVideo(): Promise<TwilioVideoApi> {
  loading ??= import('twilio-video').then((mod) => {
    // The CommonJS build arrives as the default export under some bundlers.
    const video = ('default' in mod && mod.default ? mod.default : mod) as typeof import('twilio-video');
    return {
      isSupported: video.isSupported,
      connect: (token, options) => video.connect(token, options),
      createLocalAudioTrack: (options) => video.createLocalAudioTrack(options),
      createLocalVideoTrack: (options) => video.createLocalVideoTrack(options),
      runPreflight: (token, options) => video.runPreflight(token, options),
    };
  });
  loading.catch(() => {
    // A failed download (offline) may be retried by the next call.
    loading = null;
  });
  return loading;
}

/** Starts downloading the SDK when the browser has nothing better to do. */
export function warmTwilioVideo(): void {
  if (typeof window === 'undefined' || loading) return;
  const start = () => void loadTwilioVideo().catch(() => {});
  if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 4000 });
  else setTimeout(start, 1500);
}
