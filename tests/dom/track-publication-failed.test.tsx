// A local track the call could not publish (LocalParticipant
// 'trackPublicationFailed'): the person is told in plain words, the track is
// published again once by itself, and "Try again" does it on request.
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { Room } from 'twilio-video';
import { describe, expect, it } from 'vitest';

import { useHandleTrackPublicationFailed } from '@/components/video/provider/use-handle-track-publication-failed';
import { PublishProblemNotice } from '@/components/video/publish-problem-notice';
import { VideoProvider, useVideoActions } from '@/components/video/video-provider';

import {
  installFakeTwilio,
  FakeLocalTrack,
  FakeRoom,
  issuedToken,
  listenerTotal,
} from './helpers/fake-twilio';

let fake = installFakeTwilio();

const failure = { code: 53304, message: 'Track name is duplicated' };

function setup() {
  const room = new FakeRoom();
  const hook = renderHook(({ r }) => useHandleTrackPublicationFailed(r as unknown as Room), {
    initialProps: { r: room as FakeRoom | null },
  });
  return { room, hook };
}

describe('useHandleTrackPublicationFailed', () => {
  it('says the others cannot hear you yet and publishes the microphone again once by itself', async () => {
    const { room, hook } = setup();
    const microphone = new FakeLocalTrack('audio');
    act(() => {
      room.localParticipant.emit('trackPublicationFailed', failure, microphone);
    });
    expect(hook.result.current.publishProblem?.title).toBe('Connecting your sound…');
    await waitFor(() => expect(hook.result.current.publishProblem).toBeNull());
    expect(room.localParticipant.publishTrack).toHaveBeenCalledTimes(1);
    expect(room.localParticipant.publishTrack).toHaveBeenCalledWith(microphone);
  });

  it('keeps the message with “Try again” when the retry fails too, and “Try again” publishes the track', async () => {
    const { room, hook } = setup();
    const camera = new FakeLocalTrack('video');
    room.localParticipant.publishTrack.mockRejectedValueOnce(new Error('still failing'));
    act(() => {
      room.localParticipant.emit('trackPublicationFailed', failure, camera);
    });
    await waitFor(() =>
      expect(hook.result.current.publishProblem?.title).toBe('The others can’t see you yet'),
    );
    // A second failure of the same track is not retried by itself again.
    act(() => {
      room.localParticipant.emit('trackPublicationFailed', failure, camera);
    });
    expect(room.localParticipant.publishTrack).toHaveBeenCalledTimes(1);
    await act(() => hook.result.current.retryPublish());
    expect(room.localParticipant.publishTrack).toHaveBeenCalledTimes(2);
    expect(hook.result.current.publishProblem).toBeNull();
  });

  it('removes its listener from the local participant when the room goes or the component unmounts', () => {
    const { room, hook } = setup();
    expect(listenerTotal(room.localParticipant)).toBe(1);
    hook.rerender({ r: null });
    expect(listenerTotal(room.localParticipant)).toBe(0);
    hook.rerender({ r: room });
    hook.unmount();
    expect(listenerTotal(room.localParticipant)).toBe(0);
  });
});

describe('in the call', () => {
  it('shows the patient a kind message and a “Try again” button that publishes the failed track', async () => {
    fake = installFakeTwilio();
    const { room } = fake;
    render(
      <VideoProvider getToken={async () => issuedToken} warm={false}>
        <JoinButton />
        <PublishProblemNotice />
      </VideoProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    await waitFor(() => expect(fake.api.connect).toHaveBeenCalled());
    const microphone = fake.made[0];
    room.localParticipant.publishTrack.mockRejectedValueOnce(new Error('still failing'));
    act(() => {
      room.localParticipant.emit('trackPublicationFailed', failure, microphone);
    });
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('The others can’t hear you yet'));
    expect(alert.textContent).toContain('not something you did');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(room.localParticipant.publishTrack).toHaveBeenLastCalledWith(microphone);
  });
});

function JoinButton() {
  const { connect } = useVideoActions();
  return <button onClick={() => void connect()}>Join</button>;
}
