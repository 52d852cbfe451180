import { describe, expect, it } from 'vitest';

import { chooseChannels, type ChannelConfig, type ChannelPatient } from '@/lib/reminders/sending/choose-channels';
import { planReminderTime } from '@/lib/reminders/scheduling/plan-reminder-time';

const patient = (over: Partial<ChannelPatient> = {}): ChannelPatient => ({
  mobile: '+61412345678',
  preferredChannel: 'WHATSAPP',
  messagingConsentAt: new Date('2026-01-01T00:00:00Z'),
  whatsappConsent: true,
  whatsappOptOutAt: null,
  smsOptOutAt: null,
  ...over,
});
const config = (over: Partial<ChannelConfig> = {}): ChannelConfig => ({
  whatsappFrom: 'whatsapp:+61480000002',
  smsFrom: '+61480000001',
  whatsappEnabled: true,
  whatsappContentSid: `HX${'0'.repeat(32)}`,
  ...over,
});

describe('chooseChannels', () => {
  it('tries WhatsApp then SMS for a consenting patient who prefers WhatsApp', () => {
    expect(chooseChannels(patient(), config())).toMatchObject({
      channels: ['WHATSAPP', 'SMS'],
      whatsappUnavailable: null,
      blockedReason: null,
      e164: '+61412345678',
    });
  });

  it('sends nothing without consent to messages', () => {
    expect(chooseChannels(patient({ messagingConsentAt: null }), config())).toMatchObject({
      channels: [],
      blockedReason: 'NO_CONSENT',
    });
  });

  it('refuses a landline and an invalid number, whatever the consent', () => {
    expect(chooseChannels(patient({ mobile: '+61290000000' }), config()).blockedReason).toBe('LANDLINE');
    expect(chooseChannels(patient({ mobile: '+6112' }), config()).blockedReason).toBe('INVALID_MOBILE');
  });

  it.each([
    ['PREFERS_SMS', patient({ preferredChannel: 'SMS' }), config()],
    ['WHATSAPP_NOT_CONFIGURED', patient(), config({ whatsappFrom: undefined })],
    ['WHATSAPP_DISABLED', patient(), config({ whatsappEnabled: false })],
    ['NO_WHATSAPP_CONSENT', patient({ whatsappConsent: false }), config()],
    ['WHATSAPP_OPTED_OUT', patient({ whatsappOptOutAt: new Date() }), config()],
    ['NO_WHATSAPP_TEMPLATE', patient(), config({ whatsappContentSid: null })],
  ] as const)('uses SMS only, saying why, when WhatsApp is out: %s', (reason, p, c) => {
    expect(chooseChannels(p, c)).toMatchObject({
      channels: ['SMS'],
      whatsappUnavailable: reason,
      blockedReason: null,
    });
  });

  it('never uses SMS after an SMS opt-out (WhatsApp alone, no fallback)', () => {
    expect(chooseChannels(patient({ smsOptOutAt: new Date() }), config()).channels).toEqual(['WHATSAPP']);
  });

  it('sends nothing when SMS is opted out and WhatsApp is unavailable, and names the opt-out', () => {
    expect(
      chooseChannels(patient({ smsOptOutAt: new Date(), whatsappConsent: false }), config()),
    ).toMatchObject({
      channels: [],
      blockedReason: 'SMS_OPTED_OUT',
      whatsappUnavailable: 'NO_WHATSAPP_CONSENT',
    });
  });
});

describe('planReminderTime', () => {
  const tz = 'Australia/Sydney';
  const quiet = { start: '20:00', end: '08:00' };
  const startsAt = new Date('2026-06-10T00:00:00Z'); // 10:00 AEST

  it('skips a policy reminder whose time had passed when the appointment was booked', () => {
    const now = new Date('2026-06-09T12:00:00Z');
    expect(
      planReminderTime({ startsAt, offsetMinutes: 24 * 60, timeZone: tz, quietHours: quiet, now }),
    ).toMatchObject({
      ok: false,
      reason: 'TIME_PASSED',
    });
  });

  it('plans the 2-hour reminder at 8:00 am, the first allowed minute, unchanged', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const plan = planReminderTime({ startsAt, offsetMinutes: 120, timeZone: tz, quietHours: quiet, now });
    expect(plan).toMatchObject({ ok: true, moved: false });
    expect(plan.ok && plan.dueAt.toISOString()).toBe('2026-06-09T22:00:00.000Z');
  });

  it('moves a 3-hour reminder (7:00 am) to 7:59 pm the evening before', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const plan = planReminderTime({ startsAt, offsetMinutes: 180, timeZone: tz, quietHours: quiet, now });
    expect(plan.ok && plan.moved).toBe(true);
    expect(plan.ok && plan.dueAt.toISOString()).toBe('2026-06-09T09:59:00.000Z');
  });
});
