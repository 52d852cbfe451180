'use client';

// What to do when the link cannot take the person into a call right now, one
// plain message and a next step for each case. Headings and alerts carry the
// meaning in words (nothing relies on colour).
import { useEffect, useRef } from 'react';

import { ClinicPhoneLine } from '@/components/video/audience';
import { clockTime, clockTimeAndDay, dayAndDate } from '@/components/video/format-time';
import { countdownWords } from '@/components/video/join-status';

import type { GuidanceKind as Kind } from './dead-link-kind';

const copy: Record<Kind, { title: string; body: string }> = {
  'not-recognised': {
    title: 'This link doesn’t work',
    body: 'Make sure you opened the whole link from the clinic’s message. If it still doesn’t work, ask the clinic to send it again.',
  },
  revoked: {
    title: 'This link has been replaced',
    body: 'The clinic has sent a newer link, or withdrawn this one. Use the most recent link from the clinic’s messages, or contact the clinic for a new one.',
  },
  withdrawn: {
    title: 'This link no longer works',
    body: 'The clinic has withdrawn this link. Call the clinic if you need a new one.',
  },
  cancelled: {
    title: 'This appointment was cancelled',
    body: 'Its video session is closed. Contact the clinic to book another time.',
  },
  missed: {
    title: 'This appointment has been closed',
    body: 'It was recorded as missed, so its video session is closed. Contact the clinic to book another time.',
  },
  expired: {
    title: 'This link has expired',
    body: 'The video session for this appointment has closed. Contact the clinic if you still need to speak with your clinician.',
  },
  ended: {
    title: 'Your session has ended',
    body: 'Your clinician has ended the video session. Thank you for joining. If you were cut off before you finished, contact the clinic.',
  },
  declined: {
    title: 'Your clinician couldn’t let you in',
    body: 'They were not able to see you in this session. Please contact the clinic.',
  },
  unsupported: {
    title: 'This browser can’t make video calls',
    body: 'Please open the link in another browser. On an iPhone or iPad use Safari (and keep iOS up to date); on Android use Chrome or Samsung Internet; on a computer use Chrome, Edge, Firefox or Safari.',
  },
};

export function Guidance({
  kind,
  message,
  clinicPhone,
  closesAt,
  timeZone,
}: {
  kind: Kind;
  message?: string;
  clinicPhone: string | null;
  closesAt?: string;
  timeZone?: string;
}) {
  const { title, body } = copy[kind];
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Move focus to the news so screen-reader and keyboard users meet it first.
  useEffect(() => headingRef.current?.focus(), [kind]);
  return (
    <section
      role="alert"
      aria-labelledby="guidance-heading"
      className="flex flex-col gap-3 rounded-lg border border-amber-400 bg-amber-50 p-4 text-amber-950"
    >
      <h2 id="guidance-heading" ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
        {title}
      </h2>
      <p>{kind === 'not-recognised' && message ? message : body}</p>
      {kind === 'expired' && closesAt && timeZone ? (
        <p>It closed at {clockTimeAndDay(closesAt, timeZone)}.</p>
      ) : null}
      <ClinicPhoneLine phone={clinicPhone} />
    </section>
  );
}

/**
 * Too early: the appointment's date and time and when joining opens, in the
 * patient's zone, named. A countdown only within the last hour, so nobody reads
 * or hears "in 69 hours 54 minutes"; screen readers hear it every few minutes,
 * not every second. Moves on by itself when joining opens.
 */
export function Countdown({
  startsAt,
  opensAt,
  now,
  timeZone,
  clinicPhone,
}: {
  startsAt: string;
  opensAt: string;
  now: number;
  timeZone: string;
  clinicPhone: string | null;
}) {
  const city = timeZone.split('/').pop()?.replace(/_/g, ' ') ?? timeZone;
  const words = countdownWords(Date.parse(opensAt) - now);
  return (
    <section
      aria-labelledby="early-heading"
      className="flex flex-col gap-2 rounded-lg border border-sky-300 bg-sky-50 p-4 text-sky-950"
    >
      <h2 id="early-heading" className="text-lg font-semibold">
        You’re early
      </h2>
      <p>
        Your appointment is on {dayAndDate(startsAt, timeZone)} at {clockTime(startsAt, timeZone)} ({city}{' '}
        time). You can join from {clockTime(opensAt, timeZone)}.
      </p>
      {words ? (
        <>
          <p aria-hidden="true">
            That’s in <strong>{words.shown}</strong>.
          </p>
          <p className="sr-only" aria-live="polite">
            {words.spoken}
          </p>
        </>
      ) : null}
      <p>Meanwhile you can check your camera and sound below. This page moves on by itself.</p>
      <ClinicPhoneLine phone={clinicPhone} />
    </section>
  );
}
