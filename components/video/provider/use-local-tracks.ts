'use client';

// The local microphone and camera: made on a person's click (never in an
// effect), switched between devices, turned off and on, and published to the
// room when one is open. The local audio track is never attached to an element
// (it would echo).
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type { LocalAudioTrack, LocalVideoTrack } from 'twilio-video';

import type { TwilioVideoApi } from '../twilio-connect';
import { cameraOptions, microphoneOptions } from '../video-settings';
import { openRoom, type LiveCallRef } from './live-call';

type Options = {
  liveRef: LiveCallRef;
  ensureApi: () => Promise<TwilioVideoApi>;
  applyBlur: (track: LocalVideoTrack, on: boolean) => Promise<void>;
  blurOn: RefObject<boolean>;
  phone: boolean;
};

const deviceIdOf = (track: LocalAudioTrack | LocalVideoTrack) =>
  track.mediaStreamTrack.getSettings().deviceId ?? null;

export function useLocalTracks({ liveRef, ensureApi, applyBlur, blurOn, phone }: Options) {
  const [audioTrack, setAudioTrack] = useState<LocalAudioTrack | null>(null);
  const [videoTrack, setVideoTrack] = useState<LocalVideoTrack | null>(null);
  const [mediaStarting, setMediaStarting] = useState(false);
  const [mediaError, setMediaError] = useState<unknown>(null);
  const [audioOnly, setAudioOnlyState] = useState(false);
  const [microphoneId, setMicrophoneIdState] = useState<string | null>(null);
  const [cameraId, setCameraIdState] = useState<string | null>(null);
  // The latest choices, for clicks that run before the next render.
  const chosen = useRef({
    audioOnly: false,
    microphoneId: null as string | null,
    cameraId: null as string | null,
  });

  const setMicrophoneId = useCallback((id: string | null) => {
    chosen.current.microphoneId = id;
    setMicrophoneIdState(id);
  }, []);
  const setCameraId = useCallback((id: string | null) => {
    chosen.current.cameraId = id;
    setCameraIdState(id);
  }, []);
  const setVideo = useCallback(
    (track: LocalVideoTrack | null) => {
      liveRef.current.videoTrack = track;
      setVideoTrack(track);
      if (track) setCameraId(deviceIdOf(track));
    },
    [liveRef, setCameraId],
  );
  const setAudio = useCallback(
    (track: LocalAudioTrack | null) => {
      liveRef.current.audioTrack = track;
      setAudioTrack(track);
      if (track) setMicrophoneId(deviceIdOf(track));
    },
    [liveRef, setMicrophoneId],
  );

  const newCamera = useCallback(
    async (video: TwilioVideoApi, deviceId: string | null): Promise<LocalVideoTrack> => {
      const track = await video.createLocalVideoTrack(
        cameraOptions(phone, blurOn.current, deviceId ?? undefined),
      );
      await applyBlur(track, blurOn.current);
      return track;
    },
    [applyBlur, blurOn, phone],
  );

  const startMedia = useCallback(
    async (options: { audioOnly?: boolean } = {}): Promise<boolean> => {
      const wantVideo = !(options.audioOnly ?? chosen.current.audioOnly);
      setMediaStarting(true);
      setMediaError(null);
      try {
        const video = await ensureApi();
        const { audioTrack: audio, videoTrack: camera } = liveRef.current;
        if (!audio || audio.isStopped) {
          setAudio(
            await video.createLocalAudioTrack(microphoneOptions(chosen.current.microphoneId ?? undefined)),
          );
        }
        if (wantVideo && (!camera || camera.isStopped))
          setVideo(await newCamera(video, chosen.current.cameraId));
        return true;
      } catch (err) {
        setMediaError(err);
        return false;
      } finally {
        setMediaStarting(false);
      }
    },
    [ensureApi, liveRef, newCamera, setAudio, setVideo],
  );

  /** Stops both tracks (the camera light goes off) and forgets them. */
  const stopMedia = useCallback(() => {
    liveRef.current.audioTrack?.stop();
    liveRef.current.videoTrack?.stop();
    setAudio(null);
    setVideo(null);
  }, [liveRef, setAudio, setVideo]);

  const cameraOff = useCallback(() => {
    const track = liveRef.current.videoTrack;
    if (!track) return;
    openRoom(liveRef)?.localParticipant.unpublishTrack(track);
    track.stop();
    setVideo(null);
  }, [liveRef, setVideo]);

  const cameraOn = useCallback(async () => {
    const track = await newCamera(await ensureApi(), chosen.current.cameraId);
    setVideo(track);
    await openRoom(liveRef)?.localParticipant.publishTrack(track);
  }, [ensureApi, liveRef, newCamera, setVideo]);

  /** Turns the camera on, telling the person if it cannot start. */
  const tryCameraOn = useCallback(() => cameraOn().catch((err: unknown) => setMediaError(err)), [cameraOn]);

  const setAudioOnly = useCallback(
    async (on: boolean) => {
      chosen.current.audioOnly = on;
      setAudioOnlyState(on);
      if (on) cameraOff();
      else await tryCameraOn();
    },
    [cameraOff, tryCameraOn],
  );

  const toggleCamera = useCallback(async () => {
    if (liveRef.current.videoTrack) cameraOff();
    else await tryCameraOn();
  }, [cameraOff, liveRef, tryCameraOn]);

  const toggleMicrophone = useCallback(() => {
    const track = liveRef.current.audioTrack;
    if (!track) return;
    if (track.isEnabled) track.disable();
    else track.enable();
  }, [liveRef]);

  const switchMicrophone = useCallback(
    async (deviceId: string) => {
      setMicrophoneId(deviceId);
      const track = liveRef.current.audioTrack;
      try {
        if (track && !track.isStopped) await track.restart(microphoneOptions(deviceId));
        else setAudio(await (await ensureApi()).createLocalAudioTrack(microphoneOptions(deviceId)));
      } catch (err) {
        setMediaError(err);
      }
    },
    [ensureApi, liveRef, setAudio, setMicrophoneId],
  );

  const switchCamera = useCallback(
    async (deviceId: string) => {
      setCameraId(deviceId);
      const track = liveRef.current.videoTrack;
      try {
        if (track && !track.isStopped) await track.restart(cameraOptions(phone, blurOn.current, deviceId));
        else if (!chosen.current.audioOnly) await cameraOn();
      } catch (err) {
        setMediaError(err);
      }
    },
    [blurOn, cameraOn, liveRef, phone, setCameraId],
  );

  const state = useMemo(
    () => ({ audioTrack, videoTrack, mediaStarting, mediaError, audioOnly, microphoneId, cameraId }),
    [audioTrack, videoTrack, mediaStarting, mediaError, audioOnly, microphoneId, cameraId],
  );
  const actions = useMemo(
    () => ({
      startMedia,
      stopMedia,
      setAudioOnly,
      toggleMicrophone,
      toggleCamera,
      switchMicrophone,
      switchCamera,
    }),
    [startMedia, stopMedia, setAudioOnly, toggleMicrophone, toggleCamera, switchMicrophone, switchCamera],
  );
  return {
    state,
    actions,
    cameraOn,
    cameraOff,
    setMediaError,
    setMicrophoneId,
  };
}
