'use client';

// The waiting room: the patient is told the clinician knows they are here,
// sees any message the clinician sends, and waits. Nothing is sent from the
// camera or microphone here. Entering is a POST; leaving the page takes them
// out of the waiting room (the clinician sees they have gone).
import { useEffect, useState } from 'react';

import { Button } from '@/components/ui/button';
import { clockTime } from '@/components/video/format-time';
import type { QuickReply } from '@/lib/db/generated/enums';
import { QUICK_REPLIES } from '@/lib/video/waiting-room/quick-replies';

import { joinApi, type JoinApiError, type JoinState } from './join-api';
import { StepHeading } from './step-heading';

export function WaitingRoom({
  token,
  state,
  clinician,
  open,
  timeZone,
}: {
  token: string;
  state: JoinState;
  clinician: string;
  open: boolean;
  timeZone: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const status = state.waiting?.status ?? null;
  const inRoom = status === 'WAITING' || status === 'ADMITTED';

  // Enter once the window is open (the countdown moves the page on by itself).
  useEffect(() => {
    if (!open || inRoom) return;
    let active = true;
    joinApi.enterWaitingRoom(token).catch((err: JoinApiError) => active && setError(err.message));
    return () => {
      active = false;
    };
  }, [open, inRoom, token]);

  // Closing the page while waiting: tell the clinician they have gone.
  useEffect(() => {
    if (status !== 'WAITING') return;
    const leave = () => joinApi.leaveWaitingRoom(token);
    window.addEventListener('pagehide', leave);
    return () => window.removeEventListener('pagehide', leave);
  }, [status, token]);

  return (
    <section aria-labelledby="waiting-heading" className="flex flex-col gap-3">
      <StepHeading id="waiting-heading">Waiting room</StepHeading>
      <div role="status" aria-live="polite" className="rounded-lg border border-slate-300 bg-white p-4">
        {error ? (
          <p className="font-medium text-red-800">{error}</p>
        ) : !open ? (
          <p>
            The waiting room opens 15 minutes before your appointment. This page will let you in by itself.
          </p>
        ) : status === 'WAITING' ? (
          <>
            <p className="text-lg font-semibold">
              <span aria-hidden="true">✓ </span>
              {clinician} knows you’re here.
            </p>
            <p>
              Please stay on this page. You will see a button to join as soon as {clinician} lets you in.
              {state.waiting?.since ? ` Waiting since ${clockTime(state.waiting.since, timeZone)}.` : ''}
            </p>
          </>
        ) : status === 'ADMITTED' ? (
          <p className="text-lg font-semibold">{clinician} is ready to see you.</p>
        ) : (
          <p>Letting {clinician} know you’re here…</p>
        )}
      </div>
      {state.messages.length ? (
        <div>
          <h3 className="font-semibold">Messages from {clinician}</h3>
          <div role="log" aria-live="polite">
            <ul className="flex flex-col gap-2">
              {state.messages.map((m) => (
                <li key={m.id} className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sky-950">
                  <span className="text-sm text-slate-700">{clockTime(m.at, timeZone)}: </span>
                  {m.body}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {inRoom ? (
        <QuickReplies token={token} clinician={clinician} sent={state.replies} timeZone={timeZone} />
      ) : null}
    </section>
  );
}

/** A few fixed answers to the clinician (no free text), one every half minute. */
function QuickReplies({
  token,
  clinician,
  sent,
  timeZone,
}: {
  token: string;
  clinician: string;
  sent: JoinState['replies'];
  timeZone: string;
}) {
  const [pending, setPending] = useState<QuickReply | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const send = async (reply: QuickReply) => {
    setPending(reply);
    setResult(null);
    try {
      const saved = await joinApi.quickReply(token, reply);
      setResult({ ok: true, text: `Sent to ${clinician} at ${clockTime(saved.at, timeZone)}.` });
    } catch (err) {
      setResult({ ok: false, text: (err as JoinApiError).message });
    } finally {
      setPending(null);
    }
  };
  return (
    <div className="flex flex-col gap-2">
      <h3 className="font-semibold" id="quick-replies-heading">
        Let {clinician} know
      </h3>
      <div
        role="group"
        aria-labelledby="quick-replies-heading"
        className="flex flex-col gap-2 sm:flex-row sm:flex-wrap"
      >
        {(Object.keys(QUICK_REPLIES) as QuickReply[]).map((reply) => (
          <Button
            key={reply}
            variant="secondary"
            className="text-base"
            disabled={pending !== null}
            onClick={() => void send(reply)}
          >
            {QUICK_REPLIES[reply]}
          </Button>
        ))}
      </div>
      <p
        role="status"
        aria-live="polite"
        className={result?.ok === false ? 'font-medium text-red-800' : 'text-slate-700'}
      >
        {pending ? 'Sending…' : result?.text}
      </p>
      {sent.length ? (
        <ul className="text-sm text-slate-700">
          {sent.map((r) => (
            <li key={r.id}>
              You sent at {clockTime(r.at, timeZone)}: “{QUICK_REPLIES[r.reply]}”
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
