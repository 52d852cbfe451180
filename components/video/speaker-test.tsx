'use client';

// "Play a test sound": a short two-note chime made in the browser (nothing is
// downloaded), played through the chosen speaker where the browser allows it.
import { useEffect, useRef, useState } from 'react';

import { Button } from '@/components/ui/button';

import { canChooseSpeaker } from './hooks/use-devices';

/** A 16-bit mono WAV of two soft sine notes, about 0.8 s. */
export function chimeWav(sampleRate = 22_050): Blob {
  const notes = [660, 880];
  const noteSeconds = 0.4;
  const total = Math.floor(sampleRate * noteSeconds * notes.length);
  const buffer = new ArrayBuffer(44 + total * 2);
  const view = new DataView(buffer);
  const text = (offset: number, s: string) =>
    [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + total * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, total * 2, true);
  const perNote = total / notes.length;
  for (let i = 0; i < total; i++) {
    const note = notes[Math.min(notes.length - 1, Math.floor(i / perNote))]!;
    const t = (i % perNote) / perNote;
    const envelope = Math.sin(Math.PI * t); // fade in and out: no clicks
    const sample = Math.sin((2 * Math.PI * note * i) / sampleRate) * envelope * 0.4;
    view.setInt16(44 + i * 2, sample * 0x7fff, true);
  }
  return new Blob([buffer], { type: 'audio/wav' });
}

export function SpeakerTest({ speakerId }: { speakerId: string | null }) {
  const ref = useRef<HTMLAudioElement>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const url = URL.createObjectURL(chimeWav());
    element.src = url;
    return () => URL.revokeObjectURL(url);
  }, []);
  const play = async () => {
    const element = ref.current as (HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> }) | null;
    if (!element) return;
    try {
      if (speakerId && element.setSinkId) await element.setSinkId(speakerId);
      element.currentTime = 0;
      await element.play();
      setStatus('Playing a chime. If you heard it, your sound works.');
    } catch {
      setStatus('The sound could not play. Check that your device is not on silent and the volume is up.');
    }
  };
  return (
    <div className="flex flex-col items-start gap-1">
      <Button variant="secondary" onClick={() => void play()}>
        Play a test sound
      </Button>
      <audio ref={ref} preload="auto" className="hidden" />
      <p role="status" className="text-sm text-slate-700">
        {status}
      </p>
    </div>
  );
}

export function speakerChoiceNote(): string | null {
  return canChooseSpeaker()
    ? null
    : 'This browser plays sound through your device’s current speaker or headphones. To change it, use your phone’s or computer’s sound settings (on iPhone: Control Centre).';
}
