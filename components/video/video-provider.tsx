'use client';

// The one owner of the video call in a page: the twilio-video Room and the
// local tracks (microphone, camera, screen), the background blur, and what
// happened when the call ended. Components read it with useVideo(); small hooks
// in ./hooks each follow one group of SDK events. Shape after
// twilio-video-app-react's VideoProvider (useRoom, useLocalTracks,
// useHandleRoomDisconnection, AttachVisibilityHandler).
//
// Rules kept here:
// - connect() and every track change run from a person's click, never from an
//   effect (React runs effects twice in development, and iOS needs a gesture);
// - the local audio track is never attached to an element (it would echo);
// - on pagehide and beforeunload the room is left, so the other side sees it at once;
// - on phones the camera is unpublished and stopped while the page is hidden,
//   and published again when it comes back;
// - no media is sent before connect(), and nothing connects before the server
//   hands out a token (for a patient: after the clinician admits them).
import type { GaussianBlurBackgroundProcessor } from '@twilio/video-processors';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type {
  LocalAudioTrack,
  LocalTrackPublication,
  LocalVideoTrack,
  Room,
  TwilioError,
} from 'twilio-video';

import { blurAddOptions, loadBlurProcessor } from './background-blur';
import { describeVideoError, DUPLICATE_IDENTITY, videoErrorKey, type VideoProblem } from './error-messages';
import { loadTwilioVideo, warmTwilioVideo, type TwilioVideoApi } from '@/components/video/twilio-connect';
import { callShape, cameraOptions, connectOptions, isPhone, microphoneOptions } from './video-settings';

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

export type BlurState = { available: boolean | null; on: boolean; busy: boolean };

export type VideoContextValue = {
  /** twilio-video downloaded and usable here (null: not known yet). */
  supported: boolean | null;
  audioTrack: LocalAudioTrack | null;
  videoTrack: LocalVideoTrack | null;
  screenTrack: LocalVideoTrack | null;
  mediaStarting: boolean;
  mediaProblem: VideoProblem | null;
  mediaError: unknown;
  audioOnly: boolean;
  microphoneId: string | null;
  cameraId: string | null;
  speakerId: string | null;
  blur: BlurState;
  room: Room | null;
  connecting: boolean;
  connectProblem: VideoProblem | null;
  callEnd: CallEnd | null;
  audioBlocked: boolean;
  startMedia(options?: { audioOnly?: boolean }): Promise<boolean>;
  stopMedia(): void;
  setAudioOnly(on: boolean): Promise<void>;
  toggleMicrophone(): void;
  toggleCamera(): Promise<void>;
  switchMicrophone(deviceId: string): Promise<void>;
  switchCamera(deviceId: string): Promise<void>;
  setSpeaker(deviceId: string): void;
  setBlur(on: boolean): Promise<void>;
  toggleScreenShare(): Promise<void>;
  connect(): Promise<boolean>;
  /** The person hangs up (or the session was ended for everyone). */
  disconnect(reason?: 'left' | 'ended'): void;
  registerAudioElement(element: HTMLAudioElement): () => void;
  reportAudioBlocked(): void;
  tapToHear(): void;
};

const VideoContext = createContext<VideoContextValue | null>(null);

export function useVideo(): VideoContextValue {
  const value = useContext(VideoContext);
  if (!value) throw new Error('useVideo() is used outside <VideoProvider>');
  return value;
}

/** Twilio needs a moment to drop a stale participant of the same identity before a rejoin. */
export const REJOIN_PAUSE_MS = 3000;

type Props = {
  children: ReactNode;
  /** A fresh token for this person, from the portal's token route. Throws an Error with a message to show. */
  getToken: () => Promise<IssuedVideoToken>;
  /** How many people the call is expected to hold (chooses two-people or multiparty settings). */
  expectedParticipants?: () => number;
  /** Start downloading twilio-video when the browser is idle. */
  warm?: boolean;
};

export function VideoProvider({ children, getToken, expectedParticipants, warm = true }: Props) {
  const [api, setApi] = useState<TwilioVideoApi | null>(null);
  const [supported, setSupported] = useState<boolean | null>(null);
  const [audioTrack, setAudioTrack] = useState<LocalAudioTrack | null>(null);
  const [videoTrack, setVideoTrack] = useState<LocalVideoTrack | null>(null);
  const [screenTrack, setScreenTrack] = useState<LocalVideoTrack | null>(null);
  const [mediaStarting, setMediaStarting] = useState(false);
  const [mediaError, setMediaError] = useState<unknown>(null);
  const [audioOnly, setAudioOnlyState] = useState(false);
  const [microphoneId, setMicrophoneId] = useState<string | null>(null);
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [speakerId, setSpeakerId] = useState<string | null>(null);
  const [blur, setBlurState] = useState<BlurState>({ available: null, on: true, busy: false });
  const [room, setRoom] = useState<Room | null>(null);
  const [connecting, setConnecting] = useState(false);
  const [connectProblem, setConnectProblem] = useState<VideoProblem | null>(null);
  const [callEnd, setCallEnd] = useState<CallEnd | null>(null);
  const [audioBlocked, setAudioBlocked] = useState(false);

  // Mirrors of state for event handlers and clicks that must see the latest value.
  const live = useRef({
    audioTrack: null as LocalAudioTrack | null,
    videoTrack: null as LocalVideoTrack | null,
    screenTrack: null as LocalVideoTrack | null,
    room: null as Room | null,
    blurOn: true,
    audioOnly: false,
    cameraId: null as string | null,
    microphoneId: null as string | null,
    leaving: null as null | 'left' | 'ended',
    hiddenUnpublished: false,
  });
  const processorRef = useRef<GaussianBlurBackgroundProcessor | null>(null);
  const audioElements = useRef(new Set<HTMLAudioElement>());
  const phone = typeof navigator !== 'undefined' && isPhone(navigator.userAgent);

  useEffect(() => {
    if (warm) warmTwilioVideo();
  }, [warm]);

  const ensureApi = useCallback(async (): Promise<TwilioVideoApi> => {
    const loaded = await loadTwilioVideo();
    setApi(loaded);
    setSupported(loaded.isSupported);
    return loaded;
  }, []);

  // ---- background blur -------------------------------------------------------

  const applyBlur = useCallback(async (track: LocalVideoTrack, on: boolean): Promise<void> => {
    if (!on) {
      if (track.processor) track.removeProcessor(track.processor);
      return;
    }
    const processor = processorRef.current ?? (processorRef.current = await loadBlurProcessor());
    setBlurState((b) => ({ ...b, available: processor !== null }));
    if (!processor || track.isStopped) return;
    if (track.processor && track.processor !== processor) track.removeProcessor(track.processor);
    if (!track.processor) track.addProcessor(processor, blurAddOptions());
  }, []);

  // ---- local tracks -----------------------------------------------------------

  const newCamera = useCallback(
    async (video: TwilioVideoApi, deviceId: string | null): Promise<LocalVideoTrack> => {
      const track = await video.createLocalVideoTrack(
        cameraOptions(phone, live.current.blurOn, deviceId ?? undefined),
      );
      await applyBlur(track, live.current.blurOn);
      return track;
    },
    [applyBlur, phone],
  );

  const setVideo = (track: LocalVideoTrack | null) => {
    live.current.videoTrack = track;
    setVideoTrack(track);
    if (track) {
      const id = track.mediaStreamTrack.getSettings().deviceId ?? null;
      live.current.cameraId = id;
      setCameraId(id);
    }
  };
  const setAudio = (track: LocalAudioTrack | null) => {
    live.current.audioTrack = track;
    setAudioTrack(track);
    if (track) {
      const id = track.mediaStreamTrack.getSettings().deviceId ?? null;
      live.current.microphoneId = id;
      setMicrophoneId(id);
    }
  };

  const startMedia = useCallback(
    async (options: { audioOnly?: boolean } = {}): Promise<boolean> => {
      const wantVideo = !(options.audioOnly ?? live.current.audioOnly);
      setMediaStarting(true);
      setMediaError(null);
      try {
        const video = await ensureApi();
        if (!live.current.audioTrack || live.current.audioTrack.isStopped) {
          setAudio(
            await video.createLocalAudioTrack(microphoneOptions(live.current.microphoneId ?? undefined)),
          );
        }
        if (wantVideo && (!live.current.videoTrack || live.current.videoTrack.isStopped)) {
          setVideo(await newCamera(video, live.current.cameraId));
        }
        return true;
      } catch (err) {
        setMediaError(err);
        return false;
      } finally {
        setMediaStarting(false);
      }
    },
    [ensureApi, newCamera],
  );

  const stopMedia = useCallback(() => {
    live.current.audioTrack?.stop();
    live.current.videoTrack?.stop();
    setAudio(null);
    setVideo(null);
  }, []);

  const publish = async (track: LocalAudioTrack | LocalVideoTrack) => {
    const current = live.current.room;
    if (current && current.state !== 'disconnected') await current.localParticipant.publishTrack(track);
  };
  const unpublish = (track: LocalAudioTrack | LocalVideoTrack) => {
    const current = live.current.room;
    if (current && current.state !== 'disconnected') current.localParticipant.unpublishTrack(track);
  };

  const cameraOff = useCallback(() => {
    const track = live.current.videoTrack;
    if (!track) return;
    unpublish(track);
    track.stop();
    setVideo(null);
  }, []);

  const cameraOn = useCallback(async () => {
    const video = await ensureApi();
    const track = await newCamera(video, live.current.cameraId);
    setVideo(track);
    await publish(track);
  }, [ensureApi, newCamera]);

  const setAudioOnly = useCallback(
    async (on: boolean) => {
      live.current.audioOnly = on;
      setAudioOnlyState(on);
      if (on) cameraOff();
      else {
        try {
          await cameraOn();
        } catch (err) {
          setMediaError(err);
        }
      }
    },
    [cameraOff, cameraOn],
  );

  const toggleCamera = useCallback(async () => {
    if (live.current.videoTrack) cameraOff();
    else {
      try {
        await cameraOn();
      } catch (err) {
        setMediaError(err);
      }
    }
  }, [cameraOff, cameraOn]);

  const toggleMicrophone = useCallback(() => {
    const track = live.current.audioTrack;
    if (!track) return;
    if (track.isEnabled) track.disable();
    else track.enable();
  }, []);

  const switchMicrophone = useCallback(
    async (deviceId: string) => {
      live.current.microphoneId = deviceId;
      setMicrophoneId(deviceId);
      const track = live.current.audioTrack;
      try {
        if (track && !track.isStopped) await track.restart(microphoneOptions(deviceId));
        else setAudio(await (await ensureApi()).createLocalAudioTrack(microphoneOptions(deviceId)));
      } catch (err) {
        setMediaError(err);
      }
    },
    [ensureApi],
  );

  const switchCamera = useCallback(
    async (deviceId: string) => {
      live.current.cameraId = deviceId;
      setCameraId(deviceId);
      const track = live.current.videoTrack;
      try {
        if (track && !track.isStopped)
          await track.restart(cameraOptions(phone, live.current.blurOn, deviceId));
        else if (!live.current.audioOnly) await cameraOn();
      } catch (err) {
        setMediaError(err);
      }
    },
    [cameraOn, phone],
  );

  const setSpeaker = useCallback((deviceId: string) => {
    setSpeakerId(deviceId);
    for (const element of audioElements.current) {
      const sink = element as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
      void sink.setSinkId?.(deviceId).catch(() => {});
    }
  }, []);

  const setBlur = useCallback(
    async (on: boolean) => {
      live.current.blurOn = on;
      setBlurState((b) => ({ ...b, on, busy: true }));
      try {
        const track = live.current.videoTrack;
        if (track) await applyBlur(track, on);
        else if (on) {
          const processor = processorRef.current ?? (processorRef.current = await loadBlurProcessor());
          setBlurState((b) => ({ ...b, available: processor !== null }));
        }
      } finally {
        setBlurState((b) => ({ ...b, busy: false }));
      }
    },
    [applyBlur],
  );

  const toggleScreenShare = useCallback(async () => {
    const current = live.current.room;
    const sharing = live.current.screenTrack;
    if (sharing) {
      current?.localParticipant.unpublishTrack(sharing);
      sharing.stop();
      live.current.screenTrack = null;
      setScreenTrack(null);
      return;
    }
    if (!current || !navigator.mediaDevices?.getDisplayMedia) return;
    try {
      const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: 10 }, audio: false });
      const [mediaTrack] = stream.getVideoTracks();
      if (!mediaTrack) return;
      const publication: LocalTrackPublication = await current.localParticipant.publishTrack(mediaTrack, {
        name: 'screen',
        priority: 'high',
      });
      const track = publication.track as LocalVideoTrack;
      live.current.screenTrack = track;
      setScreenTrack(track);
      // The browser's own "Stop sharing" button.
      mediaTrack.addEventListener('ended', () => {
        current.localParticipant.unpublishTrack(track);
        live.current.screenTrack = null;
        setScreenTrack(null);
      });
    } catch {
      // The person cancelled the browser's picker: nothing to say.
    }
  }, []);

  // ---- the room -------------------------------------------------------------

  const connect = useCallback(async (): Promise<boolean> => {
    if (live.current.room && live.current.room.state !== 'disconnected') return true;
    setConnecting(true);
    setConnectProblem(null);
    try {
      // After a drop, or being replaced by another tab (53205), give Twilio a moment to let go of the old participant.
      const since = callEnd ? Date.now() - callEnd.at : Infinity;
      if (since < REJOIN_PAUSE_MS) await new Promise((r) => setTimeout(r, REJOIN_PAUSE_MS - since));
      const video = await ensureApi();
      if (!(await startMedia())) return false;
      const issued = await getToken();
      const audio = live.current.audioTrack;
      const camera = live.current.videoTrack;
      // Blur must be on the camera before a single frame is sent.
      if (camera && live.current.blurOn) await applyBlur(camera, true);
      const shape = callShape(expectedParticipants?.() ?? 2);
      const joined = await video.connect(issued.token, {
        ...connectOptions(shape, phone),
        tracks: [audio, camera].filter((t): t is LocalAudioTrack | LocalVideoTrack => t !== null),
      });
      live.current.room = joined;
      live.current.leaving = null;
      setCallEnd(null);
      setRoom(joined);
      return true;
    } catch (err) {
      setConnectProblem(
        videoErrorKey(err) !== null || !(err instanceof Error)
          ? describeVideoError(err)
          : {
              title: 'We couldn’t start the call',
              message: err.message,
              nextStep: 'Please try again in a moment.',
              action: 'rejoin',
            },
      );
      return false;
    } finally {
      setConnecting(false);
    }
  }, [applyBlur, callEnd, ensureApi, expectedParticipants, getToken, phone, startMedia]);

  const disconnect = useCallback((reason: 'left' | 'ended' = 'left') => {
    live.current.leaving = reason;
    live.current.room?.disconnect();
  }, []);

  // When the room ends, for whatever reason: stop the camera and microphone (the
  // light goes off), and say what happened. (useHandleRoomDisconnection)
  useEffect(() => {
    if (!room) return;
    const onDisconnected = (_room: Room, error?: TwilioError) => {
      const code = error ? (error.code ?? null) : null;
      live.current.screenTrack?.stop();
      live.current.screenTrack = null;
      setScreenTrack(null);
      live.current.audioTrack?.stop();
      live.current.videoTrack?.stop();
      setAudio(null);
      setVideo(null);
      live.current.room = null;
      setRoom(null);
      setAudioBlocked(false);
      const normal = !error || live.current.leaving !== null;
      setCallEnd({
        problem: normal ? null : describeVideoError(error),
        code: normal ? live.current.leaving : code,
        at: Date.now(),
      });
    };
    room.on('disconnected', onDisconnected);
    return () => {
      room.off('disconnected', onDisconnected);
    };
  }, [room]);

  // Leave the room when the page goes away, so the other side sees it at once.
  // pagehide is the one mobile Safari fires reliably; beforeunload covers the rest.
  useEffect(() => {
    if (!room) return;
    const leave = () => {
      live.current.leaving = 'left';
      room.disconnect();
    };
    window.addEventListener('pagehide', leave);
    window.addEventListener('beforeunload', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('beforeunload', leave);
    };
  }, [room]);

  // Phones: no camera while the page is hidden (another app, locked screen);
  // back on when the person returns. (AttachVisibilityHandler)
  useEffect(() => {
    if (!room || !phone) return;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        if (live.current.videoTrack) {
          live.current.hiddenUnpublished = true;
          cameraOff();
        }
      } else if (live.current.hiddenUnpublished) {
        live.current.hiddenUnpublished = false;
        void cameraOn().catch((err: unknown) => setMediaError(err));
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [room, phone, cameraOff, cameraOn]);

  // Stop the devices when the provider goes away (navigating off the page).
  useEffect(
    () => () => {
      const current = live.current;
      current.room?.disconnect();
      current.audioTrack?.stop();
      current.videoTrack?.stop();
      current.screenTrack?.stop();
    },
    [],
  );

  // ---- remote audio and autoplay ---------------------------------------------

  const registerAudioElement = useCallback(
    (element: HTMLAudioElement) => {
      audioElements.current.add(element);
      const sink = element as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
      if (speakerId) void sink.setSinkId?.(speakerId).catch(() => {});
      return () => {
        audioElements.current.delete(element);
      };
    },
    [speakerId],
  );
  const reportAudioBlocked = useCallback(() => setAudioBlocked(true), []);
  const tapToHear = useCallback(() => {
    setAudioBlocked(false);
    for (const element of audioElements.current) {
      void element.play().catch(() => setAudioBlocked(true));
    }
  }, []);

  const mediaProblem = useMemo(() => (mediaError ? describeVideoError(mediaError) : null), [mediaError]);

  const value = useMemo<VideoContextValue>(
    () => ({
      supported: api ? supported : null,
      audioTrack,
      videoTrack,
      screenTrack,
      mediaStarting,
      mediaProblem,
      mediaError,
      audioOnly,
      microphoneId,
      cameraId,
      speakerId,
      blur,
      room,
      connecting,
      connectProblem,
      callEnd,
      audioBlocked,
      startMedia,
      stopMedia,
      setAudioOnly,
      toggleMicrophone,
      toggleCamera,
      switchMicrophone,
      switchCamera,
      setSpeaker,
      setBlur,
      toggleScreenShare,
      connect,
      disconnect,
      registerAudioElement,
      reportAudioBlocked,
      tapToHear,
    }),
    [
      api,
      supported,
      audioTrack,
      videoTrack,
      screenTrack,
      mediaStarting,
      mediaProblem,
      mediaError,
      audioOnly,
      microphoneId,
      cameraId,
      speakerId,
      blur,
      room,
      connecting,
      connectProblem,
      callEnd,
      audioBlocked,
      startMedia,
      stopMedia,
      setAudioOnly,
      toggleMicrophone,
      toggleCamera,
      switchMicrophone,
      switchCamera,
      setSpeaker,
      setBlur,
      toggleScreenShare,
      connect,
      disconnect,
      registerAudioElement,
      reportAudioBlocked,
      tapToHear,
    ],
  );

  return <VideoContext.Provider value={value}>{children}</VideoContext.Provider>;
}

export { DUPLICATE_IDENTITY };
