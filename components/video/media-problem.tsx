'use client';

// A camera/microphone or call problem from the error table, with the browser's
// own steps where they help, and the buttons for the next step.
import { useState } from 'react';

import { Button } from '@/components/ui/button';

import { ClinicPhoneLine, useVideoAudience } from './audience';
import { browserNames, detectBrowser, unblockSteps } from './browser-guidance';
import { problemFor, type VideoProblem } from './error-messages';

export function ProblemPanel({
  problem: anyReader,
  onRetry,
  retryLabel = 'Try again',
  onAudioOnly,
  headingLevel = 2,
}: {
  problem: VideoProblem;
  onRetry?: () => void;
  retryLabel?: string;
  onAudioOnly?: () => void;
  headingLevel?: 2 | 3;
}) {
  const [browser] = useState(() =>
    detectBrowser(typeof navigator === 'undefined' ? '' : navigator.userAgent),
  );
  const { reader, clinicPhone } = useVideoAudience();
  const problem = problemFor(anyReader, reader);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div
      role="alert"
      className="flex flex-col gap-3 rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-950"
    >
      <Heading className="text-lg font-semibold">
        <span aria-hidden="true">⚠ </span>
        {problem.title}
      </Heading>
      <p>{problem.message}</p>
      <p className="font-medium">{problem.nextStep}</p>
      {problem.showUnblockSteps ? (
        <div>
          <p className="font-medium">In {browserNames[browser]}:</p>
          <ol className="ml-5 list-decimal">
            {unblockSteps(browser).map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
      ) : null}
      {/* Every problem the patient meets comes with the clinic's number to tap and call. */}
      {reader === 'patient' ? <ClinicPhoneLine phone={clinicPhone} /> : null}
      <div className="flex flex-wrap gap-2">
        {onRetry ? <Button onClick={onRetry}>{retryLabel}</Button> : null}
        {onAudioOnly ? (
          <Button variant="secondary" onClick={onAudioOnly}>
            Join with sound only (no camera)
          </Button>
        ) : null}
      </div>
    </div>
  );
}
