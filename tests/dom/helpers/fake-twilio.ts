// A small fake of the twilio-video objects the provider touches: EventEmitter
// based like the SDK's, so a test can emit SDK events and count listeners.
// Not the e2e stand-in (tests/e2e/stand-ins): no media, no network, just the
// calls and events the hooks use.
import { EventEmitter } from 'node:events';

import { vi } from 'vitest';

import type { TwilioVideoApi } from '@/components/video/twilio-connect';

let nextId = 1;

/** Every listener on an emitter, all events together. */
export function listenerTotal(emitter: EventEmitter): number {
  return emitter.eventNames().reduce((n, name) => n + emitter.listenerCount(name), 0);
}

type RestartOptions = { deviceId?: { exact?: string } };

export class FakeLocalTrack extends EventEmitter {
  readonly id = `track-${nextId++}`;
  isEnabled = true;
  isStopped = false;
  processor: unknown = null;
  readonly mediaStreamTrack: { readyState: 'live' | 'ended'; getSettings: () => { deviceId?: string } };
  private deviceId: string;
  readonly restart = vi.fn(async (options: RestartOptions = {}) => {
    this.deviceId = options.deviceId?.exact ?? 'default';
    this.mediaStreamTrack.readyState = 'live';
  });

  constructor(
    readonly kind: 'audio' | 'video',
    deviceId = 'default',
    readonly name = kind === 'audio' ? 'microphone' : 'camera',
  ) {
    super();
    this.deviceId = deviceId;
    this.mediaStreamTrack = { readyState: 'live', getSettings: () => ({ deviceId: this.deviceId }) };
  }
  enable() {
    this.isEnabled = true;
    this.emit('enabled', this);
  }
  disable() {
    this.isEnabled = false;
    this.emit('disabled', this);
  }
  stop() {
    this.isStopped = true;
    this.emit('stopped', this);
  }
  attach() {
    return document.createElement(this.kind);
  }
  detach() {
    return [];
  }
  addProcessor(processor: unknown) {
    this.processor = processor;
  }
  removeProcessor() {
    this.processor = null;
  }
}

export class FakeLocalParticipant extends EventEmitter {
  readonly identity = 'patient:test';
  readonly sid = 'PA-local';
  readonly tracks = new Map();
  readonly videoTracks = new Map();
  readonly audioTracks = new Map();
  readonly publishTrack = vi.fn(async (track: unknown, _options?: unknown) => ({
    track,
    trackSid: `MT${nextId++}`,
  }));
  readonly unpublishTrack = vi.fn();
}

export class FakeRoom extends EventEmitter {
  state: 'connected' | 'reconnecting' | 'disconnected' = 'connected';
  readonly sid = 'RM-test';
  readonly localParticipant = new FakeLocalParticipant();
  readonly participants = new Map();
  dominantSpeaker = null;
  readonly disconnect = vi.fn(() => this.end());

  /** The room ends: by our disconnect(), or with a Twilio error (a drop, replaced by another tab). */
  end(error?: { code: number; message: string }) {
    if (this.state === 'disconnected') return;
    this.state = 'disconnected';
    this.emit('disconnected', this, error);
  }
}

/** The SDK door (components/video/twilio-connect) as the provider sees it, with the room it will join. */
function fakeTwilioApi(room = new FakeRoom()) {
  const made: FakeLocalTrack[] = [];
  const make = (kind: 'audio' | 'video') => async (options: RestartOptions) => {
    const track = new FakeLocalTrack(kind, options.deviceId?.exact ?? `${kind}-default`);
    made.push(track);
    return track;
  };
  const api = {
    isSupported: true,
    connect: vi.fn(async () => room),
    createLocalAudioTrack: vi.fn(make('audio')),
    createLocalVideoTrack: vi.fn(make('video')),
    runPreflight: vi.fn(),
  };
  return { api: api as unknown as TwilioVideoApi & typeof api, room, made };
}

let installed: ReturnType<typeof fakeTwilioApi> | null = null;

/** A new fake SDK, the one the mocked twilio-connect hands out from now on (tests/dom/setup.ts). */
export function installFakeTwilio(): ReturnType<typeof fakeTwilioApi> {
  installed = fakeTwilioApi();
  return installed;
}

export function installedTwilioApi(): TwilioVideoApi {
  if (!installed) throw new Error('installFakeTwilio() first');
  return installed.api;
}

/** An EventTarget (navigator.mediaDevices, EventSource) that counts its listeners. */
export class CountingEventTarget extends EventTarget {
  listeners = 0;
  override addEventListener(...args: Parameters<EventTarget['addEventListener']>) {
    this.listeners++;
    super.addEventListener(...args);
  }
  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>) {
    this.listeners--;
    super.removeEventListener(...args);
  }
}

export const issuedToken = {
  token: 'token',
  identity: 'patient:test',
  role: 'PATIENT',
  roomSid: 'RM-test',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
};
