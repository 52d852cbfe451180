import type { Metadata } from 'next';
import Link from 'next/link';

import { formatQuantity, formatRate, formatUsd, monthLabel } from '@/components/costs/format-usd';
import { ServiceChart, type ChartPoint } from '@/components/costs/service-chart';
import { Alert } from '@/components/ui/alert';
import { requirePermission } from '@/lib/auth/guards';
import { roleCan } from '@/lib/auth/permissions';
import { rateSources } from '@/lib/costs/default-rates';
import { getCostReport } from '@/lib/costs/get-cost-report';
import { guideAssumptions } from '@/lib/costs/guide-estimate';
import { listBillingAlerts } from '@/lib/costs/list-billing-alerts';
import { costServices, serviceLabels, type CostService } from '@/lib/costs/services';
import { getReadinessSettings } from '@/lib/readiness/get-readiness-settings';
import { emulatorInUse } from '@/lib/twilio/emulator-outbox';

import { AcknowledgeAlertForm } from './_components/acknowledge-alert-form';
import { RatesForm } from './_components/rates-form';
import { ThresholdsForm } from './_components/thresholds-form';

export const metadata: Metadata = { title: 'Costs and billing alerts' };

const cell = 'py-2 pr-4';

export default async function CostsPage() {
  const admin = await requirePermission('costs.read');
  const canEdit = roleCan(admin.role, 'settings.manage');
  const { settings, rates: editable } = await getReadinessSettings(admin.clinicId);
  const report = await getCostReport(editable);
  const alerts = await listBillingAlerts(report.currentMonth);
  const current = report.perMonth[report.currentMonth]!;
  const emulator = emulatorInUse();

  const points = (service: CostService | 'total'): ChartPoint[] =>
    report.months.map((month) => {
      const m = report.perMonth[month]!;
      const isCurrent = month === report.currentMonth;
      if (service === 'total') {
        return {
          month,
          quantity: 0,
          amount: m.costs.total,
          forecast: isCurrent ? report.forecast.total : undefined,
        };
      }
      const line = m.costs.lines.find((l) => l.service === service)!;
      const rate = line.rate;
      return {
        month,
        quantity: line.quantity,
        amount: line.amount,
        forecast: isCurrent && rate !== null ? report.forecast.usage[service] * rate : undefined,
      };
    });

  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-2">
        <p className="text-sm">
          <Link href="/admin" className="text-brand-700 underline underline-offset-4">
            Admin
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Costs and billing alerts</h1>
        <p className="max-w-3xl text-slate-700">
          What the portal used this month and the five before, priced at Twilio’s rates, with a forecast to
          the end of the month and Twilio’s own figures beside them. Months run in UTC, as Twilio bills them.
        </p>
      </div>

      <section aria-labelledby="alerts-heading" className="flex flex-col gap-4">
        <h2 id="alerts-heading" className="text-xl font-semibold">
          Billing alerts
        </h2>
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
      </section>

      <section aria-labelledby="month-heading" className="flex flex-col gap-4">
        <h2 id="month-heading" className="text-xl font-semibold">
          {monthLabel(report.currentMonth, 'long')}: {formatUsd(current.costs.total)} so far, about{' '}
          {formatUsd(report.forecast.total)} by month end
        </h2>
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
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] text-left text-sm">
            <caption className="sr-only">
              This month by service: the portal’s figures, Twilio’s, and the difference
            </caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className={cell}>
                  Service
                </th>
                <th scope="col" className={cell}>
                  Used (portal)
                </th>
                <th scope="col" className={cell}>
                  Rate
                </th>
                <th scope="col" className={cell}>
                  Cost (portal)
                </th>
                <th scope="col" className={cell}>
                  Forecast
                </th>
                <th scope="col" className={cell}>
                  Twilio’s figure
                </th>
                <th scope="col" className="py-2">
                  Difference
                </th>
              </tr>
            </thead>
            <tbody>
              {report.comparison.map((row) => {
                const service = row.service;
                const line =
                  service === 'total' ? null : current.costs.lines.find((l) => l.service === service)!;
                const forecast =
                  service === 'total'
                    ? report.forecast.total
                    : line?.rate != null
                      ? report.forecast.usage[service] * line.rate
                      : null;
                return (
                  <tr
                    key={service}
                    className={`border-b border-slate-200 ${service === 'total' ? 'font-semibold' : ''}`}
                  >
                    <th scope="row" className={`${cell} font-medium`}>
                      {service === 'total' ? 'Total' : serviceLabels[service].name}
                    </th>
                    <td className={cell}>
                      {service === 'total'
                        ? ''
                        : `${formatQuantity(row.portalQuantity)} ${serviceLabels[service].unit}`}
                    </td>
                    <td className={cell}>{line ? formatRate(line.rate) : ''}</td>
                    <td className={cell}>{formatUsd(row.portalAmount)}</td>
                    <td className={cell}>{formatUsd(forecast)}</td>
                    <td className={cell}>
                      {formatUsd(row.twilioAmount)}
                      {row.twilioQuantity !== null && service !== 'total'
                        ? ` (${formatQuantity(row.twilioQuantity)})`
                        : ''}
                    </td>
                    <td className="py-2">{formatUsd(row.difference)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
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
      </section>

      <section aria-labelledby="charts-heading" className="flex flex-col gap-4">
        <h2 id="charts-heading" className="text-xl font-semibold">
          By service, month by month
        </h2>
        <p className="text-sm text-slate-700">Dashed outline: the forecast to the end of this month.</p>
        <div className="grid gap-4 md:grid-cols-2">
          <ServiceChart id="chart-total" title="All services" unit="USD" points={points('total')} />
          {costServices.map((s) => (
            <ServiceChart
              key={s}
              id={`chart-${s}`}
              title={serviceLabels[s].name}
              unit={serviceLabels[s].unit}
              points={points(s)}
            />
          ))}
        </div>
      </section>

      <section aria-labelledby="guide-heading" className="flex flex-col gap-4">
        <h2 id="guide-heading" className="text-xl font-semibold">
          The go-live guide’s estimate, recomputed
        </h2>
        <p className="max-w-3xl text-slate-700">
          The guide priced 50–100 sessions, 200–400 WhatsApp reminders, 50–100 SMS and one number a month, but
          counted video per minute of room time rather than per participant-minute, and WhatsApp as free. With
          Twilio’s pricing model ({guideAssumptions.sessionMinutes}-minute sessions with{' '}
          {guideAssumptions.participantsPerSession} people, Twilio’s and Meta’s WhatsApp fees,{' '}
          {guideAssumptions.segmentsPerSms}-segment SMS) and today’s rates:
        </p>
        <table className="w-full max-w-2xl text-left text-sm">
          <caption className="sr-only">The guide’s monthly estimate beside the recomputed one</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className={cell}>
                Scenario
              </th>
              <th scope="col" className={cell}>
                The guide’s way
              </th>
              <th scope="col" className="py-2">
                Twilio’s pricing model
              </th>
            </tr>
          </thead>
          <tbody>
            {(['low', 'high'] as const).map((k) => {
              const g = report.guide[k];
              return (
                <tr key={k} className="border-b border-slate-200">
                  <th scope="row" className={`${cell} font-medium`}>
                    {g.scenario.sessions} sessions, {g.scenario.whatsapp} WhatsApp, {g.scenario.sms} SMS
                  </th>
                  <td className={cell}>{formatUsd(g.guide.total)}</td>
                  <td className="py-2">{formatUsd(g.real.total)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="rates-heading" className="flex flex-col gap-4">
        <h2 id="rates-heading" className="text-xl font-semibold">
          Rates
        </h2>
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
      </section>
    </div>
  );
}
