// Prices the emulator quotes (Pricing API) and charges (Usage Records). These
// are EMULATOR FIGURES: plausible for Australia, in USD, chosen so that the
// portal's cost maths can be tested end to end. They are not Twilio's price
// list; the portal reads the real one from Twilio's Pricing API in production.

export interface CountryPricing {
  country: string;
  /** Outbound SMS per segment, by carrier and number type. */
  outboundSms: Array<{ carrier: string; mcc: string; mnc: string; prices: Record<string, string> }>;
  inboundSms: Record<string, string>;
  /** Monthly rent per phone number type. */
  phoneNumbers: Record<string, string>;
}

export const emulatorPricing: Record<string, CountryPricing> = {
  AU: {
    country: 'Australia',
    outboundSms: [
      { carrier: 'Telstra', mcc: '505', mnc: '01', prices: { mobile: '0.0515', local: '0.0515' } },
      { carrier: 'Optus', mcc: '505', mnc: '02', prices: { mobile: '0.0515', local: '0.0515' } },
      { carrier: 'Vodafone', mcc: '505', mnc: '03', prices: { mobile: '0.0515', local: '0.0515' } },
    ],
    inboundSms: { mobile: '0.0000', local: '0.0000' },
    phoneNumbers: { local: '3.00', mobile: '6.50', 'toll free': '16.00' },
  },
};

/** Per-unit prices behind the emulator's usage records (USD). */
export const emulatorRates = {
  /** Video group rooms, per participant-minute. */
  participantMinute: 0.004,
  /** Twilio's WhatsApp fee per message, inbound or outbound. */
  whatsappMessage: 0.005,
  /** Meta's fee for a utility template outside a customer-service window (emulator figure for Australia). */
  whatsappUtilityTemplate: 0.0157,
  /** Twilio's fee for a message that ends in status failed. */
  failedMessage: 0.001,
  smsSegment: Number(emulatorPricing.AU?.outboundSms[0]?.prices.mobile ?? '0.0515'),
  phoneNumberMobile: Number(emulatorPricing.AU?.phoneNumbers.mobile ?? '6.50'),
  phoneNumberLocal: Number(emulatorPricing.AU?.phoneNumbers.local ?? '3.00'),
};
