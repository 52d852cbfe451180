import { describe, expect, it } from 'vitest';

import { eventLabel, messageChannelLabel } from '@/lib/reminders/views/reminder-labels';

const event = (type: string, detail: string | null = null, channel: string | null = null) => ({
  type,
  detail,
  channel,
  errorCode: null,
});

describe('channel labels say what happened', () => {
  it('calls an SMS "Sent by SMS" when SMS was the only channel and "Fell back to SMS" only after WhatsApp failed', () => {
    expect(messageChannelLabel({ channel: 'SMS', isFallback: false })).toBe('Sent by SMS');
    expect(messageChannelLabel({ channel: 'SMS', isFallback: true })).toBe('Fell back to SMS');
    expect(messageChannelLabel({ channel: 'WHATSAPP', isFallback: false })).toBe('WhatsApp');
  });

  it('words the timeline entries the same way, older FALLBACK entries included', () => {
    expect(eventLabel(event('SENT', null, 'SMS'))).toBe('Sent by SMS');
    expect(eventLabel(event('FALLBACK', 'WHATSAPP_FAILED', 'SMS'))).toBe(
      'Fell back to SMS: WhatsApp could not deliver it.',
    );
    expect(eventLabel(event('SMS_ONLY', 'NO_WHATSAPP_CONSENT', 'SMS'))).toBe(
      'SMS only: The patient has not agreed to WhatsApp messages.',
    );
    // Written before SMS_ONLY existed: not a fallback either.
    expect(eventLabel(event('FALLBACK', 'PREFERS_SMS', 'SMS'))).toBe('SMS only: The patient prefers SMS.');
  });

  it('says what a change notice is doing', () => {
    expect(eventLabel(event('SCHEDULED', 'NOTICE_CANCELLED'))).toBe(
      'Notice queued: tells the patient the appointment is cancelled',
    );
    expect(eventLabel(event('REPLACED', 'NOTICE_MOVED'))).toBe(
      'Replaced by a later change: now tells the latest time',
    );
    expect(eventLabel(event('QUIET_HOURS', 'HELD'))).toBe("Held until the patient's quiet hours end");
    expect(eventLabel(event('SKIPPED', 'NOT_NOTIFIED'))).toBe(
      'Skipped: Staff chose not to notify the patient of this change.',
    );
  });
});
