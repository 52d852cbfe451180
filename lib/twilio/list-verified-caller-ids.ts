import 'server-only';

// Verified caller IDs (OutgoingCallerIds): on a Trial account, the only numbers
// Twilio lets it message. E.164 numbers only; names are not read.
import { twilioClient, type TwilioClient } from './client';
import { toTwilioError } from './errors';

export async function listVerifiedCallerIds(client: TwilioClient = twilioClient()): Promise<string[]> {
  try {
    const ids = await client.outgoingCallerIds.list({ pageSize: 1000, limit: 1000 });
    return ids.map((id) => id.phoneNumber);
  } catch (err) {
    throw toTwilioError(err);
  }
}
