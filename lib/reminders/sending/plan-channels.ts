// The channels a patient can be messaged on now: their consent and opt-outs
// (choose-channels.ts) with this deployment's senders and the clinic's settings.
import 'server-only';

import type { Prisma } from '@/lib/db/generated/client';
import { env } from '@/lib/env';

import { chooseChannels, type ChannelPatient, type ChannelPlan } from './choose-channels';
import type { ReminderConfig } from '../templates/get-reminder-config';

/** The patient columns chooseChannels reads. */
export const channelPatientSelect = {
  mobile: true,
  preferredChannel: true,
  messagingConsentAt: true,
  whatsappConsent: true,
  whatsappOptOutAt: true,
  smsOptOutAt: true,
} as const satisfies Prisma.PatientSelect;

export function planChannels(
  patient: ChannelPatient,
  config: Pick<ReminderConfig, 'whatsappEnabled'>,
  whatsappContentSid: string | null | undefined,
): ChannelPlan {
  const e = env();
  return chooseChannels(patient, {
    whatsappFrom: e.TWILIO_WHATSAPP_FROM,
    smsFrom: e.TWILIO_PHONE_NUMBER,
    whatsappEnabled: config.whatsappEnabled,
    whatsappContentSid,
  });
}
