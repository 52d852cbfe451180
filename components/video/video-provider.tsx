'use client';

// The one owner of the video call in a page: the twilio-video Room and the
// local tracks (microphone, camera, screen), the background blur, and what
// happened when the call ended. It composes one hook per concern (./provider)
// and hands out state and actions in separate contexts: components read
// useVideoState(), useVideoActions() or both with useVideo(); the hooks in
// ./hooks each follow one group of SDK events. Shape after
// twilio-video-app-react's VideoProvider.
//
// Rules kept here: no media is sent before connect(); on pagehide the room is
// left; on phones the camera is off while the page is hidden; when the room
// ends, or the provider goes away, the devices stop (the camera light goes off).
import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import type { LocalVideoTrack, TwilioError } from 'twilio-video';

import { describeVideoError, DUPLICATE_IDENTITY } from './error-messages';
import { useLiveCall } from './provider/live-call';
import { useBackgroundBlur } from './provider/use-background-blur';
import { useCameraOffWhileHidden } from './provider/use-camera-off-while-hidden';
import { useHandleRoomDisconnection } from './provider/use-handle-room-disconnection';
import { useHandleTrackPublicationFailed } from './provider/use-handle-track-publication-failed';
import { useLeaveOnPageHide } from './provider/use-leave-on-page-hide';
import { useLocalTracks } from './provider/use-local-tracks';
import { useRemoteAudio } from './provider/use-remote-audio';
import { useRestartAudioOnDeviceChange } from './provider/use-restart-audio-on-device-change';
import { useRoom, type IssuedVideoToken } from './provider/use-room';
import { useScreenShareToggle } from './provider/use-screen-share-toggle';
import { useTwilioApi } from './provider/use-twilio-api';
import {
  VideoActionsContext,
  VideoStateContext,
  type VideoActions,
  type VideoState,
} from './provider/video-context';
import { isPhone } from './video-settings';

export { useVideo, useVideoActions, useVideoState, type VideoContextValue } from './provider/video-context';
export type { BlurState } from './provider/use-background-blur';
export { REJOIN_PAUSE_MS, type CallEnd, type IssuedVideoToken } from './provider/use-room';
export { DUPLICATE_IDENTITY };

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
  const liveRef = useLiveCall();
  const phone = typeof navigator !== 'undefined' && isPhone(navigator.userAgent);
  const { supported, ensureApi } = useTwilioApi(warm);
  const { blur, blurOn, applyBlur, setBlur } = useBackgroundBlur(liveRef);
  const local = useLocalTracks({ liveRef, ensureApi, applyBlur, blurOn, phone });
  const { setMediaError, cameraOn, cameraOff } = local;
  const { stopMedia } = local.actions;
  const prepareCamera = useCallback(
    (camera: LocalVideoTrack) => (blurOn.current ? applyBlur(camera, true) : Promise.resolve()),
    [applyBlur, blurOn],
  );
  const call = useRoom({
    liveRef,
    ensureApi,
    startMedia: local.actions.startMedia,
    prepareCamera,
    getToken,
    expectedParticipants,
    phone,
  });
  const { room } = call.state;
  const { screenTrack, toggleScreenShare, stopScreenShare } = useScreenShareToggle(liveRef);
  const audio = useRemoteAudio();
  const { publishProblem, retryPublish } = useHandleTrackPublicationFailed(room);

  const { roomEnded, disconnect } = call;
  const { clearAudioBlocked } = audio;
  const onEnded = useCallback(
    (error?: TwilioError) => {
      stopScreenShare();
      stopMedia();
      clearAudioBlocked();
      roomEnded(error);
    },
    [clearAudioBlocked, roomEnded, stopMedia, stopScreenShare],
  );
  useHandleRoomDisconnection(room, onEnded);
  const leave = useCallback(() => disconnect('left'), [disconnect]);
  useLeaveOnPageHide(room, leave);
  const hasCamera = useCallback(() => liveRef.current.videoTrack !== null, [liveRef]);
  const cameraBackOn = useCallback(() => cameraOn().catch(setMediaError), [cameraOn, setMediaError]);
  useCameraOffWhileHidden({ room, phone, hasCamera, cameraOff, cameraOn: cameraBackOn });
  useRestartAudioOnDeviceChange({
    audioTrack: local.state.audioTrack,
    onRestarted: local.setMicrophoneId,
    onError: setMediaError,
  });

  // Stop the devices when the provider goes away (navigating off the page).
  useEffect(
    () => () => {
      const current = liveRef.current;
      current.room?.disconnect();
      current.audioTrack?.stop();
      current.videoTrack?.stop();
      current.screenTrack?.stop();
    },
    [liveRef],
  );

  const { mediaError } = local.state;
  const mediaProblem = useMemo(() => (mediaError ? describeVideoError(mediaError) : null), [mediaError]);
  const { state: localState, actions: localActions } = local;
  const { state: callState, connect } = call;
  const { state: audioState, actions: audioActions } = audio;
  const state = useMemo<VideoState>(
    () => ({
      supported,
      ...localState,
      mediaProblem,
      ...audioState,
      blur,
      screenTrack,
      ...callState,
      publishProblem,
    }),
    [supported, localState, mediaProblem, audioState, blur, screenTrack, callState, publishProblem],
  );
  // Every function here is stable, so this object is made once.
  const actions = useMemo<VideoActions>(
    () => ({
      ...localActions,
      ...audioActions,
      setBlur,
      toggleScreenShare,
      connect,
      disconnect,
      retryPublish,
    }),
    [localActions, audioActions, setBlur, toggleScreenShare, connect, disconnect, retryPublish],
  );

  return (
    <VideoActionsContext value={actions}>
      <VideoStateContext value={state}>{children}</VideoStateContext>
    </VideoActionsContext>
  );
}
