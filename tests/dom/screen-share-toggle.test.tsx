// Sharing the screen: published into the room under the name "screen", stopped
// by our button or by the browser's own "Stop sharing", and nothing said when
// the person cancels the browser's picker.
import { act, renderHook } from '@testing-library/react';
import type { Room } from 'twilio-video';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { useLiveCall } from '@/components/video/provider/live-call';
import { useScreenShareToggle } from '@/components/video/provider/use-screen-share-toggle';

import { FakeLocalTrack, FakeRoom } from './helpers/fake-twilio';

afterEach(() => vi.unstubAllGlobals());

function setup(getDisplayMedia: () => Promise<unknown>) {
  vi.stubGlobal('navigator', { ...navigator, mediaDevices: { getDisplayMedia: vi.fn(getDisplayMedia) } });
  const room = new FakeRoom();
  const published = new FakeLocalTrack('video', 'screen', 'screen');
  room.localParticipant.publishTrack.mockResolvedValue({ track: published, trackSid: 'MT-screen' });
  const hook = renderHook(() => {
    const liveRef = useLiveCall();
    liveRef.current.room = room as unknown as Room;
    return useScreenShareToggle(liveRef);
  });
  return { room, published, hook };
}

function screenStream() {
  const mediaTrack = new EventTarget();
  return { mediaTrack, stream: { getVideoTracks: () => [mediaTrack] } };
}

describe('useScreenShareToggle', () => {
  it('publishes the chosen screen as “screen” and stops it on the second toggle', async () => {
    const { mediaTrack, stream } = screenStream();
    const { room, published, hook } = setup(async () => stream);
    await act(() => hook.result.current.toggleScreenShare());
    expect(room.localParticipant.publishTrack).toHaveBeenCalledWith(mediaTrack, {
      name: 'screen',
      priority: 'high',
    });
    expect(hook.result.current.screenTrack).toBe(published);
    await act(() => hook.result.current.toggleScreenShare());
    expect(room.localParticipant.unpublishTrack).toHaveBeenCalledWith(published);
    expect(published.isStopped).toBe(true);
    expect(hook.result.current.screenTrack).toBeNull();
  });

  it('stops sharing when the browser’s own “Stop sharing” ends the track', async () => {
    const { mediaTrack, stream } = screenStream();
    const { room, published, hook } = setup(async () => stream);
    await act(() => hook.result.current.toggleScreenShare());
    act(() => {
      mediaTrack.dispatchEvent(new Event('ended'));
    });
    expect(room.localParticipant.unpublishTrack).toHaveBeenCalledWith(published);
    expect(hook.result.current.screenTrack).toBeNull();
  });

  it('says nothing and shares nothing when the person cancels the picker', async () => {
    const { room, hook } = setup(async () => {
      throw new DOMException('Permission denied', 'NotAllowedError');
    });
    await act(() => hook.result.current.toggleScreenShare());
    expect(room.localParticipant.publishTrack).not.toHaveBeenCalled();
    expect(hook.result.current.screenTrack).toBeNull();
  });
});
