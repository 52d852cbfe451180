import type { Metadata } from 'next';

import { formatInTimeZone } from '@/lib/time/clinic-time';
import { getJoinPage } from '@/lib/video/links/get-join-page';

import { deadLinkKind } from './_components/dead-link-kind';
import { Guidance } from './_components/guidance';
import { JoinFlow } from './_components/join-flow';

export const metadata: Metadata = { title: 'Join your appointment' };

// The page a patient (or a guest) opens from the clinic's message. Phone
// first; no account and nothing to install. The first screen (clinic,
// clinician's first name, time in the patient's timezone) is rendered here on
// the server so it shows at once; the steps after it are client components,
// and twilio-video loads only after the page is interactive. A dead link
// (withdrawn, replaced, expired, appointment cancelled) shows only what
// happened and the clinic's phone number.
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const page = await getJoinPage(token);

  // A dead link shows what happened and the clinic's number, nothing about the appointment.
  if (page.kind === 'dead') {
    return (
      <Shell clinicName={null}>
        <h1 className="text-2xl font-bold">We couldn’t open this link</h1>
        <Guidance kind={deadLinkKind(page.code) ?? 'not-recognised'} clinicPhone={page.clinicPhone} />
      </Shell>
    );
  }
  if (page.kind !== 'ok') {
    return (
      <Shell clinicName={null}>
        <h1 className="text-2xl font-bold">
          {page.kind === 'guest-link-used' ? 'Join a video session' : 'We couldn’t open this link'}
        </h1>
        <JoinFlow token={token} facts={null} problem={page} serverNow={new Date().getTime()} />
      </Shell>
    );
  }

  const { facts } = page;
  const starts = new Date(facts.state.startsAt);
  const city = facts.timeZone.split('/').pop()?.replace(/_/g, ' ') ?? facts.timeZone;
  const when = `${formatInTimeZone(starts, facts.timeZone, 'EEEE d MMMM')} at ${formatInTimeZone(starts, facts.timeZone, 'h:mm aaa')}`;
  return (
    <Shell clinicName={facts.clinicName}>
      <h1 className="text-2xl font-bold leading-tight">
        {facts.state.role === 'guest'
          ? `Join a video session with ${facts.clinicianFirstName}`
          : `Your video appointment with ${facts.clinicianFirstName}`}
      </h1>
      <p className="text-lg">
        {when} <span className="text-slate-700">({city} time)</span>
      </p>
      <p className="text-slate-700">No account or app needed: everything happens in this page.</p>
      <JoinFlow
        token={token}
        facts={{ ...facts, whenText: when, city }}
        problem={null}
        serverNow={new Date().getTime()}
      />
    </Shell>
  );
}

function Shell({ clinicName, children }: { clinicName: string | null; children: React.ReactNode }) {
  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 bg-white">
        <p className="mx-auto max-w-2xl px-4 py-3 font-semibold text-brand-800">
          {clinicName ?? 'Telehealth'}
        </p>
      </header>
      <main id="main" className="mx-auto flex max-w-2xl flex-col gap-4 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
