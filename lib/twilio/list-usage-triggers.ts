import 'server-only';

// Every Usage Trigger on the account (the portal's and any made in the Console).
import { twilioClient, type TwilioClient } from './client';
import { toTwilioError } from './errors';
import { toTrigger, type UsageTrigger } from './usage-trigger';

export async function listUsageTriggers(client: TwilioClient = twilioClient()): Promise<UsageTrigger[]> {
  try {
    return (await client.usage.triggers.list({ pageSize: 1000, limit: 1000 })).map(toTrigger);
  } catch (err) {
    throw toTwilioError(err);
  }
}
