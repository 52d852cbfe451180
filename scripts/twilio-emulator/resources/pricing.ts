// pricing.twilio.com v1: Messaging and PhoneNumbers prices for a country. The
// figures are the emulator's (pricing-figures.ts: plausible Australian prices,
// not Twilio's price list); other countries are 20404 here. Twilio sends the
// prices as strings, which its OpenAPI file marks with x-twilio.overrideType.
import { emulatorPricing, type CountryPricing } from '../pricing-figures';
import { apiErrors } from '../twilio-api-error';
import type { Router } from '../router';
import { addItemRoutes, type ItemRoute, type RegisterResource } from './resource';

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

/** Adds GET of a country's prices for one product, wrapped as Twilio's Pricing API answers them. */
function addCountryPrices(
  router: Router,
  product: 'Messaging' | 'PhoneNumbers',
  prices: (pricing: CountryPricing) => Record<string, unknown>,
): void {
  const item: ItemRoute<[string, CountryPricing]> = {
    product: 'pricing',
    path: `/v1/${product}/Countries/{IsoCountry}`,
    find: ({ params, path }) => country(params.IsoCountry, path),
  };
  addItemRoutes(router, item, ([iso, pricing]) => ({
    country: pricing.country,
    iso_country: iso,
    ...prices(pricing),
    price_unit: 'USD',
    url: `${pricingBase}/${product}/Countries/${iso}`,
  }));
}

export const registerPricing: RegisterResource = (router) => {
  // GET /v1/Messaging/Countries/{IsoCountry} – SMS prices per carrier and number type
  addCountryPrices(router, 'Messaging', (pricing) => ({
    outbound_sms_prices: pricing.outboundSms.map((c) => ({
      carrier: c.carrier,
      mcc: c.mcc,
      mnc: c.mnc,
      prices: priceList(c.prices),
    })),
    inbound_sms_prices: priceList(pricing.inboundSms),
  }));

  // GET /v1/PhoneNumbers/Countries/{IsoCountry} – monthly rent per number type
  addCountryPrices(router, 'PhoneNumbers', (pricing) => ({
    phone_number_prices: priceList(pricing.phoneNumbers),
  }));
};
