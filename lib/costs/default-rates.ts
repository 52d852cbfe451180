// The rates the cost estimate uses, in USD, with where each came from. SMS and
// phone-number prices come from Twilio's Pricing API for Australia when it can
// be reached; the others are not in that API, so an admin keeps them current
// on the costs page. Defaults recorded 2025–2026 from the sources named.
import type { CostService } from './services';

export interface Rates {
  /** Per participant-minute: a 50-minute session with two people is 100. */
  videoParticipantMinute: number;
  /** Twilio's fee per WhatsApp message, inbound or outbound. */
  whatsappMessage: number;
  /** Meta's fee per utility template delivered outside a 24-hour customer-service window. */
  whatsappUtilityTemplate: number;
  /** Twilio's fee for a message that ends in status failed. */
  failedMessage: number;
  /** Per SMS segment to an Australian mobile: Pricing API; null when unknown. */
  smsSegment: number | null;
  /** Monthly rent of one Australian mobile number: Pricing API; null when unknown. */
  phoneNumberMonthly: number | null;
}

/** The rates an admin edits (the Pricing API supplies the rest). */
export type EditableRates = Pick<
  Rates,
  'videoParticipantMinute' | 'whatsappMessage' | 'whatsappUtilityTemplate' | 'failedMessage'
>;

export const defaultEditableRates: EditableRates = {
  videoParticipantMinute: 0.004,
  whatsappMessage: 0.005,
  whatsappUtilityTemplate: 0.0157,
  failedMessage: 0.001,
};

export const rateSources: Record<keyof Rates, string> = {
  videoParticipantMinute:
    'Twilio Video pricing, group rooms: 0.004 USD per participant-minute (twilio.com/en-us/video/pricing, 2025–2026).',
  whatsappMessage:
    'Twilio WhatsApp pricing: 0.005 USD per message, inbound or outbound (twilio.com/en-us/whatsapp/pricing, 2025–2026).',
  whatsappUtilityTemplate:
    'Meta’s per-message rate for utility templates to Australian numbers, charged since 1 July 2025 outside a 24-hour customer-service window (developers.facebook.com/docs/whatsapp/pricing). 0.0157 USD is our recorded figure: check it against Meta’s current rate card.',
  failedMessage:
    'Twilio’s failed message processing fee: 0.001 USD per message that ends failed (2025–2026).',
  smsSegment:
    'Twilio Pricing API, Messaging/Countries/AU: the highest outbound price to an Australian mobile.',
  phoneNumberMonthly: 'Twilio Pricing API, PhoneNumbers/Countries/AU: monthly rent of a mobile number.',
};

/** Which rate prices which service. */
export const rateFor: Record<CostService, keyof Rates> = {
  video: 'videoParticipantMinute',
  whatsapp: 'whatsappMessage',
  whatsappTemplates: 'whatsappUtilityTemplate',
  sms: 'smsSegment',
  failed: 'failedMessage',
  numbers: 'phoneNumberMonthly',
};
