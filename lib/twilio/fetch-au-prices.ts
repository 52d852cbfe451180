import 'server-only';

// Australian SMS and phone-number prices from Twilio's Pricing API, in USD.
// Twilio lists SMS prices per carrier and number type; the portal sends to
// mobiles, so it takes the highest mobile price (a cost estimate should not
// come out low).
import { twilioClient, type TwilioClient } from './client';
import { toTwilioError } from './errors';

export interface AuPrices {
  /** Outbound SMS to an Australian mobile, per segment. */
  smsPerSegment: number;
  /** Monthly rent by number type ("mobile", "local", "toll free"). */
  numberMonthly: Record<string, number>;
  currency: string;
}

type RawPrice = {
  numberType?: string;
  currentPrice?: number | string;
  basePrice?: number | string;
  number_type?: string;
  current_price?: number | string;
  base_price?: number | string;
};

function priceOf(raw: RawPrice): { numberType: string | undefined; price: number } {
  const price = raw.currentPrice ?? raw.current_price ?? raw.basePrice ?? raw.base_price;
  return { numberType: raw.numberType ?? raw.number_type, price: Number(price) };
}

export async function fetchAuPrices(client: TwilioClient = twilioClient()): Promise<AuPrices> {
  try {
    const [messaging, numbers] = await Promise.all([
      client.pricing.v1.messaging.countries('AU').fetch(),
      client.pricing.v1.phoneNumbers.countries('AU').fetch(),
    ]);
    // The helper converts the carriers but leaves their price lists as Twilio sent them (snake_case).
    const smsPrices = (messaging.outboundSmsPrices ?? []).flatMap((carrier) =>
      (carrier.prices ?? [])
        .map(priceOf)
        .filter((p) => p.numberType === undefined || p.numberType === 'mobile'),
    );
    const numberMonthly: Record<string, number> = {};
    for (const p of (numbers.phoneNumberPrices ?? []).map(priceOf)) {
      if (p.numberType) numberMonthly[p.numberType] = p.price;
    }
    const finite = smsPrices.map((p) => p.price).filter((n) => Number.isFinite(n));
    if (finite.length === 0) throw new Error('Twilio listed no SMS prices for Australian mobiles');
    return {
      smsPerSegment: Math.max(...finite),
      numberMonthly,
      currency: (messaging.priceUnit ?? 'USD').toUpperCase(),
    };
  } catch (err) {
    throw toTwilioError(err);
  }
}
