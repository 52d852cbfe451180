'use client';

// The patient's (or guest's) way from the link to the call:
// welcome → check camera and sound → consent and location → waiting room →
// call. What can stop them (link replaced, appointment cancelled, too early,
// browser that cannot call…) is shown as guidance with the next step. State
// comes from the server (first render, then the event stream); the page never
// decides admission itself.
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

import { Button } from '@/components/ui/button';
import { VideoAudienceProvider } from '@/components/video/audience';
import { detectInAppBrowser, type InAppBrowser } from '@/components/video/browser-guidance';
import { browserCanCall, joinStatus, type JoinStatus } from '@/components/video/join-status';
import type { JoinPageFacts } from '@/lib/video/links/get-join-page';

import { ConsentForm } from './consent-form';
import { deadLinkKind } from './dead-link-kind';
import { Countdown, Guidance } from './guidance';
import { InAppBrowserGuidance } from './in-app-browser';
import { followJoinEvents, joinApi, type JoinApiError, type JoinState } from './join-api';
import { StepHeading } from './step-heading';
import { WaitingRoom } from './waiting-room';

// The camera, microphone and call: loaded when the person starts the check.
const JoinMedia = dynamic(() => import('./join-media').then((m) => m.JoinMedia), {
  ssr: false,
  loading: () => <p role="status">Getting the camera check ready…</p>,
});

export type JoinFacts = JoinPageFacts & { whenText: string; city: string };

type Step = 'in-app' | 'welcome' | 'check' | 'consent' | 'waiting';

const REJOIN_KEY_STORAGE = 'tp-guest-rejoin:';

export function JoinFlow({
  token: linkToken,
  facts,
  problem,
  serverNow,
}: {
  token: string;
  facts: JoinFacts | null;
  problem: { kind: 'not-recognised' | 'guest-link-used'; message: string } | null;
  serverNow: number;
}) {
  const [token, setToken] = useState(linkToken);
  // The server's facts; for a guest back with a rejoin key, fetched here instead.
  const [pageFacts, setPageFacts] = useState<JoinPageFacts | null>(facts);
  const [state, setState] = useState<JoinState | null>(facts?.state ?? null);
  const [gone, setGone] = useState<JoinApiError | null>(null);
  const [chosenStep, setStep] = useState<Step | null>(null);
  const now = useClock(serverNow);
  const canCall = useBrowserCanCall();
  const inApp = useInAppBrowser();
  // Inside WhatsApp, Facebook…: first how to open the page in the phone's browser.
  const step: Step = chosenStep ?? (inApp ? 'in-app' : 'welcome');
  // The first step shown keeps focus where the page put it; every later one takes it.
  const moved = chosenStep !== null;

  // A guest's link works once; this browser may hold the key it was exchanged for.
  const storedKey = useStoredRejoinKey(problem?.kind === 'guest-link-used' ? linkToken : null);
  useEffect(() => {
    if (!storedKey) return;
    let active = true;
    joinApi
      .page(storedKey)
      .then((f) => {
        if (!active) return;
        setToken(storedKey);
        setPageFacts(f);
        setState(f.state);
      })
      .catch((err: JoinApiError) => active && setGone(err));
    return () => {
      active = false;
    };
  }, [storedKey]);

  // Live state: admission, messages, cancellation, a replaced link…
  useEffect(() => {
    if (!state) return;
    return followJoinEvents(token, setState, setGone);
    // Follow once per token; later states arrive through the stream itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, Boolean(state)]);

  const onTokenIssued = useCallback(
    (rejoinKey: string | undefined) => {
      if (!rejoinKey) return;
      try {
        localStorage.setItem(REJOIN_KEY_STORAGE + linkToken.slice(0, 24), rejoinKey);
      } catch {
        // Private browsing: the guest can still use this tab.
      }
      setToken(rejoinKey);
    },
    [linkToken],
  );

  // A link that died (now, or while the page was open): what happened and whom to call.
  const deadKind = deadLinkKind(gone?.reason ?? null);
  if (gone && deadKind) {
    return <Guidance kind={deadKind} clinicPhone={gone.clinicPhone ?? pageFacts?.clinicPhone ?? null} />;
  }
  if (problem && !state) {
    if (storedKey && !gone) return <p role="status">Opening your session…</p>;
    return <Guidance kind="not-recognised" message={gone?.message ?? problem.message} clinicPhone={null} />;
  }
  if (gone)
    return (
      <Guidance kind="not-recognised" message={gone.message} clinicPhone={pageFacts?.clinicPhone ?? null} />
    );
  if (!state) return null;

  const status: JoinStatus = joinStatus(state, now);
  const clinicPhone = pageFacts?.clinicPhone ?? null;
  const clinician = pageFacts?.clinicianFirstName ?? 'Your clinician';
  const timeZone = pageFacts?.timeZone ?? 'Australia/Sydney';
  const isGuest = state.role === 'guest';

  // Inside an app's browser, the way out comes first: the patient may yet try here.
  if (canCall === false && step !== 'in-app')
    return <Guidance kind="unsupported" clinicPhone={clinicPhone} />;
  if (status !== 'open' && status !== 'early') {
    return <Guidance kind={status} clinicPhone={clinicPhone} closesAt={state.closesAt} timeZone={timeZone} />;
  }

  const early = status === 'early';
  const consentDone = isGuest || Boolean(state.consent?.recorded);

  return (
    <VideoAudienceProvider value={{ reader: 'patient', clinicPhone }}>
      <div className="flex flex-col gap-5">
        {!facts && pageFacts ? (
          <p className="text-lg">
            With {pageFacts.clinicianFirstName} at {pageFacts.clinicName}. You’re using this browser’s guest
            pass.
          </p>
        ) : null}
        {early ? (
          <Countdown
            startsAt={state.startsAt}
            opensAt={state.opensAt}
            now={now}
            timeZone={timeZone}
            clinicPhone={clinicPhone}
          />
        ) : null}

        {step === 'in-app' ? (
          inApp ? (
            <InAppBrowserGuidance
              inApp={inApp}
              url={linkUrl()}
              clinicPhone={clinicPhone}
              onContinue={() => setStep('welcome')}
            />
          ) : null
        ) : step === 'welcome' ? (
          <section aria-labelledby="ready-heading" className="flex flex-col gap-3">
            <StepHeading id="ready-heading" focus={moved}>
              Get ready
            </StepHeading>
            <p>
              First we’ll check your camera, microphone and sound
              {isGuest ? '' : ', then ask for your consent'}. Then you wait in the waiting room until{' '}
              {clinician} lets you in.
            </p>
            <Button className="self-start text-base" onClick={() => setStep('check')}>
              Check my camera and sound
            </Button>
          </section>
        ) : (
          <JoinMedia
            step={step}
            token={token}
            appointmentId={state.appointmentId}
            role={state.role}
            clinician={clinician}
            admitted={isGuest || state.waiting?.status === 'ADMITTED'}
            open={!early}
            onContinue={() => setStep(consentDone ? 'waiting' : 'consent')}
            onTokenIssued={onTokenIssued}
            consent={
              <ConsentForm
                token={token}
                clinician={clinician}
                onDone={(location) => {
                  setState((s) => (s ? { ...s, consent: { recorded: true, location } } : s));
                  setStep('waiting');
                }}
              />
            }
            waiting={
              isGuest ? null : (
                <WaitingRoom
                  token={token}
                  state={state}
                  clinician={clinician}
                  open={!early}
                  timeZone={timeZone}
                />
              )
            }
          />
        )}
      </div>
    </VideoAudienceProvider>
  );
}

/** The link as the patient opened it, to paste into another browser. */
function linkUrl(): string {
  return typeof window === 'undefined' ? '' : window.location.href;
}

/** The clock, ticking every second (the countdown and the window moving on by themselves). */
function useClock(initial: number): number {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const timer = setInterval(tick, 1000);
    const first = setTimeout(tick, 0);
    return () => {
      clearInterval(timer);
      clearTimeout(first);
    };
  }, []);
  return now;
}

const noSubscribe = () => () => {};

/** null on the server and in the first render; then whether this browser can make calls at all. */
function useBrowserCanCall(): boolean | null {
  return useSyncExternalStore(
    noSubscribe,
    () => browserCanCall(window as never),
    () => null,
  );
}

/** null on the server and in ordinary browsers; the app, when the page is inside one's built-in browser. */
function useInAppBrowser(): InAppBrowser | null {
  const ua = useSyncExternalStore(
    noSubscribe,
    () => navigator.userAgent,
    () => '',
  );
  return ua ? detectInAppBrowser(ua) : null;
}

function useStoredRejoinKey(linkToken: string | null): string | null {
  return useSyncExternalStore(
    noSubscribe,
    () => {
      if (!linkToken) return null;
      try {
        return localStorage.getItem(REJOIN_KEY_STORAGE + linkToken.slice(0, 24));
      } catch {
        return null;
      }
    },
    () => null,
  );
}
