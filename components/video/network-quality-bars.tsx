'use client';

// Twilio's network quality level (0–5) as bars AND words, so it does not rely
// on colour or shape alone.
import type { Participant } from 'twilio-video';

import { useNetworkQualityLevel } from './hooks/use-network-quality-level';

export function networkQualityWords(level: number | null): string {
  if (level === null) return 'Connection: checking';
  if (level <= 1) return 'Connection: poor';
  if (level <= 3) return 'Connection: fair';
  return 'Connection: good';
}

export function NetworkQualityBars({ participant, who }: { participant: Participant | null; who: string }) {
  const level = useNetworkQualityLevel(participant);
  const words = networkQualityWords(level);
  return (
    <span
      className="inline-flex items-center gap-1 rounded bg-slate-900/80 px-1.5 py-0.5 text-xs text-white"
      title={`${who}: ${words}`}
    >
      <span aria-hidden="true" className="flex items-end gap-px">
        {[1, 2, 3, 4, 5].map((bar) => (
          <span
            key={bar}
            className={`w-1 rounded-sm ${bar <= 1 ? 'h-1' : bar === 2 ? 'h-1.5' : bar === 3 ? 'h-2' : bar === 4 ? 'h-2.5' : 'h-3'} ${level !== null && bar <= level ? 'bg-white' : 'bg-white/30'}`}
          />
        ))}
      </span>
      <span className="sr-only">
        {who}. {words}
      </span>
      <span aria-hidden="true">{words.replace('Connection: ', '')}</span>
    </span>
  );
}
