'use client';

// Choosing the camera, microphone and speaker. Names only appear once the
// browser has given permission; speaker choice only where the browser has it.
import { useState } from 'react';

import { canChooseSpeaker, useDevices } from './hooks/use-devices';
import { speakerChoiceNote } from './speaker-test';
import { useVideo } from './video-provider';

export function DeviceSettings({ idPrefix = 'device' }: { idPrefix?: string }) {
  const video = useVideo();
  const devices = useDevices(`${video.audioTrack?.id ?? ''}${video.videoTrack?.id ?? ''}`);
  // Read once on the client: Safari has no setSinkId.
  const [speakerChoice] = useState(() => (typeof window === 'undefined' ? false : canChooseSpeaker()));
  const note = speakerChoice ? null : speakerChoiceNote();
  return (
    <div className="flex flex-col gap-3">
      {devices.cameras.length > 0 ? (
        <DeviceSelect
          id={`${idPrefix}-camera`}
          label="Camera"
          devices={devices.cameras}
          value={video.cameraId}
          onChange={(id) => void video.switchCamera(id)}
        />
      ) : null}
      {devices.microphones.length > 0 ? (
        <DeviceSelect
          id={`${idPrefix}-microphone`}
          label="Microphone"
          devices={devices.microphones}
          value={video.microphoneId}
          onChange={(id) => void video.switchMicrophone(id)}
        />
      ) : null}
      {speakerChoice && devices.speakers.length > 0 ? (
        <DeviceSelect
          id={`${idPrefix}-speaker`}
          label="Speaker"
          devices={devices.speakers}
          value={video.speakerId}
          onChange={(id) => video.setSpeaker(id)}
        />
      ) : null}
      {note ? <p className="text-sm text-slate-700">{note}</p> : null}
    </div>
  );
}

function DeviceSelect({
  id,
  label,
  devices,
  value,
  onChange,
}: {
  id: string;
  label: string;
  devices: MediaDeviceInfo[];
  value: string | null;
  onChange: (deviceId: string) => void;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        value={value ?? devices[0]?.deviceId ?? ''}
        onChange={(e) => onChange(e.target.value)}
        className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
      >
        {devices.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || `${label} ${i + 1}`}
          </option>
        ))}
      </select>
    </div>
  );
}
