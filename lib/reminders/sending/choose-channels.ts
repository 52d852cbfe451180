// Which channels a reminder may use for this patient, in the order to try
// them, and why any channel is left out. Pure: the sender, the appointment
// panel ("why won't this go on WhatsApp?") and the tests share it.
//
// Rules: nothing without consent to messages; never a channel the patient
// opted out of; WhatsApp needs its own consent, a configured sender, the
// clinic's switch on and an approved template; SMS is the fallback (and the
// only channel for patients who prefer SMS).
import type { ReasonCode } from '../status/reminder-reasons';
import { parseMobile } from '@/lib/phone/parse-mobile';

export type Channel = 'WHATSAPP' | 'SMS';

export interface ChannelPatient {
  mobile: string;
  preferredChannel: Channel;
  messagingConsentAt: Date | null;
  whatsappConsent: boolean;
  whatsappOptOutAt: Date | null;
  smsOptOutAt: Date | null;
}

export interface ChannelConfig {
  whatsappFrom: string | null | undefined;
  smsFrom: string | null | undefined;
  whatsappEnabled: boolean;
  whatsappContentSid: string | null | undefined;
}

export interface ChannelPlan {
  /** Channels to try, in order. Empty: nothing can be sent (see blockedReason). */
  channels: Channel[];
  /** When SMS is used although WhatsApp was wanted: why. */
  whatsappUnavailable: ReasonCode | null;
  /** When SMS cannot be used (so there is no fallback): why. */
  smsUnavailable: ReasonCode | null;
  /** When nothing can be sent at all: why. */
  blockedReason: ReasonCode | null;
  /** E.164 number, when the mobile on file is a valid mobile. */
  e164: string | null;
}

export function chooseChannels(patient: ChannelPatient, config: ChannelConfig): ChannelPlan {
  const parsed = parseMobile(patient.mobile);
  const blocked = (
    reason: ReasonCode,
    whatsappUnavailable: ReasonCode | null = null,
    smsUnavailable: ReasonCode | null = reason,
  ): ChannelPlan => ({
    channels: [],
    whatsappUnavailable,
    smsUnavailable,
    blockedReason: reason,
    e164: parsed.ok ? parsed.e164 : null,
  });
  if (!parsed.ok) return blocked(parsed.reason === 'LANDLINE' ? 'LANDLINE' : 'INVALID_MOBILE');
  if (!patient.messagingConsentAt) return blocked('NO_CONSENT');

  const whatsappUnavailable: ReasonCode | null =
    patient.preferredChannel === 'SMS'
      ? 'PREFERS_SMS'
      : !config.whatsappFrom
        ? 'WHATSAPP_NOT_CONFIGURED'
        : !config.whatsappEnabled
          ? 'WHATSAPP_DISABLED'
          : !patient.whatsappConsent
            ? 'NO_WHATSAPP_CONSENT'
            : patient.whatsappOptOutAt
              ? 'WHATSAPP_OPTED_OUT'
              : !config.whatsappContentSid
                ? 'NO_WHATSAPP_TEMPLATE'
                : null;
  const smsUnavailable: ReasonCode | null = patient.smsOptOutAt
    ? 'SMS_OPTED_OUT'
    : !config.smsFrom
      ? 'SMS_NOT_CONFIGURED'
      : null;

  const channels: Channel[] = [];
  if (!whatsappUnavailable) channels.push('WHATSAPP');
  if (!smsUnavailable) channels.push('SMS');
  if (channels.length === 0) {
    // Say what the patient did (opted out) before what the clinic has not set up.
    return blocked(smsUnavailable ?? 'NO_CHANNEL', whatsappUnavailable, smsUnavailable);
  }
  return { channels, whatsappUnavailable, smsUnavailable, blockedReason: null, e164: parsed.e164 };
}

/** The address Twilio wants for a channel. */
export function channelAddress(channel: Channel, e164: string): string {
  return channel === 'WHATSAPP' ? `whatsapp:${e164}` : e164;
}
