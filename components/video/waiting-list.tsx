'use client';

// The dashboard's telehealth sessions for today, live: who is in the waiting
// room (in words, with a mark, not colour alone), a message box to them, Let
// in, a guest link, and the way into the clinician's room. Arrival alerts (a
// chime and a desktop notification without the patient's name, since
// notifications show on lock screens) are off until the clinician turns them
// on, which is also the tap browsers need before they play sound.
import Link from 'next/link';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

import { useEventStream } from '@/components/hooks/use-event-stream';
import { Button, buttonClasses } from '@/components/ui/button';
import type { WaitingList as WaitingListState, WaitingListItem } from '@/lib/video/waiting-room/get-waiting-list';
import { QUICK_REPLIES } from '@/lib/video/waiting-room/quick-replies';

import { chimeWav } from './speaker-test';
import {
  admitPatientAction,
  createGuestLinkAction,
  markNoShowAction,
  postWaitingMessageAction,
} from './staff-video-actions';
import { QuickReplyList } from './quick-reply-list';
import { GuestLinkButton, VideoActionButton, WaitingMessageForm } from './staff-video-controls';

const ALERTS_KEY = 'tp-waiting-alerts';

/** The clinician's choice of arrival alerts, remembered in this browser. */
const alertsPreference = {
  listeners: new Set<() => void>(),
  subscribe(listener: () => void) {
    alertsPreference.listeners.add(listener);
    return () => alertsPreference.listeners.delete(listener);
  },
  get(): boolean {
    try {
      return localStorage.getItem(ALERTS_KEY) === 'on';
    } catch {
      return false;
    }
  },
  set(on: boolean) {
    try {
      localStorage.setItem(ALERTS_KEY, on ? 'on' : 'off');
    } catch {
      // not remembered
    }
    for (const listener of alertsPreference.listeners) listener();
  },
};

function clock(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-AU', { timeZone, hour: 'numeric', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** "8:40 am (Sydney time)": every time on the list names the clinic's zone. */
function zoneName(timeZone: string): string {
  return `${timeZone.split('/').pop()?.replace(/_/g, ' ') ?? timeZone} time`;
}

/**
 * The patient's state in words. "In the call" only while Twilio reports the
 * patient connected (between its participant-connected and -disconnected
 * callbacks), never because someone pressed "Let in".
 */
export function statusWords(item: WaitingListItem): { mark: string; text: string } {
  if (item.inCall.patient) return { mark: '●', text: 'In the call' };
  if (item.status === 'COMPLETED') return { mark: '■', text: 'Session completed' };
  if (item.sessionEnded) return { mark: '■', text: 'Session ended' };
  switch (item.waiting?.status) {
    case 'WAITING':
      return { mark: '●', text: 'Waiting to be let in' };
    case 'ADMITTED':
      return { mark: '✓', text: item.roomInProgress ? 'Let in; not connected yet' : 'Let in' };
    case 'DECLINED':
      return { mark: '✗', text: 'Not admitted' };
    case 'LEFT':
      return { mark: '↩', text: 'Left the waiting room' };
    default:
      return { mark: '○', text: item.consent ? 'Consent given; not in the waiting room' : 'Not arrived' };
  }
}

export function WaitingList({ initial }: { initial: WaitingListState }) {
  const [list, setList] = useState(initial);
  // The page refreshes itself each minute (the no-show offer depends on the clock): take its newer list.
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setList(initial);
  }
  const alerts = useSyncExternalStore(alertsPreference.subscribe, alertsPreference.get, () => false);
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef(new Map(initial.items.map((i) => [i.appointmentId, i.waiting?.status ?? null])));
  const lastReplies = useRef(
    new Map(initial.items.map((i) => [i.appointmentId, i.replies.at(-1)?.id ?? null])),
  );
  const alertsRef = useRef(alerts);
  useEffect(() => {
    alertsRef.current = alerts;
  }, [alerts]);

  const onState = (next: WaitingListState) => {
    const arrived = next.items.filter(
      (i) => i.waiting?.status === 'WAITING' && previous.current.get(i.appointmentId) !== 'WAITING',
    );
    const replied = next.items.filter(
      (i) => i.replies.length && i.replies.at(-1)!.id !== lastReplies.current.get(i.appointmentId),
    );
    previous.current = new Map(next.items.map((i) => [i.appointmentId, i.waiting?.status ?? null]));
    lastReplies.current = new Map(next.items.map((i) => [i.appointmentId, i.replies.at(-1)?.id ?? null]));
    setList(next);
    const news = [
      arrived.length ? `Patient waiting: ${arrived.map((i) => i.patientName).join(', ')}.` : '',
      ...replied.map((i) => `${i.patientName} replied: ${QUICK_REPLIES[i.replies.at(-1)!.reply]}.`),
    ].filter(Boolean);
    if (news.length) setAnnouncement(news.join(' '));
    if (arrived.length) {
      const when = arrived.map((i) => clock(i.startsAt, next.timeZone)).join(', ');
      if (alertsRef.current) alert(`Your ${when} patient is in the waiting room.`);
    }
  };
  useEventStream<{ state: WaitingListState }>('/api/video/staff/waiting-list/events', { state: onState });

  const toggleAlerts = async () => {
    const on = !alerts;
    if (on && 'Notification' in window && Notification.permission === 'default') {
      await Notification.requestPermission().catch(() => 'denied');
    }
    alertsRef.current = on;
    alertsPreference.set(on);
    if (on) playChime();
  };

  const waitingCount = list.items.filter((i) => i.waiting?.status === 'WAITING').length;

  return (
    <section aria-labelledby="telehealth-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="telehealth-heading" className="text-lg font-semibold">
          Telehealth today{waitingCount ? ` · ${waitingCount} waiting` : ''}
        </h2>
        <Button variant="secondary" aria-pressed={alerts} onClick={() => void toggleAlerts()}>
          {alerts ? 'Arrival alerts on: turn off' : 'Turn on arrival alerts (sound and notification)'}
        </Button>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {list.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
          No telehealth sessions today.
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {list.items.map((item) => (
            <WaitingItem key={item.appointmentId} item={item} timeZone={list.timeZone} />
          ))}
        </ul>
      )}
      <p className="text-sm text-slate-600">Times in {zoneName(list.timeZone)} (the clinic’s).</p>
    </section>
  );
}

function WaitingItem({ item, timeZone }: { item: WaitingListItem; timeZone: string }) {
  const { mark, text } = statusWords(item);
  const waiting = item.waiting?.status === 'WAITING';
  const id = item.appointmentId;
  return (
    <li
      data-testid="waiting-item"
      className={`flex flex-col gap-3 rounded-lg border bg-white p-4 ${waiting ? 'border-l-8 border-amber-500' : 'border-slate-200'}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-semibold">
          {clock(item.startsAt, timeZone)} · {item.patientName}
          <span className="font-normal text-slate-700"> with {item.clinicianName}</span>
        </p>
        <p className={waiting ? 'font-semibold text-amber-900' : 'text-slate-700'}>
          <span aria-hidden="true">{mark} </span>
          {text}
          {waiting && item.waiting ? ` since ${clock(item.waiting.since, timeZone)}` : ''}
        </p>
      </div>
      {item.replies.length ? (
        <QuickReplyList
          firstName={item.patientName.split(' ')[0]!}
          replies={item.replies}
          at={(iso) => clock(iso, timeZone)}
          testId="quick-replies"
        />
      ) : null}
      {item.messages.length ? (
        <p className="text-sm text-slate-700">
          Last message shown: “{item.messages[item.messages.length - 1]!.body}”
        </p>
      ) : null}
      {item.noShowSuggested && item.can.markNoShow ? (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950">
          <p className="text-sm">
            {item.patientName.split(' ')[0]} has not joined, and the appointment started at{' '}
            {clock(item.startsAt, timeZone)}. Record it as a no-show?
          </p>
          <VideoActionButton
            action={markNoShowAction.bind(null, id)}
            label="Mark as no-show"
            pendingLabel="Saving…"
            confirm={{
              title: `Mark ${item.patientName}’s ${clock(item.startsAt, timeZone)} appointment as a no-show?`,
              message: 'Their join link will stop working, and the appointment is recorded as missed.',
              confirmLabel: 'Mark as no-show',
            }}
          />
        </div>
      ) : null}
      <div className="flex flex-wrap items-start gap-3">
        {item.can.host && waiting ? (
          <VideoActionButton
            action={admitPatientAction.bind(null, id)}
            label={`Let ${item.patientName.split(' ')[0]} in`}
            pendingLabel="Admitting…"
            variant="primary"
          />
        ) : null}
        {item.can.host && !item.sessionEnded ? (
          <Link
            href={`/appointments/${id}/room`}
            className={buttonClasses(waiting ? 'secondary' : 'primary')}
          >
            Open the video room
          </Link>
        ) : null}
        {item.can.host ? <GuestLinkButton action={createGuestLinkAction.bind(null, id)} /> : null}
      </div>
      {item.can.message && (waiting || item.waiting?.status === 'ADMITTED') ? (
        <WaitingMessageForm action={postWaitingMessageAction.bind(null, id)} idPrefix={`waiting-${id}`} />
      ) : null}
    </li>
  );
}

let chimeUrl: string | null = null;

function playChime() {
  chimeUrl ??= URL.createObjectURL(chimeWav());
  void new Audio(chimeUrl).play().catch(() => {});
}

function alert(body: string) {
  playChime();
  if ('Notification' in window && Notification.permission === 'granted') {
    try {
      new Notification('Patient waiting', { body, tag: 'tp-patient-waiting' });
    } catch {
      // Some mobile browsers only allow notifications from a service worker.
    }
  }
}
