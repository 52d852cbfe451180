// pricing.twilio.com v1: Messaging and PhoneNumbers prices for a country. The
// figures are the emulator's (pricing-figures.ts: plausible Australian prices,
// not Twilio's price list); other countries are 20404 here. Twilio sends the
// prices as strings, which its OpenAPI file marks with x-twilio.overrideType.
import { emulatorPricing, type CountryPricing } from '../pricing-figures';
import { apiErrors } from '../twilio-api-error';
import type { RegisterResource } from './resource';

const pricingBase = 'https://pricing.twilio.com/v1';

function priceList(prices: Record<string, string>): Array<Record<string, string>> {
  return Object.entries(prices).map(([numberType, price]) => ({
    number_type: numberType,
    base_price: price,
    current_price: price,
  }));
}

function country(iso: string | undefined, path: string): [string, CountryPricing] {
  const code = (iso ?? '').toUpperCase();
  const pricing = emulatorPricing[code];
  if (!pricing) throw apiErrors.notFound(path);
  return [code, pricing];
}

export const registerPricing: RegisterResource = (router) => {
  // GET /v1/Messaging/Countries/{IsoCountry} – SMS prices per carrier and number type
  router.add({
    product: 'pricing',
    method: 'get',
    path: '/v1/Messaging/Countries/{IsoCountry}',
    handle: ({ params, path }) => {
      const [iso, pricing] = country(params.IsoCountry, path);
      return {
        status: 200,
        body: {
          country: pricing.country,
          iso_country: iso,
          outbound_sms_prices: pricing.outboundSms.map((c) => ({
            carrier: c.carrier,
            mcc: c.mcc,
            mnc: c.mnc,
            prices: priceList(c.prices),
          })),
          inbound_sms_prices: priceList(pricing.inboundSms),
          price_unit: 'USD',
          url: `${pricingBase}/Messaging/Countries/${iso}`,
        },
      };
    },
  });

  // GET /v1/PhoneNumbers/Countries/{IsoCountry} – monthly rent per number type
  router.add({
    product: 'pricing',
    method: 'get',
    path: '/v1/PhoneNumbers/Countries/{IsoCountry}',
    handle: ({ params, path }) => {
      const [iso, pricing] = country(params.IsoCountry, path);
      return {
        status: 200,
        body: {
          country: pricing.country,
          iso_country: iso,
          phone_number_prices: priceList(pricing.phoneNumbers),
          price_unit: 'USD',
          url: `${pricingBase}/PhoneNumbers/Countries/${iso}`,
        },
      };
    },
  });
};
