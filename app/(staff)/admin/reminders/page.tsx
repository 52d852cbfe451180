import type { Metadata } from 'next';
import Link from 'next/link';

import { Breadcrumb } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { requirePermission } from '@/lib/auth/guards';
import { env } from '@/lib/env';
import { portalBaseUrl } from '@/lib/reminders/status/message-callback-url';
import { getReminderConfig } from '@/lib/reminders/templates/get-reminder-config';
import {
  NOTICE_WHATSAPP_VARIABLE_HELP,
  reminderTemplateValues,
  WHATSAPP_VARIABLE_HELP,
  type NoticeKind,
  type ReminderKind,
} from '@/lib/reminders/templates/render-template';
import { addDays, todayIn, zonedTimeToUtc } from '@/lib/time/clinic-time';

import {
  saveChangeNoticeTemplateAction,
  saveReminderSettingsAction,
  saveReminderTemplateAction,
} from './actions';
import { ReminderSettingsForm } from './_components/reminder-settings-form';
import { TemplateEditor } from './_components/template-editor';

export const metadata: Metadata = { title: 'Reminder settings' };

const kinds: { kind: ReminderKind; title: string }[] = [
  { kind: 'TELEHEALTH', title: 'Telehealth appointments' },
  { kind: 'IN_PERSON', title: 'In-person appointments' },
];

const notices: { notice: NoticeKind; kind: ReminderKind; title: string }[] = [
  { notice: 'MOVED', kind: 'TELEHEALTH', title: 'Moved: telehealth' },
  { notice: 'MOVED', kind: 'IN_PERSON', title: 'Moved: in person' },
  { notice: 'CANCELLED', kind: 'TELEHEALTH', title: 'Cancelled: telehealth' },
  { notice: 'CANCELLED', kind: 'IN_PERSON', title: 'Cancelled: in person' },
];

// Admins: when reminders go, quiet hours, and the message templates (SMS text
// with a live preview, and the WhatsApp Content template each maps to).
export default async function ReminderSettingsPage() {
  const user = await requirePermission('settings.manage');
  const config = await getReminderConfig(user.clinicId, { fresh: true });
  const e = env();
  // A sample appointment a week out at 10:30 on the clinic's clock, with a join link of real length.
  const sampleDay = addDays(todayIn(config.clinicTimeZone), 7);
  const sampleStart = zonedTimeToUtc(sampleDay, '10:30', config.clinicTimeZone);
  const startsAt = sampleStart.ok ? sampleStart.date : new Date();
  const sample = (kind: ReminderKind, notice: NoticeKind | null = null) =>
    reminderTemplateValues({
      clinicName: config.clinicName,
      clinicPhone: config.clinicPhone,
      startsAt,
      timeZone: config.clinicTimeZone,
      joinUrl:
        kind === 'TELEHEALTH' && notice !== 'CANCELLED'
          ? `${portalBaseUrl()}/join/jl_cm3x7k2p90000abcd1234efgh.${'A1b2C3d4E5'.repeat(4)}xyz`
          : null,
    });

  return (
    <div className="flex flex-col gap-8">
      <Breadcrumb href="/admin">Admin</Breadcrumb>
      <h1 className="text-2xl font-bold">Reminder settings</h1>

      <Section id="policy" title="Policy">
        <p className="text-sm text-slate-700">
          Every new appointment gets these reminders. Existing reminders keep their times until the
          appointment is moved.
        </p>
        <ReminderSettingsForm
          action={saveReminderSettingsAction}
          defaults={{
            offsetsHours: config.offsetsMinutes
              .map((m) => String(Math.round((m / 60) * 100) / 100))
              .join(', '),
            quietStart: config.quietHours.start,
            quietEnd: config.quietHours.end,
            whatsappEnabled: config.whatsappEnabled,
          }}
        />
        {!e.TWILIO_WHATSAPP_FROM ? (
          <p className="text-sm text-amber-900" role="note">
            TWILIO_WHATSAPP_FROM is not set, so every reminder goes by SMS.
          </p>
        ) : null}
      </Section>

      <Section id="templates" title="Templates" className="flex flex-col gap-4">
        <div className="rounded-md border border-slate-200 bg-white p-4 text-sm text-slate-800">
          <p>
            WhatsApp only allows approved templates for reminders. Create one in Twilio&rsquo;s Content
            Template Builder with these variables, then paste its ContentSid below:
          </p>
          <ul className="mt-2 list-disc pl-5">
            {WHATSAPP_VARIABLE_HELP.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="mt-2">Include &ldquo;Reply STOP to opt out&rdquo; in the approved text.</p>
        </div>
        {kinds.map(({ kind, title }) => (
          <section
            key={kind}
            aria-labelledby={`template-${kind}`}
            className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
          >
            <h3 id={`template-${kind}`} className="font-semibold">
              {title}
              {config.templates[kind].saved ? '' : ' (default text)'}
            </h3>
            <TemplateEditor
              kind={kind}
              action={saveReminderTemplateAction.bind(null, kind)}
              defaults={{
                smsBody: config.templates[kind].smsBody,
                whatsappContentSid: config.templates[kind].whatsappContentSid ?? '',
              }}
              sample={sample(kind)}
            />
          </section>
        ))}
      </Section>

      <Section id="notices" title="Change notices" className="flex flex-col gap-4">
        <div className="rounded-md border border-slate-200 bg-white p-4 text-sm text-slate-800">
          <p>
            When staff move or cancel an appointment (with &ldquo;Notify the patient&rdquo; ticked), the
            patient gets one of these a few minutes after the last change, by the same channels and rules as
            reminders. A moved telehealth appointment keeps its join link. In the patient&rsquo;s quiet hours
            a notice waits until they end, unless that would leave under two hours before the appointment.
          </p>
          {config.clinicPhone ? null : (
            <p className="mt-2 font-semibold text-amber-900">
              No clinic phone is set, so cancellations cannot say whom to call: add it under{' '}
              <Link href="/admin/clinic" className="underline underline-offset-2">
                Clinic details
              </Link>
              .
            </p>
          )}
          <p className="mt-2">Their WhatsApp templates use the same four variables:</p>
          <ul className="mt-2 list-disc pl-5">
            {NOTICE_WHATSAPP_VARIABLE_HELP.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
        {notices.map(({ notice, kind, title }) => (
          <section
            key={`${notice}-${kind}`}
            aria-labelledby={`notice-${notice}-${kind}`}
            className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
          >
            <h3 id={`notice-${notice}-${kind}`} className="font-semibold">
              {title}
              {config.noticeTemplates[notice][kind].saved ? '' : ' (default text)'}
            </h3>
            <TemplateEditor
              kind={kind}
              notice={notice}
              action={saveChangeNoticeTemplateAction.bind(null, notice, kind)}
              defaults={{
                smsBody: config.noticeTemplates[notice][kind].smsBody,
                whatsappContentSid: config.noticeTemplates[notice][kind].whatsappContentSid ?? '',
              }}
              sample={sample(kind, notice)}
            />
          </section>
        ))}
      </Section>
    </div>
  );
}
