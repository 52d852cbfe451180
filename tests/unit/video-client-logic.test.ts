// The pure parts of the video pages: which guidance a link's state calls for,
// the countdown in words, the connection test's verdict, and the connect
// settings chosen for two people or more.
import { describe, expect, it } from 'vitest';

import { browserCanCall, durationWords, joinStatus } from '@/components/video/join-status';
import { failedPreflightVerdict, preflightVerdict } from '@/components/video/preflight-verdict';
import {
  callShape,
  cameraOptions,
  connectOptions,
  SIGNALLING_REGION,
} from '@/components/video/video-settings';
import { contentSecurityPolicy, isVideoPath, VIDEO_CSP } from '@/lib/http/security-headers';
import type { JoinState } from '@/lib/video/links/get-join-state';

const T = Date.parse('2026-12-01T00:00:00Z');
const iso = (ms: number) => new Date(T + ms).toISOString();
const MIN = 60_000;

function state(overrides: Partial<JoinState> = {}): JoinState {
  return {
    appointmentId: 'ap1',
    role: 'patient',
    startsAt: iso(15 * MIN),
    endsAt: iso(65 * MIN),
    opensAt: iso(0),
    closesAt: iso(185 * MIN),
    appointmentStatus: 'BOOKED',
    linkRevoked: false,
    consent: { recorded: false, location: null },
    waiting: null,
    messages: [],
    replies: [],
    sessionEnded: false,
    ...overrides,
  };
}

describe('joinStatus', () => {
  it.each([
    ['open inside the window', state(), T + MIN, 'open'],
    ['early before it opens', state(), T - 1, 'early'],
    ['expired once it closes', state(), T + 185 * MIN, 'expired'],
    [
      'revoked before anything else',
      state({ linkRevoked: true, appointmentStatus: 'CANCELLED' }),
      T,
      'revoked',
    ],
    ['cancelled', state({ appointmentStatus: 'CANCELLED' }), T, 'cancelled'],
    ['missed (no-show)', state({ appointmentStatus: 'NO_SHOW' }), T, 'missed'],
    ['ended by the clinician', state({ sessionEnded: true }), T + MIN, 'ended'],
    [
      'declined',
      state({ waiting: { status: 'DECLINED', since: iso(0), admittedAt: null } }),
      T + MIN,
      'declined',
    ],
  ] as const)('%s', (_label, s, now, expected) => {
    expect(joinStatus(s, now)).toBe(expected);
  });

  it('says the countdown in words', () => {
    expect(durationWords(9 * MIN + 12_000)).toBe('9 minutes 12 seconds');
    expect(durationWords(61 * MIN)).toBe('1 hour 1 minute');
    expect(durationWords(1000)).toBe('1 second');
    expect(durationWords(-5)).toBe('0 seconds');
  });

  it('knows a browser that cannot call', () => {
    expect(browserCanCall({})).toBe(false);
    expect(browserCanCall({ RTCPeerConnection: {}, navigator: { mediaDevices: {} } })).toBe(false);
    expect(
      browserCanCall({ RTCPeerConnection: {}, navigator: { mediaDevices: { getUserMedia: () => {} } } }),
    ).toBe(true);
  });
});

describe('preflight verdict', () => {
  const stat = (average: number) => ({ average, min: average, max: average });
  it('is good, OK or weak from round trip, jitter and loss', () => {
    expect(preflightVerdict({ rtt: stat(60), jitter: stat(4), packetLoss: stat(0) }).level).toBe('good');
    expect(preflightVerdict({ rtt: stat(250), jitter: stat(10), packetLoss: stat(0.5) }).level).toBe('fair');
    expect(preflightVerdict({ rtt: stat(500), jitter: stat(10), packetLoss: stat(0) }).level).toBe('poor');
    expect(preflightVerdict({ rtt: stat(80), jitter: stat(10), packetLoss: stat(7) }).level).toBe('poor');
    expect(preflightVerdict({ rtt: null, jitter: null, packetLoss: null }).level).toBe('good');
    expect(failedPreflightVerdict().level).toBe('poor');
  });
});

describe('connect settings', () => {
  it('two people: grid, VP8 without simulcast, au1, network quality, no audio bitrate cap', () => {
    expect(callShape(2)).toBe('two-people');
    const options = connectOptions('two-people', false);
    expect(options.region).toBe(SIGNALLING_REGION);
    expect(SIGNALLING_REGION).toBe('au1');
    expect(options.preferredVideoCodecs).toEqual([{ codec: 'VP8', simulcast: false }]);
    expect(options.bandwidthProfile?.video?.mode).toBe('grid');
    expect(options.networkQuality).toEqual({ local: 1, remote: 1 });
    expect(options).not.toHaveProperty('maxAudioBitrate');
  });

  it('a guest makes it multiparty: collaboration, VP8 simulcast', () => {
    expect(callShape(3)).toBe('multiparty');
    const options = connectOptions('multiparty', true);
    expect(options.preferredVideoCodecs).toEqual([{ codec: 'VP8', simulcast: true }]);
    expect(options.bandwidthProfile?.video).toMatchObject({
      mode: 'collaboration',
      dominantSpeakerPriority: 'high',
      maxSubscriptionBitrate: 2_500_000,
    });
  });

  it('captures 640×480 at 24 fps on phones or with blur, 1280×720 on desktop', () => {
    expect(cameraOptions(true, false)).toMatchObject({ width: 640, height: 480, frameRate: 24 });
    expect(cameraOptions(false, true)).toMatchObject({ width: 640, height: 480 });
    expect(cameraOptions(false, false, 'cam1')).toMatchObject({
      width: 1280,
      height: 720,
      deviceId: { exact: 'cam1' },
    });
  });
});

describe('the video pages’ content security policy', () => {
  it('applies to the join page and the clinician’s room only', () => {
    expect(isVideoPath('/join/jl_abc.def')).toBe(true);
    expect(isVideoPath('/appointments/ap1/room')).toBe(true);
    expect(isVideoPath('/appointments/ap1')).toBe(false);
    expect(isVideoPath('/dashboard')).toBe(false);
  });

  it('adds Twilio signalling, insights and WebAssembly, nothing wider', () => {
    const csp = contentSecurityPolicy({ nonce: 'n', dev: false, ...VIDEO_CSP });
    expect(csp).toContain(
      "connect-src 'self' wss://global.vss.twilio.com wss://au1.vss.twilio.com https://ecs.us1.twilio.com wss://sdkgw.us1.twilio.com",
    );
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/\*/);
    expect(contentSecurityPolicy({ nonce: 'n', dev: false })).not.toContain('twilio');
  });
});
