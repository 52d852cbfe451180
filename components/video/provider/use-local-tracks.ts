'use client';

// The local microphone and camera: made on a person's click (never in an
// effect), switched between devices, turned off and on, and published to the
// room when one is open. The local audio track is never attached to an element
// (it would echo).
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type { LocalVideoTrack } from 'twilio-video';

import type { TwilioVideoApi } from '../twilio-connect';
import { cameraOptions, microphoneOptions } from '../video-settings';
import { openRoom, type LiveCallRef } from './live-call';
import { useTrackSlot } from './use-track-slot';

type Options = {
  liveRef: LiveCallRef;
  ensureApi: () => Promise<TwilioVideoApi>;
  applyBlur: (track: LocalVideoTrack, on: boolean) => Promise<void>;
  blurOn: RefObject<boolean>;
  phone: boolean;
};

export function useLocalTracks({ liveRef, ensureApi, applyBlur, blurOn, phone }: Options) {
  const microphone = useTrackSlot(liveRef, 'audioTrack');
  const camera = useTrackSlot(liveRef, 'videoTrack');
  const {
    track: audioTrack,
    setTrack: setAudio,
    deviceId: microphoneId,
    setDeviceId: setMicrophoneId,
  } = microphone;
  const { track: videoTrack, setTrack: setVideo, deviceId: cameraId, setDeviceId: setCameraId } = camera;
  const { chosenId: chosenMicrophone } = microphone;
  const { chosenId: chosenCamera } = camera;
  const [mediaStarting, setMediaStarting] = useState(false);
  const [mediaError, setMediaError] = useState<unknown>(null);
  const [audioOnly, setAudioOnlyState] = useState(false);
  // The latest choice, for clicks that run before the next render.
  const audioOnlyNow = useRef(false);

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
      const wantVideo = !(options.audioOnly ?? audioOnlyNow.current);
      setMediaStarting(true);
      setMediaError(null);
      try {
        const api = await ensureApi();
        const { audioTrack: heard, videoTrack: seen } = liveRef.current;
        if (!heard || heard.isStopped) {
          setAudio(await api.createLocalAudioTrack(microphoneOptions(chosenMicrophone.current ?? undefined)));
        }
        if (wantVideo && (!seen || seen.isStopped)) setVideo(await newCamera(api, chosenCamera.current));
        return true;
      } catch (err) {
        setMediaError(err);
        return false;
      } finally {
        setMediaStarting(false);
      }
    },
    [chosenCamera, chosenMicrophone, ensureApi, liveRef, newCamera, setAudio, setVideo],
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
    const track = await newCamera(await ensureApi(), chosenCamera.current);
    setVideo(track);
    await openRoom(liveRef)?.localParticipant.publishTrack(track);
  }, [chosenCamera, ensureApi, liveRef, newCamera, setVideo]);

  /** Turns the camera on, telling the person if it cannot start. */
  const tryCameraOn = useCallback(() => cameraOn().catch((err: unknown) => setMediaError(err)), [cameraOn]);

  const setAudioOnly = useCallback(
    async (on: boolean) => {
      audioOnlyNow.current = on;
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
        else if (!audioOnlyNow.current) await cameraOn();
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
