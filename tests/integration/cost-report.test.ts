// The costs page's figures from the portal's own records (video participant-
// minutes from the rooms), priced with Twilio's Pricing API, forecast, and set
// beside Twilio's Usage Records for the same month.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { clearAuRates } from '@/lib/costs/fetch-au-rates';
import { defaultEditableRates } from '@/lib/costs/default-rates';
import { getCostReport, monthToDateEstimate } from '@/lib/costs/get-cost-report';
import { db } from '@/lib/db/client';
import { createTwilioClient } from '@/lib/twilio/client';
import { startTwilioEmulator, type TwilioEmulator } from '@/scripts/twilio-emulator';

import { createClinic, createPatientRow, createUser } from '../helpers/scheduling-fixtures';

const accountSid = 'AC5123456789abcdef0123456789abcdef';
const authToken = '5123456789abcdef0123456789abcdef';
let emulator: TwilioEmulator;
const client = () =>
  createTwilioClient({ accountSid, authToken, emulatorUrl: emulator.url, timeoutMs: 3000 });

const now = new Date();
const thisMonth = now.toISOString().slice(0, 7);
const lastMonthDate = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 12));
const lastMonth = lastMonthDate.toISOString().slice(0, 7);

async function roomWith(participantMinutes: number, startedAt: Date) {
  const clinic = await createClinic();
  const clinician = await createUser(clinic.id, 'CLINICIAN');
  const patient = await createPatientRow(clinic.id);
  const appointment = await db().appointment.create({
    data: {
      clinicianId: clinician.clinicianId!,
      patientId: patient.id,
      startsAt: startedAt,
      endsAt: new Date(startedAt.getTime() + 50 * 60_000),
      kind: 'TELEHEALTH',
    },
  });
  const session = await db().videoSession.create({ data: { appointmentId: appointment.id } });
  await db().videoRoom.create({
    data: {
      sessionId: session.id,
      generation: 1,
      uniqueName: `tp-${Math.random().toString(16).slice(2)}`,
      status: 'COMPLETED',
      mediaRegion: 'au1',
      maxParticipants: 4,
      startedAt,
      participantMinutes,
    },
  });
}

beforeAll(async () => {
  emulator = await startTwilioEmulator({ accountSid, authToken, phoneNumbers: ['+61480000031'] });
  // A 50-minute session with two people (100 participant-minutes) last month, two this month.
  await roomWith(100, lastMonthDate);
  await roomWith(100, new Date(now.getTime() - 60_000));
  await roomWith(96, new Date(now.getTime() - 120_000));
});

beforeEach(() => {
  clearAuRates();
});

afterAll(async () => {
  await emulator?.stop();
});

describe('getCostReport', () => {
  it('adds up participant-minutes per month and prices them, with SMS and rent from the Pricing API', async () => {
    const report = await getCostReport(defaultEditableRates, { now, client });
    expect(report.months).toHaveLength(6);
    expect(report.months.at(-1)).toBe(thisMonth);
    expect(report.rates).toMatchObject({
      smsSegment: 0.0515,
      phoneNumberMonthly: 6.5,
      videoParticipantMinute: 0.004,
    });
    expect(report.perMonth[thisMonth]?.usage).toMatchObject({ video: 196, numbers: 1 });
    expect(report.perMonth[lastMonth]?.usage.video).toBe(100);
    expect(report.perMonth[thisMonth]?.costs.lines.find((l) => l.service === 'video')?.amount).toBe(0.784);
    expect(report.perMonth[thisMonth]?.costs.total).toBe(7.284);
    // Until the reminders tables exist, messages count nothing and the page says so.
    expect(report.sources.messageSource).toMatch(/reminders|none/);
    expect(report.forecast.total).toBeGreaterThanOrEqual(report.perMonth[thisMonth]!.costs.total);
  });

  it('sets Twilio’s own figures for the month beside the portal’s, with the difference', async () => {
    emulator.addUsage({ category: 'group-rooms-participant-minutes', usage: 210, price: 0.84 });
    const report = await getCostReport(defaultEditableRates, { now, client });
    const video = report.comparison.find((r) => r.service === 'video');
    expect(video).toMatchObject({
      portalQuantity: 196,
      twilioQuantity: 210,
      portalAmount: 0.784,
      twilioAmount: 0.84,
      difference: 0.056,
    });
    const total = report.comparison.at(-1);
    expect(total).toMatchObject({ service: 'total', portalAmount: 7.284, twilioAmount: 7.34 });
    expect(total?.difference).toBeCloseTo(0.056, 6);
  });

  it('still reports the portal’s figures, unpriced where needed, when Twilio cannot be reached', async () => {
    emulator.injectFailure({ fault: { type: 'server-error', status: 503 }, always: true });
    try {
      const report = await getCostReport(defaultEditableRates, { now, client });
      expect(report.twilio).toBeNull();
      expect(report.rates.smsSegment).toBeNull();
      expect(report.perMonth[thisMonth]?.usage.video).toBe(196);
      expect(report.comparison.every((r) => r.twilioAmount === null)).toBe(true);
    } finally {
      emulator.clearFailures();
    }
  });

  it('recomputes the go-live guide’s estimate with the real pricing model', async () => {
    const report = await getCostReport(defaultEditableRates, { now, client });
    expect(report.guide.low.guide.total).toBe(19.075);
    expect(report.guide.low.real.total).toBe(35.79);
    expect(report.guide.high.real.total).toBe(65.08);
  });

  it('estimates this month’s spend so far for the billing-alert job', async () => {
    const estimate = await monthToDateEstimate(defaultEditableRates, { now, client });
    expect(estimate).toEqual({ month: thisMonth, total: 7.284, unpriced: [] });
  });

  it('counts WhatsApp messages (with replies), SMS segments (as Twilio counted them, or 2 when not recorded) and failed messages from the reminders’ records', async () => {
    // Three months back, so this month's figures above stay as they are.
    const when = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 15));
    const month = when.toISOString().slice(0, 7);
    const appointment = await db().appointment.findFirstOrThrow({ select: { id: true, patientId: true } });
    const reminder = (n: number) =>
      db().reminder.create({
        data: {
          appointmentId: appointment.id,
          patientId: appointment.patientId,
          source: 'POLICY',
          offsetMinutes: n,
          requestedAt: when,
          dueAt: when,
        },
      });
    const message = (
      reminderId: string,
      channel: 'WHATSAPP' | 'SMS',
      status: 'DELIVERED' | 'FAILED' | 'SENT',
      segments: number | null = null,
    ) =>
      db().reminderMessage.create({
        data: {
          reminderId,
          channel,
          status,
          toAddress: channel === 'SMS' ? '+61491570156' : 'whatsapp:+61491570156',
          fromAddress: 'x',
          claimToken: Math.random().toString(36),
          acceptedAt: status === 'FAILED' ? null : when,
          failedAt: status === 'FAILED' ? when : null,
          segments,
        },
      });
    const r1 = await reminder(1440);
    const r2 = await reminder(120);
    const r3 = await reminder(60);
    await message(r1.id, 'WHATSAPP', 'DELIVERED');
    await message(r2.id, 'WHATSAPP', 'FAILED');
    await message(r2.id, 'SMS', 'DELIVERED');
    await message(r3.id, 'SMS', 'SENT', 3);
    await db().inboundReply.create({
      data: {
        messageSid: `SM${'c'.repeat(32)}`,
        channel: 'WHATSAPP',
        fromAddress: 'whatsapp:+61491570156',
        intent: 'CONFIRM',
        body: 'C',
        receivedAt: when,
      },
    });

    const report = await getCostReport(defaultEditableRates, { now, client });
    expect(report.sources.messageSource).toBe('reminders');
    expect(report.perMonth[month]?.usage).toMatchObject({
      whatsapp: 2,
      whatsappTemplates: 1,
      sms: 5,
      failed: 1,
    });
    expect(report.sources.segmentsRecorded).toBe(false);
  });
});
