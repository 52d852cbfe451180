// The microphone's loudness, 0–1, sampled about 12 times a second with the Web
// Audio API, for the level meter in the device check and the call.
import { useEffect, useState } from 'react';

export function useAudioLevel(track: MediaStreamTrack | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!track || track.readyState === 'ended') return;
    const AudioContextClass =
      window.AudioContext ??
      (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!AudioContextClass) return;
    const context = new AudioContextClass();
    // A clone, so stopping the meter never stops the microphone.
    const clone = track.clone();
    const source = context.createMediaStreamSource(new MediaStream([clone]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      if (context.state === 'suspended') void context.resume().catch(() => {});
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      const rms = Math.sqrt(sum / samples.length);
      // Speech sits around 0.02–0.2 RMS; spread that over the meter.
      setLevel(Math.min(1, rms * 6));
    }, 80);
    return () => {
      clearInterval(timer);
      source.disconnect();
      clone.stop();
      void context.close().catch(() => {});
      setLevel(0);
    };
  }, [track]);
  return level;
}
