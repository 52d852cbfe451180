import { notFound } from 'next/navigation';

import { Alert } from '@/components/ui/alert';
import { requirePermission } from '@/lib/auth/guards';
import { zoneAbbreviation } from '@/lib/reminders/render-template';
import { formatInTimeZone } from '@/lib/time/clinic-time';
import { getClinicTimeZone } from '@/lib/time/get-clinic-time-zone';
import { emulatorInUse, fetchEmulatorOutbox, type OutboxEntry } from '@/lib/twilio/emulator-outbox';

export const metadata = { title: 'Development outbox' };

/** "5 Dec 2026, 10:03 am AEDT": the clinic's clock, zone named, like every other page. */
function clinicTime(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatInTimeZone(d, timeZone, 'd MMM yyyy, h:mm aaa')} ${zoneAbbreviation(d, timeZone)}`;
}

/** A WhatsApp template's variables as "{{1}} … · {{2}} …", or the raw text when it is not JSON. */
function templateVariables(json: string): string {
  try {
    const vars = JSON.parse(json) as Record<string, unknown>;
    return Object.entries(vars)
      .map(([k, v]) => `{{${k}}} ${String(v)}`)
      .join(' · ');
  } catch {
    return json;
  }
}

// Messages the local Twilio emulator accepted: what patients would have
// received. Exists only while the portal talks to an emulator.
export default async function OutboxPage() {
  const user = await requirePermission('outbox.read');
  if (!emulatorInUse()) notFound();
  const timeZone = await getClinicTimeZone(user.clinicId);

  let messages: OutboxEntry[] = [];
  let failed = false;
  try {
    messages = await fetchEmulatorOutbox();
  } catch {
    failed = true;
  }

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold">Development outbox</h1>
        <p className="text-slate-700">
          The portal is connected to the local Twilio emulator. Nothing here reached a phone: these are the
          messages Twilio would have sent. Times are in the clinic&rsquo;s timezone (
          {timeZone.replaceAll('_', ' ')}).
        </p>
      </div>
      {failed ? (
        <Alert tone="error" title="The emulator did not answer">
          Is <code>npm run dev</code> still running? Reload this page once it is.
        </Alert>
      ) : messages.length === 0 ? (
        <Alert tone="info" title="No messages yet">
          Messages appear here as soon as the portal sends them.
        </Alert>
      ) : (
        // Focusable, so a keyboard user can scroll a table wider than the screen.
        <div
          className="overflow-x-auto rounded-md border border-slate-200 bg-white"
          role="region"
          aria-label="Messages"
          tabIndex={0}
        >
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">
              Messages accepted by the emulator, newest first; times in the clinic&rsquo;s timezone
            </caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Sent
                </th>
                <th scope="col" className="px-3 py-2">
                  Channel
                </th>
                <th scope="col" className="px-3 py-2">
                  To
                </th>
                <th scope="col" className="px-3 py-2">
                  Message
                </th>
                <th scope="col" className="px-3 py-2">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.sid} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2 whitespace-nowrap">
                    <time dateTime={m.dateCreated}>{clinicTime(m.dateCreated, timeZone)}</time>
                  </td>
                  <td className="px-3 py-2">{m.to.startsWith('whatsapp:') ? 'WhatsApp' : 'SMS'}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{m.to.replace(/^whatsapp:/, '')}</td>
                  <td className="px-3 py-2">
                    {m.body ? <span className="whitespace-pre-wrap">{m.body}</span> : null}
                    {m.contentSid ? (
                      <span className="block text-slate-600">Template {m.contentSid}</span>
                    ) : null}
                    {m.contentVariables ? (
                      <span className="block text-slate-600" data-testid="outbox-variables">
                        {templateVariables(m.contentVariables)}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    {m.status}
                    {m.errorCode ? <span className="block text-red-800">Error {m.errorCode}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
