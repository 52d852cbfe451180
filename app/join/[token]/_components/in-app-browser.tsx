'use client';

// Shown before the camera check when the link was opened inside WhatsApp,
// Facebook, Instagram, Messenger or LinkedIn: their built-in browsers often
// cannot use the camera. The patient is told how to open the page in Safari or
// Chrome, can copy the link, and may still try here.
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { ClinicPhoneLine } from '@/components/video/audience';
import { openInBrowserSteps, type InAppBrowser } from '@/components/video/browser-guidance';

import { StepHeading } from './step-heading';

export function InAppBrowserGuidance({
  inApp,
  url,
  clinicPhone,
  onContinue,
}: {
  inApp: InAppBrowser;
  url: string;
  clinicPhone: string | null;
  onContinue: () => void;
}) {
  const { browser, steps } = openInBrowserSteps(inApp);
  return (
    <section
      aria-labelledby="in-app-heading"
      className="flex flex-col gap-3 rounded-lg border border-amber-400 bg-amber-50 p-4 text-amber-950"
    >
      <StepHeading id="in-app-heading" focus={false}>
        Open this link in {browser}
      </StepHeading>
      <p>
        You opened the link inside {inApp.app}. Its built-in browser often can’t use your camera and
        microphone, so the video call may not work here.
      </p>
      <ol className="ml-5 list-decimal">
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        <CopyButton value={url} label="Copy link" />
        <Button variant="secondary" onClick={onContinue}>
          Try here anyway
        </Button>
      </div>
      <ClinicPhoneLine phone={clinicPhone} />
    </section>
  );
}
