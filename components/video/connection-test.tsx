'use client';

// The connection test: twilio-video's preflight (a short test call to
// Twilio's media servers) with a plain verdict. It needs a test token from the
// portal; where video is not set up (no token), it says so and moves on.
import { useRef, useState } from 'react';
import type { PreflightTest } from 'twilio-video';

import { Button } from '@/components/ui/button';

import { failedPreflightVerdict, preflightVerdict, type Verdict } from './preflight-verdict';
import { loadTwilioVideo } from '@/components/video/twilio-connect';
import { SIGNALLING_REGION } from './video-settings';

type State =
  | { step: 'idle' }
  | { step: 'running'; progress: string }
  | { step: 'done'; verdict: Verdict }
  | { step: 'unavailable' };

const progressWords: Record<string, string> = {
  mediaAcquired: 'Preparing a test video…',
  connected: 'Connected to the video service…',
  mediaSubscribed: 'Sending test sound and video…',
  iceConnected: 'Checking the route…',
  peerConnectionConnected: 'Checking the route…',
  dtlsConnected: 'Securing the connection…',
  mediaStarted: 'Measuring…',
};

export function ConnectionTest({ getTestToken }: { getTestToken: () => Promise<string | null> }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const running = useRef<PreflightTest | null>(null);

  const run = async () => {
    setState({ step: 'running', progress: 'Starting the test…' });
    const token = await getTestToken().catch(() => null);
    if (!token) return setState({ step: 'unavailable' });
    try {
      const video = await loadTwilioVideo();
      const test = video.runPreflight(token, { region: SIGNALLING_REGION, duration: 5000 });
      running.current = test;
      test.on('progress', (name: string) =>
        setState({ step: 'running', progress: progressWords[name] ?? 'Testing…' }),
      );
      test.on('completed', (report) => setState({ step: 'done', verdict: preflightVerdict(report.stats) }));
      test.on('failed', () => setState({ step: 'done', verdict: failedPreflightVerdict() }));
    } catch {
      setState({ step: 'done', verdict: failedPreflightVerdict() });
    }
  };

  return (
    <div className="flex flex-col items-start gap-2">
      <Button variant="secondary" onClick={() => void run()} disabled={state.step === 'running'}>
        {state.step === 'done' ? 'Test my connection again' : 'Test my connection'}
      </Button>
      <div role="status" aria-live="polite" className="text-sm text-slate-800">
        {state.step === 'running' ? <p>{state.progress}</p> : null}
        {state.step === 'unavailable' ? (
          <p>
            The connection test isn’t available right now. You can still join; we will tell you if something
            is wrong.
          </p>
        ) : null}
        {state.step === 'done' ? (
          <p>
            <strong>
              {state.verdict.level === 'good' ? '✓ ' : state.verdict.level === 'fair' ? '● ' : '✗ '}
              {state.verdict.summary}
            </strong>{' '}
            {state.verdict.advice}
          </p>
        ) : null}
      </div>
    </div>
  );
}
