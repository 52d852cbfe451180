// The video provider composed from its hooks, against a fake twilio-video:
// what a click on "Join" does, what a dropped or ended room leaves behind, and
// that every listener the provider put on the SDK objects is gone afterwards.
import { act, renderHook } from '@testing-library/react';
import { useRef, type ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { useVideo, useVideoActions, VideoProvider } from '@/components/video/video-provider';

import { installFakeTwilio, issuedToken, listenerTotal, type FakeRoom } from './helpers/fake-twilio';

let fake = installFakeTwilio();

const getToken = vi.fn(async () => issuedToken);
const wrapper = ({ children }: { children: ReactNode }) => (
  <VideoProvider getToken={getToken} warm={false}>
    {children}
  </VideoProvider>
);

async function joined() {
  const hook = renderHook(() => useVideo(), { wrapper });
  await act(() => hook.result.current.connect());
  return hook;
}

const roomListeners = (room: FakeRoom) => listenerTotal(room) + listenerTotal(room.localParticipant);

beforeEach(() => {
  fake = installFakeTwilio();
  vi.stubGlobal('navigator', { ...navigator, userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' });
  return () => vi.unstubAllGlobals();
});

describe('VideoProvider', () => {
  it('joins from a click with the microphone and camera made for it, after the token', async () => {
    const { result } = await joined();
    expect(getToken).toHaveBeenCalled();
    const [, options] = fake.api.connect.mock.calls[0] as unknown as [string, { tracks: unknown[] }];
    expect(options.tracks).toEqual(fake.made);
    expect(fake.made.map((t) => t.kind)).toEqual(['audio', 'video']);
    expect(result.current.room).toBe(fake.room);
    expect(result.current.audioTrack).toBe(fake.made[0]);
  });

  it('removes every listener it put on the room and local participant, and stops the devices, when it unmounts', async () => {
    const { unmount } = await joined();
    expect(roomListeners(fake.room)).toBeGreaterThan(0);
    unmount();
    expect(roomListeners(fake.room)).toBe(0);
    expect(fake.room.disconnect).toHaveBeenCalled();
    expect(fake.made.every((t) => t.isStopped)).toBe(true);
  });

  it('after a dropped connection stops the camera and microphone and says what happened, with no listener left', async () => {
    const { result } = await joined();
    act(() => fake.room.end({ code: 53001, message: 'Signaling connection disconnected' }));
    expect(result.current.room).toBeNull();
    expect(result.current.audioTrack).toBeNull();
    expect(result.current.videoTrack).toBeNull();
    expect(fake.made.every((t) => t.isStopped)).toBe(true);
    expect(result.current.callEnd?.problem?.title).toBe('Your connection dropped');
    expect(roomListeners(fake.room)).toBe(0);
  });

  it('ends without a problem when the person leaves or the session is ended for everyone', async () => {
    const { result } = await joined();
    act(() => result.current.disconnect('ended'));
    expect(result.current.callEnd).toMatchObject({ problem: null, code: 'ended' });
  });

  it('leaves the room when the page is hidden for good (pagehide)', async () => {
    const { result } = await joined();
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(result.current.callEnd).toMatchObject({ problem: null, code: 'left' });
  });

  it('does not re-render a component that only uses actions when the call state changes', async () => {
    let actionRenders = 0;
    const { result } = renderHook(
      () => {
        const renders = useRef(0);
        renders.current++;
        return { video: useVideo(), renders };
      },
      {
        wrapper: ({ children }) =>
          wrapper({
            children: (
              <>
                <ActionsOnly onRender={() => actionRenders++} />
                {children}
              </>
            ),
          }),
      },
    );
    const before = actionRenders;
    await act(() => result.current.video.connect());
    act(() => result.current.video.toggleMicrophone());
    await act(() => result.current.video.toggleCamera());
    expect(result.current.renders.current).toBeGreaterThan(1);
    expect(actionRenders).toBe(before);
  });
});

function ActionsOnly({ onRender }: { onRender: () => void }) {
  useVideoActions();
  onRender();
  return null;
}
