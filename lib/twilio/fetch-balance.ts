import 'server-only';

// The account's remaining credit (Balance API). Twilio sends it as a string.
import { twilioClient, type TwilioClient } from './client';
import { toTwilioError } from './errors';

export interface TwilioBalance {
  amount: number;
  currency: string;
}

export async function fetchBalance(client: TwilioClient = twilioClient()): Promise<TwilioBalance> {
  try {
    const balance = await client.balance.fetch();
    return { amount: Number(balance.balance), currency: balance.currency.toUpperCase() };
  } catch (err) {
    throw toTwilioError(err);
  }
}
