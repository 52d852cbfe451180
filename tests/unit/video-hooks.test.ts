// Each video hook subscribes to one group of twilio-video events with named
// handlers and removes exactly those on cleanup (house style, after
// twilio-video-app-react's hook tests). The SDK objects are EventEmitters; a
// node EventEmitter stands in for them here.
import { EventEmitter } from 'node:events';

import { describe, expect, it, vi } from 'vitest';

import {
  DOMINANT_SPEAKER_EVENTS,
  subscribeDominantSpeaker,
} from '@/components/video/hooks/use-dominant-speaker';
import { subscribeTrackEnabled, TRACK_ENABLED_EVENTS } from '@/components/video/hooks/use-is-track-enabled';
import {
  subscribeTrackSwitch,
  TRACK_SWITCH_EVENTS,
} from '@/components/video/hooks/use-is-track-switched-off';
import {
  MEDIA_TRACK_EVENTS,
  subscribeMediaStreamTrack,
} from '@/components/video/hooks/use-media-stream-track';
import {
  NETWORK_QUALITY_EVENTS,
  subscribeNetworkQuality,
} from '@/components/video/hooks/use-network-quality-level';
import {
  PARTICIPANT_RECONNECT_EVENTS,
  subscribeParticipantReconnecting,
} from '@/components/video/hooks/use-participant-reconnecting';
import { PARTICIPANT_EVENTS, subscribeParticipants } from '@/components/video/hooks/use-participants';
import { PUBLICATION_EVENTS, subscribePublications } from '@/components/video/hooks/use-publications';
import { ROOM_STATE_EVENTS, subscribeRoomState } from '@/components/video/hooks/use-room-state';
import { subscribeTrack, TRACK_EVENTS } from '@/components/video/hooks/use-track';

const hooks = [
  ['useRoomState', subscribeRoomState, ROOM_STATE_EVENTS],
  ['useParticipants', subscribeParticipants, PARTICIPANT_EVENTS],
  ['useDominantSpeaker', subscribeDominantSpeaker, DOMINANT_SPEAKER_EVENTS],
  ['useNetworkQualityLevel', subscribeNetworkQuality, NETWORK_QUALITY_EVENTS],
  ['usePublications', subscribePublications, PUBLICATION_EVENTS],
  ['useTrack', subscribeTrack, TRACK_EVENTS],
  ['useIsTrackEnabled', subscribeTrackEnabled, TRACK_ENABLED_EVENTS],
  ['useIsTrackSwitchedOff', subscribeTrackSwitch, TRACK_SWITCH_EVENTS],
  ['useParticipantIsReconnecting', subscribeParticipantReconnecting, PARTICIPANT_RECONNECT_EVENTS],
  ['useMediaStreamTrack', subscribeMediaStreamTrack, MEDIA_TRACK_EVENTS],
] as const;

const total = (emitter: EventEmitter) =>
  emitter.eventNames().reduce((n, name) => n + emitter.listenerCount(name), 0);

describe.each(hooks)('%s', (_name, subscribe, events) => {
  it('listens to its events, reports each change, and leaves no listener behind', () => {
    const emitter = new EventEmitter();
    const onChange = vi.fn();
    const unsubscribe = subscribe(emitter, onChange);
    for (const event of events) expect(emitter.listenerCount(event)).toBe(1);
    expect(total(emitter)).toBe(events.length);
    for (const event of events) emitter.emit(event, {});
    expect(onChange).toHaveBeenCalledTimes(events.length);
    unsubscribe();
    expect(total(emitter)).toBe(0);
    emitter.emit(events[0], {});
    expect(onChange).toHaveBeenCalledTimes(events.length);
  });

  it('keeps two subscribers apart (React runs effects twice in development)', () => {
    const emitter = new EventEmitter();
    const first = subscribe(emitter, () => {});
    const second = subscribe(emitter, () => {});
    first();
    expect(total(emitter)).toBe(events.length);
    second();
    expect(total(emitter)).toBe(0);
  });
});
