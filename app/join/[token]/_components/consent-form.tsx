'use client';

// Consent to a telehealth session and where the patient is (Medicare
// telehealth needs them to be in Australia). Sent with POST /api/video/join/consent.
import { useRef, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';

import { StepHeading } from './step-heading';
import { joinApi, type JoinApiError } from './join-api';

type Location = 'IN_AUSTRALIA' | 'OUTSIDE_AUSTRALIA';

export function ConsentForm({
  token,
  clinician,
  onDone,
}: {
  token: string;
  clinician: string;
  onDone: (location: Location) => void;
}) {
  const [agree, setAgree] = useState(false);
  const [location, setLocation] = useState<Location | null>(null);
  const [errors, setErrors] = useState<{ agree?: string; location?: string; form?: string }>({});
  const [sending, setSending] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      agree: agree ? undefined : 'Please tick the box to agree to a video session.',
      location: location ? undefined : 'Please tell us whether you are in Australia right now.',
    };
    if (found.agree || found.location) {
      setErrors(found);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSending(true);
    try {
      await joinApi.consent(token, location!);
      onDone(location!);
    } catch (err) {
      setErrors({ form: (err as JoinApiError).message });
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setSending(false);
    }
  };

  const messages = [errors.agree, errors.location, errors.form].filter(Boolean);
  return (
    <section aria-labelledby="consent-heading" className="flex flex-col gap-4">
      <StepHeading id="consent-heading">Before you join</StepHeading>
      {messages.length ? (
        <div
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          className="rounded-md border border-red-400 bg-red-50 p-3 text-red-950"
        >
          <p className="font-semibold">Please check:</p>
          <ul className="ml-5 list-disc">
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <label className="flex items-start gap-3 text-base">
            <input
              type="checkbox"
              className="mt-1 h-5 w-5"
              checked={agree}
              onChange={(e) => setAgree(e.target.checked)}
              aria-invalid={errors.agree ? true : undefined}
              aria-describedby={errors.agree ? 'agree-error' : 'agree-hint'}
            />
            <span>I agree to have this appointment with {clinician} by video.</span>
          </label>
          <p id="agree-hint" className="text-sm text-slate-700">
            The call is private and is not recorded. You can switch to sound only at any time.
          </p>
          {errors.agree ? (
            <p id="agree-error" className="text-sm font-medium text-red-800">
              {errors.agree}
            </p>
          ) : null}
        </div>
        <fieldset
          className="flex flex-col gap-2"
          aria-invalid={errors.location ? true : undefined}
          aria-describedby={errors.location ? 'location-error' : undefined}
        >
          <legend className="mb-1 text-base font-medium">Where are you right now?</legend>
          {(
            [
              ['IN_AUSTRALIA', 'In Australia'],
              ['OUTSIDE_AUSTRALIA', 'Outside Australia'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-3 text-base">
              <input
                type="radio"
                name="location"
                value={value}
                className="h-5 w-5"
                checked={location === value}
                onChange={() => setLocation(value)}
              />
              {label}
            </label>
          ))}
          {errors.location ? (
            <p id="location-error" className="text-sm font-medium text-red-800">
              {errors.location}
            </p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={sending} className="self-start text-base">
          {sending ? 'Saving…' : 'Agree and continue'}
        </Button>
      </form>
    </section>
  );
}
