'use client';

// The provider's two contexts: what the call looks like now (changes often) and
// what a component can do (stable functions). A component that only acts (an
// audio element, a hang-up button) reads the actions and does not re-render
// when the state changes.
import { createContext, useContext } from 'react';
import type { LocalAudioTrack, LocalVideoTrack, Room } from 'twilio-video';

import type { VideoProblem } from '../error-messages';
import type { BlurState } from './use-background-blur';
import type { CallEnd } from './use-room';

export type VideoState = {
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
  /** A local track the call could not publish (being retried, or waiting for "Try again"). */
  publishProblem: VideoProblem | null;
  callEnd: CallEnd | null;
  audioBlocked: boolean;
};

export type VideoActions = {
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
  /** Publishes again the local tracks the call could not publish. */
  retryPublish(): Promise<void>;
  registerAudioElement(element: HTMLAudioElement): () => void;
  reportAudioBlocked(): void;
  tapToHear(): void;
};

export type VideoContextValue = VideoState & VideoActions;

export const VideoStateContext = createContext<VideoState | null>(null);
export const VideoActionsContext = createContext<VideoActions | null>(null);

export function useVideoState(): VideoState {
  const value = useContext(VideoStateContext);
  if (!value) throw new Error('useVideoState() is used outside <VideoProvider>');
  return value;
}

export function useVideoActions(): VideoActions {
  const value = useContext(VideoActionsContext);
  if (!value) throw new Error('useVideoActions() is used outside <VideoProvider>');
  return value;
}

/** State and actions together, for components that show the call and act on it. */
export function useVideo(): VideoContextValue {
  return { ...useVideoState(), ...useVideoActions() };
}
