import { notFound } from 'next/navigation';

import { Alert } from '@/components/ui/alert';
import { DataTable } from '@/components/ui/data-table';
import { requirePermission } from '@/lib/auth/guards';
import { zoneAbbreviation } from '@/lib/reminders/templates/render-template';
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
        <DataTable
          dense
          region="Messages"
          className="min-w-full"
          caption={<>Messages accepted by the emulator, newest first; times in the clinic&rsquo;s timezone</>}
          rows={messages}
          rowKey={(m) => m.sid}
          rowClassName={() => 'align-top'}
          columns={[
            {
              key: 'sent',
              header: 'Sent',
              className: 'whitespace-nowrap',
              cell: (m) => <time dateTime={m.dateCreated}>{clinicTime(m.dateCreated, timeZone)}</time>,
            },
            {
              key: 'channel',
              header: 'Channel',
              cell: (m) => (m.to.startsWith('whatsapp:') ? 'WhatsApp' : 'SMS'),
            },
            {
              key: 'to',
              header: 'To',
              className: 'whitespace-nowrap',
              cell: (m) => m.to.replace(/^whatsapp:/, ''),
            },
            {
              key: 'message',
              header: 'Message',
              cell: (m) => (
                <>
                  {m.body ? <span className="whitespace-pre-wrap">{m.body}</span> : null}
                  {m.contentSid ? (
                    <span className="block text-slate-600">Template {m.contentSid}</span>
                  ) : null}
                  {m.contentVariables ? (
                    <span className="block text-slate-600" data-testid="outbox-variables">
                      {templateVariables(m.contentVariables)}
                    </span>
                  ) : null}
                </>
              ),
            },
            {
              key: 'status',
              header: 'Status',
              cell: (m) => (
                <>
                  {m.status}
                  {m.errorCode ? <span className="block text-red-800">Error {m.errorCode}</span> : null}
                </>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
