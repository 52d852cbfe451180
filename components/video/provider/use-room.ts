'use client';

// Joining and leaving the room. connect() runs from a person's click, never
// from an effect (React runs effects twice in development, and iOS needs a
// gesture); nothing connects before the server hands out a token (for a
// patient: after the clinician admits them), and no media is sent before it.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { LocalAudioTrack, LocalVideoTrack, Room, TwilioError } from 'twilio-video';

import { describeVideoError, videoErrorKey, type VideoProblem } from '../error-messages';
import type { TwilioVideoApi } from '../twilio-connect';
import { callShape, connectOptions } from '../video-settings';
import type { LiveCallRef } from './live-call';

export type IssuedVideoToken = {
  token: string;
  identity: string;
  role: string;
  roomSid: string;
  expiresAt: string;
};

export type CallEnd = {
  /** Null when the person left, or the session was ended, normally. */
  problem: VideoProblem | null;
  code: string | number | null;
  at: number;
};

/** Twilio needs a moment to drop a stale participant of the same identity before a rejoin. */
export const REJOIN_PAUSE_MS = 3000;

type Options = {
  liveRef: LiveCallRef;
  ensureApi: () => Promise<TwilioVideoApi>;
  startMedia: () => Promise<boolean>;
  /** Puts the blur on the camera (when chosen) before a single frame is sent. */
  prepareCamera: (camera: LocalVideoTrack) => Promise<void>;
  getToken: () => Promise<IssuedVideoToken>;
  expectedParticipants?: () => number;
  phone: boolean;
};

export function useRoom({
  liveRef,
  ensureApi,
  startMedia,
  prepareCamera,
  getToken,
  expectedParticipants,
  phone,
}: Options) {
  const [room, setRoom] = useState<Room | null>(null);
  const [connecting, setConnecting] = useState(false);
  const [connectProblem, setConnectProblem] = useState<VideoProblem | null>(null);
  const [callEnd, setCallEnd] = useState<CallEnd | null>(null);
  const endedAt = useRef<number | null>(null);

  const connect = useCallback(async (): Promise<boolean> => {
    if (liveRef.current.room && liveRef.current.room.state !== 'disconnected') return true;
    setConnecting(true);
    setConnectProblem(null);
    try {
      // After a drop, or being replaced by another tab (53205), give Twilio a moment to let go of the old participant.
      const since = endedAt.current === null ? Infinity : Date.now() - endedAt.current;
      if (since < REJOIN_PAUSE_MS) await new Promise((r) => setTimeout(r, REJOIN_PAUSE_MS - since));
      const video = await ensureApi();
      if (!(await startMedia())) return false;
      const issued = await getToken();
      const { audioTrack: audio, videoTrack: camera } = liveRef.current;
      if (camera) await prepareCamera(camera);
      const shape = callShape(expectedParticipants?.() ?? 2);
      const joined = await video.connect(issued.token, {
        ...connectOptions(shape, phone),
        tracks: [audio, camera].filter((t): t is LocalAudioTrack | LocalVideoTrack => t !== null),
      });
      liveRef.current.room = joined;
      liveRef.current.leaving = null;
      endedAt.current = null;
      setCallEnd(null);
      setRoom(joined);
      return true;
    } catch (err) {
      setConnectProblem(describeConnectError(err));
      return false;
    } finally {
      setConnecting(false);
    }
  }, [ensureApi, expectedParticipants, getToken, liveRef, phone, prepareCamera, startMedia]);

  /** The person hangs up (or the session was ended for everyone). */
  const disconnect = useCallback(
    (reason: 'left' | 'ended' = 'left') => {
      liveRef.current.leaving = reason;
      liveRef.current.room?.disconnect();
    },
    [liveRef],
  );

  /** Records how the room ended: normally (the person left, the session ended) or with a problem to explain. */
  const roomEnded = useCallback(
    (error?: TwilioError) => {
      liveRef.current.room = null;
      setRoom(null);
      const leaving = liveRef.current.leaving;
      const normal = !error || leaving !== null;
      const at = Date.now();
      endedAt.current = at;
      setCallEnd({
        problem: normal ? null : describeVideoError(error),
        code: normal ? leaving : (error.code ?? null),
        at,
      });
    },
    [liveRef],
  );

  const state = useMemo(
    () => ({ room, connecting, connectProblem, callEnd }),
    [room, connecting, connectProblem, callEnd],
  );
  return { state, connect, disconnect, roomEnded };
}

function describeConnectError(err: unknown): VideoProblem {
  if (videoErrorKey(err) !== null || !(err instanceof Error)) return describeVideoError(err);
  return {
    title: 'We couldn’t start the call',
    message: err.message,
    nextStep: 'Please try again in a moment.',
    action: 'rejoin',
  };
}
