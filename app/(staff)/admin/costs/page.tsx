import type { Metadata } from 'next';

import { formatRate, formatUsd, monthLabel } from '@/components/costs/format-usd';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { requirePermission } from '@/lib/auth/guards';
import { roleCan } from '@/lib/auth/permissions';
import { rateSources } from '@/lib/costs/default-rates';
import { getCostReport } from '@/lib/costs/get-cost-report';
import { guideAssumptions } from '@/lib/costs/guide-estimate';
import { listBillingAlerts } from '@/lib/costs/list-billing-alerts';
import { getReadinessSettings } from '@/lib/readiness/get-readiness-settings';
import { emulatorInUse } from '@/lib/twilio/emulator-outbox';

import { AcknowledgeAlertForm } from './_components/acknowledge-alert-form';
import { GuideEstimateTable } from './_components/guide-estimate-table';
import { MonthComparisonTable } from './_components/month-comparison-table';
import { RatesForm } from './_components/rates-form';
import { ServiceCharts } from './_components/service-charts';
import { ThresholdsForm } from './_components/thresholds-form';

export const metadata: Metadata = { title: 'Costs and billing alerts' };

export default async function CostsPage() {
  const admin = await requirePermission('costs.read');
  const canEdit = roleCan(admin.role, 'settings.manage');
  const { settings, rates: editable } = await getReadinessSettings(admin.clinicId);
  const report = await getCostReport(editable);
  const alerts = await listBillingAlerts(report.currentMonth);
  const current = report.perMonth[report.currentMonth]!;
  const emulator = emulatorInUse();

  return (
    <div className="flex flex-col gap-10">
      <PageHeader
        up={{ href: '/admin', label: 'Admin' }}
        title="Costs and billing alerts"
        className="flex flex-col gap-2"
      >
        <p className="max-w-3xl text-slate-700">
          What the portal used this month and the five before, priced at Twilio’s rates, with a forecast to
          the end of the month and Twilio’s own figures beside them. Months run in UTC, as Twilio bills them.
        </p>
      </PageHeader>

      <Section id="alerts" title="Billing alerts" size="xl" className="flex flex-col gap-4">
        {alerts.length === 0 ? (
          <p className="text-slate-700">
            No threshold crossed in {monthLabel(report.currentMonth, 'long')}. Thresholds:{' '}
            {settings.alertThresholdsUsd.map((t) => `${t} USD`).join(', ')}.
          </p>
        ) : (
          <ul className="flex flex-col gap-2">
            {alerts.map((a) => (
              <li
                key={a.id}
                className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 p-3"
              >
                <span>
                  <strong>{a.thresholdUsd} USD</strong> reached on{' '}
                  {a.firedAt.toLocaleString('en-AU', { dateStyle: 'medium', timeStyle: 'short' })} (
                  {a.source === 'TWILIO_TRIGGER' ? 'reported by Twilio' : 'the portal’s estimate'}:{' '}
                  {formatUsd(a.amountUsd)})
                </span>
                {a.acknowledgedAt ? (
                  <span className="text-sm text-slate-600">Seen</span>
                ) : (
                  <AcknowledgeAlertForm alertId={a.id} thresholdUsd={a.thresholdUsd} />
                )}
              </li>
            ))}
          </ul>
        )}
        {canEdit ? <ThresholdsForm thresholds={settings.alertThresholdsUsd} /> : null}
      </Section>

      <Section
        id="month"
        title={
          <>
            {monthLabel(report.currentMonth, 'long')}: {formatUsd(current.costs.total)} so far, about{' '}
            {formatUsd(report.forecast.total)} by month end
          </>
        }
        size="xl"
        className="flex flex-col gap-4"
      >
        {report.rates.smsSegment === null ? (
          <Alert tone="warning" title="SMS and phone-number prices unavailable">
            Twilio’s Pricing API could not be reached, so SMS and number rent are left unpriced rather than
            guessed. Reload the page to try again.
          </Alert>
        ) : null}
        {report.twilio === null ? (
          <Alert tone="warning" title="Twilio’s own figures unavailable">
            Twilio’s Usage Records could not be read; the portal’s figures are shown alone.
          </Alert>
        ) : null}
        <MonthComparisonTable report={report} />
        <ul className="list-disc pl-5 text-sm text-slate-700">
          <li>
            {report.sources.messageSource === 'reminders'
              ? 'Messages are counted from the reminders the portal sent.'
              : 'The reminders module has no message records yet, so messages count nothing here; Twilio’s figure still shows them.'}
          </li>
          <li>
            Every outbound WhatsApp reminder is counted as a utility template sent outside a 24-hour
            customer-service window, so Meta’s fee applies to each.
          </li>
          {report.sources.segmentsRecorded ? null : (
            <li>
              SMS segments are as Twilio counted them; messages sent before the portal recorded that are
              estimated at {guideAssumptions.segmentsPerSms} segments each (a reminder with its join link).
            </li>
          )}
          <li>
            Phone numbers: the {report.sources.numbers ?? 'unknown'} the account rents now, counted in every
            month.
          </li>
          <li>
            Twilio’s figure includes everything on the account, such as test messages and anything sent
            outside the portal; a difference beyond a few cents is worth a look.
          </li>
        </ul>
      </Section>

      <Section id="charts" title="By service, month by month" size="xl" className="flex flex-col gap-4">
        <p className="text-sm text-slate-700">Dashed outline: the forecast to the end of this month.</p>
        <ServiceCharts report={report} />
      </Section>

      <Section
        id="guide"
        title="The go-live guide’s estimate, recomputed"
        size="xl"
        className="flex flex-col gap-4"
      >
        <p className="max-w-3xl text-slate-700">
          The guide priced 50–100 sessions, 200–400 WhatsApp reminders, 50–100 SMS and one number a month, but
          counted video per minute of room time rather than per participant-minute, and WhatsApp as free. With
          Twilio’s pricing model ({guideAssumptions.sessionMinutes}-minute sessions with{' '}
          {guideAssumptions.participantsPerSession} people, Twilio’s and Meta’s WhatsApp fees,{' '}
          {guideAssumptions.segmentsPerSms}-segment SMS) and today’s rates:
        </p>
        <GuideEstimateTable guide={report.guide} />
      </Section>

      <Section id="rates" title="Rates" size="xl" className="flex flex-col gap-4">
        <p className="max-w-3xl text-sm text-slate-700">
          SMS: {formatRate(report.rates.smsSegment)} per segment; a mobile number:{' '}
          {formatRate(report.rates.phoneNumberMonthly)} a month. {rateSources.smsSegment}{' '}
          {report.pricingFetchedAt
            ? `Read ${report.pricingFetchedAt.toLocaleString('en-AU', { dateStyle: 'medium', timeStyle: 'short' })}.`
            : ''}
          {emulator
            ? ' These come from the local Twilio emulator: emulator figures, not Twilio’s price list.'
            : ''}
        </p>
        {canEdit ? (
          <RatesForm rates={editable} sources={rateSources} />
        ) : (
          <p className="text-sm text-slate-700">Only an admin with settings access can change the rates.</p>
        )}
      </Section>
    </div>
  );
}
