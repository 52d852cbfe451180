// What the connection test's numbers mean for a video call, in plain words.
// Pure (tests/unit/video-preflight-verdict.test.ts). Thresholds from Twilio's
// preflight guidance and ITU-T G.114: under 200 ms round trip, under 30 ms
// jitter and under 1% loss is a good call; past 400 ms, 100 ms or 5% it is not.
import type { PreflightTestReport } from 'twilio-video';

export type Verdict = { level: 'good' | 'fair' | 'poor'; summary: string; advice: string };

export function preflightVerdict(stats: PreflightTestReport['stats']): Verdict {
  const rtt = stats.rtt?.average ?? null;
  const jitter = stats.jitter?.average ?? null;
  const loss = stats.packetLoss?.average ?? null;
  const poor =
    (rtt !== null && rtt > 400) || (jitter !== null && jitter > 100) || (loss !== null && loss > 5);
  const good =
    !poor && (rtt === null || rtt < 200) && (jitter === null || jitter < 30) && (loss === null || loss < 1);
  if (poor) {
    return {
      level: 'poor',
      summary: 'Your connection is weak right now.',
      advice:
        'Video may freeze. Move closer to your Wi-Fi router or try mobile data. If it stays weak, join with sound only.',
    };
  }
  if (good)
    return { level: 'good', summary: 'Your connection is good.', advice: 'You are ready for a video call.' };
  return {
    level: 'fair',
    summary: 'Your connection is OK.',
    advice:
      'The call should work; video may sometimes be less sharp. Closing other apps that use the internet helps.',
  };
}

export function failedPreflightVerdict(): Verdict {
  return {
    level: 'poor',
    summary: 'We couldn’t reach the video service from this network.',
    advice:
      'Check that you are online. On work or public Wi-Fi, try mobile data instead, or turn off any VPN. You can still try to join.',
  };
}
