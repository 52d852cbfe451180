'use client';

import { useEffect, useRef } from 'react';

// Shown at the top of a form the server refused: what went wrong, with a link
// to each field. It takes focus when a new response arrives, so keyboard and
// screen-reader users land on it (and role=alert announces it).

export function ErrorSummary({
  message,
  fieldErrors,
  labels,
  attempt,
}: {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Field name → its visible label, for the links; fields without a label are listed by message only. */
  labels: Record<string, string>;
  /** Changes with every server response, so focus moves again after each refusal. */
  attempt: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [attempt]);

  const entries = Object.entries(fieldErrors ?? {}).filter(([, messages]) => messages.length > 0);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={`error-summary-title-${attempt}`}
      className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-950"
    >
      <h2 id={`error-summary-title-${attempt}`} className="text-base font-semibold">
        There is a problem
      </h2>
      {message ? <p className="mt-1">{message}</p> : null}
      {entries.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {entries.map(([field, messages]) => (
            <li key={field}>
              {labels[field] ? (
                <a href={`#field-${field}`} className="font-medium underline underline-offset-2">
                  {labels[field]}: {messages.join(' ')}
                </a>
              ) : (
                messages.join(' ')
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
