// The microphone in use is unplugged (or its track ends): on the browser's
// 'devicechange' the same audio track restarts on the default microphone, so
// the others keep hearing the person.
import { act, renderHook, waitFor } from '@testing-library/react';
import type { LocalAudioTrack } from 'twilio-video';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { useRestartAudioOnDeviceChange } from '@/components/video/provider/use-restart-audio-on-device-change';

import { CountingEventTarget, FakeLocalTrack } from './helpers/fake-twilio';

class FakeMediaDevices extends CountingEventTarget {
  inputs = ['headset', 'built-in'];
  readonly enumerateDevices = vi.fn(async () =>
    this.inputs.map((deviceId) => ({ deviceId, kind: 'audioinput', label: deviceId, groupId: '' })),
  );
}

let devices: FakeMediaDevices;
beforeEach(() => {
  devices = new FakeMediaDevices();
  vi.stubGlobal('navigator', { ...navigator, mediaDevices: devices });
});
afterEach(() => vi.unstubAllGlobals());

function setup(track: FakeLocalTrack) {
  const onRestarted = vi.fn();
  const onError = vi.fn();
  const hook = renderHook(() =>
    useRestartAudioOnDeviceChange({ audioTrack: track as unknown as LocalAudioTrack, onRestarted, onError }),
  );
  return { onRestarted, onError, hook };
}

const deviceChange = () =>
  act(async () => {
    devices.dispatchEvent(new Event('devicechange'));
  });

describe('useRestartAudioOnDeviceChange', () => {
  it('restarts the audio track on the default microphone when the chosen one is unplugged', async () => {
    const track = new FakeLocalTrack('audio', 'headset');
    const { onRestarted } = setup(track);
    devices.inputs = ['built-in'];
    await deviceChange();
    await waitFor(() => expect(track.restart).toHaveBeenCalledWith({ name: 'microphone' }));
    expect(onRestarted).toHaveBeenCalledWith('default');
  });

  it('restarts the audio track when its microphone track has ended, even if the device is still listed', async () => {
    const track = new FakeLocalTrack('audio', 'headset');
    setup(track);
    track.mediaStreamTrack.readyState = 'ended';
    await deviceChange();
    await waitFor(() => expect(track.restart).toHaveBeenCalledTimes(1));
  });

  it('leaves the track alone when another device comes or goes and the microphone in use is still there', async () => {
    const track = new FakeLocalTrack('audio', 'headset');
    setup(track);
    devices.inputs = ['headset'];
    await deviceChange();
    await waitFor(() => expect(devices.enumerateDevices).toHaveBeenCalled());
    expect(track.restart).not.toHaveBeenCalled();
  });

  it('tells the person when the restart fails (no microphone left)', async () => {
    const track = new FakeLocalTrack('audio', 'headset');
    const failure = new DOMException('No microphone', 'NotFoundError');
    track.restart.mockRejectedValueOnce(failure);
    const { onError } = setup(track);
    devices.inputs = [];
    await deviceChange();
    await waitFor(() => expect(onError).toHaveBeenCalledWith(failure));
  });

  it('removes its devicechange listener on unmount', () => {
    const { hook } = setup(new FakeLocalTrack('audio', 'headset'));
    expect(devices.listeners).toBe(1);
    hook.unmount();
    expect(devices.listeners).toBe(0);
  });
});
