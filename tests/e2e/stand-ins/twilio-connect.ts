// Stand-in for components/video/twilio-connect.ts, used ONLY by the end-to-end
// tests' build (VIDEO_TEST_BUILD=1 aliases the product module to this file in
// next.config.js). Twilio's signalling cannot be reached from the test
// machines, so this implements just enough of twilio-video's Room,
// Participant, Publication and Track objects and events to drive the product's
// VideoProvider, hooks and components, with real MediaStreamTracks:
// - local tracks come from getUserMedia (Chromium's fake camera and microphone);
// - pages of one browser context that connect to the same room SID (from the
//   real token the portal issued) meet over a BroadcastChannel, each seeing the
//   others as remote participants whose video is a canvas and whose sound is an
//   oscillator, and whose mute and camera changes arrive as Twilio's events do;
// - window.__videoStandIn lets a test drop the connection with a Twilio error
//   code, show "reconnecting", refuse media with a DOMException name, fail the
//   preflight or hold back autoplay.
// Everything else on the path (token route, waiting room, event stream) is the
// product's own. tests/unit/video-stand-in-isolation.test.ts checks that
// nothing in the product can import this file.
import type { ConnectOptions, CreateLocalTrackOptions, PreflightTest, Room } from 'twilio-video';

import type { TwilioVideoApi } from '../../../components/video/twilio-connect';

/** Searched for in production bundles (must never be found there). */
export const STAND_IN_MARKER = 'tp-video-stand-in';

type Listener = (...args: unknown[]) => void;

class Emitter {
  private listeners = new Map<string, Set<Listener>>();
  on(event: string, listener: Listener) {
    (this.listeners.get(event) ?? this.listeners.set(event, new Set()).get(event)!).add(listener);
    return this;
  }
  off(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  once(event: string, listener: Listener) {
    const wrapped: Listener = (...args) => {
      this.off(event, wrapped);
      listener(...args);
    };
    return this.on(event, wrapped);
  }
  removeAllListeners() {
    this.listeners.clear();
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
    return true;
  }
  listenerCount(event?: string) {
    if (event) return this.listeners.get(event)?.size ?? 0;
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}

type StandInConfig = {
  /** getUserMedia fails with this DOMException name (NotAllowedError, NotFoundError, NotReadableError…). */
  mediaError?: string;
  /** connect() fails with this Twilio error code. */
  connectError?: number;
  preflight?: 'completed' | 'poor' | 'failed';
  /** Remote audio refuses to play until tapped (iOS-style autoplay rules). */
  blockAutoplay?: boolean;
};

type StandInControl = {
  config: StandInConfig;
  connects: Array<{ identity: string; room: string; options: Omit<ConnectOptions, 'tracks'> }>;
  processors: string[];
  rooms: FakeRoom[];
  current(): FakeRoom | null;
  reconnecting(): void;
  reconnected(): void;
  drop(code: number): void;
  listenerCount(): number;
};

declare global {
  interface Window {
    __videoStandIn?: StandInControl;
    __videoStandInConfig?: StandInConfig;
  }
}

function control(): StandInControl {
  if (!window.__videoStandIn) {
    const c: StandInControl = {
      config: window.__videoStandInConfig ?? {},
      connects: [],
      processors: [],
      rooms: [],
      current: () => [...c.rooms].reverse().find((r) => r.state !== 'disconnected') ?? null,
      reconnecting: () => c.current()?.simulateReconnecting(),
      reconnected: () => c.current()?.simulateReconnected(),
      drop: (code) => c.current()?.simulateDrop(code),
      listenerCount: () => c.current()?.totalListeners() ?? 0,
    };
    window.__videoStandIn = c;
  }
  return window.__videoStandIn;
}

let sidCounter = 0;
const sid = (prefix: string) =>
  `${prefix}${Date.now().toString(16)}${(sidCounter++).toString(16).padStart(4, '0')}`;

function twilioError(code: number, message: string): Error & { code: number } {
  return Object.assign(new Error(message), { name: 'TwilioError', code });
}

// ---- local tracks ----------------------------------------------------------

async function getUserMediaTrack(
  kind: 'audio' | 'video',
  options: CreateLocalTrackOptions,
): Promise<MediaStreamTrack> {
  const error = control().config.mediaError;
  if (error) throw new DOMException(`Stand-in: ${error}`, error);
  const { name: _name, ...constraints } = options as CreateLocalTrackOptions & { name?: string };
  const stream = await navigator.mediaDevices.getUserMedia({
    [kind]: Object.keys(constraints).length ? constraints : true,
  });
  return kind === 'audio' ? stream.getAudioTracks()[0]! : stream.getVideoTracks()[0]!;
}

class FakeLocalTrack extends Emitter {
  readonly id = sid('LT');
  isStopped = false;
  isStarted = true;
  processor: unknown = null;
  onEnabledChange: ((enabled: boolean) => void) | null = null;
  constructor(
    readonly kind: 'audio' | 'video',
    public mediaStreamTrack: MediaStreamTrack,
    readonly name: string,
  ) {
    super();
  }
  get isEnabled() {
    return this.mediaStreamTrack.enabled;
  }
  enable(enabled = true) {
    this.mediaStreamTrack.enabled = enabled;
    this.emit(enabled ? 'enabled' : 'disabled', this);
    this.onEnabledChange?.(enabled);
    return this;
  }
  disable() {
    return this.enable(false);
  }
  stop() {
    this.mediaStreamTrack.stop();
    this.isStopped = true;
    this.emit('stopped', this);
    return this;
  }
  async restart(options: CreateLocalTrackOptions = {}) {
    this.mediaStreamTrack.stop();
    this.mediaStreamTrack = await getUserMediaTrack(this.kind, options);
    this.isStopped = false;
    this.emit('started', this);
  }
  attach(element?: HTMLMediaElement) {
    const el = element ?? document.createElement(this.kind);
    el.srcObject = new MediaStream([this.mediaStreamTrack]);
    void el.play().catch(() => {});
    return el;
  }
  detach(element?: HTMLMediaElement) {
    if (element) element.srcObject = null;
    return element ?? [];
  }
  addProcessor(processor: { constructor?: { name?: string } }) {
    this.processor = processor;
    control().processors.push(processor.constructor?.name ?? 'processor');
    return this;
  }
  removeProcessor() {
    this.processor = null;
    return this;
  }
}

// ---- remote participants -----------------------------------------------------

type TrackInfo = { trackSid: string; kind: 'audio' | 'video'; name: string; enabled: boolean };

class FakeRemoteTrack extends Emitter {
  isSwitchedOff = false;
  isStarted = true;
  constructor(
    readonly sid: string,
    readonly kind: 'audio' | 'video',
    readonly name: string,
    readonly mediaStreamTrack: MediaStreamTrack,
    public isEnabled: boolean,
  ) {
    super();
  }
  attach(element?: HTMLMediaElement) {
    const el = element ?? document.createElement(this.kind);
    el.srcObject = new MediaStream([this.mediaStreamTrack]);
    if (this.kind === 'audio' && control().config.blockAutoplay) {
      // Like iOS: the first play() without a tap is refused.
      const play = el.play.bind(el);
      let refused = false;
      el.play = () => {
        if (!refused) {
          refused = true;
          return Promise.reject(new DOMException('Stand-in: autoplay blocked', 'NotAllowedError'));
        }
        return play();
      };
    }
    return el;
  }
  detach(element?: HTMLMediaElement) {
    if (element) element.srcObject = null;
    return element ?? [];
  }
}

function syntheticVideo(label: string): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 180;
  const ctx = canvas.getContext('2d')!;
  let frame = 0;
  const draw = () => {
    ctx.fillStyle = '#1f6f6f';
    ctx.fillRect(0, 0, 320, 180);
    ctx.fillStyle = '#fff';
    ctx.font = '20px sans-serif';
    ctx.fillText(`${label} ${frame++ % 10}`, 20, 95);
  };
  draw();
  const timer = setInterval(draw, 200);
  const track = canvas.captureStream(5).getVideoTracks()[0]!;
  track.addEventListener('ended', () => clearInterval(timer));
  return track;
}

function syntheticAudio(): MediaStreamTrack {
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  gain.gain.value = 0.01;
  const destination = context.createMediaStreamDestination();
  oscillator.connect(gain).connect(destination);
  oscillator.start();
  return destination.stream.getAudioTracks()[0]!;
}

class FakeRemotePublication extends Emitter {
  track: FakeRemoteTrack | null = null;
  isSubscribed = false;
  constructor(readonly info: TrackInfo) {
    super();
  }
  get trackSid() {
    return this.info.trackSid;
  }
  get trackName() {
    return this.info.name;
  }
  get kind() {
    return this.info.kind;
  }
  get isTrackEnabled() {
    return this.info.enabled;
  }
}

class FakeRemoteParticipant extends Emitter {
  tracks = new Map<string, FakeRemotePublication>();
  state: 'connected' | 'reconnecting' | 'disconnected' = 'connected';
  networkQualityLevel: number | null = null;
  constructor(
    readonly sid: string,
    readonly identity: string,
  ) {
    super();
  }
  get audioTracks() {
    return new Map([...this.tracks].filter(([, p]) => p.kind === 'audio'));
  }
  get videoTracks() {
    return new Map([...this.tracks].filter(([, p]) => p.kind === 'video'));
  }
  addTrack(info: TrackInfo) {
    const publication = new FakeRemotePublication(info);
    this.tracks.set(info.trackSid, publication);
    this.emit('trackPublished', publication);
    setTimeout(() => {
      if (!this.tracks.has(info.trackSid)) return;
      const media = info.kind === 'video' ? syntheticVideo(this.identity.split(':')[0]!) : syntheticAudio();
      const track = new FakeRemoteTrack(info.trackSid, info.kind, info.name, media, info.enabled);
      publication.track = track;
      publication.isSubscribed = true;
      publication.emit('subscribed', track);
      this.emit('trackSubscribed', track, publication);
    }, 50);
  }
  removeTrack(trackSid: string) {
    const publication = this.tracks.get(trackSid);
    if (!publication) return;
    const track = publication.track;
    publication.track = null;
    publication.isSubscribed = false;
    if (track) {
      track.mediaStreamTrack.stop();
      publication.emit('unsubscribed', track);
      this.emit('trackUnsubscribed', track, publication);
    }
    this.tracks.delete(trackSid);
    this.emit('trackUnpublished', publication);
  }
  setEnabled(trackSid: string, enabled: boolean) {
    const publication = this.tracks.get(trackSid);
    if (!publication) return;
    publication.info.enabled = enabled;
    if (publication.track) {
      publication.track.isEnabled = enabled;
      publication.track.emit(enabled ? 'enabled' : 'disabled', publication.track);
    }
    publication.emit(enabled ? 'trackEnabled' : 'trackDisabled');
  }
  leave() {
    for (const trackSid of [...this.tracks.keys()]) this.removeTrack(trackSid);
    this.state = 'disconnected';
  }
}

// ---- the local participant and the room ------------------------------------

class FakeLocalPublication {
  constructor(
    readonly track: FakeLocalTrack,
    readonly trackSid: string,
  ) {}
  get trackName() {
    return this.track.name;
  }
  get kind() {
    return this.track.kind;
  }
  get isTrackEnabled() {
    return this.track.isEnabled;
  }
}

type Message =
  | { t: 'join' | 'present'; from: string; to?: string; identity: string; tracks: TrackInfo[] }
  | { t: 'leave'; from: string }
  | { t: 'publish'; from: string; track: TrackInfo }
  | { t: 'unpublish'; from: string; trackSid: string }
  | { t: 'enabled'; from: string; trackSid: string; enabled: boolean };

class FakeLocalParticipant extends Emitter {
  readonly sid = sid('PA');
  tracks = new Map<string, FakeLocalPublication>();
  networkQualityLevel: number | null = null;
  state = 'connected';
  constructor(
    readonly identity: string,
    private readonly send: (message: Message) => void,
  ) {
    super();
  }
  get audioTracks() {
    return new Map([...this.tracks].filter(([, p]) => p.kind === 'audio'));
  }
  get videoTracks() {
    return new Map([...this.tracks].filter(([, p]) => p.kind === 'video'));
  }
  info(): TrackInfo[] {
    return [...this.tracks.values()].map((p) => ({
      trackSid: p.trackSid,
      kind: p.kind,
      name: p.trackName,
      enabled: p.isTrackEnabled,
    }));
  }
  async publishTrack(trackOrMedia: FakeLocalTrack | MediaStreamTrack, options: { name?: string } = {}) {
    const track =
      trackOrMedia instanceof FakeLocalTrack
        ? trackOrMedia
        : new FakeLocalTrack(
            trackOrMedia.kind as 'audio' | 'video',
            trackOrMedia,
            options.name ?? trackOrMedia.kind,
          );
    const existing = [...this.tracks.values()].find((p) => p.track === track);
    if (existing) return existing;
    const publication = new FakeLocalPublication(track, sid('MT'));
    this.tracks.set(publication.trackSid, publication);
    track.onEnabledChange = (enabled) =>
      this.send({ t: 'enabled', from: this.sid, trackSid: publication.trackSid, enabled });
    this.send({
      t: 'publish',
      from: this.sid,
      track: { trackSid: publication.trackSid, kind: track.kind, name: track.name, enabled: track.isEnabled },
    });
    this.emit('trackPublished', publication);
    return publication;
  }
  unpublishTrack(track: FakeLocalTrack) {
    const publication = [...this.tracks.values()].find((p) => p.track === track);
    if (!publication) return null;
    this.tracks.delete(publication.trackSid);
    track.onEnabledChange = null;
    this.send({ t: 'unpublish', from: this.sid, trackSid: publication.trackSid });
    this.emit('trackUnpublished', publication);
    return publication;
  }
}

class FakeRoom extends Emitter {
  readonly sid: string;
  readonly name: string;
  state: 'connected' | 'reconnecting' | 'disconnected' = 'connected';
  participants = new Map<string, FakeRemoteParticipant>();
  dominantSpeaker: FakeRemoteParticipant | null = null;
  localParticipant: FakeLocalParticipant;
  private channel: BroadcastChannel;
  private timers: ReturnType<typeof setTimeout>[] = [];

  constructor(roomSid: string, identity: string) {
    super();
    this.sid = roomSid;
    this.name = roomSid;
    this.channel = new BroadcastChannel(`${STAND_IN_MARKER}:${roomSid}`);
    this.localParticipant = new FakeLocalParticipant(identity, (m) => this.post(m));
    this.channel.onmessage = (event: MessageEvent<Message>) => this.receive(event.data);
  }

  start() {
    this.post({
      t: 'join',
      from: this.localParticipant.sid,
      identity: this.localParticipant.identity,
      tracks: this.localParticipant.info(),
    });
    this.later(300, () => {
      this.localParticipant.networkQualityLevel = 4;
      this.localParticipant.emit('networkQualityLevelChanged', 4, null);
    });
  }

  private post(message: Message) {
    if (this.state !== 'disconnected') this.channel.postMessage(message);
  }

  private later(ms: number, fn: () => void) {
    this.timers.push(setTimeout(() => this.state !== 'disconnected' && fn(), ms));
  }

  private receive(message: Message) {
    if (this.state === 'disconnected') return;
    switch (message.t) {
      case 'join':
        if (message.identity === this.localParticipant.identity) {
          // The same person connected somewhere else: Twilio drops the older one.
          this.simulateDrop(53205);
          return;
        }
        this.post({
          t: 'present',
          from: this.localParticipant.sid,
          to: message.from,
          identity: this.localParticipant.identity,
          tracks: this.localParticipant.info(),
        });
        this.addParticipant(message.from, message.identity, message.tracks);
        return;
      case 'present':
        if (message.to === this.localParticipant.sid)
          this.addParticipant(message.from, message.identity, message.tracks);
        return;
      case 'leave': {
        const participant = this.participants.get(message.from);
        if (!participant) return;
        participant.leave();
        this.participants.delete(message.from);
        if (this.dominantSpeaker === participant) this.dominantSpeaker = null;
        this.emit('participantDisconnected', participant);
        return;
      }
      case 'publish':
        this.participants.get(message.from)?.addTrack(message.track);
        return;
      case 'unpublish':
        this.participants.get(message.from)?.removeTrack(message.trackSid);
        return;
      case 'enabled':
        this.participants.get(message.from)?.setEnabled(message.trackSid, message.enabled);
        return;
    }
  }

  private addParticipant(participantSid: string, identity: string, tracks: TrackInfo[]) {
    if (this.participants.has(participantSid)) return;
    const participant = new FakeRemoteParticipant(participantSid, identity);
    this.participants.set(participantSid, participant);
    this.emit('participantConnected', participant);
    for (const info of tracks) participant.addTrack(info);
    this.later(400, () => {
      participant.networkQualityLevel = 3;
      participant.emit('networkQualityLevelChanged', 3, null);
      this.dominantSpeaker = participant;
      this.emit('dominantSpeakerChanged', participant);
    });
  }

  disconnect() {
    if (this.state === 'disconnected') return this;
    this.post({ t: 'leave', from: this.localParticipant.sid });
    this.finish();
    this.emit('disconnected', this);
    return this;
  }

  private finish() {
    this.state = 'disconnected';
    for (const timer of this.timers) clearTimeout(timer);
    this.channel.close();
    for (const participant of this.participants.values()) participant.leave();
  }

  simulateReconnecting() {
    this.state = 'reconnecting';
    this.emit('reconnecting', twilioError(53001, 'Signaling connection disconnected'));
  }

  simulateReconnected() {
    this.state = 'connected';
    this.emit('reconnected');
  }

  simulateDrop(code: number) {
    if (this.state === 'disconnected') return;
    this.post({ t: 'leave', from: this.localParticipant.sid });
    this.finish();
    this.emit('disconnected', this, twilioError(code, `Stand-in disconnect ${code}`));
  }

  totalListeners() {
    return this.listenerCount() + this.localParticipant.listenerCount();
  }
}

// ---- the module's exports, as the product's twilio-connect.ts has them -------

function decodeToken(token: string): { identity: string; room: string; exp: number } {
  const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as {
    exp: number;
    grants: { identity: string; video?: { room?: string } };
  };
  return { identity: payload.grants.identity, room: payload.grants.video?.room ?? '', exp: payload.exp };
}

class FakePreflight extends Emitter {
  constructor(outcome: StandInConfig['preflight']) {
    super();
    setTimeout(() => this.emit('progress', 'mediaAcquired'), 100);
    setTimeout(() => this.emit('progress', 'connected'), 200);
    setTimeout(() => {
      if (outcome === 'failed') {
        this.emit('failed', twilioError(53000, 'Stand-in: signaling unreachable'), null);
        return;
      }
      const poor = outcome === 'poor';
      const stat = (average: number) => ({ average, min: average, max: average });
      this.emit('completed', {
        testTiming: { start: 0, end: 5000, duration: 5000 },
        networkTiming: {},
        stats: { rtt: stat(poor ? 650 : 60), jitter: stat(poor ? 120 : 4), packetLoss: stat(poor ? 8 : 0) },
        iceCandidateStats: [],
        selectedIceCandidatePairStats: null,
        progressEvents: [],
      });
    }, 400);
  }
  stop() {}
}

const api: TwilioVideoApi = {
  isSupported: true,
  async connect(token, options) {
    const { identity, room, exp } = decodeToken(token);
    if (exp * 1000 < Date.now()) throw twilioError(20104, 'Access Token expired or expiration date invalid');
    const failure = control().config.connectError;
    if (failure) throw twilioError(failure, `Stand-in connect failure ${failure}`);
    const { tracks = [], ...rest } = options;
    control().connects.push({ identity, room, options: rest });
    await new Promise((r) => setTimeout(r, 150));
    const fake = new FakeRoom(room, identity);
    for (const track of tracks) await fake.localParticipant.publishTrack(track as unknown as FakeLocalTrack);
    control().rooms.push(fake);
    fake.start();
    return fake as unknown as Room;
  },
  async createLocalAudioTrack(options) {
    return new FakeLocalTrack('audio', await getUserMediaTrack('audio', options), 'microphone') as never;
  },
  async createLocalVideoTrack(options) {
    return new FakeLocalTrack('video', await getUserMediaTrack('video', options), 'camera') as never;
  },
  runPreflight() {
    return new FakePreflight(control().config.preflight) as unknown as PreflightTest;
  },
};

export function loadTwilioVideo(): Promise<TwilioVideoApi> {
  control();
  return Promise.resolve(api);
}

export function warmTwilioVideo(): void {
  control();
}
